using System.Globalization;
using System.Text.RegularExpressions;
using Storyboard.Core.Models;
using Storyboard.Core.Requests;
using Storyboard.Core.Validation;

namespace Storyboard.Core.Customization;

/// <summary>
/// The rules Bedrock applies to CreateModelCustomizationJob and CreateProvisionedModelThroughput,
/// taken from the service's API model (required members, lengths, patterns), plus the base
/// model's hyperparameter ranges. Checked before a request is sent, so a mistake costs nothing.
/// </summary>
/// <remarks>The API reference writes the patterns anchored (<c>^...$</c>); they are anchored here too.</remarks>
public static partial class CustomizationRequestValidator
{
    /// <exception cref="InvalidRequestException">Any rule is broken; every problem is listed.</exception>
    public static void EnsureValid(CustomizationJobRequest request, ModelProfile profile)
    {
        var problems = Validate(request, profile);
        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }
    }

    /// <exception cref="InvalidRequestException">Any rule is broken; every problem is listed.</exception>
    public static void EnsureValid(ThroughputRequest request)
    {
        var problems = Validate(request);
        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }
    }

    public static IReadOnlyList<ValidationProblem> Validate(CustomizationJobRequest request, ModelProfile profile)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new ProblemList();
        Check(problems, "jobName", request.JobName, 1, 63, JobName(), "letters, digits, '+', '-' and '.', starting with a letter or digit");
        Check(problems, "customModelName", request.CustomModelName, 1, 63, ModelName(), "letters and digits, each optionally followed by one '_' or '-'");
        Check(problems, "roleArn", request.RoleArn, 1, 2048, RoleArn(), "an IAM role ARN such as arn:aws:iam::123456789012:role/StoryboardBedrock that Bedrock may assume");
        Check(problems, "baseModelIdentifier", request.BaseModelIdentifier, 1, 2048, BaseModel(), "a model id such as amazon.nova-canvas-v1:0 or a model ARN");
        if (request.BaseModelIdentifier is not null && request.BaseModelIdentifier != profile.BaseModelId)
        {
            problems.Add("baseModelIdentifier", request.BaseModelIdentifier, $"must be {profile.BaseModelId} for the {profile.DisplayName} profile");
        }

        if (request.CustomizationType != CustomizationJobRequest.FineTuning)
        {
            problems.Add("customizationType", request.CustomizationType, $"must be {CustomizationJobRequest.FineTuning} for {profile.DisplayName}");
        }

        Check(problems, "trainingDataConfig.s3Uri", request.TrainingDataConfig?.S3Uri, 1, 1024, S3Uri(), "an s3://bucket/key URI of the training JSONL (key characters: letters, digits and -!_*'().)");
        Check(problems, "outputDataConfig.s3Uri", request.OutputDataConfig?.S3Uri, 1, 1024, S3Uri(), "an s3://bucket/prefix/ URI Bedrock may write to");
        Check(problems, "clientRequestToken", request.ClientRequestToken, 1, 256, Token(), "letters, digits and single '-' inside");
        CheckHyperparameters(problems, request.HyperParameters, profile);
        return problems.Problems;
    }

    public static IReadOnlyList<ValidationProblem> Validate(ThroughputRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new ProblemList();
        Check(problems, "provisionedModelName", request.ProvisionedModelName, 1, 63, ModelName(), "letters and digits, each optionally followed by one '_' or '-'");
        Check(problems, "modelId", request.ModelId, 1, 2048, ModelId(), "the custom model ARN the customization job produced");
        if (request.ModelUnits < 1)
        {
            problems.Add("modelUnits", request.ModelUnits, "must be at least 1");
        }

        Check(problems, "clientRequestToken", request.ClientRequestToken, 1, 256, Token(), "letters, digits and single '-' inside");
        return problems.Problems;
    }

    private static void CheckHyperparameters(ProblemList problems, IReadOnlyDictionary<string, string>? map, ModelProfile profile)
    {
        if (map is null)
        {
            return;
        }

        var known = new[] { "stepCount", "batchSize", "learningRate" };
        foreach (var name in map.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).Order(StringComparer.Ordinal))
        {
            problems.Add("hyperParameters." + name, map[name], $"is not a hyperparameter of {profile.DisplayName} (known: {string.Join(", ", known)})");
        }

        var ranges = profile.Hyperparameters;
        var stepCount = ParseInt(problems, map, "stepCount", ranges.DefaultStepCount);
        var batchSize = ParseInt(problems, map, "batchSize", ranges.DefaultBatchSize);
        var learningRate = ranges.DefaultLearningRate;
        if (map.TryGetValue("learningRate", out var rate))
        {
            if (!double.TryParse(rate, NumberStyles.Float, CultureInfo.InvariantCulture, out learningRate))
            {
                problems.Add("hyperParameters.learningRate", rate, "must be a decimal number written as a string, e.g. \"0.00001\"");
                learningRate = ranges.DefaultLearningRate;
            }
        }

        problems.AddRange(HyperparameterValidator.Validate(new FineTuningHyperparameters(stepCount, batchSize, learningRate), profile, "hyperParameters"));
    }

    private static int ParseInt(ProblemList problems, IReadOnlyDictionary<string, string> map, string name, int fallback)
    {
        if (!map.TryGetValue(name, out var text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add("hyperParameters." + name, text, "must be a whole number written as a string, e.g. \"500\"");
        return fallback;
    }

    private static void Check(ProblemList problems, string path, string? value, int min, int max, Regex pattern, string meaning)
    {
        if (string.IsNullOrEmpty(value))
        {
            problems.Add(path, value, $"is required: {meaning}");
        }
        else if (value.Length < min || value.Length > max)
        {
            problems.Add(path, value, $"length {value.Length} must be between {min} and {max} characters");
        }
        else if (!pattern.IsMatch(value))
        {
            problems.Add(path, value, $"must match {Describe(pattern)}: {meaning}");
        }
    }

    private static string Describe(Regex pattern) => pattern.ToString();

    [GeneratedRegex(@"^[a-zA-Z0-9](-*[a-zA-Z0-9\+\-\.])*\z", RegexOptions.CultureInvariant)]
    private static partial Regex JobName();

    [GeneratedRegex(@"^([0-9a-zA-Z][_-]?){1,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ModelName();

    [GeneratedRegex(@"^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+\z", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArn();

    [GeneratedRegex(@"^((arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2})))|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})|(([0-9a-zA-Z][_-]?)+))\z", RegexOptions.CultureInvariant)]
    private static partial Regex BaseModel();

    [GeneratedRegex(@"^((arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/((imported)|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}))(([:][a-z0-9-]{1,63}){0,2})?/[a-z0-9]{12})|(:foundation-model/([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2}))))|(([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2}))|(([0-9a-zA-Z][_-]?)+))\z", RegexOptions.CultureInvariant)]
    private static partial Regex ModelId();

    [GeneratedRegex(@"^s3://[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:/[-!_*'().a-z0-9A-Z]+(?:/[-!_*'().a-z0-9A-Z]+)*)?/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex S3Uri();

    [GeneratedRegex(@"^[a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
