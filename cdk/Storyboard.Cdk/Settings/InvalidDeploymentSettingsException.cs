namespace Storyboard.Cdk.Settings;

/// <summary>A context value (cdk.json or <c>-c key=value</c>) that the app cannot use.</summary>
public sealed class InvalidDeploymentSettingsException : CdkAppException
{
    public InvalidDeploymentSettingsException(string message)
        : base(message)
    {
    }
}
