namespace Storyboard.Aws.Bedrock.Model;

public sealed record Validator(string S3Uri);
