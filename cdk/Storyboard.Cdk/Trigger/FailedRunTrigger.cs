using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.Destinations;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Storyboard.Cdk.Functions;

namespace Storyboard.Cdk.Trigger;

/// <summary>
/// Records every failed, timed-out or aborted run: an EventBridge rule on the state machine's
/// "Step Functions Execution Status Change" events invokes the recorder (RecordFailure) with the whole
/// event, which carries the execution's input, error and cause. The workflow itself has no failure
/// path, so a failed run stops at the failing state and a redrive resumes there. Events that could not
/// be delivered, and invocations that still failed after Lambda's own retries, land in an encrypted
/// dead-letter queue.
/// </summary>
public sealed class FailedRunTrigger : Construct
{
    /// <summary>The terminal statuses of a run that did not succeed.</summary>
    public static IReadOnlyList<string> RecordedStatuses { get; } = ["FAILED", "TIMED_OUT", "ABORTED"];

    public const string StatusChangeDetailType = "Step Functions Execution Status Change";

    public FailedRunTrigger(Construct scope, string id, IStateMachine stateMachine, WorkflowFunction recorder)
        : base(scope, id)
    {
        if (recorder.Step.Invocation != StepInvocation.StatusChangeEvent)
        {
            throw new ArgumentException($"{recorder.Step.Name} is a Task state of the workflow; only a status-change step can record failed runs.", nameof(recorder));
        }

        DeadLetters = new Queue(this, "DeadLetters", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });

        Rule = new Rule(this, "Rule", new RuleProps
        {
            Description = "Records failed, timed-out and aborted Storyboard runs in runs/<runId>/error.json.",
            EventPattern = new EventPattern
            {
                Source = ["aws.states"],
                DetailType = [StatusChangeDetailType],
                Detail = new Dictionary<string, object>
                {
                    ["stateMachineArn"] = new[] { stateMachine.StateMachineArn },
                    ["status"] = RecordedStatuses.ToArray(),
                },
            },
        });

        // No Input: the target receives the event itself. The target also adds the Lambda permission for
        // events.amazonaws.com, scoped to this rule's ARN.
        Rule.AddTarget(new LambdaFunction(recorder.Function, new LambdaFunctionProps
        {
            DeadLetterQueue = DeadLetters,
            RetryAttempts = 8,
            MaxEventAge = Duration.Hours(6),
        }));

        // EventBridge invokes asynchronously, so its retries cover delivery only; an error of the handler is
        // retried by Lambda and then sent to the same queue instead of being dropped.
        recorder.Function.ConfigureAsyncInvoke(new EventInvokeConfigOptions
        {
            RetryAttempts = 2,
            MaxEventAge = Duration.Hours(6),
            OnFailure = new SqsDestination(DeadLetters),
        });
    }

    public Rule Rule { get; }

    public IQueue DeadLetters { get; }
}
