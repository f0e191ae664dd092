using System.CommandLine;

namespace Storyboard.Cli.Stack;

/// <summary>
/// <c>--bucket</c> and <c>--state-machine</c>, on every <c>stack</c> command, falling back to
/// STORYBOARD_BUCKET and STORYBOARD_STATE_MACHINE_ARN; the values are the stack outputs BucketName
/// and StateMachineArn that <c>cdk deploy</c> prints.
/// </summary>
internal sealed class StackOptions
{
    public const string BucketVariable = "STORYBOARD_BUCKET";
    public const string StateMachineVariable = "STORYBOARD_STATE_MACHINE_ARN";

    public Option<string?> Bucket { get; } = new("--bucket")
    {
        Description = $"The stack's bucket: the stack output BucketName (default: ${BucketVariable}).",
        Recursive = true,
    };

    public Option<string?> StateMachine { get; } = new("--state-machine")
    {
        Description = $"The stack's state machine: the stack output StateMachineArn (default: ${StateMachineVariable}).",
        Recursive = true,
    };

    /// <exception cref="StackProblemException">A value is missing or malformed.</exception>
    public StackConnection Connect(ParseResult parse, StackAccess access)
    {
        var bucket = Value(parse.GetValue(Bucket), access.Variables(BucketVariable), "--bucket", BucketVariable, "BucketName");
        var machine = StateMachineArn.Parse(Value(parse.GetValue(StateMachine), access.Variables(StateMachineVariable), "--state-machine", StateMachineVariable, "StateMachineArn"));
        return StackConnection.Open(access, bucket, machine);
    }

    private static string Value(string? option, string? variable, string name, string variableName, string output) =>
        !string.IsNullOrWhiteSpace(option) ? option.Trim()
        : !string.IsNullOrWhiteSpace(variable) ? variable.Trim()
        : throw new StackProblemException($"Which stack? Pass {name} or set {variableName} to the stack output {output} (printed by 'cdk deploy'; also in the CloudFormation console under Outputs).");
}
