namespace Storyboard.Core.Customization;

/// <summary>Bedrock's <c>trainingDataConfig</c> / <c>outputDataConfig</c>: one <c>s3Uri</c>.</summary>
public sealed record S3DataConfig(string S3Uri);
