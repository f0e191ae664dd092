namespace Storyboard.Aws.Bedrock.Model;

public sealed record OutputDataConfig(string S3Uri);
