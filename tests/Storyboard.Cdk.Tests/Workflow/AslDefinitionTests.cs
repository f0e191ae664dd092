using Storyboard.Cdk.Settings;
using Storyboard.Cdk.Workflow;

namespace Storyboard.Cdk.Tests.Workflow;

public sealed class AslDefinitionTests
{
    private static AslDefinition Workflow() => AslDefinition.Load(RepositoryLayout.Find(AppContext.BaseDirectory).WorkflowDefinition);

    [Fact]
    public void Load_WhenWorkflowFile_ShouldFindNestedTaskStatesOfBothMaps()
    {
        var names = Workflow().TaskStates.Select(task => task.Name).ToList();

        Assert.Contains("PrepareRun", names);
        Assert.Contains("ExtractFrames", names); // inside the Distributed Map
        Assert.Contains("CaptionBatch", names); // inside the inline Map
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Load_WhenWorkflowFile_ShouldReportTheDistributedMapLabelOnly()
    {
        Assert.Equal(["ProcessSegments"], Workflow().DistributedMapLabels);
    }

    [Fact]
    public void Load_WhenReviewIsACallback_ShouldMarkItAsWaitingForTaskToken()
    {
        var review = Workflow().TaskStates.Single(task => task.Name == "ReviewDataset");

        Assert.True(review.WaitsForTaskToken);
        Assert.False(Workflow().TaskStates.Single(task => task.Name == "PrepareRun").WaitsForTaskToken);
    }

    [Fact]
    public void Parse_WhenDistributedMapHasNoLabel_ShouldUseTheStateName()
    {
        const string text = """
            {"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
             "StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"${WorkFunctionArn}"},"TimeoutSeconds":60,"End":true}}},"End":true}}}
            """;

        var definition = AslDefinition.Parse("inline.json", text);

        Assert.Equal(["Fan"], definition.DistributedMapLabels);
        var task = Assert.Single(definition.TaskStates);
        Assert.Equal(new AslTaskState("Work", "arn:aws:states:::lambda:invoke", "WorkFunctionArn", 60), task);
        Assert.Equal(["WorkFunctionArn"], definition.Placeholders);
    }

    [Fact]
    public void Parse_WhenJsonIsBroken_ShouldThrowInvalidWorkflowDefinition()
    {
        var exception = Assert.Throws<InvalidWorkflowDefinitionException>(() => AslDefinition.Parse("broken.json", "{\"StartAt\": "));

        Assert.Contains("broken.json", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenStatesAreMissing_ShouldThrowInvalidWorkflowDefinition()
    {
        Assert.Throws<InvalidWorkflowDefinitionException>(() => AslDefinition.Parse("empty.json", "{\"StartAt\":\"A\"}"));
    }
}
