using Storyboard.Aws.Bedrock;
using Storyboard.Aws.Bedrock.Model;
using Storyboard.Aws.Customization.Internal;
using Storyboard.Aws.Http;
using Storyboard.Core.Customization;
using Storyboard.Core.Models;
using Storyboard.Core.Requests;
using Storyboard.Core.Validation;

namespace Storyboard.Aws.Customization;

/// <summary>
/// Model customization and provisioned throughput on Amazon Bedrock, with the semantics of the
/// offline dry run: every request is validated before it is sent, a job or throughput is looked up
/// by its name before it is created, and the create call carries the run's client request token,
/// so a retried, redriven or re-uploaded run never starts a second job or buys a second
/// throughput. Statuses are Bedrock's own strings; a failure message is passed through as given.
/// </summary>
/// <remarks>
/// Errors: throttling and faults that outlive the client's retries become
/// <see cref="Core.Errors.TransientServiceException"/> (the workflow retries the step);
/// <see cref="InvalidRequestException"/> for a refused request, <see cref="BedrockAccessDeniedException"/>
/// naming the permission, <see cref="BedrockQuotaExceededException"/>, and
/// <see cref="ThroughputNotDeletableException"/> for a throughput under commitment.
/// </remarks>
public sealed class BedrockModelCustomizationService : IModelCustomizationService
{
    private readonly IBedrockApi _bedrock;

