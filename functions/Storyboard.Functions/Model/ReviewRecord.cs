using Storyboard.Functions.Contracts;

namespace Storyboard.Functions.Model;

/// <summary><c>runs/&lt;runId&gt;/review.json</c>: what a reviewer needs to approve or reject the dataset, and the token that resumes the run.</summary>
public sealed record ReviewRecord(
    string RunId,
    string Status,
    string TaskToken,
    BuildDatasetOutput Dataset,
    IReadOnlyList<string> Instructions);
