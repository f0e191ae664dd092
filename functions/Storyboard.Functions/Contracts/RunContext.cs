namespace Storyboard.Functions.Contracts;

/// <summary>
/// The small record PrepareRun writes to <c>$.run</c> and every later state passes on: keys and
/// switches only, never data, so state payloads stay far below the 256 KiB limit. Property names
/// are the ones statemachine/storyboard.asl.json reads (<c>$.run.bucket</c>, <c>$.run.segmentsKey</c>, ...).
/// </summary>
/// <param name="RunId">Deterministic id: the same video and config map to the same run.</param>
/// <param name="Bucket">Bucket name in AWS; the local output folder's bucket name on a local run.</param>
/// <param name="RunPrefix"><c>runs/&lt;runId&gt;/</c>, with the trailing slash.</param>
/// <param name="SegmentsKey">The JSON array of segments the ProcessSegments ItemReader reads.</param>
/// <param name="ConfigKey">The validated run config, as written by PrepareRun.</param>
/// <param name="VideoKey">The uploaded video.</param>
/// <param name="Services"><c>local</c> (offline stand-ins) or <c>aws</c>.</param>
/// <param name="DatasetOnly">Stop after BuildDataset.</param>
/// <param name="Review">Wait for a human approval of the dataset before training.</param>
/// <param name="ReleaseThroughput">Delete the provisioned throughput when done.</param>
/// <param name="PollSeconds">Wait between status checks of the training job and the throughput.</param>
/// <param name="BaseModel">Model profile id, e.g. <c>amazon.nova-canvas-v1:0</c>.</param>
public sealed record RunContext(
    string RunId,
    string Bucket,
    string RunPrefix,
    string SegmentsKey,
    string ConfigKey,
    string VideoKey,
    string Services,
    bool DatasetOnly,
    bool Review,
    bool ReleaseThroughput,
    int PollSeconds,
    string BaseModel);
