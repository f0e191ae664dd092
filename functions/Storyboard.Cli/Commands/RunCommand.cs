using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Cli.Runs;
using Storyboard.Cli.Workflow;
using Storyboard.Core.Runs;

namespace Storyboard.Cli.Commands;

/// <summary>
/// <c>storyboard run VIDEO</c>: the main job — the whole workflow on one machine, with the offline
/// stand-ins or (<c>--services aws</c>) the real AWS services and the caller's credentials.
/// </summary>
public static class RunCommand
{
    public static Command Create()
    {
        var video = new Argument<FileInfo>("video") { Description = "The video to learn the characters from." };
        var characters = new Option<DirectoryInfo?>("--characters") { Description = "Reference images, one folder per character (characters/<Name>/*.png|jpg). Default: 'characters' beside the video." };
        var config = new Option<FileInfo?>("--config") { Description = "Run config (JSON); omitted settings take their defaults." };
        var services = new Option<string>("--services") { Description = "local (offline stand-ins) or aws (Rekognition and Bedrock with your credentials; paid).", DefaultValueFactory = _ => "local" };
        var bucket = new Option<string?>("--bucket") { Description = "aws: a bucket you own (e.g. the stack's BucketName output) where the dataset is copied for Bedrock to fine-tune from. Not needed with --dataset-only. Default: STORYBOARD_BUCKET." };
        var collection = new Option<string?>("--collection") { Description = $"aws: the Rekognition collection the reference faces are indexed in; created when missing. Default: STORYBOARD_COLLECTION_ID, else '{HybridSettings.DefaultCollectionId}'." };
        var customLabels = new Option<string?>("--custom-labels") { Description = "aws: the ARN of a running Rekognition Custom Labels model whose labels are the character names; it finds the characters instead of the face collection. Default: STORYBOARD_CUSTOM_LABELS_PROJECT_VERSION_ARN." };
        var roleArn = new Option<string?>("--role-arn") { Description = "aws: the role Bedrock assumes to read the bucket (the stack's CustomizationRoleArn output). Not needed with --dataset-only. Default: STORYBOARD_CUSTOMIZATION_ROLE_ARN." };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "The output folder; it plays the bucket (runs/<runId>/ lands here).", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var datasetOnly = new Option<bool>("--dataset-only") { Description = "Stop after BuildDataset: no fine-tuning, no throughput, no storyboard." };
        var timeScale = new Option<double>("--time-scale") { Description = "Multiplies Wait states and Retry intervals.", DefaultValueFactory = _ => 1.0 };
        var command = new Command("run", "Run the Storyboard workflow on a video: frames, characters, crops, captions, dataset, model and storyboard.")
        {
            video, characters, config, services, bucket, collection, roleArn, customLabels, outDirectory, datasetOnly, timeScale,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(video)!;
            if (!file.Exists)
            {
                error.WriteLine($"The video '{file.FullName}' does not exist.");
                return 2;
            }

            var servicesName = parse.GetValue(services)?.Trim().ToLowerInvariant();
            if (servicesName is not ("local" or "aws"))
            {
                error.WriteLine($"--services is '{parse.GetValue(services)}'; use local (offline stand-ins) or aws (the real services, paid).");
                return 2;
            }

            var referenceFolder = parse.GetValue(characters) ?? new DirectoryInfo(Path.Combine(file.DirectoryName!, "characters"));
            if (!referenceFolder.Exists)
            {
                error.WriteLine($"No character references: '{referenceFolder.FullName}' does not exist. Put reference images in <folder>/<Name>/*.png and pass --characters <folder>.");
                return 2;
            }

            JsonNode? configJson = null;
            if (parse.GetValue(config) is { } configFile)
            {
                try
                {
                    configJson = JsonNode.Parse(await File.ReadAllTextAsync(configFile.FullName, cancellationToken));
                }
                catch (Exception e) when (e is IOException or JsonException)
                {
                    error.WriteLine($"Cannot read the config '{configFile.FullName}': {e.Message}");
                    return 2;
                }
            }

            HybridSettings? hybrid = null;
            if (servicesName == "aws")
            {
                hybrid = await HybridPreflight.CheckAsync(
                    parse.GetValue(bucket) ?? Environment.GetEnvironmentVariable("STORYBOARD_BUCKET"),
                    parse.GetValue(collection) ?? Environment.GetEnvironmentVariable("STORYBOARD_COLLECTION_ID"),
                    parse.GetValue(roleArn) ?? Environment.GetEnvironmentVariable("STORYBOARD_CUSTOMIZATION_ROLE_ARN"),
                    parse.GetValue(customLabels) ?? Environment.GetEnvironmentVariable("STORYBOARD_CUSTOM_LABELS_PROJECT_VERSION_ARN"),
                    parse.GetValue(datasetOnly),
                    error,
                    cancellationToken);
                if (hybrid is null)
                {
                    return 2;
                }
            }

            var folder = parse.GetValue(outDirectory)!.FullName;
            var scale = parse.GetValue(timeScale);
            var progress = new RunProgress(error);
            try
            {
                var run = WorkflowRun.Create(folder, scale, progress, hybrid);
                var videoKey = await RunInputs.UploadVideoAsync(run.Services.Store, file, cancellationToken);
                var referenceCount = await RunInputs.SyncCharactersAsync(run.Services.Store, referenceFolder, cancellationToken);
                var input = RunInputs.ExecutionInput(run.Services.Bucket, videoKey, configJson, parse.GetValue(datasetOnly), run.Services.Name);
                var runId = await run.RunIdAsync(input, videoKey, cancellationToken);
                var described = hybrid is null
                    ? "services local (offline stand-ins)"
                    : $"services aws (Rekognition collection {hybrid.CollectionId}, {run.Services.Embedder.Service}, {run.Services.Captioner.Service}{(hybrid.Bucket is null ? string.Empty : $", dataset copied to s3://{hybrid.Bucket}/")})";
                error.WriteLine($"run {runId}: {file.Name}, {referenceCount} reference image(s), {described}, output {folder}");

                var result = await run.StartAsync(input, runId, scale, cancellationToken);
                var exit = LocalRuns.Print(result, output, error, folder);
                var layout = new RunLayout(runId);
                error.WriteLine(result.Succeeded
                    ? $"dataset: {Path.Combine(folder, layout.TrainKey)}{Environment.NewLine}report:  {Path.Combine(folder, layout.ReportKey)}"
                    : $"error:   {ErrorRecordPath(folder, layout)} ({(File.Exists(Path.Combine(folder, layout.ErrorKey)) ? $"fix the cause, then: storyboard redrive {runId} --out {folder}" : "the input was rejected before the run started: fix it and run again")})");
                return exit;
            }
            catch (Exception e) when (e is Aws.Http.AwsConfigurationException or InvalidDefinitionException or MissingTaskHandlerException or IOException or UnauthorizedAccessException or Core.Storage.StoreNotWritableException or Core.Storage.InvalidObjectKeyException)
            {
                error.WriteLine($"{e.GetType().Name}: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>
    /// Where RecordFailure put error.json: the run's folder, or <c>runs/_failed/</c> when the input
    /// itself was rejected before the run had a folder.
    /// </summary>
    private static string ErrorRecordPath(string folder, RunLayout layout)
    {
        var own = Path.Combine(folder, layout.ErrorKey);
        var failed = new DirectoryInfo(Path.Combine(folder, RunLayout.RunsPrefix, "_failed"));
        return File.Exists(own) || !failed.Exists
            ? own
            : failed.EnumerateFiles("error.json", SearchOption.AllDirectories).OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()?.FullName ?? own;
    }
}
