using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace Storyboard.Cdk.Tests.Trigger;

/// <summary>A failed, timed-out or aborted run of this state machine invokes RecordFailure with the whole status-change event.</summary>
[Collection(SynthesizedStackCollection.Name)]
public sealed class FailedRunTriggerTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    private JsonObject Rule => _stack.Resources[_stack.LogicalIdOf("FailedRun/Rule")]!["Properties"]!.AsObject();

    private string RecorderId => _stack.LogicalIdOf("Steps/RecordFailure/Function");

    [Fact]
    public void Rule_ShouldMatchFailedTimedOutAndAbortedRunsOfThisStateMachineOnly()
    {
        var pattern = Rule["EventPattern"]!;

        Assert.Equal(["aws.states"], pattern["source"]!.AsArray().Select(v => (string?)v));
        Assert.Equal(["Step Functions Execution Status Change"], pattern["detail-type"]!.AsArray().Select(v => (string?)v));
        var machine = Assert.Single(pattern["detail"]!["stateMachineArn"]!.AsArray())!;
        Assert.Equal(_stack.LogicalIdOf("Workflow/StateMachine"), (string?)machine["Ref"]);
        Assert.Equal(["ABORTED", "FAILED", "TIMED_OUT"], pattern["detail"]!["status"]!.AsArray().Select(v => (string?)v).Order(StringComparer.Ordinal));
        Assert.Equal(["detail", "detail-type", "source"], pattern.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("ENABLED", (string?)Rule["State"]);
    }

    [Fact]
    public void Target_ShouldBeRecordFailureReceivingTheWholeEvent()
    {
        var target = Assert.Single(Rule["Targets"]!.AsArray())!;

        Assert.Equal(RecorderId, (string?)target["Arn"]!["Fn::GetAtt"]![0]);
        Assert.Equal("Arn", (string?)target["Arn"]!["Fn::GetAtt"]![1]);
        Assert.Null(target["Input"]);
        Assert.Null(target["InputPath"]);
        Assert.Null(target["InputTransformer"]);
    }

    [Fact]
    public void Target_ShouldRetryAndDeadLetterToItsOwnEncryptedQueue()
    {
        var target = Rule["Targets"]!.AsArray().Single()!;
        var queueId = _stack.LogicalIdOf("FailedRun/DeadLetters");

        Assert.Equal(8, (int)target["RetryPolicy"]!["MaximumRetryAttempts"]!);
        Assert.Equal(6 * 3600, (int)target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!);
        Assert.Equal(queueId, (string?)target["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]);
        Assert.NotEqual(_stack.LogicalIdOf("Upload/DeadLetters"), queueId);
        var queue = _stack.Resources[queueId]!["Properties"]!;
        Assert.True((bool)queue["SqsManagedSseEnabled"]!);
        Assert.Equal(14 * 24 * 3600, (int)queue["MessageRetentionPeriod"]!);
    }

    [Fact]
    public void DeadLetterQueue_ShouldAcceptEventsFromThisRuleOnly()
    {
        var policy = _stack.ResourcesOfType("AWS::SQS::QueuePolicy")
            .Single(p => p.Resource["Properties"]!["Queues"]!.ToJsonString().Contains($"\"{_stack.LogicalIdOf("FailedRun/DeadLetters")}\"", StringComparison.Ordinal))
            .Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        var fromEvents = Assert.Single(policy, s => (string?)s!["Principal"]?["Service"] == "events.amazonaws.com")!;

        Assert.Equal("sqs:SendMessage", (string?)fromEvents["Action"]);
        Assert.Equal(_stack.LogicalIdOf("FailedRun/Rule"), (string?)fromEvents["Condition"]!["ArnEquals"]!["aws:SourceArn"]!["Fn::GetAtt"]![0]);
    }

    [Fact]
    public void Permission_ShouldLetOnlyThisRuleInvokeRecordFailure()
    {
        var permissions = _stack.ResourcesOfType("AWS::Lambda::Permission")
            .Select(p => p.Resource["Properties"]!)
            .Where(p => (string?)p["FunctionName"]!["Fn::GetAtt"]?[0] == RecorderId)
            .ToList();

        var permission = Assert.Single(permissions)!;
        Assert.Equal("lambda:InvokeFunction", (string?)permission["Action"]);
        Assert.Equal("events.amazonaws.com", (string?)permission["Principal"]);
        Assert.Equal(_stack.LogicalIdOf("FailedRun/Rule"), (string?)permission["SourceArn"]!["Fn::GetAtt"]![0]);
        Assert.Single(_stack.ResourcesOfType("AWS::Lambda::Permission"));
    }

    [Fact]
    public void AsyncInvoke_WhenTheHandlerStillFails_ShouldSendTheEventToTheSameQueue()
    {
        _stack.Template.HasResourceProperties("AWS::Lambda::EventInvokeConfig", new Dictionary<string, object>
        {
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = RecorderId },
            ["MaximumRetryAttempts"] = 2,
            ["MaximumEventAgeInSeconds"] = 6 * 3600,
            ["DestinationConfig"] = new Dictionary<string, object>
            {
                ["OnFailure"] = new Dictionary<string, object>
                {
                    ["Destination"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { _stack.LogicalIdOf("FailedRun/DeadLetters"), "Arn" } },
                },
            },
        });
        _stack.Template.ResourceCountIs("AWS::Lambda::EventInvokeConfig", 1);
    }
}
