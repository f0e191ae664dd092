namespace Storyboard.Media;

/// <summary>Where ffmpeg/ffprobe live and how long their processes may run.</summary>
public sealed record MediaToolsOptions
{
    /// <summary>
    /// Folder holding <c>ffmpeg</c> and <c>ffprobe</c>; searched after the FFMPEG_PATH/FFPROBE_PATH
    /// variables and before /opt/bin (where the Lambda layer puts them) and PATH.
    /// </summary>
    public string? ToolsFolder { get; init; }

    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Limit for decoding one segment; a Lambda invocation lasts at most 15 minutes.</summary>
    public TimeSpan ExtractionTimeout { get; init; } = TimeSpan.FromMinutes(14);

    public TimeSpan ImageTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Cap on what one extraction may write (all JPEGs of a segment together).</summary>
    public long MaxExtractionBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// Decoder threads for frame extraction (<c>-threads</c> before the input); null leaves the
    /// choice to ffmpeg (one per core), right for a function that has its cores to itself. Where
    /// several extractions already share the cores, 1 avoids the threads' hand-over cost.
    /// </summary>
    public int? DecoderThreads { get; init; }

    /// <summary>Called for every process started, e.g. to log it; it must not throw.</summary>
    public Action<MediaProcessStarted>? ProcessStarted { get; init; }
}
