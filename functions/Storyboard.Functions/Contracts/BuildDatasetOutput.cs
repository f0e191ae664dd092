namespace Storyboard.Functions.Contracts;

/// <summary>What BuildDataset leaves for the training steps (<c>$.dataset.result</c>).</summary>
/// <param name="TrainKey"><c>runs/&lt;runId&gt;/dataset/train.jsonl</c>.</param>
/// <param name="TrainS3Uri">The same file as <c>s3://bucket/key</c>, the form Bedrock's TrainingDataConfig takes.</param>
/// <param name="ItemsKey">Provenance per training image.</param>
/// <param name="ReportKey">The run report (HTML).</param>
/// <param name="ExportPrefix">The portable copy (images beside <c>.txt</c> captions plus <c>metadata.jsonl</c>).</param>
/// <param name="Records">Training records written (5..10,000 for Nova Canvas).</param>
public sealed record BuildDatasetOutput(
    string TrainKey,
    string TrainS3Uri,
    string ItemsKey,
    string ReportKey,
    string ExportPrefix,
    int Records);
