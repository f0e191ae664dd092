using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Storyboard.Core.Config;
using Storyboard.Core.Media;
using Storyboard.Core.Models;
using Storyboard.Core.Planning;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Core.Vision;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Errors;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Validates the execution input and the run config, finds the character references, derives
/// the run id, probes the video and writes <c>plan.json</c>, <c>plan-header.json</c> and the
/// effective <c>config.json</c>. Everything that can be wrong with the input fails here, before
/// any frame is decoded or any paid call is made — including a base model Bedrock no longer
/// fine-tunes (when the services carry a foundation model catalog and the run trains a model).
/// </summary>
public sealed class PrepareRunStep(StoryboardServices services)
{
    public const string State = "PrepareRun";

    /// <summary>How long a readable location of the video must stay valid (a presigned URL in AWS).</summary>
    private static readonly TimeSpan ProbeValidity = TimeSpan.FromMinutes(15);

    public async Task<RunContext> RunAsync(PrepareRunInput request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = Stopwatch.GetTimestamp();
        var store = services.Store;
        var input = request.Input ?? throw new InvalidExecutionInputException("The execution input is empty. Start the run with {\"key\": \"uploads/<video>\"} (optionally \"configKey\" or \"config\").");
        var (videoKey, etag, version) = CheckInput(input);
        var config = await LoadConfigAsync(input, cancellationToken).ConfigureAwait(false);
        var datasetOnly = input.DatasetOnly ?? false;

        // First, before anything is probed or paid for: a retired base model would waste the whole
        // data preparation. A dataset-only run trains nothing, so it does not ask.
        var baseModel = datasetOnly || services.FoundationModels is not { } catalog
            ? null
            : await BaseModelCheck.EnsureFineTunableAsync(catalog, ModelProfiles.Get(config.BaseModel), cancellationToken).ConfigureAwait(false);

        var info = await store.GetInfoAsync(videoKey, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException($"The video '{videoKey}' is not in bucket '{services.Bucket}'. Upload it there first (local runs: copy it into the output folder under that key).");
        await CheckReferencesAsync(config, cancellationToken).ConfigureAwait(false);

        var runId = await DeriveRunIdAsync(videoKey, etag ?? version, config, cancellationToken).ConfigureAwait(false);
        var keys = new RunKeys(runId);
        var log = new StepLog(State, runId, services.Clock);
        if (baseModel is not null)
        {
            log.Info($"base model {baseModel.ModelId} is {baseModel.LifecycleStatus} on {services.FoundationModels!.ServiceName} and supports {FoundationModelInfo.FineTuning} ({string.Join("+", baseModel.InputModalities)} to {string.Join("+", baseModel.OutputModalities)})");
        }

        var location = await store.GetReadableLocationAsync(videoKey, ProbeValidity, cancellationToken).ConfigureAwait(false);
        var video = await services.Probe.ProbeWithinLimitsAsync(location, new VideoLimits(config.MaxVideoSeconds), cancellationToken).ConfigureAwait(false);
        var duration = DurationPolicy.Check(video, config.MaxVideoSeconds);
        if (!duration.IsAllowed)
        {
            throw CorruptVideoException.For(videoKey, duration.Problem!, null);
        }

        var plan = SegmentPlanner.Plan(video, config);
        await WriteAsync(keys.Layout.PlanKey, s => SegmentPlanSerializer.WriteSegmentsAsync(s, plan, cancellationToken), cancellationToken).ConfigureAwait(false);
        await WriteAsync(keys.Layout.PlanHeaderKey, s => SegmentPlanSerializer.WriteHeaderAsync(s, plan, cancellationToken), cancellationToken).ConfigureAwait(false);
        await store.WriteTextAsync(keys.ConfigKey, RunConfigLoader.Serialize(config), StoreJson.JsonType, cancellationToken).ConfigureAwait(false);

        log.Info(
            "run planned",
            ("videoSeconds", video.DurationSeconds),
            ("videoBytes", info.Size),
            ("segments", plan.Segments.Count),
            ("expectedFrames", plan.Header.TotalExpectedFrames),
            ("characters", config.Characters.Count),
            ("ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        return new RunContext(
            RunId: runId,
            Bucket: services.Bucket,
            RunPrefix: keys.Prefix,
            SegmentsKey: keys.Layout.PlanKey,
            ConfigKey: keys.ConfigKey,
            VideoKey: videoKey,
            Services: services.Name,
            DatasetOnly: datasetOnly,
            Review: config.ReviewGate,
            ReleaseThroughput: config.ReleaseThroughput,
            PollSeconds: services.PollSeconds,
            BaseModel: config.BaseModel);
    }

    /// <summary>
    /// The run id an execution input leads to, without writing anything, so a local runner can name
    /// its execution (and so its history) after the run before the run starts.
    /// </summary>
    public async Task<string> DeriveRunIdAsync(ExecutionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (videoKey, etag, version) = CheckInput(input);
        var config = await LoadConfigAsync(input, cancellationToken).ConfigureAwait(false);
        return await DeriveRunIdAsync(videoKey, etag ?? version, config, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> DeriveRunIdAsync(string videoKey, string? etagOrVersion, RunConfig config, CancellationToken cancellationToken)
    {
        var identity = etagOrVersion ?? await HashAsync(videoKey, cancellationToken).ConfigureAwait(false);
        return RunIds.Derive(videoKey, identity, RunIds.ConfigHash(config));
    }

    private (string Key, string? Etag, string? Version) CheckInput(ExecutionInput input)
    {
        var bucket = input.Bucket ?? input.Detail?.Bucket?.Name;
        var key = input.Key ?? input.Detail?.Object?.Key;
        var etag = input.Etag ?? input.Detail?.Object?.Etag;
        var version = input.Version ?? input.Detail?.Object?.VersionId;
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add("'key' is missing: name the uploaded video, e.g. \"uploads/intro.mp4\"");
        }
        else if (!ObjectKey.TryValidate(key, out var keyProblem))
        {
            problems.Add($"'key' ({key}) is not a valid object key: {keyProblem}");
        }
        else if (key.StartsWith(RunLayout.RunsPrefix, StringComparison.Ordinal) || key.StartsWith(RunLayout.CharactersPrefix, StringComparison.Ordinal))
        {
            problems.Add($"'key' ({key}) points into {RunLayout.RunsPrefix} or {RunLayout.CharactersPrefix}; upload the video under {RunLayout.UploadsPrefix}");
        }

        if (bucket is { Length: > 0 } && !string.Equals(bucket, services.Bucket, StringComparison.Ordinal))
        {
            problems.Add($"'bucket' is '{bucket}' but this deployment reads bucket '{services.Bucket}'");
        }

        if (input.Services is { Length: > 0 } wanted && !string.Equals(wanted, services.Name, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"'services' is '{wanted}' but this deployment runs with the '{services.Name}' services");
        }

        if (input.ConfigKey is { Length: > 0 } && input.Config is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined })
        {
            problems.Add("give either 'configKey' or 'config', not both");
        }

        if (input.ConfigKey is { Length: > 0 } configKey && !ObjectKey.TryValidate(configKey, out var configProblem))
        {
            problems.Add($"'configKey' ({configKey}) is not a valid object key: {configProblem}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidExecutionInputException("The execution input cannot start a run:" + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p)));
        }

        return (key!, string.IsNullOrWhiteSpace(etag) ? null : etag, string.IsNullOrWhiteSpace(version) ? null : version);
    }

    private async Task<RunConfig> LoadConfigAsync(ExecutionInput input, CancellationToken cancellationToken)
    {
        if (input.ConfigKey is { Length: > 0 } configKey)
        {
            if (!await services.Store.ExistsAsync(configKey, cancellationToken).ConfigureAwait(false))
            {
                throw new ObjectNotFoundException($"The run config '{configKey}' named by 'configKey' is not in bucket '{services.Bucket}'.");
            }

            return RunConfigLoader.Parse(await services.Store.ReadTextAsync(configKey, cancellationToken).ConfigureAwait(false));
        }

        if (input.Config is { ValueKind: JsonValueKind.Object } inline)
        {
            return RunConfigLoader.Parse(inline.GetRawText());
        }

        if (input.Config is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } other)
        {
            throw new InvalidRunConfigException([new Core.Validation.ValidationProblem("(root)", other.ValueKind.ToString().ToLowerInvariant(), "must be a JSON object")]);
        }

        // No config: the defaults, with one character per folder under characters/.
        var discovered = await DiscoverCharactersAsync(cancellationToken).ConfigureAwait(false);
        if (discovered.Count == 0)
        {
            throw new NoCharacterReferencesException();
        }

        var config = new RunConfig { Characters = discovered.Select(name => new CharacterConfig { Name = name }).ToList() };
        var problems = RunConfigValidator.Validate(config);
        return problems.Count > 0 ? throw new InvalidRunConfigException(problems) : config;
    }

    private async Task<List<string>> DiscoverCharactersAsync(CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var item in services.Store.ListAsync(RunLayout.CharactersPrefix, cancellationToken).ConfigureAwait(false))
        {
            var parts = item.Key[RunLayout.CharactersPrefix.Length..].Split('/');
            if (parts.Length == 2 && ReferenceFiles.IsImageName(parts[1]))
            {
                names.Add(parts[0]);
            }
        }

        return [.. names];
    }

    private async Task CheckReferencesAsync(RunConfig config, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var character in config.Characters)
        {
            var prefix = character.ReferencePrefixOrDefault();
            var found = false;
            await foreach (var item in services.Store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            {
                if (ReferenceFiles.IsImageName(item.Key))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                missing.Add($"{character.Name} ({prefix})");
            }
        }

        if (missing.Count > 0)
        {
            throw new NoCharacterReferencesException(
                $"No reference images for {string.Join(", ", missing)}. Put at least one PNG or JPEG of each character in its folder (e.g. characters/{config.Characters[0].Name}/front.png) before starting the run.");
        }
    }

    private async Task<string> HashAsync(string key, CancellationToken cancellationToken)
    {
        await using var stream = await services.Store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        return "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private async Task WriteAsync(string key, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        await using var buffer = new MemoryStream();
        await write(buffer).ConfigureAwait(false);
        buffer.Position = 0;
        await services.Store.WriteAsync(key, buffer, StoreJson.JsonType, cancellationToken).ConfigureAwait(false);
    }
}
