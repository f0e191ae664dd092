using Storyboard.Core.Config;
using Storyboard.Core.Customization;
using Storyboard.Core.Models;
using Storyboard.Core.Requests;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;

namespace Storyboard.Functions.Model;

/// <summary>Starts the run's customization job (once, however often it is called) and follows it.</summary>
public sealed class FineTuningStep(ModelServices services)
{
    private const string RealNote = "The customization job as Bedrock reported it at the last check.";

    /// <exception cref="UnknownModelProfileException">The run's base model has no profile.</exception>
    /// <exception cref="InvalidRequestException">The hyperparameters or the job request break the model's or the API's rules.</exception>
    public async Task<FineTuningJobOutput> StartAsync(RunContext run, BuildDatasetOutput dataset)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(dataset);
        var profile = ModelProfiles.Get(run.BaseModel);
        var config = RunConfigLoader.Parse(await services.Store.ReadTextAsync(run.ConfigKey).ConfigureAwait(false));
        var hyperparameters = config.FineTuning.ToHyperparameters();
        var problems = HyperparameterValidator.Validate(hyperparameters, profile, "fineTuning");
        if (problems.Count > 0)
        {
            throw new InvalidRequestException(problems);
        }

        if (!services.Settings.HasRole)
        {
            throw new ServicesNotConfiguredException(
                "No service role for Bedrock: set STORYBOARD_CUSTOMIZATION_ROLE_ARN (the stack's CustomizationRoleArn output) or pass --role-arn to a hybrid run. "
                + "Bedrock assumes this role to read the dataset and write the model.");
        }

        var layout = new RunLayout(run.RunId);
        var names = new CustomizationNames(run.RunId);
        var training = await services.Store.ReadBytesAsync(dataset.TrainKey).ConfigureAwait(false);
        var request = new CustomizationJobRequest(
            names.JobName,
            names.CustomModelName,
            services.Settings.RoleArn,
            profile.BaseModelId,
            CustomizationJobRequest.FineTuning,
            new S3DataConfig(dataset.TrainS3Uri),
            new S3DataConfig($"s3://{run.Bucket}/{layout.ModelPrefix}output/"),
            hyperparameters.ToApiMap(),
            names.JobToken(training));
        CustomizationRequestValidator.EnsureValid(request, profile);

        // Look up before create: a redrive after a lost response finds the job instead of being refused by name.
        var existing = await services.Customization.GetJobAsync(names.JobName).ConfigureAwait(false);
        var job = existing ?? await services.Customization.StartJobAsync(request).ConfigureAwait(false);
        var message = (existing is null ? $"Started fine-tuning job {job.JobName}" : $"Found the run's fine-tuning job {job.JobName}, started earlier")
            + $" on {services.Customization.ServiceName} with {dataset.Records} training records. {Describe(job, profile)} {CustomizationRegions.Note(profile)}".TrimEnd();
        await RecordAsync(layout, profile, existing?.ClientRequestToken == request.ClientRequestToken || existing is null ? request : request with { ClientRequestToken = existing.ClientRequestToken }, job, "StartFineTuning", message).ConfigureAwait(false);
        return new FineTuningJobOutput(job.JobArn, job.JobName, job.Status, message, job.OutputModelArn);
    }

    /// <exception cref="FineTuningJobNotFoundException">The job is gone.</exception>
    public async Task<FineTuningJobOutput> CheckAsync(RunContext run, FineTuningJobOutput previous)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(previous);
        var profile = ModelProfiles.Get(run.BaseModel);
        var job = await services.Customization.GetJobAsync(previous.JobArn).ConfigureAwait(false)
            ?? throw new FineTuningJobNotFoundException($"The fine-tuning job {previous.JobArn} was not found on {services.Customization.ServiceName}. {CustomizationRegions.Note(profile)} Start the run again to start a new job.".TrimEnd());
        var message = Describe(job, profile);
        var layout = new RunLayout(run.RunId);
        var record = await StepJson.ReadRecordAsync(services.Store, layout.CustomizationJobKey, FunctionsJsonContext.Default.CustomizationJobRecord).ConfigureAwait(false);
        if (record is not null)
        {
            await StepJson.WriteRecordAsync(
                services.Store,
                layout.CustomizationJobKey,
                record with
                {
                    Job = job,
                    Trained = !services.Customization.IsDryRun && job.Status == CustomizationJobStatus.Completed,
                    History = [.. record.History, new StatusObservation("CheckFineTuning", job.Status, message)],
                },
                FunctionsJsonContext.Default.CustomizationJobRecord).ConfigureAwait(false);
        }

        return new FineTuningJobOutput(job.JobArn, job.JobName, job.Status, message, job.OutputModelArn);
    }

    private string Describe(CustomizationJob job, ModelProfile profile)
    {
        var dryRun = services.Customization.IsDryRun ? " Dry run: no model is trained." : string.Empty;
        var text = job.Status switch
        {
            CustomizationJobStatus.Completed => $"The job completed; custom model {job.OutputModelArn}.",
            CustomizationJobStatus.Failed or CustomizationJobStatus.Stopped =>
                $"The job ended as {job.Status}: {job.FailureMessage ?? "the service gave no reason"}. {CustomizationRegions.Note(profile)}",
            _ => $"The job is {job.Status}.",
        };
        return (text + dryRun).Trim();
    }

    private async Task RecordAsync(RunLayout layout, ModelProfile profile, CustomizationJobRequest request, CustomizationJob job, string step, string message)
    {
        var dryRun = services.Customization.IsDryRun;
        var previous = await StepJson.ReadRecordAsync(services.Store, layout.CustomizationJobKey, FunctionsJsonContext.Default.CustomizationJobRecord).ConfigureAwait(false);
        var record = new CustomizationJobRecord(
            services.Customization.ServiceName,
            dryRun,
            Trained: !dryRun && job.Status == CustomizationJobStatus.Completed,
            dryRun ? Local.Customization.DryRunModelCustomizationService.JobNote : RealNote,
            CustomizationRegions.Note(profile),
            request,
            job,
            [.. previous?.History ?? [], new StatusObservation(step, job.Status, message)]);
        await StepJson.WriteRecordAsync(services.Store, layout.CustomizationJobKey, record, FunctionsJsonContext.Default.CustomizationJobRecord).ConfigureAwait(false);
    }
}
