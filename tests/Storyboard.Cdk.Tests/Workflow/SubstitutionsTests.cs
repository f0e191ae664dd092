using Storyboard.Cdk.Workflow;

namespace Storyboard.Cdk.Tests.Workflow;

/// <summary>Synthesis fails, naming the placeholder, when the workflow file and the step table disagree.</summary>
[Collection(SynthesizedStackCollection.Name)]
public sealed class SubstitutionsTests(SynthesizedStackFixture fixture)
{
    [Fact]
    public void Substitutions_WhenFileUsesAnUnknownPlaceholder_ShouldThrowNamingIt()
    {
        const string text = """
            {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${UnknownFunctionArn}"},"End":true}}}
            """;
        var definition = AslDefinition.Parse("unknown.json", text);

        var exception = Assert.Throws<InvalidWorkflowDefinitionException>(() => WorkflowStateMachine.Substitutions(definition, []));

        Assert.Contains("${UnknownFunctionArn}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitutions_WhenOnlyAStatusChangeStepWouldFillThePlaceholder_ShouldThrowNamingIt()
    {
        // The failure recorder is not a state: a file that still invokes it as one is out of date.
        const string text = """
            {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${RecordFailureFunctionArn}"},"End":true}}}
            """;
        var definition = AslDefinition.Parse("old.json", text);

        var exception = Assert.Throws<InvalidWorkflowDefinitionException>(() => WorkflowStateMachine.Substitutions(definition, fixture.Synthesis.Stack.Functions));

        Assert.Contains("${RecordFailureFunctionArn}", exception.Message, StringComparison.Ordinal);
    }
}
