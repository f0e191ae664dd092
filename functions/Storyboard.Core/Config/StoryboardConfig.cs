namespace Storyboard.Core.Config;

/// <summary>The panels rendered at the end of the run.</summary>
public sealed record StoryboardConfig
{
    public IReadOnlyList<StoryboardScene> Scenes { get; set; } = [];

    /// <summary>Prompt adherence for every scene.</summary>
    public double CfgScale { get; set; } = 6.5;
}
