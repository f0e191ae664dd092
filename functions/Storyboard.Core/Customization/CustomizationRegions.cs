using Storyboard.Core.Models;

namespace Storyboard.Core.Customization;

/// <summary>Where a base model can be fine-tuned (AWS-FACTS §4): a job started elsewhere fails at once.</summary>
public static class CustomizationRegions
{
    public static string? For(ModelProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile.BaseModelId == ModelProfiles.NovaCanvasId ? "us-east-1" : null;
    }

    /// <summary>A sentence for status messages, or empty when the profile names no region.</summary>
    public static string Note(ModelProfile profile) => For(profile) is { } region
        ? $"{profile.DisplayName} fine-tuning is available in {region} only; the job, the custom model and its throughput live there."
        : string.Empty;
}
