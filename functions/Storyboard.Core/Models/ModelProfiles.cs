namespace Storyboard.Core.Models;

/// <summary>The registry of base model profiles, by id.</summary>
public static class ModelProfiles
{
    public const string NovaCanvasId = "amazon.nova-canvas-v1:0";

    /// <summary>
    /// Amazon Nova Canvas v1. Dataset limits and hyperparameters from the Nova fine-tuning data and
    /// hyperparameter pages, inference limits from the Canvas request schema (AWS-FACTS §4, §5.4).
    /// The fine-tuning data page lists no reserved caption words; the Canvas prompting guide says the
    /// model does not understand negation ("no", "not", "without"…) and that negation produces the
    /// opposite of what is meant, so captions (which become prompts after training) must not use it.
    /// </summary>
    public static ModelProfile NovaCanvas { get; } = new(
        Id: NovaCanvasId,
        BaseModelId: NovaCanvasId,
        DisplayName: "Amazon Nova Canvas v1",
        Dataset: new DatasetLimits(
            Records: new IntRange(5, 10_000),
            CaptionLength: new IntRange(3, 1024),
            Side: new IntRange(512, 4096),
            MaxPixels: 12_582_912,
            MaxAspect: 4.0,
            // "50 MB": the decimal reading is the stricter one, so a file that passes here passes there.
            MaxImageBytes: 50_000_000,
            Formats: [ImageFormat.Png, ImageFormat.Jpeg]),
        Hyperparameters: new HyperparameterRanges(
            StepCount: new IntRange(10, 20_000),
            BatchSize: new IntRange(8, 192),
            LearningRate: new DoubleRange(1e-7, 1e-4),
            DefaultStepCount: 500,
            DefaultBatchSize: 8,
            DefaultLearningRate: 1e-5),
        Inference: new InferenceRules(
            Side: new IntRange(320, 4096),
            SideMultiple: 16,
            MaxPixels: 4_194_304,
            MaxAspect: 4.0,
            CfgScale: new DoubleRange(1.1, 10.0),
            Seed: new IntRange(0, 858_993_459),
            NumberOfImages: new IntRange(1, 5),
            PromptLength: new IntRange(1, 1024),
            NegativePromptLength: new IntRange(1, 1024)),
        ReservedCaptionWords: ["no", "not", "without", "never", "none", "nobody", "nothing"]);

    private static readonly Dictionary<string, ModelProfile> ById = new(StringComparer.Ordinal)
    {
        [NovaCanvas.Id] = NovaCanvas,
    };

    public static ModelProfile Default => NovaCanvas;

    public static IReadOnlyCollection<string> Ids => ById.Keys;

    public static bool TryGet(string? id, out ModelProfile profile)
    {
        if (id is not null && ById.TryGetValue(id, out var found))
        {
            profile = found;
            return true;
        }

        profile = Default;
        return false;
    }

    /// <exception cref="UnknownModelProfileException">No profile has this id.</exception>
    public static ModelProfile Get(string id)
    {
        if (TryGet(id, out var profile))
        {
            return profile;
        }

        throw new UnknownModelProfileException(
            $"Unknown base model profile '{id}'. Known profiles: {string.Join(", ", ById.Keys)}. Set 'baseModel' in the run config to one of them.");
    }
}
