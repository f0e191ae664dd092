namespace Storyboard.Cli.Tests.Workflow;

/// <summary>A permanent fault injected into one Map child; its name becomes the ASL Error like any handler's.</summary>
public sealed class SegmentFaultException : Exception
{
    public SegmentFaultException() { }

    public SegmentFaultException(string message) : base(message) { }

    public SegmentFaultException(string message, Exception innerException) : base(message, innerException) { }
}
