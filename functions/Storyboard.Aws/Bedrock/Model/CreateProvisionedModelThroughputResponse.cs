namespace Storyboard.Aws.Bedrock.Model;

public sealed record CreateProvisionedModelThroughputResponse(string? ProvisionedModelArn);
