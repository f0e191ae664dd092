using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Asl.History;
using Storyboard.Aws;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Functions;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Handlers;
using Storyboard.Functions.Model;
using Storyboard.Functions.Steps;
using Storyboard.Storage;

namespace Storyboard.Cli.Workflow;

/// <summary>
/// The composition root of a run on this machine: the output folder plays the bucket, the offline
/// stand-ins (or, in a hybrid run, the real AWS services) serve the AI steps, and the executor
/// runs the deployed workflow file.
/// </summary>
internal sealed class WorkflowRun
{
    public const string WorkflowKey = "workflow";
    public const string WorkflowName = "storyboard";

    private WorkflowRun(string outputFolder, StoryboardServices services, ModelServices model, LocalExecutor executor, HybridSettings? hybrid)
    {
        OutputFolder = outputFolder;
        Services = services;
        Hybrid = hybrid;
        Executor = executor;
        WorkflowHandlers.Register(executor.Handlers, services, model);
    }

    public string OutputFolder { get; }

    public StoryboardServices Services { get; }

    public LocalExecutor Executor { get; }

    /// <summary>Null when the offline stand-ins serve the run.</summary>
    public HybridSettings? Hybrid { get; }

    /// <param name="hybrid">Null for the offline stand-ins; otherwise the real services with the caller's credentials.</param>
    /// <exception cref="Aws.Http.AwsConfigurationException">A hybrid run without a resolvable region.</exception>
    public static WorkflowRun Create(string outputFolder, double timeScale, RunProgress? progress, HybridSettings? hybrid = null)
    {
        Directory.CreateDirectory(outputFolder);
        var scratch = Path.Combine(outputFolder, ".storyboard-scratch");
        StoryboardServices services;
        ModelServices model;
        if (hybrid is null)
        {
            services = LocalServices.Create(outputFolder, LocalServices.DefaultBucket, scratch);
            model = ModelServices.Offline(services.Store, ModelSettings.FromEnvironment(_ => null), services.Bucket);
        }
        else
        {
            var clients = AwsClients.Create();
            IObjectStore store = new LocalFolderObjectStore(outputFolder);
            if (hybrid.Bucket is { } bucket)
            {
                // Only what Bedrock reads leaves the machine: the run's files, not the video or the frames.
                store = new MirroredObjectStore(store, AwsComposition.BucketStore(bucket, clients), key => key.StartsWith(RunLayout.RunsPrefix, StringComparison.Ordinal) && !RunLayout.IsFrameKey(key));
            }

            // One process runs every step, so it both maintains the collection and searches it.
            services = AwsComposition.Create(new AwsSettings(hybrid.Bucket ?? LocalServices.DefaultBucket, hybrid.CollectionId) { ManageCollection = true, CustomLabelsProjectVersionArn = hybrid.CustomLabelsArn }, clients, store, scratch);
            model = AwsComposition.CreateModel(clients, store, new ModelSettings(hybrid.RoleArn ?? string.Empty, hybrid.ModelUnits));
        }

        var executor = new LocalExecutor(new LocalExecutorOptions
        {
            Store = new LocalFolderObjectStore(outputFolder),
            TimeScale = timeScale,

            // The deployed definition fans segments out 8 at a time to separate Lambdas; here they
            // share this machine's cores, and more CPU-bound children than cores only slow each other.
            MaxMapConcurrency = Environment.ProcessorCount,
            OnEvent = progress is null ? null : progress.OnEvent,
        });
        return new WorkflowRun(outputFolder, services, model, executor, hybrid);
    }

    public static async Task<StateMachineDefinition> LoadDefinitionAsync(CancellationToken cancellationToken) =>
        await DefinitionLoader.LoadFileAsync(Path.Combine(AppContext.BaseDirectory, "storyboard.asl.json"), WorkflowHandlers.Substitutions, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The run id PrepareRun will derive, so the execution's history lands in the run's own folder;
    /// input the workflow will reject gets a fallback id and fails inside the run, where the
    /// failure path records it.
    /// </summary>
    public async Task<string> RunIdAsync(JsonObject input, string videoKey, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = input.Deserialize(FunctionsJsonContext.Default.ExecutionInput)!;
            return await new PrepareRunStep(Services).DeriveRunIdAsync(parsed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var stem = new string(Path.GetFileNameWithoutExtension(videoKey).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            return $"failed-{(stem.Length == 0 ? "video" : stem[..Math.Min(stem.Length, 24)])}-{DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}";
        }
    }

    public async Task<ExecutionResult> StartAsync(JsonObject input, string runId, double timeScale, CancellationToken cancellationToken)
    {
        var definition = await LoadDefinitionAsync(cancellationToken).ConfigureAwait(false);
        var metadata = new Dictionary<string, string>
        {
            [WorkflowKey] = WorkflowName,
            ["timeScale"] = timeScale.ToString(CultureInfo.InvariantCulture),
        };
        Hybrid?.WriteTo(metadata);
        var result = await Executor.StartExecutionAsync(definition, new StartExecutionRequest(input, runId, metadata), cancellationToken).ConfigureAwait(false);
        await RecordIfFailedAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public async Task<ExecutionResult> RedriveAsync(string runId, CancellationToken cancellationToken)
    {
        var result = await Executor.RedriveExecutionAsync(runId, cancellationToken).ConfigureAwait(false);
        await RecordIfFailedAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// What the EventBridge rule on the execution's status change does in AWS: hand RecordFailure
    /// the failed execution, so error.json is written the same way on both.
    /// </summary>
    private async Task RecordIfFailedAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return;
        }

        var record = await Executor.DescribeExecutionAsync(result.RunId, cancellationToken).ConfigureAwait(false);
        var history = await ExecutionHistory.ReadAsync(Services.Store, Executor.HistoryKey(result.RunId), cancellationToken).ConfigureAwait(false);
        var failedState = history.LastOrDefault(e => e.Type.EndsWith("StateEntered", StringComparison.Ordinal))?.Details?["name"]?.GetValue<string>();
        var notification = new JsonObject
        {
            ["detail-type"] = "Step Functions Execution Status Change",
            ["detail"] = new JsonObject
            {
                ["name"] = result.RunId,
                ["status"] = ExecutionRecord.StatusName(result.Status),
                ["input"] = record.Input,
                ["error"] = result.Error,
                ["cause"] = result.Cause,
            },
            ["failedState"] = failedState,
        };
        await using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(notification.ToJsonString()));
        await using var _ = await new RecordFailureHandler(Services).HandleAsync(input).ConfigureAwait(false);
    }
}
