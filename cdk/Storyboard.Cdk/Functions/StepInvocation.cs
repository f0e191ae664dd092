namespace Storyboard.Cdk.Functions;

/// <summary>What invokes a workflow function.</summary>
public enum StepInvocation
{
    /// <summary>A Task state of the workflow file, through its <c>${NameFunctionArn}</c> placeholder.</summary>
    TaskState,

    /// <summary>
    /// The state machine's "Step Functions Execution Status Change" event for a failed, timed-out or aborted
    /// run, through an EventBridge rule. Not a state: a state on the failure path would end the run in a
    /// Fail state of its own, and a redrive restarts from the failed state, so it could never resume the
    /// step that really failed.
    /// </summary>
    StatusChangeEvent,
}
