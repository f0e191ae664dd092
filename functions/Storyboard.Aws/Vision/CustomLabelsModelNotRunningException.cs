namespace Storyboard.Aws.Vision;

/// <summary>The configured Rekognition Custom Labels model version is missing or not started.</summary>
public sealed class CustomLabelsModelNotRunningException : Exception
{
    public CustomLabelsModelNotRunningException() { }

    public CustomLabelsModelNotRunningException(string message) : base(message) { }

    public CustomLabelsModelNotRunningException(string message, Exception innerException) : base(message, innerException) { }
}
