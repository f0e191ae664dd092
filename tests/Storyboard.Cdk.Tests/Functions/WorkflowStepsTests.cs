using Storyboard.Cdk.Functions;
using Storyboard.Cdk.Settings;
using Storyboard.Cdk.Workflow;

namespace Storyboard.Cdk.Tests.Functions;

/// <summary>The step table's Task-state rows and the workflow file must describe the same Task states.</summary>
public sealed class WorkflowStepsTests
{
    private static readonly AslDefinition Workflow = AslDefinition.Load(RepositoryLayout.Find(AppContext.BaseDirectory).WorkflowDefinition);

    [Fact]
    public void TaskStates_ShouldNameExactlyTheTaskStatesOfTheWorkflowFile()
    {
        var fromTable = WorkflowSteps.All.Where(step => step.Invocation == StepInvocation.TaskState).Select(step => step.Name).Order(StringComparer.Ordinal).ToList();
        var fromFile = Workflow.TaskStates.Select(task => task.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(fromFile, fromTable);
    }

    [Fact]
    public void TaskStates_ShouldBeTheTaskStateRowsOfTheTable()
    {
        Assert.Equal(WorkflowSteps.All.Where(step => step.Invocation == StepInvocation.TaskState), WorkflowSteps.TaskStates);
    }

    [Fact]
    public void RecordFailure_ShouldBeInvokedByStatusChangeEventsAndNotBeAStateOrPlaceholderOfTheFile()
    {
        var recorder = Assert.Single(WorkflowSteps.All, step => step.Invocation == StepInvocation.StatusChangeEvent);

        Assert.Equal("RecordFailure", recorder.Name);
        Assert.Equal("Storyboard.Functions::Storyboard.Functions.Handlers.RecordFailureHandler::HandleAsync", recorder.Handler);
        Assert.DoesNotContain(Workflow.TaskStates, task => task.Name == recorder.Name);
        Assert.DoesNotContain(recorder.Placeholder, Workflow.Placeholders);
    }

    [Fact]
    public void All_EachTaskState_ShouldInvokeTheFunctionOfItsOwnName()
    {
        foreach (var task in Workflow.TaskStates)
        {
            var step = WorkflowSteps.TaskStates.Single(step => step.Name == task.Name);
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
