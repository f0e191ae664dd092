using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

/// <param name="Parameters">Bucket and Prefix; null when only WriterConfig is given (results stay in the state output).</param>
public sealed record ResultWriterConfig(PayloadTemplate? Parameters, string Transformation, string OutputType, bool HasWriterConfig);
