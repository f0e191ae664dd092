namespace Storyboard.Aws.Bedrock.Model;

/// <param name="S3Uri">s3://bucket/key of the JSONL training file.</param>
public sealed record TrainingDataConfig(string? S3Uri);
