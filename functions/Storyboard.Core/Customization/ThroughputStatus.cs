namespace Storyboard.Core.Customization;

/// <summary>Bedrock's ProvisionedModelStatus values; the workflow's Choice state compares these strings.</summary>
public static class ThroughputStatus
{
    public const string Creating = "Creating";
    public const string InService = "InService";
    public const string Updating = "Updating";
    public const string Failed = "Failed";
}
