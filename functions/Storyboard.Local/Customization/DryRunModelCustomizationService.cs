using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Storyboard.Core.Customization;
using Storyboard.Core.Dataset;
using Storyboard.Core.Models;
using Storyboard.Core.Requests;
using Storyboard.Core.Storage;
using Storyboard.Core.Validation;
using Storyboard.Local.Customization.Internal;

namespace Storyboard.Local.Customization;

/// <summary>
/// Bedrock model customization without Bedrock: validates the exact request Bedrock would
/// receive (API rules, the model's hyperparameter ranges, the training file and its record
/// count), then walks the job and throughput lifecycles one status check at a time. Nothing is
/// trained or served, and every record it keeps says so. State lives in the object store under
/// <see cref="DryRunOptions.StatePrefix"/>, so a later process sees the same job.
/// </summary>
public sealed class DryRunModelCustomizationService(IObjectStore store, DryRunOptions? options = null) : IModelCustomizationService
{
    public const string JobNote = "Dry run: no model was trained; this record shows the request Bedrock would receive.";
    public const string ThroughputNote = "Dry run: no throughput was bought and nothing is billed; this record shows the request Bedrock would receive.";

    private const string JobsPrefix = DryRunOptions.StatePrefix + "customization-jobs/";
    private const string ThroughputsPrefix = DryRunOptions.StatePrefix + "provisioned-throughputs/";

    private readonly DryRunOptions _options = options ?? new DryRunOptions();

    public string ServiceName => $"Bedrock dry run ({_options.Region}, offline: validates requests, trains nothing)";

    public bool IsDryRun => true;

    public async Task<CustomizationJob> StartJobAsync(CustomizationJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = ModelProfiles.Get(request.BaseModelIdentifier);
        CustomizationRequestValidator.EnsureValid(request, profile);

        var key = JobsPrefix + request.JobName + ".json";
        if (await ReadAsync(key, DryRunJsonContext.Default.DryRunJobState, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            // Bedrock ignores a request whose token it has seen; a different token under a used name is refused.
            return existing.Request.ClientRequestToken == request.ClientRequestToken
                ? ToJob(existing)
                : throw new InvalidRequestException([new ValidationProblem(
                    "jobName", request.JobName, $"a job with this name already exists ({existing.JobArn}, started with another client request token); use a new job name or the existing job")]);
        }

        var records = await CountTrainingRecordsAsync(request.TrainingDataConfig.S3Uri, profile, cancellationToken).ConfigureAwait(false);
        var id = ShortId(request.JobName);
        var state = new DryRunJobState(
            ServiceName,
            Trained: false,
            JobNote,
            request,
            records,
            JobArn: $"arn:aws:bedrock:{_options.Region}:{DryRunOptions.AccountId}:model-customization-job/{request.BaseModelIdentifier}/{id}",
            OutputModelName: request.CustomModelName,
            OutputModelArn: $"arn:aws:bedrock:{_options.Region}:{DryRunOptions.AccountId}:custom-model/{request.BaseModelIdentifier}/{ShortId(request.CustomModelName)}",
            Checks: 0,
            History: [new DryRunStatusEntry(0, CustomizationJobStatus.InProgress)]);
        await WriteAsync(key, state, DryRunJsonContext.Default.DryRunJobState, cancellationToken).ConfigureAwait(false);
        return ToJob(state);
    }

    public async Task<CustomizationJob?> GetJobAsync(string jobIdentifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobIdentifier);
        var found = await FindJobAsync(jobIdentifier, cancellationToken).ConfigureAwait(false);
        if (found is not var (key, state))
        {
            return null;
        }

        var checks = state.Checks + 1;
        var status = state.History[^1].Status is CustomizationJobStatus.Completed or CustomizationJobStatus.Failed ? state.History[^1].Status : JobStatus(checks);
        state = state with
        {
            Checks = checks,
            History = [.. state.History, new DryRunStatusEntry(checks, status)],
            FailureMessage = status == CustomizationJobStatus.Failed ? state.FailureMessage ?? "Dry run: " + _options.JobFailureMessage : null,
        };
        await WriteAsync(key, state, DryRunJsonContext.Default.DryRunJobState, cancellationToken).ConfigureAwait(false);
        return ToJob(state);
    }

