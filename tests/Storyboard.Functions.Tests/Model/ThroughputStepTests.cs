using System.Text.Json;
using Storyboard.Core.Customization;
using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Tests.Model;

public sealed class ThroughputStepTests
{
    [Fact]
    public async Task ProvisionCheckRelease_ShouldGoCreatingThenInServiceThenDeleted()
    {
        using var run = await ModelRun.CreateAsync();
        var job = await CompletedJobAsync(run);
        var step = new ThroughputStep(run.Services());

        var throughput = await step.ProvisionAsync(run.Run(), job);
        Assert.Equal(ThroughputStatus.Creating, throughput.Status);
        Assert.Equal(throughput.ProvisionedModelArn, (await step.ProvisionAsync(run.Run(), job)).ProvisionedModelArn);
        var checks = new List<string>();
        for (var i = 0; i < 3 && throughput.Status != ThroughputStatus.InService; i++)
        {
            throughput = await new ThroughputStep(run.Services()).CheckAsync(run.Run(), throughput);
            checks.Add(throughput.Status);
        }

        Assert.Equal(ThroughputStatus.InService, checks[^1]);
        var released = await step.ReleaseAsync(run.Run());
        Assert.True(released.Released);
        Assert.Equal(throughput.ProvisionedModelArn, released.ProvisionedModelArn);
        Assert.False((await step.ReleaseAsync(run.Run())).Released);
        await Assert.ThrowsAsync<ThroughputNotFoundException>(() => step.CheckAsync(run.Run(), throughput));

        using var record = JsonDocument.Parse(await run.Store.ReadTextAsync(run.Layout.ThroughputKey));
        Assert.True(record.RootElement.GetProperty("released").GetBoolean());
        Assert.Equal(1, record.RootElement.GetProperty("request").GetProperty("modelUnits").GetInt32());
        Assert.Equal(job.CustomModelArn, record.RootElement.GetProperty("request").GetProperty("modelId").GetString());
    }

    [Fact]
    public async Task ReleaseAsync_WhenTheRunHasNoThroughput_ShouldReportNothingReleased()
    {
        using var run = await ModelRun.CreateAsync();

        var released = await new ThroughputStep(run.Services()).ReleaseAsync(run.Run());

        Assert.False(released.Released);
        Assert.Null(released.ProvisionedModelArn);
    }

    [Fact]
    public async Task ProvisionAsync_WhenTheJobHasNoCustomModel_ShouldThrowMissingStepInput()
    {
        using var run = await ModelRun.CreateAsync();
        var job = new FineTuningJobOutput("arn:aws:bedrock:us-east-1:000000000000:model-customization-job/x/abc", "sb-x-ft", "InProgress", "running");

        await Assert.ThrowsAsync<MissingStepInputException>(() => new ThroughputStep(run.Services()).ProvisionAsync(run.Run(), job));
    }

    internal static async Task<FineTuningJobOutput> CompletedJobAsync(ModelRun run)
    {
        var services = run.Services(jobChecksInProgress: 0);
        var job = await new FineTuningStep(services).StartAsync(run.Run(), run.Dataset());
        return await new FineTuningStep(services).CheckAsync(run.Run(), job);
    }
}
