using System.Text.Json.Nodes;
using Storyboard.Cdk.Functions;
using Storyboard.Cdk.Workflow;

namespace Storyboard.Cdk.Tests.Workflow;

[Collection(SynthesizedStackCollection.Name)]
public sealed class WorkflowStateMachineTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    private JsonObject Machine => _stack.ResourcesOfType("AWS::StepFunctions::StateMachine").Single().Resource["Properties"]!.AsObject();

    private string RoleId => _stack.LogicalIdOf("Workflow/Role");

    [Fact]
    public void StateMachine_ShouldBeStandardWithItsNameSetAndTracingOn()
    {
        Assert.Equal("STANDARD", (string?)Machine["StateMachineType"]);
        Assert.Equal("Storyboard-Workflow", (string?)Machine["StateMachineName"]);
        Assert.True((bool)Machine["TracingConfiguration"]!["Enabled"]!);
    }

    [Fact]
    public void StateMachine_ShouldLogAllEventsWithExecutionDataToARetainedLogGroup()
    {
        var logging = Machine["LoggingConfiguration"]!;

        Assert.Equal("ALL", (string?)logging["Level"]);
        Assert.True((bool)logging["IncludeExecutionData"]!);
        var logGroupId = _stack.LogicalIdOf("Workflow/Logs");
        Assert.Equal(logGroupId, (string?)logging["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]!["Fn::GetAtt"]![0]);
        var logGroup = _stack.Resources[logGroupId]!["Properties"]!;
        Assert.Equal(30, (int)logGroup["RetentionInDays"]!);
        Assert.Equal("/aws/vendedlogs/states/Storyboard-Workflow", (string?)logGroup["LogGroupName"]);
    }

    [Fact]
    public void Substitutions_ShouldBeExactlyThePlaceholdersOfTheWorkflowFile()
    {
        var keys = Machine["DefinitionSubstitutions"]!.AsObject().Select(entry => entry.Key).ToHashSet(StringComparer.Ordinal);
        var placeholders = AslDefinition.Load(_stack.Repository.WorkflowDefinition).Placeholders;

        Assert.True(keys.SetEquals(placeholders), $"Substitutions: {string.Join(", ", keys.Order())}; file: {string.Join(", ", placeholders.Order())}");
    }

    [Fact]
    public void Substitutions_EachPlaceholder_ShouldBeTheArnOfTheFunctionOfThatState()
    {
        var substitutions = Machine["DefinitionSubstitutions"]!.AsObject();
        Assert.Equal(WorkflowSteps.TaskStates.Count, substitutions.Count);
        Assert.False(substitutions.ContainsKey("RecordFailureFunctionArn"));
        foreach (var step in WorkflowSteps.TaskStates)
        {
            var arn = substitutions[step.Placeholder]!["Fn::GetAtt"]!.AsArray();
            Assert.Equal(_stack.LogicalIdOf($"Steps/{step.Name}/Function"), (string?)arn[0]);
            Assert.Equal("Arn", (string?)arn[1]);
        }
    }

    [Fact]
    public void Definition_ShouldBeTheWorkflowFileItself()
    {
        // DefinitionBody.FromFile ships the file as an asset: the template points at it, it is not re-generated.
        Assert.NotNull(Machine["DefinitionS3Location"]);
        Assert.Null(Machine["Definition"]);
        Assert.Null(Machine["DefinitionString"]);
    }

    [Fact]
    public void Role_ShouldInvokeEveryTaskStateFunctionAndItsVersionsOnly()
    {
        var statement = _stack.StatementOfRole(RoleId, "InvokeStepFunctions");
        var resources = Synthesis.AsList(statement["Resource"]).Select(r => r.ToJsonString()).ToList();

        Assert.Equal("lambda:InvokeFunction", (string?)statement["Action"]);
        foreach (var step in WorkflowSteps.TaskStates)
        {
            var functionId = _stack.LogicalIdOf($"Steps/{step.Name}/Function");
            Assert.Contains(resources, r => r.Contains($"\"{functionId}\"", StringComparison.Ordinal) && !r.Contains(":*", StringComparison.Ordinal));
            Assert.Contains(resources, r => r.Contains($"\"{functionId}\"", StringComparison.Ordinal) && r.Contains(":*", StringComparison.Ordinal));
        }

        Assert.Equal(2 * WorkflowSteps.TaskStates.Count, resources.Count);
        var recorderId = _stack.LogicalIdOf("Steps/RecordFailure/Function");
        Assert.DoesNotContain(_stack.StatementsOfRole(RoleId), s => s.ToJsonString().Contains($"\"{recorderId}\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Role_ShouldReadMapItemsAndWriteMapResultsUnderRuns()
    {
        var reader = _stack.StatementOfRole(RoleId, "ReadMapItems");
        var writer = _stack.StatementOfRole(RoleId, "WriteMapResults");

        Assert.Equal("s3:GetObject", (string?)reader["Action"]);
        Assert.Equal(
            ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
            Synthesis.AsList(writer["Action"]).Select(a => (string)a!).Order(StringComparer.Ordinal));
        foreach (var statement in new[] { reader, writer })
        {
            Assert.EndsWith("/runs/*\"]]}", statement["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Role_ShouldStartTrackAndRedriveItsOwnMapRunChildren()
    {
        var start = _stack.StatementOfRole(RoleId, "StartMapRunChildren").ToJsonString();
        var track = _stack.StatementOfRole(RoleId, "TrackMapRunChildren");
        var redrive = _stack.StatementOfRole(RoleId, "RedriveMapRunChildren");

        Assert.Contains(":stateMachine:Storyboard-Workflow\"", start, StringComparison.Ordinal);
        Assert.Equal(["states:DescribeExecution", "states:StopExecution"], Synthesis.AsList(track["Action"]).Select(a => (string)a!).Order(StringComparer.Ordinal));
        var trackResources = track["Resource"]!.ToJsonString();
        Assert.Contains(":execution:Storyboard-Workflow:*", trackResources, StringComparison.Ordinal);
        Assert.Contains(":execution:Storyboard-Workflow/ProcessSegments:*", trackResources, StringComparison.Ordinal);
        Assert.Equal("states:RedriveExecution", (string?)redrive["Action"]);
        Assert.Contains(":execution:Storyboard-Workflow/ProcessSegments:*", redrive["Resource"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Role_ShouldNotReferenceTheStateMachineResource()
    {
        // The ARNs are built from the explicit name; a Ref to the machine would be a circular dependency.
        var machineId = _stack.LogicalIdOf("Workflow/StateMachine");
        foreach (var statement in _stack.StatementsOfRole(RoleId))
        {
            Assert.DoesNotContain($"\"{machineId}\"", statement.ToJsonString(), StringComparison.Ordinal);
        }
    }
}
