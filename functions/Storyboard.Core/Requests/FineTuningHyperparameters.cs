using System.Globalization;

namespace Storyboard.Core.Requests;

/// <summary>Hyperparameters of one fine-tuning job, in the API's names.</summary>
public sealed record FineTuningHyperparameters(int StepCount, int BatchSize, double LearningRate)
{
    /// <summary>
    /// The <c>hyperParameters</c> map of CreateModelCustomizationJob: Bedrock takes strings only,
    /// and a plain decimal (not "1E-05") is what its own examples send.
    /// </summary>
    public IReadOnlyDictionary<string, string> ToApiMap() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["stepCount"] = StepCount.ToString(CultureInfo.InvariantCulture),
        ["batchSize"] = BatchSize.ToString(CultureInfo.InvariantCulture),
        ["learningRate"] = LearningRate.ToString("0.############", CultureInfo.InvariantCulture),
    };
}
