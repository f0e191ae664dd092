namespace Storyboard.Cli.Stack;

/// <summary>
/// The deployed state machine, parsed from its ARN (CDK output <c>StateMachineArn</c>): the region and
/// account the stack lives in, and the execution ARNs of its runs.
/// </summary>
internal sealed record StateMachineArn(string Partition, string Region, string Account, string Name)
{
    public override string ToString() => $"arn:{Partition}:states:{Region}:{Account}:stateMachine:{Name}";

    /// <exception cref="StackProblemException">Not a state machine ARN.</exception>
    public static StateMachineArn Parse(string text)
    {
        var parts = text.Trim().Split(':');
        if (parts.Length != 7 || parts[0] != "arn" || parts[2] != "states" || parts[5] != "stateMachine" || parts.Skip(1).Any(string.IsNullOrEmpty))
        {
            throw new StackProblemException(
                $"'{text}' is not a state machine ARN (arn:aws:states:<region>:<account>:stateMachine:<name>). Use the stack output StateMachineArn in --state-machine or STORYBOARD_STATE_MACHINE_ARN.");
        }

        return new StateMachineArn(parts[1], parts[3], parts[4], parts[6]);
    }

    public string ExecutionArn(string executionName) => $"arn:{Partition}:states:{Region}:{Account}:execution:{Name}:{executionName}";

    /// <summary>An execution ARN of this state machine: <c>arn:aws:states:&lt;region&gt;:&lt;account&gt;:execution:&lt;machine&gt;:&lt;name&gt;</c>.</summary>
    /// <returns>The execution's name, or null when <paramref name="text"/> is not an execution ARN.</returns>
    /// <exception cref="StackProblemException">An execution ARN of another state machine.</exception>
    public string? ExecutionName(string text)
    {
        var parts = text.Split(':');
        if (parts.Length != 8 || parts[0] != "arn" || parts[2] != "states" || parts[5] != "execution")
        {
            return null;
        }

        if (parts[1] != Partition || parts[3] != Region || parts[4] != Account || parts[6] != Name)
        {
            throw new StackProblemException($"'{text}' is an execution of '{parts[6]}' in {parts[3]}, not of this stack's state machine {this}.");
        }

        return parts[7];
    }
}
