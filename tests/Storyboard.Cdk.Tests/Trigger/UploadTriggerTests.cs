using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Storyboard.Cdk.Tests.Trigger;

[Collection(SynthesizedStackCollection.Name)]
public sealed class UploadTriggerTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    private JsonObject Rule => _stack.Resources[_stack.LogicalIdOf("Upload/Rule")]!["Properties"]!.AsObject();

    [Fact]
    public void Rule_ShouldMatchObjectCreatedInThisBucket()
    {
        var pattern = Rule["EventPattern"]!;

        Assert.Equal(["aws.s3"], pattern["source"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["Object Created"], pattern["detail-type"]!.AsArray().Select(v => (string?)v));
        var bucketName = Assert.Single(pattern["detail"]!["bucket"]!["name"]!.AsArray())!;
        Assert.Equal(_stack.LogicalIdOf("Runs/Bucket"), (string?)bucketName["Ref"]);
    }

    [Fact]
    public void Rule_ShouldRequireUploadsPrefixAndAVideoSuffixInOneWildcard()
    {
        var wildcards = Rule["EventPattern"]!["detail"]!["object"]!["key"]!.AsArray().Select(v => (string?)v!["wildcard"]).ToList();

        foreach (var suffix in new[] { ".mp4", ".mov", ".m4v", ".mkv", ".webm" })
        {
            Assert.Contains($"uploads/*{suffix}", wildcards);
            Assert.Contains($"uploads/*{suffix.ToUpperInvariant()}", wildcards);
        }

        Assert.All(wildcards, w => Assert.StartsWith("uploads/*.", w, StringComparison.Ordinal));
    }

    [Fact]
    public void Target_ShouldPassBucketKeyEtagAndVersionThroughAnInputTransformer()
    {
        var target = Assert.Single(Rule["Targets"]!.AsArray())!;
        var transformer = target["InputTransformer"]!;
        var paths = transformer["InputPathsMap"]!.AsObject().ToDictionary(p => p.Key, p => (string?)p.Value);

        Assert.Contains("$.detail.bucket.name", paths.Values);
        Assert.Contains("$.detail.object.key", paths.Values);
        Assert.Contains("$.detail.object.etag", paths.Values);
        Assert.Contains("$.detail.object.version-id", paths.Values);
        var template = (string)transformer["InputTemplate"]!;
        foreach (var field in new[] { "bucket", "key", "etag", "version" })
        {
            Assert.Contains($"\"{field}\":", template, StringComparison.Ordinal);
        }

        Assert.Equal(_stack.LogicalIdOf("Workflow/StateMachine"), (string?)target["Arn"]!["Ref"]);
    }

    [Fact]
    public void Target_ShouldRetryAndDeadLetterToAnEncryptedQueue()
    {
        var target = Rule["Targets"]!.AsArray().Single()!;

        Assert.Equal(8, (int)target["RetryPolicy"]!["MaximumRetryAttempts"]!);
        Assert.Equal(6 * 3600, (int)target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!);
        var queueId = _stack.LogicalIdOf("Upload/DeadLetters");
        Assert.Equal(queueId, (string?)target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]);
        _stack.Template.HasResourceProperties("AWS::SQS::Queue", new Dictionary<string, object> { ["SqsManagedSseEnabled"] = true });
    }

    [Fact]
    public void EventsRole_ShouldOnlyStartThisStateMachine()
    {
        _stack.Template.HasResourceProperties("AWS::IAM::Policy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["Action"] = "states:StartExecution",
                        ["Effect"] = "Allow",
                        ["Resource"] = new Dictionary<string, object> { ["Ref"] = _stack.LogicalIdOf("Workflow/StateMachine") },
                    },
                },
            },
        });
    }
}
