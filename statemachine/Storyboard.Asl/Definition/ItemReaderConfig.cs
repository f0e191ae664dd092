using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

/// <param name="Resource">arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.</param>
/// <param name="InputType">JSON, JSONL or CSV (getObject); null for listObjectsV2.</param>
public sealed record ItemReaderConfig(
    string Resource,
    PayloadTemplate Parameters,
    string? InputType,
    long? MaxItems,
    JsonPathExpression? MaxItemsPath,
    string? CsvHeaderLocation,
    IReadOnlyList<string>? CsvHeaders,
    string? CsvDelimiter);
