using Storyboard.Core.Models;
using Storyboard.Core.Validation;

namespace Storyboard.Core.Requests;

public static class HyperparameterValidator
{
    /// <summary>Every out-of-range hyperparameter, checked against the profile's limits.</summary>
    /// <param name="pathPrefix">Prefix for problem paths, e.g. "fineTuning".</param>
    public static IReadOnlyList<ValidationProblem> Validate(FineTuningHyperparameters hyperparameters, ModelProfile profile, string pathPrefix = "")
    {
        ArgumentNullException.ThrowIfNull(hyperparameters);
        ArgumentNullException.ThrowIfNull(profile);
        var ranges = profile.Hyperparameters;
        var problems = new ProblemList();
        Check(problems, Join(pathPrefix, "stepCount"), hyperparameters.StepCount, ranges.StepCount, profile);
        Check(problems, Join(pathPrefix, "batchSize"), hyperparameters.BatchSize, ranges.BatchSize, profile);
        if (!ranges.LearningRate.Contains(hyperparameters.LearningRate))
        {
            problems.Add(Join(pathPrefix, "learningRate"), hyperparameters.LearningRate, $"must be {ranges.LearningRate} for {profile.DisplayName}");
        }

        return problems.Problems;
    }

    internal static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "." + name;

    private static void Check(ProblemList problems, string path, long value, IntRange range, ModelProfile profile)
    {
        if (!range.Contains(value))
        {
            problems.Add(path, value, $"must be {range} for {profile.DisplayName}");
        }
    }
}
