namespace Storyboard.Cdk.Storage;

/// <summary>The bucket layout the deployment wires permissions and triggers to (DESIGN §4).</summary>
public static class RunLayout
{
    public const string UploadsPrefix = "uploads/";
    public const string CharactersPrefix = "characters/";
    public const string RunsPrefix = "runs/";

    /// <summary>Video containers an upload must end with to start a run.</summary>
    public static IReadOnlyList<string> VideoSuffixes { get; } = [".mp4", ".mov", ".m4v", ".mkv", ".webm"];

    /// <summary>
    /// S3 lifecycle filters match key prefixes only, and frames live at <c>runs/&lt;runId&gt;/frames/…</c>
    /// (the run id comes first), so frames are expired by object tag instead: ExtractFrames writes every
    /// frame with this tag (PutObject <c>x-amz-tagging: storyboard:kind=frame</c>).
    /// </summary>
    public const string FrameTagKey = "storyboard:kind";

    public const string FrameTagValue = "frame";

    /// <summary>Object ARN patterns (after the bucket ARN) for each part of a run.</summary>
    public const string RunObjects = "runs/*";
    public const string FrameObjects = "runs/*/frames/*";

    /// <summary>The frames' small PNG working copies; tagged and expired like the frames.</summary>
    public const string WorkingFrameObjects = "runs/*/frames-work/*";
    public const string DatasetObjects = "runs/*/dataset/*";
    public const string CropObjects = "runs/*/crops/*";
    public const string ModelObjects = "runs/*/model/*";
    public const string ErrorRecordObjects = "runs/*/error.json";

    /// <summary>ReviewDataset writes this once per review request; its creation notifies reviewers.</summary>
    public const string ReviewRequestObjects = "runs/*/review-request.txt";

    /// <summary>Where a failure is recorded when the run never got an id (its input was what failed).</summary>
    public const string UnnamedRunErrorObjects = "runs/_failed/*";
}
