namespace Storyboard.Aws.Bedrock.Model;

public sealed record GetFoundationModelResponse(FoundationModelDetails? ModelDetails);
