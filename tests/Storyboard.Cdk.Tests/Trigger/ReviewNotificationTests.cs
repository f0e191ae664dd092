using System.Text.Json.Nodes;

namespace Storyboard.Cdk.Tests.Trigger;

/// <summary>A run that starts waiting for review notifies the topic; no workflow function publishes itself.</summary>
[Collection(SynthesizedStackCollection.Name)]
public sealed class ReviewNotificationTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    private JsonObject Rule => _stack.Resources[_stack.LogicalIdOf("ReviewNotification/Rule")]!["Properties"]!.AsObject();

    [Fact]
    public void Rule_ShouldMatchOnlyTheReviewRequestsCreatedInTheRunBucket()
    {
        var pattern = Rule["EventPattern"]!;

        Assert.Equal(["aws.s3"], pattern["source"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["Object Created"], pattern["detail-type"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(_stack.LogicalIdOf("Runs/Bucket"), (string?)pattern["detail"]!["bucket"]!["name"]![0]!["Ref"]);
        Assert.Equal("runs/*/review-request.txt", (string?)pattern["detail"]!["object"]!["key"]![0]!["wildcard"]);
    }

    [Fact]
    public void Target_ShouldBeTheNotificationTopicWithAMessageNamingTheRequestAndTheAnswer()
    {
        var target = Assert.Single(Rule["Targets"]!.AsArray())!;

        Assert.Equal(_stack.LogicalIdOf("Notifications"), (string?)target["Arn"]!["Ref"]);
        var message = (string?)target["InputTransformer"]!["InputTemplate"];
        Assert.Contains("<detail-object-key>", message, StringComparison.Ordinal);
        Assert.Contains("storyboard stack approve|reject", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_ShouldNotPublishToTheTopicThemselves()
    {
        var actions = _stack.ResourcesOfType("AWS::IAM::Policy")
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .SelectMany(s => Synthesis.AsList(s!["Action"]).Select(a => (string?)a));

        Assert.DoesNotContain("sns:Publish", actions);
    }
}
