namespace Storyboard.Aws.BedrockRuntime.Models;

/// <summary>A model request broke a documented limit before anything was sent (size, length, range).</summary>
public sealed class InvalidModelRequestException : Exception
{
    public InvalidModelRequestException() { }

    public InvalidModelRequestException(string message) : base(message) { }

    public InvalidModelRequestException(string message, Exception innerException) : base(message, innerException) { }
}
