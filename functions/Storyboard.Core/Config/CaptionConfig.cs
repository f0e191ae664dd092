namespace Storyboard.Core.Config;

/// <summary>How captions are written.</summary>
public sealed record CaptionConfig
{
    /// <summary>Longest caption kept (the model's maximum at most).</summary>
    public int MaxLength { get; set; } = 300;

    /// <summary>A style hint for the captioner, e.g. "flat 2D cartoon"; empty for none.</summary>
    public string Style { get; set; } = string.Empty;

    /// <summary>Seed for choosing phrasing variants, so a rerun writes the same captions.</summary>
    public int VariationSeed { get; set; }
}
