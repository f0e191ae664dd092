using Storyboard.Core.Customization;
using Storyboard.Core.Runs;
using Storyboard.Functions.Contracts;
using Storyboard.Local.Customization;

namespace Storyboard.Functions.Model;

/// <summary>Buys the run's provisioned throughput (once), follows it, and releases it.</summary>
public sealed class ThroughputStep(ModelServices services)
{
    private const string RealNote = "Provisioned throughput is billed by the hour until it is deleted.";

    /// <exception cref="MissingStepInputException">The job has no custom model yet.</exception>
    public async Task<ThroughputOutput> ProvisionAsync(RunContext run, FineTuningJobOutput job)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(job);
        var modelArn = job.CustomModelArn
            ?? throw new MissingStepInputException($"ProvisionThroughput needs the completed job's customModelArn; job {job.JobName} is {job.Status} and has none.");
        var names = new CustomizationNames(run.RunId);
        var request = new ThroughputRequest(names.ProvisionedModelName, modelArn, services.Settings.ModelUnits, names.ThroughputToken);
        CustomizationRequestValidator.EnsureValid(request);

        var existing = await services.Customization.GetThroughputAsync(names.ProvisionedModelName).ConfigureAwait(false);
        var throughput = existing ?? await services.Customization.CreateThroughputAsync(request).ConfigureAwait(false);
        var message = (existing is null ? "Requested" : "Found the run's")
            + $" provisioned throughput {throughput.ProvisionedModelName} ({throughput.ModelUnits} model unit(s)) on {services.Customization.ServiceName}. {Describe(throughput)}";
        var layout = new RunLayout(run.RunId);
        var previous = await StepJson.ReadRecordAsync(services.Store, layout.ThroughputKey, FunctionsJsonContext.Default.ThroughputRecord).ConfigureAwait(false);
        await StepJson.WriteRecordAsync(
            services.Store,
            layout.ThroughputKey,
            new ThroughputRecord(
                services.Customization.ServiceName,
                services.Customization.IsDryRun,
                services.Customization.IsDryRun ? DryRunModelCustomizationService.ThroughputNote : RealNote,
                request,
                throughput,
                Released: false,
                [.. previous?.History ?? [], new StatusObservation("ProvisionThroughput", throughput.Status, message)]),
            FunctionsJsonContext.Default.ThroughputRecord).ConfigureAwait(false);
        return new ThroughputOutput(throughput.ProvisionedModelArn, throughput.ProvisionedModelName, throughput.Status, message);
    }

    /// <exception cref="ThroughputNotFoundException">The throughput is gone.</exception>
    public async Task<ThroughputOutput> CheckAsync(RunContext run, ThroughputOutput previous)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(previous);
        var throughput = await services.Customization.GetThroughputAsync(previous.ProvisionedModelArn).ConfigureAwait(false)
            ?? throw new ThroughputNotFoundException($"The provisioned throughput {previous.ProvisionedModelArn} was not found on {services.Customization.ServiceName}; it was deleted outside the run. Start the run again to buy a new one.");
        var message = Describe(throughput);
        var layout = new RunLayout(run.RunId);
        if (await StepJson.ReadRecordAsync(services.Store, layout.ThroughputKey, FunctionsJsonContext.Default.ThroughputRecord).ConfigureAwait(false) is { } record)
        {
            await StepJson.WriteRecordAsync(
                services.Store,
                layout.ThroughputKey,
                record with { Throughput = throughput, History = [.. record.History, new StatusObservation("CheckThroughput", throughput.Status, message)] },
                FunctionsJsonContext.Default.ThroughputRecord).ConfigureAwait(false);
        }

        return new ThroughputOutput(throughput.ProvisionedModelArn, throughput.ProvisionedModelName, throughput.Status, message);
    }

    /// <summary>
    /// Deletes the run's throughput: the one <c>model/throughput.json</c> names, else the run's
    /// throughput name (a purchase whose record was never written). Absent is not an error.
    /// </summary>
    public async Task<ReleaseThroughputOutput> ReleaseAsync(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var layout = new RunLayout(run.RunId);
        var record = await StepJson.ReadRecordAsync(services.Store, layout.ThroughputKey, FunctionsJsonContext.Default.ThroughputRecord).ConfigureAwait(false);
        var identifier = record?.Throughput.ProvisionedModelArn ?? new CustomizationNames(run.RunId).ProvisionedModelName;
        var deleted = await services.Customization.DeleteThroughputAsync(identifier).ConfigureAwait(false);
        if (record is not null && deleted)
        {
            await StepJson.WriteRecordAsync(
                services.Store,
                layout.ThroughputKey,
                record with { Released = true, History = [.. record.History, new StatusObservation("ReleaseThroughput", "Deleted", "The provisioned throughput was deleted; billing stops.")] },
                FunctionsJsonContext.Default.ThroughputRecord).ConfigureAwait(false);
        }

        return new ReleaseThroughputOutput(deleted, deleted ? record?.Throughput.ProvisionedModelArn ?? identifier : null);
    }

    private string Describe(ProvisionedThroughput throughput)
    {
        var dryRun = services.Customization.IsDryRun ? " Dry run: nothing is served or billed." : string.Empty;
        var text = throughput.Status switch
        {
            ThroughputStatus.InService => "The throughput is in service.",
            ThroughputStatus.Failed => $"The throughput failed: {throughput.FailureMessage ?? "the service gave no reason"}.",
            _ => $"The throughput is {throughput.Status}.",
        };
        return text + dryRun;
    }
}