    /// <param name="region">The region the client talks to; fine-tuning Nova Canvas needs us-east-1.</param>
    public BedrockModelCustomizationService(IBedrockApi bedrock, string region)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        _bedrock = bedrock;
        Region = region;
    }

    public string Region { get; }

    public string ServiceName => $"Amazon Bedrock ({Region})";

    public bool IsDryRun => false;

    public async Task<CustomizationJob> StartJobAsync(CustomizationJobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = ModelProfiles.Get(request.BaseModelIdentifier);
        CustomizationRequestValidator.EnsureValid(request, profile);

        // Look up before create: the token alone would do on Bedrock's side, but only within its
        // memory of tokens; the name is the run's for ever.
        if (await FindJobAsync(request.JobName, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return SameJob(existing, request);
        }

        var permission = $"bedrock:CreateModelCustomizationJob (on the base model {request.BaseModelIdentifier}, custom-model/* and model-customization-job/*) "
            + $"and iam:PassRole on {request.RoleArn}, a role whose trust policy lets bedrock.amazonaws.com assume it and that may read the training data and write the output prefix";
        CreateModelCustomizationJobResponse created;
        try
        {
            created = await _bedrock.CreateModelCustomizationJobAsync(
                new CreateModelCustomizationJobRequest(
                    request.JobName,
                    request.CustomModelName,
                    request.RoleArn,
                    request.BaseModelIdentifier,
                    new TrainingDataConfig(request.TrainingDataConfig.S3Uri),
                    new OutputDataConfig(request.OutputDataConfig.S3Uri),
                    ClientRequestToken: request.ClientRequestToken,
                    CustomizationType: request.CustomizationType,
                    HyperParameters: request.HyperParameters),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (BedrockFailures.IsAlreadyExists(ex))
        {
            // Another attempt won the race (or a lost response hid our own success): the job is there now.
            return await FindJobAsync(request.JobName, cancellationToken).ConfigureAwait(false) is { } raced
                ? SameJob(raced, request)
                : throw new InvalidRequestException([new ValidationProblem("jobName", request.JobName, $"Bedrock reports a conflict ({ex.AwsMessage}) but no job of this name is visible; use a new job name")]);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == BedrockFailures.NotFound)
        {
            throw new InvalidRequestException(
                [new ValidationProblem("baseModelIdentifier", request.BaseModelIdentifier, $"{ServiceName} found no such model or data ({ex.AwsMessage}); {CustomizationRegions.Note(profile)}".TrimEnd())]);
        }
        catch (Exception ex) when (BedrockFailures.Translate(ex, ServiceName, permission) is { } named)
        {
            throw named;
        }

        if (string.IsNullOrEmpty(created.JobArn))
        {
            // Bedrock ignores a request whose token it has seen; find the job it ignored it for.
            return await FindJobAsync(request.JobName, cancellationToken).ConfigureAwait(false)
                ?? throw new AwsMalformedResponseException($"{ServiceName} CreateModelCustomizationJob answered without a jobArn and no job named {request.JobName} exists.");
        }

        // As the dry run: a new job is InProgress and has produced no model yet.
        return new CustomizationJob(created.JobArn, request.JobName, CustomizationJobStatus.InProgress, null, null, null, request.ClientRequestToken);
    }

    public async Task<CustomizationJob?> GetJobAsync(string jobIdentifier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobIdentifier);
        return await FindJobAsync(jobIdentifier, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProvisionedThroughput> CreateThroughputAsync(ThroughputRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        CustomizationRequestValidator.EnsureValid(request);

        if (await FindThroughputByNameAsync(request.ProvisionedModelName, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return SameThroughput(existing, request);
        }

        var permission = $"bedrock:CreateProvisionedModelThroughput on the custom model {request.ModelId} and provisioned-model/*";
        CreateProvisionedModelThroughputResponse created;
        try
        {
            // No commitment term: hourly billing that stops when ReleaseThroughput deletes it.
            created = await _bedrock.CreateProvisionedModelThroughputAsync(
                new CreateProvisionedModelThroughputRequest(request.ModelUnits, request.ProvisionedModelName, request.ModelId, request.ClientRequestToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (BedrockFailures.IsAlreadyExists(ex))
        {
            return await FindThroughputByNameAsync(request.ProvisionedModelName, cancellationToken).ConfigureAwait(false) is { } raced
                ? SameThroughput(raced, request)
                : throw new InvalidRequestException([new ValidationProblem("provisionedModelName", request.ProvisionedModelName, $"Bedrock reports a conflict ({ex.AwsMessage}) but no throughput of this name is visible; use another name")]);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == BedrockFailures.NotFound)
        {
            throw new InvalidRequestException(
                [new ValidationProblem("modelId", request.ModelId, $"{ServiceName} has no such custom model ({ex.AwsMessage}); wait for the job to complete and pass its outputModelArn")]);
        }
        catch (Exception ex) when (BedrockFailures.Translate(ex, ServiceName, permission) is { } named)
        {
            throw named;
        }

        if (string.IsNullOrEmpty(created.ProvisionedModelArn))
        {
            return await FindThroughputByNameAsync(request.ProvisionedModelName, cancellationToken).ConfigureAwait(false)
                ?? throw new AwsMalformedResponseException($"{ServiceName} CreateProvisionedModelThroughput answered without a provisionedModelArn and no throughput named {request.ProvisionedModelName} exists.");
        }

        // As the dry run: a new throughput is Creating.
        return new ProvisionedThroughput(created.ProvisionedModelArn, request.ProvisionedModelName, request.ModelId, request.ModelUnits, ThroughputStatus.Creating, null);
    }

    public async Task<ProvisionedThroughput?> GetThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(provisionedModelId);
        try
        {
            var response = await _bedrock.GetProvisionedModelThroughputAsync(provisionedModelId, cancellationToken).ConfigureAwait(false);
            return BedrockStatuses.ToThroughput(response, provisionedModelId, ServiceName);
        }
        catch (Exception ex) when (BedrockFailures.IsNotFound(ex))
        {
            return null;
        }
        catch (Exception ex) when (BedrockFailures.Translate(ex, ServiceName, "bedrock:GetProvisionedModelThroughput on provisioned-model/*") is { } named)
        {
            throw named;
        }
    }

    public async Task<bool> DeleteThroughputAsync(string provisionedModelId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(provisionedModelId);
        try
        {
            await _bedrock.DeleteProvisionedModelThroughputAsync(provisionedModelId, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (BedrockFailures.IsNotFound(ex))
        {
            return false;
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == BedrockFailures.Conflict)
        {
            throw new ThroughputNotDeletableException(
                $"{ServiceName} will not delete the provisioned throughput {provisionedModelId} yet: {ex.AwsMessage ?? "conflict"}. "
                + "A throughput bought with a commitment term can only be deleted when the term ends, and one that is still Creating or Updating only when that finishes; "
                + "it is billed until then. Check it with 'aws bedrock get-provisioned-model-throughput' and delete it later.",
                ex);
        }
        catch (Exception ex) when (BedrockFailures.Translate(ex, ServiceName, "bedrock:DeleteProvisionedModelThroughput on provisioned-model/*") is { } named)
        {
            throw named;
        }
    }

    /// <summary>The job by name or ARN, or null when Bedrock has none.</summary>
    private async Task<CustomizationJob?> FindJobAsync(string jobIdentifier, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _bedrock.GetModelCustomizationJobAsync(jobIdentifier, cancellationToken).ConfigureAwait(false);
            return BedrockStatuses.ToJob(response, jobIdentifier, ServiceName);
        }
        catch (Exception ex) when (BedrockFailures.IsNotFound(ex))
        {
            return null;
        }
        catch (Exception ex) when (BedrockFailures.Translate(ex, ServiceName, "bedrock:GetModelCustomizationJob on model-customization-job/*") is { } named)
        {
            throw named;
        }
    }

    /// <summary>
    /// The throughput with exactly this name: nameContains narrows the list on Bedrock's side, the
    /// exact comparison drops longer names that merely contain it (run ids can prefix one another).
    /// </summary>
    private async Task<ProvisionedThroughput?> FindThroughputByNameAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var summary in _bedrock.ListAllProvisionedModelThroughputsAsync(new ListProvisionedModelThroughputsRequest(NameContains: name), cancellationToken).ConfigureAwait(false))
            {
                if (summary.ProvisionedModelName == name)
                {
                    return BedrockStatuses.ToThroughput(summary, ServiceName);
                }
            }

            return null;
        }
        catch (Exception ex) when (BedrockFailures.Translate(ex, ServiceName, "bedrock:ListProvisionedModelThroughputs") is { } named)
        {
            throw named;
        }
    }

    /// <summary>As the dry run: the same token is the same request; another token under a used name is refused.</summary>
    private static CustomizationJob SameJob(CustomizationJob existing, CustomizationJobRequest request) =>
        existing.ClientRequestToken == request.ClientRequestToken
            ? existing
            : throw new InvalidRequestException([new ValidationProblem(
                "jobName", request.JobName, $"a job with this name already exists ({existing.JobArn}, started with another client request token); use a new job name or the existing job")]);

    /// <summary>
    /// Bedrock does not report a throughput's token, so "the same purchase" is the same name serving
    /// the same model; anything else under the name is refused, as in the dry run.
    /// </summary>
    private static ProvisionedThroughput SameThroughput(ProvisionedThroughput existing, ThroughputRequest request) =>
        existing.ModelArn.Length == 0 || existing.ModelArn == request.ModelId
            ? existing
            : throw new InvalidRequestException([new ValidationProblem(
                "provisionedModelName", request.ProvisionedModelName, $"a provisioned throughput with this name already exists ({existing.ProvisionedModelArn}, serving {existing.ModelArn}); delete it or use another name")]);
}
