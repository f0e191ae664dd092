namespace Storyboard.Core.Config;

/// <summary>A named character to find, crop and teach the model.</summary>
public sealed record CharacterConfig
{
    /// <summary>Used verbatim in S3 keys, Rekognition ExternalImageIds and captions (see <see cref="CharacterNames"/>).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>A short description the captioner may use ("a small penguin in a red scarf").</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Where the reference images are; null means <c>characters/&lt;Name&gt;/</c>.</summary>
    public string? ReferencePrefix { get; set; }

    public string ReferencePrefixOrDefault() => ReferencePrefix ?? $"characters/{Name}/";
}
