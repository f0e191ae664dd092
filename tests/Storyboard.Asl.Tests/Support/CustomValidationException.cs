namespace Storyboard.Asl.Tests.Support;

/// <summary>A handler failure with a domain name, as the workflow's handlers throw them.</summary>
public sealed class CustomValidationException : Exception
{
    public CustomValidationException() { }

    public CustomValidationException(string message) : base(message) { }

    public CustomValidationException(string message, Exception innerException) : base(message, innerException) { }
}
