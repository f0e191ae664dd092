namespace Storyboard.Aws.BedrockRuntime.Models;

/// <summary>A model answered, but not with usable output (unparseable, empty, or an error field).</summary>
public sealed class ModelOutputException : Exception
{
    public ModelOutputException() { }

    public ModelOutputException(string message) : base(message) { }

    public ModelOutputException(string message, Exception innerException) : base(message, innerException) { }
}
