using System.Text.Json;
using Storyboard.Aws.StepFunctions.Model;
using Storyboard.Core.Runs;
using Storyboard.Functions;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Steps;

namespace Storyboard.Cli.Stack;

/// <summary>
/// Run ids and execution ARNs of the deployed stack. A run started by <c>storyboard stack start</c> is an
/// execution named after its run id; a run started by an upload has a name Step Functions chose, so
/// its run id is derived from its input — by PrepareRun's own code, as RecordFailure does.
/// </summary>
internal static class StackRuns
{
    /// <returns>The execution ARN, and the run id when <paramref name="runOrArn"/> is a run id.</returns>
    /// <exception cref="StackProblemException">Neither a run id nor an execution ARN of this stack.</exception>
    public static (string ExecutionArn, string? RunId) Resolve(string runOrArn, StateMachineArn machine)
    {
        var text = runOrArn.Trim();
        if (machine.ExecutionName(text) is not null)
        {
            return (text, null);
        }

        if (!RunIds.IsValid(text))
        {
            throw new StackProblemException(
                $"'{runOrArn}' is neither a run id (like 'clip-mp4-3f9a0c12b7de', printed by 'storyboard stack start') nor an execution ARN of {machine}.");
        }

        return (machine.ExecutionArn(text), text);
    }

    /// <summary>The run id PrepareRun derives from <paramref name="executionInput"/> in this stack's bucket.</summary>
    /// <exception cref="Exception">Whatever PrepareRun would fail the input with (invalid input or config, no references).</exception>
    public static async Task<string> DeriveAsync(StackConnection stack, string executionInput, CancellationToken cancellationToken)
    {
        var input = JsonSerializer.Deserialize(executionInput, FunctionsJsonContext.Default.ExecutionInput)
            ?? throw new StackProblemException("The execution input is empty.");

        // Only the store and the bucket take part in the derivation; the media and vision ports are never called.
        var services = LocalServices.Create(Path.Combine(Path.GetTempPath(), "storyboard-stack"), stack.Bucket) with { Name = "aws", Store = stack.Store };
        return await new PrepareRunStep(services).DeriveRunIdAsync(input, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The run id of a described execution, or null when its input never named a run (PrepareRun rejected it).</summary>
    public static async Task<string?> TryDeriveAsync(StackConnection stack, DescribeExecutionResponse execution, CancellationToken cancellationToken)
    {
        if (execution.Input is null)
        {
            return null;
        }

        try
        {
            return await DeriveAsync(stack, execution.Input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && StackErrors.IsInputProblem(e))
        {
            return null;
        }
    }
}
