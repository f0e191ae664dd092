using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

public sealed record ItemBatcherConfig(
    long? MaxItemsPerBatch,
    JsonPathExpression? MaxItemsPerBatchPath,
    long? MaxInputBytesPerBatch,
    JsonPathExpression? MaxInputBytesPerBatchPath,
    PayloadTemplate? BatchInput);
