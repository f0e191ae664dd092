using Storyboard.Cdk.Functions;
using Storyboard.Cdk.Settings;
using Storyboard.Cdk.Workflow;

namespace Storyboard.Cdk.Tests.Functions;

/// <summary>The step table and the workflow file must describe the same Task states.</summary>
public sealed class WorkflowStepsTests
{
    private static readonly AslDefinition Workflow = AslDefinition.Load(RepositoryLayout.Find(AppContext.BaseDirectory).WorkflowDefinition);

    [Fact]
    public void All_ShouldNameExactlyTheTaskStatesOfTheWorkflowFile()
    {
        var fromTable = WorkflowSteps.All.Select(step => step.Name).Order(StringComparer.Ordinal).ToList();
        var fromFile = Workflow.TaskStates.Select(task => task.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(fromFile, fromTable);
    }

    [Fact]
    public void All_EachTaskState_ShouldInvokeTheFunctionOfItsOwnName()
    {
        foreach (var task in Workflow.TaskStates)
        {
            var step = WorkflowSteps.All.Single(step => step.Name == task.Name);
            Assert.StartsWith("arn:aws:states:::lambda:invoke", task.Resource, StringComparison.Ordinal);
            Assert.Equal(step.Placeholder, task.FunctionPlaceholder);
        }
    }

    [Fact]
    public void All_FunctionTimeout_ShouldStayBelowTheStateTimeout()
    {
        foreach (var task in Workflow.TaskStates.Where(task => !task.WaitsForTaskToken))
        {
            var step = WorkflowSteps.All.Single(step => step.Name == task.Name);
            Assert.True(task.TimeoutSeconds is not null, $"{task.Name} has no TimeoutSeconds in the workflow file.");
            Assert.True(step.TimeoutSeconds < task.TimeoutSeconds, $"{task.Name}: function timeout {step.TimeoutSeconds}s is not below the state's {task.TimeoutSeconds}s.");
        }
    }

    [Fact]
    public void All_Sizes_ShouldBeWithinLambdaLimits()
    {
        foreach (var step in WorkflowSteps.All)
        {
            Assert.InRange(step.MemoryMb, 128, 10240);
            Assert.InRange(step.TimeoutSeconds, 1, 900);
            Assert.InRange(step.EphemeralStorageMb, 512, 10240);
        }
    }

    [Fact]
    public void Handler_ShouldNameTheStateHandlerClassAndHandleAsync()
    {
        var step = WorkflowSteps.All.Single(step => step.Name == "DetectCharacters");

        Assert.Equal("Storyboard.Functions::Storyboard.Functions.Handlers.DetectCharactersHandler::HandleAsync", step.Handler);
        Assert.Equal("DetectCharactersFunctionArn", step.Placeholder);
    }
}