    public async Task<ProvisionedThroughput> CreateThroughputAsync(ThroughputRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CustomizationRequestValidator.EnsureValid(request);
        await EnsureModelExistsAsync(request.ModelId, cancellationToken).ConfigureAwait(false);

        var key = ThroughputsPrefix + request.ProvisionedModelName + ".json";
        if (await ReadAsync(key, DryRunJsonContext.Default.DryRunThroughputState, cancellationToken).ConfigureAwait(false) is { Deleted: false } existing)
        {
            return existing.Request.ClientRequestToken == request.ClientRequestToken
                ? ToThroughput(existing)
                : throw new InvalidRequestException([new ValidationProblem(
                    "provisionedModelName", request.ProvisionedModelName, $"a provisioned throughput with this name already exists ({existing.ProvisionedModelArn}); delete it or use another name")]);
        }

        var state = new DryRunThroughputState(
            ServiceName,
            ThroughputNote,
            request,
            ProvisionedModelArn: $"arn:aws:bedrock:{_options.Region}:{DryRunOptions.AccountId}:provisioned-model/{ShortId(request.ProvisionedModelName)}",
            Checks: 0,
            Deleted: false,
            History: [new DryRunStatusEntry(0, ThroughputStatus.Creating)]);
        await WriteAsync(key, state, DryRunJsonContext.Default.DryRunThroughputState, cancellationToken).ConfigureAwait(false);
        return ToThroughput(state);
    }

    public async Task<ProvisionedThroughput?> GetThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(provisionedModelId);
        if (await FindThroughputAsync(provisionedModelId, cancellationToken).ConfigureAwait(false) is not var (key, state))
        {
            return null;
        }

