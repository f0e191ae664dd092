namespace Storyboard.Functions.Model;

/// <summary>The customization job the workflow is waiting for no longer exists (deleted, or another account or region).</summary>
public sealed class FineTuningJobNotFoundException : Exception
{
    public FineTuningJobNotFoundException() { }

    public FineTuningJobNotFoundException(string message) : base(message) { }

    public FineTuningJobNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}
