using Storyboard.Core.Models;
using Storyboard.Core.Requests;
using Storyboard.Core.Storage;
using Storyboard.Core.Validation;

namespace Storyboard.Core.Config;

/// <summary>Checks every value of a run config against its range and the base model's limits.</summary>
public static class RunConfigValidator
{
    public const double MinSegmentSeconds = 10;
    public const double MaxSegmentSeconds = 600;
    public const double MaxVideoSecondsLimit = 24 * 3600;
    public const int MaxFramesLimit = 100_000;
    public const double MaxFps = 60;
    public const double MaxSharpness = 10_000;
    public const int MaxDescriptionLength = 500;
    public const int MaxStyleLength = 200;

    public static IReadOnlyList<ValidationProblem> Validate(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new ProblemList();

        if (!ModelProfiles.TryGet(config.BaseModel, out var profile))
        {
            problems.Add("baseModel", config.BaseModel, $"must be one of: {string.Join(", ", ModelProfiles.Ids)}");
        }

        ValidateCharacters(config.Characters, problems);
        ValidateSampling(config.Sampling, problems);
        ValidateFilters(config.Filters, problems);
        ValidateCrop(config.Crop, profile, problems);
        ValidateSelection(config.Selection, problems);
        ValidateCaptions(config.Captions, profile, problems);
        problems.AddRange(HyperparameterValidator.Validate(config.FineTuning.ToHyperparameters(), profile, "fineTuning"));
        ValidateStoryboard(config.Storyboard, profile, problems);
        problems.Range("segmentSeconds", config.SegmentSeconds, MinSegmentSeconds, MaxSegmentSeconds);
        problems.Range("maxVideoSeconds", config.MaxVideoSeconds, 1, MaxVideoSecondsLimit);
        return problems.Problems;
    }

    private static void ValidateCharacters(IReadOnlyList<CharacterConfig> characters, ProblemList problems)
    {
        if (characters.Count == 0)
        {
            problems.Add("characters", "[]", "list at least one character, e.g. [{\"name\": \"Tux\"}]");
            return;
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < characters.Count; i++)
        {
            var character = characters[i];
            var path = $"characters[{i}]";
            if (!CharacterNames.IsValid(character.Name))
            {
                problems.Add(path + ".name", character.Name.Length == 0 ? null : character.Name, CharacterNames.Rule);
            }
            else if (seen.TryGetValue(character.Name, out var first))
            {
                // Case-insensitive: local runs may sit on a case-insensitive file system.
                problems.Add(path + ".name", character.Name, $"duplicates characters[{first}].name (names must differ ignoring case)");
            }
            else
            {
                seen[character.Name] = i;
            }

            if (character.Description.Length > MaxDescriptionLength)
            {
                problems.Add(path + ".description", $"({character.Description.Length} characters)", $"must be at most {MaxDescriptionLength} characters");
            }

            if (character.ReferencePrefix is { } prefix)
            {
                if (!ObjectKey.TryValidate(prefix, out var keyProblem))
                {
                    problems.Add(path + ".referencePrefix", prefix, "must be a valid object key prefix: " + keyProblem);
                }
                else if (!prefix.EndsWith('/'))
                {
                    problems.Add(path + ".referencePrefix", prefix, "must end with '/' (it names a folder)");
                }
            }
        }
    }

    private static void ValidateFilters(FilterConfig filters, ProblemList problems)
    {
        problems.Range("filters.minMeanLuma", filters.MinMeanLuma, 0, 255);
        problems.Range("filters.minSharpness", filters.MinSharpness, 0, MaxSharpness);
        if (!double.IsFinite(filters.NearIdenticalSimilarity) || filters.NearIdenticalSimilarity <= 0 || filters.NearIdenticalSimilarity > 1)
        {
            problems.Add("filters.nearIdenticalSimilarity", filters.NearIdenticalSimilarity, "must be greater than 0 and at most 1 (1 keeps every frame that is not an exact repeat)");
        }
    }

