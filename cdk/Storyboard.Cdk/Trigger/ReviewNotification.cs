using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SNS;
using Constructs;
using Storyboard.Cdk.Storage;

namespace Storyboard.Cdk.Trigger;

/// <summary>
/// Tells reviewers a dataset waits for them: ReviewDataset writes <c>runs/&lt;runId&gt;/review-request.txt</c>
/// once per request, and this rule turns the bucket's "Object Created" event for it into a message on
/// the notification topic. The step itself needs no SNS permission, and a decision (which rewrites
/// review.json, not this file) sends nothing.
/// </summary>
public sealed class ReviewNotification : Construct
{
    public ReviewNotification(Construct scope, string id, IBucket bucket, ITopic topic)
        : base(scope, id)
    {
        Rule = new Rule(this, "Rule", new RuleProps
        {
            Description = "Notifies reviewers when a Storyboard run waits at ReviewDataset.",
            EventPattern = new EventPattern
            {
                Source = ["aws.s3"],
                DetailType = ["Object Created"],
                Detail = new Dictionary<string, object>
                {
                    ["bucket"] = new Dictionary<string, object> { ["name"] = new[] { bucket.BucketName } },
                    ["object"] = new Dictionary<string, object> { ["key"] = new object[] { new Dictionary<string, object> { ["wildcard"] = RunLayout.ReviewRequestObjects } } },
                },
            },
        });
        Rule.AddTarget(new SnsTopic(topic, new SnsTopicProps
        {
            Message = RuleTargetInput.FromText(
                $"A Storyboard run is waiting for your review: s3://{EventField.FromPath("$.detail.bucket.name")}/{EventField.FromPath("$.detail.object.key")} "
                + "says what to check (dataset/report.html beside it) and how to answer: storyboard stack approve|reject <runId>. "
                + "Nothing is trained or billed until the dataset is approved; the request expires after 7 days."),
        }));
    }

    public Rule Rule { get; }
}
