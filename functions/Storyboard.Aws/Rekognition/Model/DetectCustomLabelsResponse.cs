namespace Storyboard.Aws.Rekognition.Model;

public sealed record DetectCustomLabelsResponse(IReadOnlyList<CustomLabel>? CustomLabels);
