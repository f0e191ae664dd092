using Storyboard.Cdk.Functions;

namespace Storyboard.Cdk.Tests.Observability;

[Collection(SynthesizedStackCollection.Name)]
public sealed class MonitoringTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    private IReadOnlyList<System.Text.Json.Nodes.JsonNode> Alarms =>
        _stack.ResourcesOfType("AWS::CloudWatch::Alarm").Select(alarm => alarm.Resource["Properties"]!).ToList();

    [Theory]
    [InlineData("ExecutionsFailed")]
    [InlineData("ExecutionsTimedOut")]
    [InlineData("ExecutionThrottled")]
    public void StateMachineAlarm_ShouldWatchTheWorkflowAndNotifyTheTopic(string metric)
    {
        var alarm = Alarms.Single(a => (string?)a["MetricName"] == metric && (string?)a["Namespace"] == "AWS/States");

        Assert.Equal("StateMachineArn", (string?)alarm["Dimensions"]![0]!["Name"]);
        Assert.Equal(_stack.LogicalIdOf("Workflow/StateMachine"), (string?)alarm["Dimensions"]![0]!["Value"]!["Ref"]);
        Assert.Equal(_stack.LogicalIdOf("Notifications"), (string?)alarm["AlarmActions"]![0]!["Ref"]);
        Assert.Equal(1, (double)alarm["Threshold"]!);
        Assert.Equal("notBreaching", (string?)alarm["TreatMissingData"]);
    }

    [Fact]
    public void FunctionAlarms_ShouldCoverErrorsAndThrottlesOfEveryFunction()
    {
        foreach (var step in WorkflowSteps.All)
        {
            var functionId = _stack.LogicalIdOf($"Steps/{step.Name}/Function");
            foreach (var metric in new[] { "Errors", "Throttles" })
            {
                var alarm = Alarms.Single(a => (string?)a["MetricName"] == metric && (string?)a["Dimensions"]![0]!["Value"]!["Ref"] == functionId);
                Assert.Equal(_stack.LogicalIdOf("Notifications"), (string?)alarm["AlarmActions"]![0]!["Ref"]);
            }
        }
    }

    [Fact]
    public void DeadLetterAlarms_ShouldFireWhenAnUploadCouldNotStartARunOrAFailureCouldNotBeRecorded()
    {
        var alarms = Alarms.Where(a => (string?)a["MetricName"] == "ApproximateNumberOfMessagesVisible").ToList();

        Assert.Equal(2, alarms.Count);
        foreach (var queue in new[] { "Upload/DeadLetters", "FailedRun/DeadLetters" })
        {
            var alarm = Assert.Single(alarms, a => a["Dimensions"]!.ToJsonString().Contains($"\"{_stack.LogicalIdOf(queue)}\"", StringComparison.Ordinal));
            Assert.Equal(_stack.LogicalIdOf("Notifications"), (string?)alarm["AlarmActions"]![0]!["Ref"]);
        }
    }

    [Fact]
    public void Topic_WithoutAlarmEmail_ShouldHaveNoSubscription()
    {
        _stack.Template.ResourceCountIs("AWS::SNS::Subscription", 0);
    }

    [Fact]
    public void Dashboard_ShouldShowExecutionsMapRunsAndFunctionDurationsAndErrors()
    {
        var body = _stack.ResourcesOfType("AWS::CloudWatch::Dashboard").Single().Resource["Properties"]!["DashboardBody"]!.ToJsonString();

        foreach (var text in new[] { "ExecutionsStarted", "ExecutionsSucceeded", "ApproximateOpenMapRunCount", "ApproximateMapRunBacklogSize", "Duration", "Errors" })
        {
            Assert.Contains(text, body, StringComparison.Ordinal);
        }
    }
}

/// <summary>The e-mail option needs its own synthesis.</summary>
public sealed class MonitoringEmailTests
{
    [Fact]
    public void Topic_WithAlarmEmail_ShouldSubscribeIt()
    {
        using var stack = new Synthesis(new Dictionary<string, object> { ["alarmEmail"] = "ops@example.com" });

        stack.Template.HasResourceProperties("AWS::SNS::Subscription", new Dictionary<string, object>
        {
            ["Protocol"] = "email",
            ["Endpoint"] = "ops@example.com",
        });
    }
}
