using System.CommandLine;

namespace Storyboard.Cli.Stack;

/// <summary>
/// <c>storyboard stack …</c>: start, watch, redrive and review runs of a deployed stack with the
/// caller's AWS credentials. Each subcommand lives in its own file.
/// </summary>
internal static class StackCommand
{
    /// <summary>Ctrl+C: the command stops, the run in AWS goes on.</summary>
    public const int ExitInterrupted = 130;

    public static Command Create(StackAccess access)
    {
        var options = new StackOptions();
        var command = new Command(
            "stack",
            $"Drive a deployed stack from this terminal with your AWS credentials. Locate it with --bucket and --state-machine, or set {StackOptions.BucketVariable} and {StackOptions.StateMachineVariable} to the stack outputs BucketName and StateMachineArn.")
        {
            options.Bucket,
            options.StateMachine,
        };
        command.Subcommands.Add(StackStartCommand.Create(options, access));
        command.Subcommands.Add(StackWatchCommand.Create(options, access));
        command.Subcommands.Add(StackRedriveCommand.Create(options, access));
        command.Subcommands.Add(StackReviewCommand.Create(options, access, approve: true));
        command.Subcommands.Add(StackReviewCommand.Create(options, access, approve: false));
        return command;
    }

    /// <summary>Connects, runs <paramref name="body"/>, and turns expected failures into one line and exit code 2.</summary>
    public static async Task<int> RunAsync(ParseResult parse, StackOptions options, StackAccess access, Func<StackConnection, Task<int>> body, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        StackConnection? stack = null;
        try
        {
            stack = options.Connect(parse, access);
            return await body(stack).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Interrupted; anything already started in AWS goes on.");
            return ExitInterrupted;
        }
        catch (Exception e) when (StackErrors.Describe(e, stack?.Bucket, stack?.Machine.ToString()) is { } message)
        {
            error.WriteLine(message);
            return StackErrors.ExitProblem;
        }
        finally
        {
            stack?.Dispose();
        }
    }
}
