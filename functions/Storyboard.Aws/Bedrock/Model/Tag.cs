namespace Storyboard.Aws.Bedrock.Model;

public sealed record Tag(string Key, string Value);
