namespace Storyboard.Cdk.Settings;

/// <summary>The app was started outside the Storyboard repository, so it cannot find the workflow or the functions.</summary>
public sealed class RepositoryNotFoundException : CdkAppException
{
    public RepositoryNotFoundException(string message)
        : base(message)
    {
    }
}
