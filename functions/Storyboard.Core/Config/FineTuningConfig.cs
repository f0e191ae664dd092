using Storyboard.Core.Requests;

namespace Storyboard.Core.Config;

/// <summary>Hyperparameters of the fine-tuning job (defaults are the Nova Canvas service defaults).</summary>
public sealed record FineTuningConfig
{
    public int StepCount { get; set; } = 500;

    public int BatchSize { get; set; } = 8;

    public double LearningRate { get; set; } = 1e-5;

    public FineTuningHyperparameters ToHyperparameters() => new(StepCount, BatchSize, LearningRate);
}
