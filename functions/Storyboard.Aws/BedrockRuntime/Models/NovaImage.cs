namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="Format">jpeg, png, gif or webp.</param>
public sealed record NovaImage(string Format, NovaImageSource Source);
