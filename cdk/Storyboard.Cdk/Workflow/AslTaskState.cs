namespace Storyboard.Cdk.Workflow;

/// <summary>A Task state of the workflow file, as far as the deployment needs it.</summary>
/// <param name="Name">The state's name (also the function's construct id and handler class prefix).</param>
/// <param name="Resource">The integration, e.g. <c>arn:aws:states:::lambda:invoke</c>.</param>
/// <param name="FunctionPlaceholder">The <c>${...}</c> name in Parameters.FunctionName, without the braces.</param>
/// <param name="TimeoutSeconds">The state's TimeoutSeconds, when set.</param>
public sealed record AslTaskState(string Name, string Resource, string? FunctionPlaceholder, int? TimeoutSeconds)
{
    /// <summary>True for callback tasks, whose state timeout is the wait for a person, not the function's run time.</summary>
    public bool WaitsForTaskToken => Resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal);
}
