namespace Storyboard.Aws.Bedrock.Model;

/// <summary>Operations whose output shape has no members.</summary>
public sealed record EmptyResponse;
