namespace Storyboard.Cdk.Functions;

/// <summary>One workflow function: a Task state of the workflow, or the recorder its status-change events invoke.</summary>
/// <param name="Name">The step name (the state name for a Task state): construct id, handler class prefix and log field (one name per concept).</param>
/// <param name="MemoryMb">Lambda memory; CPU share grows with it, which matters for the ffmpeg steps.</param>
/// <param name="TimeoutSeconds">Lambda timeout, kept below the state's TimeoutSeconds so the function's own timeout is what fails.</param>
/// <param name="EphemeralStorageMb">Size of /tmp (512–10,240 MB): videos and frames are staged there.</param>
/// <param name="Access">What the step may touch beyond its run folder.</param>
/// <param name="Invocation">A Task state of the workflow file, or a function the state machine's status-change events invoke.</param>
public sealed record WorkflowStep(
    string Name,
    int MemoryMb,
    int TimeoutSeconds,
    int EphemeralStorageMb,
    StepAccess Access,
    StepInvocation Invocation = StepInvocation.TaskState)
{
    public bool IsTaskState => Invocation == StepInvocation.TaskState;

    /// <summary>The handler string of the managed dotnet runtime: assembly::type::method.</summary>
    public string Handler => $"Storyboard.Functions::Storyboard.Functions.Handlers.{Name}Handler::HandleAsync";

    /// <summary>The DefinitionSubstitutions key the workflow file uses for this step's function (Task states only).</summary>
    public string Placeholder => $"{Name}FunctionArn";
}
