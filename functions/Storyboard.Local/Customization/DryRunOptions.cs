namespace Storyboard.Local.Customization;

/// <summary>How the dry run walks the lifecycle and what account it pretends to be.</summary>
/// <param name="JobChecksInProgress">Status checks that report InProgress before the job reports Completed.</param>
/// <param name="ThroughputChecksCreating">Status checks that report Creating before the throughput reports InService.</param>
/// <param name="ExpectedBucket">When set, training data must be in this bucket (the run's own).</param>
/// <param name="JobFailureMessage">When set, the job ends as Failed with this message instead of Completed, to exercise the workflow's failure path.</param>
public sealed record DryRunOptions(
    int JobChecksInProgress = 2,
    int ThroughputChecksCreating = 1,
    string Region = "us-east-1",
    string? ExpectedBucket = null,
    string? JobFailureMessage = null)
{
    /// <summary>No real account has this id, so a dry-run ARN is never mistaken for a real one.</summary>
    public const string AccountId = "000000000000";

    /// <summary>Where the dry run keeps what Bedrock would keep (account-wide, like Bedrock's own names).</summary>
    public const string StatePrefix = "dry-run/bedrock/";
}
