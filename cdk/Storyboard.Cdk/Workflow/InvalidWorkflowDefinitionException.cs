namespace Storyboard.Cdk.Workflow;

/// <summary>The workflow file cannot be deployed as it is (unreadable JSON, or a state the app cannot wire).</summary>
public sealed class InvalidWorkflowDefinitionException : CdkAppException
{
    public InvalidWorkflowDefinitionException(string message)
        : base(message)
    {
    }

    public InvalidWorkflowDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
