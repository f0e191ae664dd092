namespace Storyboard.Asl.Tasks;

/// <summary>The mock config file is malformed or does not have the requested state machine or test case.</summary>
public sealed class InvalidMockConfigException : Exception
{
    public InvalidMockConfigException() { }

    public InvalidMockConfigException(string message) : base(message) { }

    public InvalidMockConfigException(string message, Exception innerException) : base(message, innerException) { }
}
