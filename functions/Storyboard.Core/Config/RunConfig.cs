using Storyboard.Core.Models;

namespace Storyboard.Core.Config;

/// <summary>
/// Everything a user can tune for one run. Every member has a default, so <c>{}</c> plus a
/// character list is a complete config; <see cref="RunConfigLoader"/> reads it and
/// <see cref="RunConfigValidator"/> checks it. Members are settable rather than init-only because the
/// source-generated reader passes init-only members it did not see as null, losing their defaults.
/// </summary>
public sealed record RunConfig
{
    public IReadOnlyList<CharacterConfig> Characters { get; set; } = [];

    public SamplingConfig Sampling { get; set; } = new();

    public FilterConfig Filters { get; set; } = new();

    public CropConfig Crop { get; set; } = new();

    public SelectionConfig Selection { get; set; } = new();

    public CaptionConfig Captions { get; set; } = new();

    public FineTuningConfig FineTuning { get; set; } = new();

    public StoryboardConfig Storyboard { get; set; } = new();

    /// <summary>Pause for a human approval of the dataset before paying for training.</summary>
    public bool ReviewGate { get; set; }

    /// <summary>Delete the provisioned throughput after rendering (it is billed by the hour).</summary>
    public bool ReleaseThroughput { get; set; } = true;

    /// <summary>Model profile id (see <see cref="ModelProfiles"/>).</summary>
    public string BaseModel { get; set; } = ModelProfiles.NovaCanvasId;

    /// <summary>Target length of one processing segment; the last one absorbs a short tail.</summary>
    public double SegmentSeconds { get; set; } = 45;

    /// <summary>Longest video a run accepts.</summary>
    public double MaxVideoSeconds { get; set; } = 3600;
}
