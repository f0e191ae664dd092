namespace Storyboard.Aws.BedrockRuntime.Models;

/// <param name="Bytes">Base64 image; InvokeModel takes it as a string.</param>
public sealed record NovaImageSource(string Bytes);
