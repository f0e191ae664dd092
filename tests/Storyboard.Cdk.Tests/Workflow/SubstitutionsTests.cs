using Storyboard.Cdk.Workflow;

namespace Storyboard.Cdk.Tests.Workflow;

/// <summary>Synthesis fails, naming the placeholder, when the workflow file and the step table disagree.</summary>
public sealed class SubstitutionsTests
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
}
