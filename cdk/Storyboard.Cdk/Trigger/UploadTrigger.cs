using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Storyboard.Cdk.Storage;

namespace Storyboard.Cdk.Trigger;

/// <summary>
/// Starts the workflow when a video lands under uploads/: an EventBridge rule on the bucket's
/// "Object Created" events, a small input (bucket, key, etag, version) for PrepareRun, retries, and a
/// dead-letter queue for events that could not start an execution.
/// </summary>
public sealed class UploadTrigger : Construct
{
    public UploadTrigger(Construct scope, string id, IBucket bucket, IStateMachine stateMachine)
        : base(scope, id)
    {
        DeadLetters = new Queue(this, "DeadLetters", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });

        Rule = new Rule(this, "Rule", new RuleProps
        {
            Description = "Starts the Storyboard workflow for every video uploaded under uploads/.",
            EventPattern = new EventPattern
            {
                Source = ["aws.s3"],
                DetailType = ["Object Created"],
                Detail = new Dictionary<string, object>
                {
                    ["bucket"] = new Dictionary<string, object> { ["name"] = new[] { bucket.BucketName } },
                    ["object"] = new Dictionary<string, object> { ["key"] = KeyPatterns() },
                },
            },
        });

        Rule.AddTarget(new SfnStateMachine(stateMachine, new SfnStateMachineProps
        {
            Input = RuleTargetInput.FromObject(new Dictionary<string, object>
            {
                ["bucket"] = EventField.FromPath("$.detail.bucket.name"),
                ["key"] = EventField.FromPath("$.detail.object.key"),
                ["etag"] = EventField.FromPath("$.detail.object.etag"),
                ["version"] = EventField.FromPath("$.detail.object.version-id"),
            }),
            DeadLetterQueue = DeadLetters,
            RetryAttempts = 8,
            MaxEventAge = Duration.Hours(6),
        }));
    }

    public Rule Rule { get; }

    public IQueue DeadLetters { get; }

    /// <summary>
    /// Values in one array are OR'ed, so "under uploads/" AND "a video suffix" is one wildcard per
    /// suffix. Wildcards are case-sensitive: lower and upper case of each suffix are listed.
    /// </summary>
    internal static object[] KeyPatterns() =>
        RunLayout.VideoSuffixes
            .SelectMany(suffix => new[] { suffix, suffix.ToUpperInvariant() })
            .Select(suffix => (object)new Dictionary<string, object> { ["wildcard"] = $"{RunLayout.UploadsPrefix}*{suffix}" })
            .ToArray();
}
