namespace Storyboard.Aws.StepFunctions.Model;

/// <param name="IncludedData">"ALL_DATA" (default) or "METADATA_ONLY".</param>
public sealed record DescribeExecutionRequest(string ExecutionArn, string? IncludedData = null);
