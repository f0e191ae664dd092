using Storyboard.Core.Models;

namespace Storyboard.Core.Config;

/// <summary>
/// Everything a user can tune for one run. Every member has a default, so <c>{}</c> plus a
/// character list is a complete config; <see cref="RunConfigLoader"/> reads it and
/// <see cref="RunConfigValidator"/> checks it.
/// </summary>
public sealed record RunConfig
{
    public IReadOnlyList<CharacterConfig> Characters { get; init; } = [];

    public SamplingConfig Sampling { get; init; } = new();

    public CropConfig Crop { get; init; } = new();

    public SelectionConfig Selection { get; init; } = new();

    public CaptionConfig Captions { get; init; } = new();

    public FineTuningConfig FineTuning { get; init; } = new();

    public StoryboardConfig Storyboard { get; init; } = new();

    /// <summary>Pause for a human approval of the dataset before paying for training.</summary>
    public bool ReviewGate { get; init; }

    /// <summary>Delete the provisioned throughput after rendering (it is billed by the hour).</summary>
    public bool ReleaseThroughput { get; init; } = true;

    /// <summary>Model profile id (see <see cref="ModelProfiles"/>).</summary>
    public string BaseModel { get; init; } = ModelProfiles.NovaCanvasId;

    /// <summary>Target length of one processing segment; the last one absorbs a short tail.</summary>
    public double SegmentSeconds { get; init; } = 45;

    /// <summary>Longest video a run accepts.</summary>
    public double MaxVideoSeconds { get; init; } = 3600;
}