        var checks = state.Checks + 1;
        var status = state.History[^1].Status == ThroughputStatus.InService || checks > _options.ThroughputChecksCreating ? ThroughputStatus.InService : ThroughputStatus.Creating;
        state = state with { Checks = checks, History = [.. state.History, new DryRunStatusEntry(checks, status)] };
        await WriteAsync(key, state, DryRunJsonContext.Default.DryRunThroughputState, cancellationToken).ConfigureAwait(false);
        return ToThroughput(state);
    }

    public async Task<bool> DeleteThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(provisionedModelId);
        if (await FindThroughputAsync(provisionedModelId, cancellationToken).ConfigureAwait(false) is not var (key, state))
        {
            return false;
        }

        state = state with { Deleted = true, History = [.. state.History, new DryRunStatusEntry(state.Checks, "Deleted")] };
        await WriteAsync(key, state, DryRunJsonContext.Default.DryRunThroughputState, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private string JobStatus(int checks) =>
        checks <= _options.JobChecksInProgress ? CustomizationJobStatus.InProgress
        : _options.JobFailureMessage is null ? CustomizationJobStatus.Completed
        : CustomizationJobStatus.Failed;

    private CustomizationJob ToJob(DryRunJobState state)
    {
        // The status the lifecycle reached is the one recorded, whatever options a later process runs with.
        var status = state.History[^1].Status;
        var completed = status == CustomizationJobStatus.Completed;
        return new CustomizationJob(
            state.JobArn,
            state.Request.JobName,
            status,
            FailureMessage: status == CustomizationJobStatus.Failed ? state.FailureMessage : null,
            OutputModelArn: completed ? state.OutputModelArn : null,
            OutputModelName: completed ? state.OutputModelName : null,
            state.Request.ClientRequestToken);
    }

    private ProvisionedThroughput ToThroughput(DryRunThroughputState state) => new(
        state.ProvisionedModelArn,
        state.Request.ProvisionedModelName,
        state.Request.ModelId,
        state.Request.ModelUnits,
        state.History.Last(h => h.Status != "Deleted").Status,
        FailureMessage: null);

    private async Task<int> CountTrainingRecordsAsync(string s3Uri, ModelProfile profile, CancellationToken cancellationToken)
    {
        const string Path = "trainingDataConfig.s3Uri";
        if (!S3Uri.TryParse(s3Uri, out var uri, out var problem))
        {
            throw new InvalidRequestException([new ValidationProblem(Path, s3Uri, problem)]);
        }

        if (_options.ExpectedBucket is { } bucket && uri.Bucket != bucket)
        {
            throw new InvalidRequestException([new ValidationProblem(Path, s3Uri, $"must be in the run's bucket '{bucket}'")]);
        }

        if (!await store.ExistsAsync(uri.Key, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidRequestException([new ValidationProblem(Path, s3Uri, $"no training file at key '{uri.Key}'; run BuildDataset first")]);
        }

        var text = await store.ReadTextAsync(uri.Key, cancellationToken).ConfigureAwait(false);
        var records = text.Split('\n').Count(line => !string.IsNullOrWhiteSpace(line));
        if (!profile.Dataset.Records.Contains(records))
        {
            throw new InvalidRequestException([new ValidationProblem(Path, s3Uri, $"holds {records} records; {profile.DisplayName} needs {profile.Dataset.Records} records")]);
        }

        return records;
    }

    private async Task EnsureModelExistsAsync(string modelId, CancellationToken cancellationToken)
    {
        await foreach (var info in store.ListAsync(JobsPrefix, cancellationToken).ConfigureAwait(false))
        {
            var state = await ReadAsync(info.Key, DryRunJsonContext.Default.DryRunJobState, cancellationToken).ConfigureAwait(false);
            if (state is not null && state.OutputModelArn == modelId && state.History[^1].Status == CustomizationJobStatus.Completed)
            {
                return;
            }
        }

        throw new InvalidRequestException([new ValidationProblem("modelId", modelId, "no completed customization job produced this custom model; wait for the job to complete and pass its outputModelArn")]);
    }

    private async Task<(string Key, DryRunJobState State)?> FindJobAsync(string identifier, CancellationToken cancellationToken)
    {
        if (!identifier.StartsWith("arn:", StringComparison.Ordinal))
        {
            var key = JobsPrefix + identifier + ".json";
            return await ReadAsync(key, DryRunJsonContext.Default.DryRunJobState, cancellationToken).ConfigureAwait(false) is { } state ? (key, state) : null;
        }

        await foreach (var info in store.ListAsync(JobsPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (await ReadAsync(info.Key, DryRunJsonContext.Default.DryRunJobState, cancellationToken).ConfigureAwait(false) is { } state && state.JobArn == identifier)
            {
                return (info.Key, state);
            }
        }

        return null;
    }

    private async Task<(string Key, DryRunThroughputState State)?> FindThroughputAsync(string identifier, CancellationToken cancellationToken)
    {
        await foreach (var info in store.ListAsync(ThroughputsPrefix, cancellationToken).ConfigureAwait(false))
        {
            if (await ReadAsync(info.Key, DryRunJsonContext.Default.DryRunThroughputState, cancellationToken).ConfigureAwait(false) is { Deleted: false } state
                && (state.ProvisionedModelArn == identifier || state.Request.ProvisionedModelName == identifier))
            {
                return (info.Key, state);
            }
        }

        return null;
    }

    private async Task<T?> ReadAsync<T>(string key, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (!await store.ExistsAsync(key, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        await using var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync<T>(string key, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo), writable: false);
        await store.WriteAsync(key, stream, "application/json", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Twelve lower-case hex digits, the form of Bedrock's resource ids, stable per name.</summary>
    private static string ShortId(string name) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..12];
}
