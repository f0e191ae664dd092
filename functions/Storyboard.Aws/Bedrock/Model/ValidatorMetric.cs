namespace Storyboard.Aws.Bedrock.Model;

public sealed record ValidatorMetric(double? ValidationLoss);
