using System.CommandLine;
using Storyboard.Aws.Http;
using Storyboard.Aws.StepFunctions.Model;

namespace Storyboard.Cli.Stack;

/// <summary><c>storyboard stack start VIDEO</c>: uploads a run's inputs to the stack's bucket and starts the execution, once.</summary>
internal static class StackStartCommand
{
    public static Command Create(StackOptions options, StackAccess access)
    {
        var video = new Argument<FileInfo>("video") { Description = "The video to learn the characters from." };
        var characters = new Option<DirectoryInfo?>("--characters")
        {
            Description = "Reference images, one folder per character (<dir>/<Name>/*.png|jpg), uploaded to characters/<Name>/. Default: 'characters' beside the video if it exists; otherwise the references already in the bucket are used.",
        };
        var config = new Option<FileInfo?>("--config") { Description = "Run config (JSON), checked here and uploaded under uploads/config/; the run reads it through 'configKey'." };
        var datasetOnly = new Option<bool>("--dataset-only") { Description = "Stop after BuildDataset: no fine-tuning, no throughput, no storyboard." };
        var watch = new Option<bool>("--watch") { Description = "Then follow the run like 'stack watch'." };
        var command = new Command(
            "start",
            $"Upload the references, the config and the video, then start the run with StartExecution (execution name = run id). The video goes to {StackUploads.VideoPrefix}<file>{StackUploads.VideoSuffix}, which the stack's upload rule ignores, so the run starts exactly once and can carry --config and --dataset-only; starting the same video and config again finds the same run instead of a second one.")
        {
            video, characters, config, datasetOnly, watch,
        };
        command.SetAction((parse, cancellationToken) => StackCommand.RunAsync(parse, options, access, async stack =>
        {
            var output = parse.InvocationConfiguration.Output;
            var log = parse.InvocationConfiguration.Error;
            var file = parse.GetValue(video)!;
            if (!file.Exists)
            {
                throw new StackProblemException($"The video '{file.FullName}' does not exist.");
            }

            var referenceFolder = parse.GetValue(characters);
            if (referenceFolder is { Exists: false })
            {
                throw new StackProblemException($"The references folder '{referenceFolder.FullName}' does not exist. Put reference images in <folder>/<Name>/*.png and pass --characters <folder>.");
            }

            referenceFolder ??= new DirectoryInfo(Path.Combine(file.DirectoryName!, "characters")) is { Exists: true } beside ? beside : null;
            var configText = parse.GetValue(config) is { } configFile
                ? await StackUploads.ReadConfigAsync(configFile, cancellationToken).ConfigureAwait(false)
                : null;

            await stack.CheckBucketAsync(cancellationToken).ConfigureAwait(false);
            var uploaded = referenceFolder is null
                ? []
                : await StackUploads.UploadCharactersAsync(stack.Store, referenceFolder, log, cancellationToken).ConfigureAwait(false);
            var configKey = configText is null
                ? null
                : await StackUploads.UploadConfigAsync(stack.Store, configText, cancellationToken).ConfigureAwait(false);
            if (configKey is null)
            {
                // Without a config the run takes every character in the bucket, not only the uploaded ones.
                var others = (await StackUploads.CharactersInBucketAsync(stack.Store, cancellationToken).ConfigureAwait(false)).Except(uploaded).ToList();
                if (others.Count > 0)
                {
                    log.WriteLine($"note: without --config the run also looks for {string.Join(", ", others)} (references already in characters/).");
                }
            }

            var input = await StackUploads.UploadVideoAsync(stack, file, configKey, parse.GetValue(datasetOnly), log, cancellationToken).ConfigureAwait(false);
            var inputText = input.ToJsonString();

            // PrepareRun's own derivation: the execution is named as the run, and input it would reject (no characters at all) fails here.
            var runId = await StackRuns.DeriveAsync(stack, inputText, cancellationToken).ConfigureAwait(false);
            string executionArn;
            try
            {
                var started = await stack.StepFunctions.StartExecutionAsync(new StartExecutionRequest(stack.Machine.ToString(), runId, inputText), cancellationToken).ConfigureAwait(false);
                executionArn = started.ExecutionArn ?? stack.Machine.ExecutionArn(runId);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "ExecutionAlreadyExists")
            {
                throw new StackProblemException(
                    $"Run {runId} was started before (same video and config; --dataset-only does not change the run id), so it is not started again. "
                    + $"See it with 'storyboard stack watch {runId}'; if it failed, 'storyboard stack redrive {runId}' resumes it. For a new run, change the config or the video.");
            }

            output.WriteLine($"run:       {runId}");
            output.WriteLine($"execution: {executionArn}");
            if (!parse.GetValue(watch))
            {
                log.WriteLine($"follow it: storyboard stack watch {runId}");
                return 0;
            }

            return await new ExecutionWatcher(stack, access, output).WatchAsync(executionArn, runId, cancellationToken).ConfigureAwait(false);
        }, cancellationToken));
        return command;
    }
}
