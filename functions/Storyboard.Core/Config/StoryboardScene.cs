namespace Storyboard.Core.Config;

/// <summary>One storyboard panel to render with the fine-tuned model.</summary>
public sealed record StoryboardScene
{
    public string Prompt { get; init; } = string.Empty;

    public string? NegativePrompt { get; init; }

    public long Seed { get; init; }

    public int Width { get; init; } = 1024;

    public int Height { get; init; } = 1024;

    public int ImagesPerScene { get; init; } = 1;
}
