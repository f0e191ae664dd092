namespace Storyboard.Core.Customization;

/// <summary>Bedrock's ModelCustomizationJobStatus values; the workflow's Choice state compares these strings.</summary>
public static class CustomizationJobStatus
{
    public const string InProgress = "InProgress";
    public const string Completed = "Completed";
    public const string Failed = "Failed";
    public const string Stopping = "Stopping";
    public const string Stopped = "Stopped";
}
