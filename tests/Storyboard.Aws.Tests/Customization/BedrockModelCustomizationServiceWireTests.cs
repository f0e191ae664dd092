using System.Text;
using System.Text.Json;
using Storyboard.Aws.Customization;
using Storyboard.Aws.Http;
using Storyboard.Aws.Tests.Conformance;
using Storyboard.Aws.Tests.Support;
using Storyboard.Core.Customization;
using Storyboard.Core.Errors;
using Storyboard.Core.Models;
using Storyboard.Core.Requests;
using static Storyboard.Aws.Tests.Customization.BedrockBodies;

namespace Storyboard.Aws.Tests.Customization;

/// <summary>The real service over real HTTP: every request signed, checked against Bedrock's API model, answered as Bedrock answers.</summary>
public sealed class BedrockModelCustomizationServiceWireTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    private static readonly IReadOnlyDictionary<string, string> Hyperparameters = new Dictionary<string, string>
    {
        ["stepCount"] = "500",
        ["batchSize"] = "8",
        ["learningRate"] = "0.00001",
    };

    private readonly LoopbackAwsServer server = fixture.Server;

    [Fact]
    public void ServiceName_ShouldNameBedrockAndTheRegionAndSayItIsReal()
    {
        var service = new BedrockModelCustomizationService(new TestClients(server).Clients.Bedrock, "us-east-1");

        Assert.Equal("Amazon Bedrock (us-east-1)", service.ServiceName);
        Assert.False(service.IsDryRun);
    }

    [Fact]
    public async Task StartJob_WhenTheRunsJobAlreadyExists_ShouldReturnItWithoutCreatingAnother()
    {
        server.Enqueue(ScriptedResponse.Ok(Job("InProgress")));

        var (job, requests) = await CallAsync(s => s.StartJobAsync(JobRequest()));

        Assert.Equal(JobArn, job.JobArn);
        Assert.Equal(CustomizationJobStatus.InProgress, job.Status);
        var lookUp = Assert.Single(requests);
        Assert.Equal("GET", lookUp.Method);
        Assert.Equal("/model-customization-jobs/" + JobName, lookUp.RawPath);
    }

    [Fact]
    public async Task StartJob_WhenNoJobExists_ShouldCreateItWithTheClientRequestToken()
    {
        server.Enqueue(NotFound("Job " + JobName), Created($$"""{"jobArn":"{{JobArn}}"}"""));

        var (job, requests) = await CallAsync(s => s.StartJobAsync(JobRequest()));

        Assert.Equal(new CustomizationJob(JobArn, JobName, CustomizationJobStatus.InProgress, null, null, null, JobToken), job);
        Assert.Equal(["GET", "POST"], requests.Select(r => r.Method));
        var body = JsonDocument.Parse(requests[1].Body).RootElement;
        Assert.Equal("/model-customization-jobs", requests[1].RawPath);
        Assert.Equal(JobToken, body.GetProperty("clientRequestToken").GetString());
        Assert.Equal("FINE_TUNING", body.GetProperty("customizationType").GetString());
        Assert.Equal(ModelProfiles.NovaCanvasId, body.GetProperty("baseModelIdentifier").GetString());
        Assert.Equal("0.00001", body.GetProperty("hyperParameters").GetProperty("learningRate").GetString());
        Assert.Equal(TrainS3Uri, body.GetProperty("trainingDataConfig").GetProperty("s3Uri").GetString());
    }

    [Fact]
    public async Task StartJob_WhenRetriedBeforeTheJobIsVisible_ShouldSendTheSameTokenAndGetTheSameJob()
    {
        // Bedrock ignores a create whose token it has seen and answers with the job it made the first time.
        server.Enqueue(
            NotFound("Job " + JobName), Created($$"""{"jobArn":"{{JobArn}}"}"""),
            NotFound("Job " + JobName), Created($$"""{"jobArn":"{{JobArn}}"}"""));

        var (first, _) = await CallAsync(s => s.StartJobAsync(JobRequest()));
        var (second, requests) = await CallAsync(s => s.StartJobAsync(JobRequest()));

        Assert.Equal(first, second);
        var create = requests.Single(r => r.Method == "POST");
        Assert.Equal(JobToken, JsonDocument.Parse(create.Body).RootElement.GetProperty("clientRequestToken").GetString());
    }

    [Fact]
    public async Task StartJob_WhenAnotherAttemptCreatedTheJobMeanwhile_ShouldReturnThatJob()
    {
        server.Enqueue(
            NotFound("Job " + JobName),
            Error(400, "ConflictException", "A model customization job with the name " + JobName + " already exists."),
            ScriptedResponse.Ok(Job("InProgress")));

        var (job, requests) = await CallAsync(s => s.StartJobAsync(JobRequest()));

        Assert.Equal(JobArn, job.JobArn);
        Assert.Equal(["GET", "POST", "GET"], requests.Select(r => r.Method));
    }

    [Fact]
    public async Task StartJob_WhenTheNameIsTakenByAnotherToken_ShouldThrowInvalidRequestAndNotCreate()
    {
        server.Enqueue(ScriptedResponse.Ok(Job("Completed", token: "another-run-ffffffffffffffff")));

        var ex = await Assert.ThrowsAsync<InvalidRequestException>(() => Service().StartJobAsync(JobRequest()));

        Assert.Contains("already exists", ex.Message, StringComparison.Ordinal);
        Assert.Contains(JobArn, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartJob_WhenTheRequestBreaksTheModelsRules_ShouldThrowBeforeAnyCall()
    {
        var before = server.Received.Count;
        var request = JobRequest() with { HyperParameters = new Dictionary<string, string> { ["stepCount"] = "5", ["batchSize"] = "8" } };

        var ex = await Assert.ThrowsAsync<InvalidRequestException>(() => Service().StartJobAsync(request));

        Assert.Contains(ex.Problems, p => p.Path == "hyperParameters.stepCount");
        Assert.Equal(before, server.Received.Count);
    }

    [Fact]
    public async Task StartJob_WhenBedrockRejectsTheRequest_ShouldThrowInvalidRequestWithoutRetrying()
    {
        var clients = new TestClients(server);
        server.Enqueue(NotFound("Job " + JobName), Error(400, "ValidationException", "The provided training data contains 3 records; at least 5 are required."));
        var before = server.Received.Count;

        var ex = await Assert.ThrowsAsync<InvalidRequestException>(() => new BedrockModelCustomizationService(clients.Clients.Bedrock, "us-east-1").StartJobAsync(JobRequest()));

        Assert.Contains("at least 5 are required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("retrying the same request fails the same way", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Received.Count - before);
        Assert.Empty(clients.Delays);
    }

    [Fact]
    public async Task StartJob_WhenPassRoleIsDenied_ShouldNameTheRoleAndThePermission()
    {
        server.Enqueue(
            NotFound("Job " + JobName),
            Error(403, "AccessDeniedException", $"User: arn:aws:sts::{Account}:assumed-role/StoryboardStartFineTuning/fn is not authorized to perform: iam:PassRole on resource: {RoleArn}"));

        var ex = await Assert.ThrowsAsync<BedrockAccessDeniedException>(() => Service().StartJobAsync(JobRequest()));

        Assert.Contains("iam:PassRole on " + RoleArn, ex.Message, StringComparison.Ordinal);
        Assert.Contains("bedrock:CreateModelCustomizationJob", ex.Message, StringComparison.Ordinal);
        Assert.Contains("bedrock.amazonaws.com", ex.Message, StringComparison.Ordinal);
        Assert.Contains("req-AccessDeniedException", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartJob_WhenTooManyJobsRun_ShouldThrowQuotaExceeded()
    {
        server.Enqueue(NotFound("Job " + JobName), Error(400, "ServiceQuotaExceededException", "The number of concurrent model customization jobs exceeds the limit."));

        var ex = await Assert.ThrowsAsync<BedrockQuotaExceededException>(() => Service().StartJobAsync(JobRequest()));

        Assert.Contains("Service Quotas", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetJob_WhenBedrockHasNoSuchJob_ShouldReturnNull()
    {
        server.Enqueue(NotFound("Job " + JobArn));

        var (job, requests) = await CallAsync(s => s.GetJobAsync(JobArn));

        Assert.Null(job);
        Assert.Equal("/model-customization-jobs/" + Uri.EscapeDataString(JobArn), Assert.Single(requests).RawPath);
    }

    [Theory]
    [InlineData("InProgress", null, null, false)]
    [InlineData("Stopping", null, null, false)]
    [InlineData("Completed", null, null, true)]
    [InlineData("Failed", "Training data validation failed: image-ref s3://storyboard-bucket/crops/a.png is 300 px wide; the minimum is 512.", "Training data validation failed: image-ref s3://storyboard-bucket/crops/a.png is 300 px wide; the minimum is 512.", false)]
    [InlineData("Stopped", "Stopped by user request.", "Stopped by user request.", false)]
    public async Task GetJob_WhenBedrockReportsAStatus_ShouldMapItAsTheDryRunDoes(string status, string? bedrockMessage, string? expectedMessage, bool hasModel)
    {
        server.Enqueue(ScriptedResponse.Ok(Job(status, bedrockMessage)));

        var (job, _) = await CallAsync(s => s.GetJobAsync(JobName));

        Assert.NotNull(job);
        Assert.Equal(status, job.Status);
        Assert.Equal(expectedMessage, job.FailureMessage);
        Assert.Equal(hasModel ? CustomModelArn : null, job.OutputModelArn);
        Assert.Equal(hasModel ? ModelName : null, job.OutputModelName);
        Assert.Equal(JobToken, job.ClientRequestToken);
    }

    [Fact]
    public async Task GetJob_WhenStillThrottledAfterTheClientsRetries_ShouldThrowTransientServiceException()
    {
        var clients = new TestClients(server, maxAttempts: 3);
        server.Enqueue(
            Error(429, "ThrottlingException", "Too many requests, please wait before trying again."),
            Error(429, "ThrottlingException", "Too many requests, please wait before trying again."),
            Error(429, "ThrottlingException", "Too many requests, please wait before trying again."));

        var ex = await Assert.ThrowsAsync<TransientServiceException>(() => new BedrockModelCustomizationService(clients.Clients.Bedrock, "us-east-1").GetJobAsync(JobName));

        Assert.IsType<AwsServiceException>(ex.InnerException);
        Assert.Equal(2, clients.Delays.Count);
    }

    [Fact]
    public async Task CreateThroughput_WhenTheRunsThroughputExists_ShouldReturnItWithoutBuyingAnother()
    {
        // nameContains also matches longer names; only the exact name is the run's.
        server.Enqueue(
            ScriptedResponse.Ok($$"""{"provisionedModelSummaries":[{{ThroughputSummary(ThroughputName + "-2", ThroughputArn + "x")}}],"nextToken":"page/2+"}"""),
            ScriptedResponse.Ok($$"""{"provisionedModelSummaries":[{{ThroughputSummary(ThroughputName, ThroughputArn, "Creating")}}]}"""));

        var (throughput, requests) = await CallAsync(s => s.CreateThroughputAsync(ThroughputRequest()));

        Assert.Equal(new ProvisionedThroughput(ThroughputArn, ThroughputName, CustomModelArn, 1, ThroughputStatus.Creating, null), throughput);
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        Assert.Contains(new KeyValuePair<string, string>("nameContains", ThroughputName), requests[0].Query);
        Assert.Contains(new KeyValuePair<string, string>("nextToken", "page/2+"), requests[1].Query);
    }

    [Fact]
    public async Task CreateThroughput_WhenNoneExists_ShouldBuyItWithTheTokenAndNoCommitment()
    {
        server.Enqueue(
            ScriptedResponse.Ok("""{"provisionedModelSummaries":[]}"""),
            Created($$"""{"provisionedModelArn":"{{ThroughputArn}}"}"""));

        var (throughput, requests) = await CallAsync(s => s.CreateThroughputAsync(ThroughputRequest()));

        Assert.Equal(new ProvisionedThroughput(ThroughputArn, ThroughputName, CustomModelArn, 1, ThroughputStatus.Creating, null), throughput);
        var create = requests[1];
        Assert.Equal(("POST", "/provisioned-model-throughput"), (create.Method, create.RawPath));
        var body = JsonDocument.Parse(create.Body).RootElement;
        Assert.Equal(ThroughputToken, body.GetProperty("clientRequestToken").GetString());
        Assert.Equal(1, body.GetProperty("modelUnits").GetInt32());
        Assert.Equal(CustomModelArn, body.GetProperty("modelId").GetString());
        Assert.False(body.TryGetProperty("commitmentDuration", out _), "a run's throughput has no commitment term, so ReleaseThroughput can delete it");
    }

    [Fact]
    public async Task CreateThroughput_WhenAnotherAttemptBoughtItMeanwhile_ShouldReturnThatThroughput()
    {
        server.Enqueue(
            ScriptedResponse.Ok("""{"provisionedModelSummaries":[]}"""),
            Error(400, "ValidationException", "Provisioned Model with name " + ThroughputName + " already exists."),
            ScriptedResponse.Ok($$"""{"provisionedModelSummaries":[{{ThroughputSummary(ThroughputName, ThroughputArn, "Creating")}}]}"""));

        var (throughput, requests) = await CallAsync(s => s.CreateThroughputAsync(ThroughputRequest()));

        Assert.Equal(ThroughputArn, throughput.ProvisionedModelArn);
        Assert.Equal(["GET", "POST", "GET"], requests.Select(r => r.Method));
    }

    [Fact]
    public async Task CreateThroughput_WhenTheNameServesAnotherModel_ShouldThrowInvalidRequest()
    {
        var other = CustomModelArn.Replace("0f1e2d3c4b5a", "aaaaaaaaaaaa", StringComparison.Ordinal);
        server.Enqueue(ScriptedResponse.Ok($$"""{"provisionedModelSummaries":[{{ThroughputSummary(ThroughputName, ThroughputArn, modelArn: other)}}]}"""));

        var ex = await Assert.ThrowsAsync<InvalidRequestException>(() => Service().CreateThroughputAsync(ThroughputRequest()));

        Assert.Contains(other, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateThroughput_WhenTheCustomModelDoesNotExist_ShouldThrowInvalidRequestNamingModelId()
    {
        server.Enqueue(ScriptedResponse.Ok("""{"provisionedModelSummaries":[]}"""), NotFound("Model " + CustomModelArn));

        var ex = await Assert.ThrowsAsync<InvalidRequestException>(() => Service().CreateThroughputAsync(ThroughputRequest()));

        Assert.Equal("modelId", Assert.Single(ex.Problems).Path);
    }

    [Theory]
    [InlineData("Creating", null, null)]
    [InlineData("InService", null, null)]
    [InlineData("Updating", null, null)]
    [InlineData("Failed", "Insufficient capacity for the requested model units.", "Insufficient capacity for the requested model units.")]
    public async Task GetThroughput_WhenBedrockReportsAStatus_ShouldMapIt(string status, string? bedrockMessage, string? expectedMessage)
    {
        server.Enqueue(ScriptedResponse.Ok(Throughput(status, bedrockMessage)));

        var (throughput, requests) = await CallAsync(s => s.GetThroughputAsync(ThroughputArn));

        Assert.Equal(new ProvisionedThroughput(ThroughputArn, ThroughputName, CustomModelArn, 1, status, expectedMessage), throughput);
        Assert.Equal("/provisioned-model-throughput/" + Uri.EscapeDataString(ThroughputArn), Assert.Single(requests).RawPath);
    }

    [Fact]
    public async Task GetThroughput_WhenBedrockHasNone_ShouldReturnNull()
    {
        server.Enqueue(NotFound("Provisioned model " + ThroughputName));

        var (throughput, _) = await CallAsync(s => s.GetThroughputAsync(ThroughputName));

        Assert.Null(throughput);
    }

    [Fact]
    public async Task DeleteThroughput_WhenItExists_ShouldDeleteItAndReturnTrue()
    {
        server.Enqueue(ScriptedResponse.Ok(string.Empty));

        var (deleted, requests) = await CallAsync(s => s.DeleteThroughputAsync(ThroughputArn));

        Assert.True(deleted);
        Assert.Equal("DELETE", Assert.Single(requests).Method);
    }

    [Fact]
    public async Task DeleteThroughput_WhenBedrockHasNone_ShouldReturnFalse()
    {
        server.Enqueue(NotFound("Provisioned model " + ThroughputArn));

        var (deleted, _) = await CallAsync(s => s.DeleteThroughputAsync(ThroughputArn));

        Assert.False(deleted);
    }

    [Fact]
    public async Task DeleteThroughput_WhenACommitmentTermRuns_ShouldThrowThroughputNotDeletable()
    {
        server.Enqueue(Error(400, "ConflictException", "Provisioned model cannot be deleted before the commitment term ends."));

        var ex = await Assert.ThrowsAsync<ThroughputNotDeletableException>(() => Service().DeleteThroughputAsync(ThroughputArn));

        Assert.Contains("commitment term", ex.Message, StringComparison.Ordinal);
        Assert.Contains("billed until then", ex.Message, StringComparison.Ordinal);
    }

    private static CustomizationJobRequest JobRequest() => new(
        JobName,
        ModelName,
        RoleArn,
        ModelProfiles.NovaCanvasId,
        CustomizationJobRequest.FineTuning,
        new S3DataConfig(TrainS3Uri),
        new S3DataConfig($"s3://storyboard-bucket/runs/{RunId}/model/output/"),
        Hyperparameters,
        JobToken);

    private static ThroughputRequest ThroughputRequest() => new(ThroughputName, CustomModelArn, 1, ThroughputToken);

    private BedrockModelCustomizationService Service() => new(new TestClients(server).Clients.Bedrock, "us-east-1");

    /// <summary>Runs one call and returns what it sent; every request must be validly signed and conform to Bedrock's API model.</summary>
    private async Task<(T Result, List<RecordedRequest> Requests)> CallAsync<T>(Func<BedrockModelCustomizationService, Task<T>> call)
    {
        var before = server.Received.Count;
        var result = await call(Service());
        var requests = server.Received.Skip(before).ToList();
        foreach (var request in requests)
        {
            Assert.Null(request.SignatureProblem);
            var (_, problems) = RequestConformance.Check(AwsServices.Bedrock, request);
            Assert.True(problems.Count == 0, Encoding.UTF8.GetString(request.Body) + "\n" + string.Join("\n", problems));
        }

        return (result, requests);
    }
}
