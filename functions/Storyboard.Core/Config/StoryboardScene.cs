namespace Storyboard.Core.Config;

/// <summary>One storyboard panel to render with the fine-tuned model.</summary>
public sealed record StoryboardScene
{
    public string Prompt { get; set; } = string.Empty;

    public string? NegativePrompt { get; set; }

    public long Seed { get; set; }

    public int Width { get; set; } = 1024;

    public int Height { get; set; } = 1024;

    public int ImagesPerScene { get; set; } = 1;
}
