namespace Storyboard.Aws.BedrockRuntime.Models;

/// <summary>Either text or an image.</summary>
public sealed record NovaContent(string? Text = null, NovaImage? Image = null);
