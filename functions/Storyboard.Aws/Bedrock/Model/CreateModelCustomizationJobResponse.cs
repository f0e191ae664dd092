namespace Storyboard.Aws.Bedrock.Model;

public sealed record CreateModelCustomizationJobResponse(string? JobArn);
