namespace Storyboard.Aws.Bedrock.Model;

public sealed record TrainingMetrics(double? TrainingLoss);
