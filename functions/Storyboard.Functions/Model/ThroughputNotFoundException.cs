namespace Storyboard.Functions.Model;

/// <summary>The provisioned throughput the workflow is waiting for no longer exists (deleted outside the run).</summary>
public sealed class ThroughputNotFoundException : Exception
{
    public ThroughputNotFoundException() { }

    public ThroughputNotFoundException(string message) : base(message) { }

    public ThroughputNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