    private static void ValidateSampling(SamplingConfig sampling, ProblemList problems)
    {
        if (!double.IsFinite(sampling.Fps) || sampling.Fps <= 0 || sampling.Fps > MaxFps)
        {
            problems.Add("sampling.fps", sampling.Fps, $"must be greater than 0 and at most {MaxFps}");
        }

        if (!double.IsFinite(sampling.SceneThreshold) || sampling.SceneThreshold <= 0 || sampling.SceneThreshold >= 1)
        {
            problems.Add("sampling.sceneThreshold", sampling.SceneThreshold, "must be greater than 0 and less than 1");
        }

        problems.Range("sampling.maxFrames", sampling.MaxFrames, 1, MaxFramesLimit);
    }

    private static void ValidateCrop(CropConfig crop, ModelProfile profile, ProblemList problems)
    {
        problems.Range("crop.paddingRatio", crop.PaddingRatio, 0, 2);
        problems.Range("crop.minSourceSide", crop.MinSourceSide, 16, profile.Dataset.Side.Max);
        var side = profile.Dataset.Side;
        problems.Range("crop.outputMinSide", crop.OutputMinSide, side.Min, side.Max);
        problems.Range("crop.outputMaxSide", crop.OutputMaxSide, side.Min, side.Max);
        if (crop.OutputMaxSide < crop.OutputMinSide)
        {
            problems.Add("crop.outputMaxSide", crop.OutputMaxSide, $"must be at least crop.outputMinSide ({crop.OutputMinSide})");
        }
    }

    private static void ValidateSelection(SelectionConfig selection, ProblemList problems)
    {
        if (!double.IsFinite(selection.SimilarityThreshold) || selection.SimilarityThreshold <= 0 || selection.SimilarityThreshold > 1)
        {
            problems.Add("selection.similarityThreshold", selection.SimilarityThreshold, "must be greater than 0 and at most 1 (cosine similarity)");
        }

        if (selection.TargetPerCharacter is { } target)
        {
            problems.Range("selection.targetPerCharacter", target, 1, 10_000);
        }
    }

    private static void ValidateCaptions(CaptionConfig captions, ModelProfile profile, ProblemList problems)
    {
        problems.Range("captions.maxLength", captions.MaxLength, Math.Max(profile.Dataset.CaptionLength.Min, 16), profile.Dataset.CaptionLength.Max);
        if (captions.Style.Length > MaxStyleLength)
        {
            problems.Add("captions.style", $"({captions.Style.Length} characters)", $"must be at most {MaxStyleLength} characters");
        }

        if (captions.VariationSeed < 0)
        {
            problems.Add("captions.variationSeed", captions.VariationSeed, "must be 0 or more");
        }
    }

    private static void ValidateStoryboard(StoryboardConfig storyboard, ModelProfile profile, ProblemList problems)
    {
        var rules = profile.Inference;
        if (!rules.CfgScale.Contains(storyboard.CfgScale))
        {
            problems.Add("storyboard.cfgScale", storyboard.CfgScale, $"must be {rules.CfgScale}");
        }

        for (var i = 0; i < storyboard.Scenes.Count; i++)
        {
            var scene = storyboard.Scenes[i];
            var path = $"storyboard.scenes[{i}]";
            if (string.IsNullOrWhiteSpace(scene.Prompt))
            {
                problems.Add(path + ".prompt", scene.Prompt.Length == 0 ? null : scene.Prompt, "a prompt is required");
            }
            else if (!rules.PromptLength.Contains(scene.Prompt.Length))
            {
                problems.Add(path + ".prompt", $"({scene.Prompt.Length} characters)", $"length must be {rules.PromptLength} characters");
            }

            if (scene.NegativePrompt is { } negative && !rules.NegativePromptLength.Contains(negative.Length))
            {
                problems.Add(path + ".negativePrompt", $"({negative.Length} characters)", $"length must be {rules.NegativePromptLength} characters; leave it out for none");
            }

            if (!rules.Seed.Contains(scene.Seed))
            {
                problems.Add(path + ".seed", scene.Seed, $"must be {rules.Seed}");
            }

            SizeRules.Check(problems, path + ".width", path + ".height", scene.Width, scene.Height, rules);

            if (!rules.NumberOfImages.Contains(scene.ImagesPerScene))
            {
                problems.Add(path + ".imagesPerScene", scene.ImagesPerScene, $"must be {rules.NumberOfImages}");
            }
        }
    }
}
