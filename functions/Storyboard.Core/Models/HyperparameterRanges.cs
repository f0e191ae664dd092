namespace Storyboard.Core.Models;

/// <summary>Fine-tuning hyperparameter limits and the service defaults (Nova Canvas: AWS-FACTS §4).</summary>
public sealed record HyperparameterRanges(
    IntRange StepCount,
    IntRange BatchSize,
    DoubleRange LearningRate,
    int DefaultStepCount,
    int DefaultBatchSize,
    double DefaultLearningRate);
