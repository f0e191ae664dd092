using Storyboard.Core.Customization;
using Storyboard.Core.Models;
using Storyboard.Core.Requests;
using Storyboard.Core.Storage;
using Storyboard.Local.Customization;
using Storyboard.Storage;

namespace Storyboard.Local.Tests.Customization;

public sealed class DryRunModelCustomizationServiceTests : IDisposable
{
    private const string TrainKey = "runs/intro-3f9a0c12b7de/dataset/train.jsonl";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "storyboard-dryrun-" + Guid.NewGuid().ToString("N"));
    private readonly LocalFolderObjectStore _store;

    public DryRunModelCustomizationServiceTests() => _store = new LocalFolderObjectStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static TheoryData<string, string> InvalidFields => new()
    {
        { "jobName", "-starts-with-a-hyphen" },
        { "jobName", new string('j', 64) },
        { "customModelName", "double--hyphen" },
        { "roleArn", "arn:aws:iam::123:user/someone" },
        { "customizationType", "DISTILLATION" },
        { "trainingDataConfig.s3Uri", "https://bucket/train.jsonl" },
        { "outputDataConfig.s3Uri", "s3://Bad_Bucket/out/" },
        { "clientRequestToken", "token_with_underscore" },
        { "hyperParameters.stepCount", "5" },
        { "hyperParameters.batchSize", "eight" },
        { "hyperParameters.learningRate", "0.5" },
        { "hyperParameters.epochCount", "2" },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task StartJobAsync_WhenAFieldBreaksTheApiRules_ShouldThrowNamingThatField(string field, string value)
    {
        await WriteTrainingAsync(6);
        var request = With(ValidRequest(), field, value);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => new DryRunModelCustomizationService(_store).StartJobAsync(request));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(field, problem.Path);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _store.ListAsync(DryRunOptions.StatePrefix).ToListAsync());
    }

    [Fact]
    public async Task StartJobAsync_WhenTheBaseModelHasNoProfile_ShouldThrowUnknownModelProfile()
    {
        await WriteTrainingAsync(6);

        await Assert.ThrowsAsync<UnknownModelProfileException>(() => new DryRunModelCustomizationService(_store).StartJobAsync(ValidRequest() with { BaseModelIdentifier = "amazon.titan-image-generator-v1" }));
    }

    [Theory]
    [InlineData(0, "no training file")]
    [InlineData(4, "holds 4 records")]
    public async Task StartJobAsync_WhenTheTrainingFileIsMissingOrTooSmall_ShouldThrowOnTheTrainingUri(int records, string expected)
    {
        if (records > 0)
        {
            await WriteTrainingAsync(records);
        }

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => new DryRunModelCustomizationService(_store).StartJobAsync(ValidRequest()));

        Assert.Equal("trainingDataConfig.s3Uri", Assert.Single(error.Problems).Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartJobAsync_WhenTheTrainingFileIsInAnotherBucket_ShouldThrow()
    {
        await WriteTrainingAsync(6);

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => new DryRunModelCustomizationService(_store, new DryRunOptions(ExpectedBucket: "other-bucket")).StartJobAsync(ValidRequest()));

        Assert.Contains("other-bucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJobAsync_OverSuccessiveChecks_ShouldWalkInProgressThenCompletedAcrossNewInstances()
    {
        await WriteTrainingAsync(6);
        var options = new DryRunOptions(JobChecksInProgress: 2);
        var started = await new DryRunModelCustomizationService(_store, options).StartJobAsync(ValidRequest());

        var statuses = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await new DryRunModelCustomizationService(_store, options).GetJobAsync(started.JobArn))!.Status);
        }

        Assert.Equal(CustomizationJobStatus.InProgress, started.Status);
        Assert.Equal(["InProgress", "InProgress", "Completed", "Completed"], statuses);
        var byName = await new DryRunModelCustomizationService(_store, options).GetJobAsync(started.JobName);
        Assert.Equal(started.JobArn, byName!.JobArn);
        Assert.NotNull(byName.OutputModelArn);
        var state = await _store.ReadTextAsync(DryRunOptions.StatePrefix + "customization-jobs/" + started.JobName + ".json");
        Assert.Contains("\"trained\": false", state, StringComparison.Ordinal);
        Assert.Contains(DryRunModelCustomizationService.JobNote, state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJobAsync_WhenAFailureIsConfigured_ShouldEndFailedWithTheMessageAndNoModel()
    {
        await WriteTrainingAsync(6);
        var service = new DryRunModelCustomizationService(_store, new DryRunOptions(JobChecksInProgress: 1, JobFailureMessage: "training data could not be read"));
        var job = await service.StartJobAsync(ValidRequest());

        var first = await service.GetJobAsync(job.JobArn);
        var second = await service.GetJobAsync(job.JobArn);
        var third = await new DryRunModelCustomizationService(_store).GetJobAsync(job.JobArn);

        Assert.Equal(CustomizationJobStatus.InProgress, first!.Status);
        Assert.Equal(CustomizationJobStatus.Failed, second!.Status);
        Assert.Equal("Dry run: training data could not be read", second.FailureMessage);
        Assert.Null(second.OutputModelArn);
        Assert.Equal(second, third);
    }

    [Fact]
    public async Task StartJobAsync_WhenCalledTwiceWithTheSameToken_ShouldReturnTheSameJob()
    {
        await WriteTrainingAsync(6);
        var first = await new DryRunModelCustomizationService(_store).StartJobAsync(ValidRequest());
        var second = await new DryRunModelCustomizationService(_store).StartJobAsync(ValidRequest());

        Assert.Equal(first, second);
        Assert.Single(await _store.ListAsync(DryRunOptions.StatePrefix).ToListAsync());
    }

    [Fact]
    public async Task StartJobAsync_WhenTheNameIsTakenByAnotherToken_ShouldRefuse()
    {
        await WriteTrainingAsync(6);
        await new DryRunModelCustomizationService(_store).StartJobAsync(ValidRequest());

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => new DryRunModelCustomizationService(_store).StartJobAsync(ValidRequest() with { ClientRequestToken = "another-token" }));

        Assert.Equal("jobName", Assert.Single(error.Problems).Path);
    }

    [Fact]
    public async Task GetJobAsync_WhenNoSuchJob_ShouldReturnNull()
    {
        Assert.Null(await new DryRunModelCustomizationService(_store).GetJobAsync("sb-nothing-ft"));
        Assert.Null(await new DryRunModelCustomizationService(_store).GetJobAsync("arn:aws:bedrock:us-east-1:000000000000:model-customization-job/amazon.nova-canvas-v1:0/abcdefabcdef"));
    }

    [Fact]
    public async Task Throughput_ShouldGoCreatingThenInServiceThenDeleted()
    {
        var service = new DryRunModelCustomizationService(_store, new DryRunOptions(JobChecksInProgress: 0, ThroughputChecksCreating: 1));
        await WriteTrainingAsync(6);
        var job = await service.StartJobAsync(ValidRequest());
        var model = (await service.GetJobAsync(job.JobArn))!.OutputModelArn!;
        var request = new ThroughputRequest("sb-intro-3f9a0c12b7de-pt", model, 1, "intro-3f9a0c12b7de-pt");

        var created = await service.CreateThroughputAsync(request);
        var again = await service.CreateThroughputAsync(request);
        var first = await new DryRunModelCustomizationService(_store, new DryRunOptions(ThroughputChecksCreating: 1)).GetThroughputAsync(created.ProvisionedModelArn);
        var second = await service.GetThroughputAsync(created.ProvisionedModelName);

        Assert.Equal(ThroughputStatus.Creating, created.Status);
        Assert.Equal(created.ProvisionedModelArn, again.ProvisionedModelArn);
        Assert.Equal(ThroughputStatus.Creating, first!.Status);
        Assert.Equal(ThroughputStatus.InService, second!.Status);
        Assert.True(await service.DeleteThroughputAsync(created.ProvisionedModelArn));
        Assert.Null(await service.GetThroughputAsync(created.ProvisionedModelArn));
        Assert.False(await service.DeleteThroughputAsync(created.ProvisionedModelArn));
    }

    [Theory]
    [InlineData("modelUnits")]
    [InlineData("provisionedModelName")]
    [InlineData("modelId")]
    public async Task CreateThroughputAsync_WhenAFieldIsInvalid_ShouldThrowNamingIt(string field)
    {
        var request = new ThroughputRequest("sb-run-pt", "arn:aws:bedrock:us-east-1:000000000000:custom-model/amazon.nova-canvas-v1:0/abcdefabcdef", 1, "run-pt");
        request = field switch
        {
            "modelUnits" => request with { ModelUnits = 0 },
            "provisionedModelName" => request with { ProvisionedModelName = "has space" },
            _ => request with { ModelId = "arn:aws:bedrock:us-east-1:000000000000:custom-model/amazon.nova-canvas-v1:0/abcdefabcdef" + "x" },
        };

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => new DryRunModelCustomizationService(_store).CreateThroughputAsync(request));

        Assert.Equal(field, error.Problems[0].Path);
    }

    [Fact]
    public async Task CreateThroughputAsync_WhenNoJobMadeTheModel_ShouldRefuse()
    {
        var request = new ThroughputRequest("sb-run-pt", "arn:aws:bedrock:us-east-1:000000000000:custom-model/amazon.nova-canvas-v1:0/abcdefabcdef", 1, "run-pt");

        var error = await Assert.ThrowsAsync<InvalidRequestException>(() => new DryRunModelCustomizationService(_store).CreateThroughputAsync(request));

        Assert.Equal("modelId", Assert.Single(error.Problems).Path);
    }

    private static CustomizationJobRequest ValidRequest() => new(
        "sb-intro-3f9a0c12b7de-ft",
        "sb-intro-3f9a0c12b7de-model",
        "arn:aws:iam::123456789012:role/StoryboardBedrock",
        ModelProfiles.NovaCanvasId,
        CustomizationJobRequest.FineTuning,
        new S3DataConfig("s3://storyboard-local/" + TrainKey),
        new S3DataConfig("s3://storyboard-local/runs/intro-3f9a0c12b7de/model/output/"),
        new FineTuningHyperparameters(500, 8, 1e-5).ToApiMap(),
        "intro-3f9a0c12b7de-0123456789abcdef");

    private static CustomizationJobRequest With(CustomizationJobRequest request, string field, string value)
    {
        if (field.StartsWith("hyperParameters.", StringComparison.Ordinal))
        {
            var map = request.HyperParameters.ToDictionary(StringComparer.Ordinal);
            map[field["hyperParameters.".Length..]] = value;
            return request with { HyperParameters = map };
        }

        return field switch
        {
            "jobName" => request with { JobName = value },
            "customModelName" => request with { CustomModelName = value },
            "roleArn" => request with { RoleArn = value },
            "baseModelIdentifier" => request with { BaseModelIdentifier = value },
            "customizationType" => request with { CustomizationType = value },
            "trainingDataConfig.s3Uri" => request with { TrainingDataConfig = new S3DataConfig(value) },
            "outputDataConfig.s3Uri" => request with { OutputDataConfig = new S3DataConfig(value) },
            "clientRequestToken" => request with { ClientRequestToken = value },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no such field"),
        };
    }

    private Task WriteTrainingAsync(int records) =>
        _store.WriteTextAsync(TrainKey, string.Concat(Enumerable.Range(0, records).Select(i => $"{{\"image-ref\":\"s3://storyboard-local/runs/intro-3f9a0c12b7de/crops/Tux/00000{i}000-0.png\",\"caption\":\"Tux number {i}\"}}\n")));
}
