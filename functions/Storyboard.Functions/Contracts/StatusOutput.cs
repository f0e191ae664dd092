namespace Storyboard.Functions.Contracts;

/// <summary>
/// The shape the workflow's status loops branch on (<c>$.fineTuning.result.status</c>,
/// <c>$.throughput.result.status</c>). Status values are Bedrock's own: a customization job is
/// InProgress | Completed | Failed | Stopping | Stopped; a throughput is Creating | InService |
/// Updating | Failed.
/// </summary>
public interface IStatusOutput
{
    string Status { get; }

    /// <summary>Bedrock's failure message, or a short note; never null so States.Format can print it.</summary>
    string Message { get; }
}
