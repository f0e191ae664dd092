namespace Storyboard.Aws.BedrockRuntime.Model;

/// <param name="Format">png, jpeg, gif or webp.</param>
public sealed record ImageBlock(string Format, ImageSource Source);
