using System.Text.Json;
using Storyboard.Core.Config;
using Storyboard.Core.Customization;
using Storyboard.Core.Models;
using Storyboard.Core.Storage;
using Storyboard.Functions.Model;
using Storyboard.Local.Customization;

namespace Storyboard.Functions.Tests.Model;

public sealed class FineTuningStepTests
{
    [Fact]
    public async Task StartAsync_WhenCalledTwice_ShouldStartOneJob()
    {
        using var run = await ModelRun.CreateAsync();
        var first = await new FineTuningStep(run.Services()).StartAsync(run.Run(), run.Dataset());
        var second = await new FineTuningStep(run.Services()).StartAsync(run.Run(), run.Dataset());

        Assert.Equal(first.JobArn, second.JobArn);
        Assert.Equal("sb-" + ModelRun.RunId + "-ft", first.JobName);
        Assert.Contains("Started", first.Message, StringComparison.Ordinal);
        Assert.Contains("started earlier", second.Message, StringComparison.Ordinal);
        Assert.Contains("available in us-east-1 only", first.Message, StringComparison.Ordinal);
        var jobs = await run.Store.ListAsync(DryRunOptions.StatePrefix + "customization-jobs/").ToListAsync();
        Assert.Single(jobs);
    }

    [Fact]
    public async Task CheckAsync_WhenPolled_ShouldWalkInProgressThenCompletedAndRecordEveryStatus()
    {
        using var run = await ModelRun.CreateAsync();
        var job = await new FineTuningStep(run.Services()).StartAsync(run.Run(), run.Dataset());
        var statuses = new List<string> { job.Status };
        while (job.Status == CustomizationJobStatus.InProgress && statuses.Count < 10)
        {
            // A new composition each time, as a new Lambda process would have.
            job = await new FineTuningStep(run.Services()).CheckAsync(run.Run(), job);
            statuses.Add(job.Status);
        }

        Assert.Equal(["InProgress", "InProgress", "InProgress", "Completed"], statuses);
        Assert.StartsWith("arn:aws:bedrock:us-east-1:000000000000:custom-model/amazon.nova-canvas-v1:0/", job.CustomModelArn, StringComparison.Ordinal);

        using var record = JsonDocument.Parse(await run.Store.ReadTextAsync(run.Layout.CustomizationJobKey));
        var root = record.RootElement;
        Assert.False(root.GetProperty("trained").GetBoolean());
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        Assert.Equal(DryRunModelCustomizationService.JobNote, root.GetProperty("note").GetString());
        Assert.Equal("FINE_TUNING", root.GetProperty("request").GetProperty("customizationType").GetString());
        Assert.Equal("500", root.GetProperty("request").GetProperty("hyperParameters").GetProperty("stepCount").GetString());
        Assert.Equal($"s3://{ModelRun.Bucket}/{run.Layout.TrainKey}", root.GetProperty("request").GetProperty("trainingDataConfig").GetProperty("s3Uri").GetString());
        Assert.Equal(4, root.GetProperty("history").GetArrayLength());
        Assert.Equal("Completed", root.GetProperty("job").GetProperty("status").GetString());
    }

    [Fact]
    public async Task CheckAsync_WhenTheJobFails_ShouldReportFailedWithTheReasonForTheFailurePath()
    {
        using var run = await ModelRun.CreateAsync();
        var services = ModelServices.Offline(run.Store, new ModelSettings(ModelSettings.DryRunRoleArn, 1), ModelRun.Bucket, new DryRunOptions(JobChecksInProgress: 0, JobFailureMessage: "the role cannot read the bucket"));
        var job = await new FineTuningStep(services).StartAsync(run.Run(), run.Dataset());

        job = await new FineTuningStep(services).CheckAsync(run.Run(), job);

        Assert.Equal(CustomizationJobStatus.Failed, job.Status);
        Assert.Contains("the role cannot read the bucket", job.Message, StringComparison.Ordinal);
        Assert.Contains("us-east-1", job.Message, StringComparison.Ordinal);
        Assert.Null(job.CustomModelArn);
    }

    [Fact]
    public async Task StartAsync_WhenNoRoleIsConfigured_ShouldRefuseNamingTheSettingAndStartNothing()
    {
        using var run = await ModelRun.CreateAsync();
        var services = ModelServices.Offline(run.Store, ModelSettings.FromEnvironment(_ => null, dryRun: false), ModelRun.Bucket);

        var error = await Assert.ThrowsAsync<ServicesNotConfiguredException>(() => new FineTuningStep(services).StartAsync(run.Run(), run.Dataset()));

        Assert.Contains("STORYBOARD_CUSTOMIZATION_ROLE_ARN", error.Message, StringComparison.Ordinal);
        Assert.False(await run.Store.ExistsAsync(run.Layout.CustomizationJobKey));
    }

    [Fact]
    public async Task StartAsync_WhenBaseModelHasNoProfile_ShouldThrowUnknownModelProfile()
    {
        using var run = await ModelRun.CreateAsync();

        var error = await Assert.ThrowsAsync<UnknownModelProfileException>(() => new FineTuningStep(run.Services()).StartAsync(run.Run("amazon.titan-image-generator-v1"), run.Dataset()));

        Assert.Contains("amazon.nova-canvas-v1:0", error.Message, StringComparison.Ordinal);
        Assert.False(await run.Store.ExistsAsync(run.Layout.CustomizationJobKey));
    }

    [Fact]
    public async Task StartAsync_WhenStepCountIsOutOfRange_ShouldThrowNamingTheFieldAndStartNothing()
    {
        using var run = await ModelRun.CreateAsync(fineTuning: """{"stepCount": 5}""");

        var error = await Assert.ThrowsAsync<InvalidRunConfigException>(() => new FineTuningStep(run.Services()).StartAsync(run.Run(), run.Dataset()));

        Assert.Contains("fineTuning.stepCount", error.Message, StringComparison.Ordinal);
        Assert.Empty(await run.Store.ListAsync(DryRunOptions.StatePrefix).ToListAsync());
    }

    [Fact]
    public async Task StartAsync_WhenTheDatasetHasTooFewRecords_ShouldThrowInvalidRequest()
    {
        using var run = await ModelRun.CreateAsync();
        var lines = (await run.Store.ReadTextAsync(run.Layout.TrainKey)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        await run.Store.WriteTextAsync(run.Layout.TrainKey, string.Join('\n', lines.Take(3)) + "\n");

        var error = await Assert.ThrowsAsync<Core.Requests.InvalidRequestException>(() => new FineTuningStep(run.Services()).StartAsync(run.Run(), run.Dataset(3)));

        Assert.Contains("trainingDataConfig.s3Uri", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 records", error.Message, StringComparison.Ordinal);
    }
}
