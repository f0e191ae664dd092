namespace Storyboard.Aws.BedrockRuntime.Model;

/// <summary>A union: inline bytes (base64 in JSON, ≤ 3.75 MB) or an S3 location.</summary>
public sealed record ImageSource(byte[]? Bytes = null, S3Location? S3Location = null);
