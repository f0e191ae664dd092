using System.Net;
using Storyboard.Aws.Bedrock.Model;
using Storyboard.Aws.BedrockRuntime;
using Storyboard.Aws.BedrockRuntime.Models;
using Storyboard.Aws.Http;
using Storyboard.Aws.Rekognition.Model;
using Storyboard.Aws.StepFunctions.Model;
using Storyboard.Aws.Tests.Support;

namespace Storyboard.Aws.Tests.Http;

/// <summary>The client against a real HTTP server on 127.0.0.1: success, retries, errors, timeouts. Every request's signature is recomputed by the server.</summary>
public sealed class AwsJsonClientWireTests : IAsyncLifetime
{
    private const string DetectLabelsBody = """
        {"Labels":[{"Name":"Penguin","Confidence":98.7,"Instances":[{"BoundingBox":{"Width":0.21,"Height":0.55,"Left":0.31,"Top":0.12},"Confidence":97.1}],
          "Parents":[{"Name":"Bird"},{"Name":"Animal"}],"Aliases":[],"Categories":[{"Name":"Animals and Pets"}]},
          {"Name":"Snow","Confidence":80.2,"Instances":[],"Parents":[],"Aliases":[],"Categories":[{"Name":"Nature"}]}],
         "LabelModelVersion":"3.0"}
        """;

    private LoopbackAwsServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackAwsServer.StartAsync(TestClients.Credentials);

    public async Task DisposeAsync()
    {
        // Every request any test here sent must carry a valid signature for the test credentials.
        Assert.All(_server.Received, r => Assert.True(r.SignatureProblem is null, r.SignatureProblem));
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task DetectLabels_WhenServiceAnswers_ShouldReturnLabelsWithInstancesAndBoxes()
    {
        _server.Enqueue(ScriptedResponse.Ok(DetectLabelsBody));
        var clients = new TestClients(_server).Clients;

        var response = await clients.Rekognition.DetectLabelsAsync(new(Image.FromBytes([1, 2, 3]), Features: [DetectLabelsFeatures.GeneralLabels]));

        var penguin = response.Labels![0];
        Assert.Equal("Penguin", penguin.Name);
        Assert.Equal(0.31, penguin.Instances![0].BoundingBox!.Left);
        Assert.Equal(["Bird", "Animal"], penguin.Parents!.Select(p => p.Name));
        Assert.Equal("3.0", response.LabelModelVersion);
        var request = Assert.Single(_server.Received);
        Assert.Null(request.SignatureProblem);
        Assert.Equal("RekognitionService.DetectLabels", request.Header("X-Amz-Target"));
        Assert.Equal("""{"Image":{"Bytes":"AQID"},"Features":["GENERAL_LABELS"]}""", System.Text.Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task Send_WhenThrottledTwice_ShouldRetryWithFullJitterDelaysAndSucceed()
    {
        _server.Enqueue(
            ScriptedResponse.Error(400, "ThrottlingException", "Rate exceeded"),
            ScriptedResponse.Error(400, "ProvisionedThroughputExceededException", "Slow down"),
            ScriptedResponse.Ok("""{"FaceCount":3,"FaceModelVersion":"7.0","CollectionARN":"aws:rekognition:us-east-1:123456789012:collection/c","CreationTimestamp":1767225600.5}"""));
        var test = new TestClients(_server, random: 0.75);

        var response = await test.Clients.Rekognition.DescribeCollectionAsync(new("c"));

        Assert.Equal(3, response.FaceCount);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, 500, TimeSpan.Zero), response.CreationTimestamp);
        Assert.Equal(3, _server.Received.Count);
        Assert.All(_server.Received, r => Assert.Null(r.SignatureProblem));
        var retry = test.Options.Retry;
        var delays = test.Delays.ToList();
        Assert.Equal(2, delays.Count);
        for (var i = 0; i < delays.Count; i++)
        {
            // Full jitter: uniform in [0, min(max, base·2^i)); with the injected 0.75 exactly 3/4 of the ceiling.
            Assert.InRange(delays[i], TimeSpan.Zero, retry.CeilingFor(i));
            Assert.Equal(retry.CeilingFor(i) * 0.75, delays[i]);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(100), retry.CeilingFor(0));
        Assert.Equal(TimeSpan.FromMilliseconds(200), retry.CeilingFor(1));
    }

    [Fact]
    public async Task Send_WhenValidationException_ShouldNotRetryAndShouldSurfaceCodeAndRequestId()
    {
        _server.Enqueue(ScriptedResponse.Error(400, "ValidationException", "1 validation error detected: jobName", "req-4711"));
        var test = new TestClients(_server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => test.Clients.StepFunctions.StartExecutionAsync(new("arn:aws:states:us-east-1:123456789012:stateMachine:S")));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("req-4711", error.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("StartExecution", error.Operation);
        Assert.Contains("1 validation error detected", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Received);
        Assert.Empty(test.Delays);
    }

    [Fact]
    public async Task Send_WhenAccessDeniedOnRestJson_ShouldReadTheErrorTypeHeaderAndNotRetry()
    {
        _server.Enqueue(new ScriptedResponse(403, """{"message":"User is not authorized"}""",
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.bedrock/", ["x-amzn-RequestId"] = "req-403" }));
        var test = new TestClients(_server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => test.Clients.Bedrock.GetFoundationModelAsync(ModelBodies.NovaCanvas));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Equal("User is not authorized", error.AwsMessage);
        Assert.Equal("req-403", error.RequestId);
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task Send_WhenServerErrorThenSuccess_ShouldRetryOnce()
    {
        _server.Enqueue(
            new ScriptedResponse(500, "", new Dictionary<string, string> { ["x-amzn-ErrorType"] = "InternalServerException" }),
            ScriptedResponse.Ok("""{"jobArn":"arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.nova-canvas-v1:0/abc"}"""));
        var test = new TestClients(_server);

        var response = await test.Clients.Bedrock.CreateModelCustomizationJobAsync(new(
            "job", "model", "arn:aws:iam::123456789012:role/R", ModelBodies.NovaCanvas, new TrainingDataConfig("s3://b/train.jsonl"), new OutputDataConfig("s3://b/out/"), "token-1"));

        Assert.EndsWith("/abc", response.JobArn, StringComparison.Ordinal);
        Assert.Equal(2, _server.Received.Count);
        Assert.Single(test.Delays);
        Assert.All(_server.Received, r => Assert.Null(r.SignatureProblem));
        // The retry is the same request: same idempotency token, so a duplicate job is impossible.
        Assert.Equal(_server.Received[0].Body, _server.Received[1].Body);
    }

    [Fact]
    public async Task Send_WhenConnectionIsResetThenSuccess_ShouldRetry()
    {
        _server.Enqueue(new ScriptedResponse(200, "", AbortConnection: true), ScriptedResponse.Ok("""{"redriveDate":1767225600}"""));
        var test = new TestClients(_server);

        var response = await test.Clients.StepFunctions.RedriveExecutionAsync(new("arn:aws:states:us-east-1:123456789012:execution:S:e", "t1"));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1767225600), response.RedriveDate);
        Assert.Equal(2, _server.Received.Count);
    }

    [Fact]
    public async Task Send_WhenSuccessBodyIsMalformedJson_ShouldThrowMalformedResponseWithoutRetrying()
    {
        _server.Enqueue(ScriptedResponse.Ok("""{"Labels":[{"Name":"Penguin",}"""));
        var test = new TestClients(_server);

        var error = await Assert.ThrowsAsync<AwsMalformedResponseException>(() => test.Clients.Rekognition.DetectLabelsAsync(new(Image.FromBytes([1]))));

        Assert.Contains("Rekognition DetectLabels", error.Message, StringComparison.Ordinal);
        Assert.Contains("req-ok", error.Message, StringComparison.Ordinal);
        Assert.Single(_server.Received);
    }

    [Fact]
    public async Task Send_WhenResponseIsSlowerThanTheTimeoutEveryAttempt_ShouldThrowTransientWithTheTimeoutInside()
    {
        _server.Enqueue(new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(30)), new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(30)));
        var test = new TestClients(_server, timeout: TimeSpan.FromMilliseconds(300), maxAttempts: 2);

        var error = await Assert.ThrowsAsync<Core.Errors.TransientServiceException>(() => test.Clients.StepFunctions.DescribeExecutionAsync(new("arn:aws:states:us-east-1:123456789012:execution:S:e")));

        var timeout = Assert.IsType<AwsRequestTimeoutException>(error.InnerException);
        Assert.Contains("SFN DescribeExecution did not answer within 0.3 s (2 attempt(s))", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("still failed after 2 attempt(s)", error.Message, StringComparison.Ordinal);
        await WaitForReceivedAsync(2);
        Assert.Equal(2, _server.Received.Count);
        Assert.Single(test.Delays);
    }

    [Fact]
    public async Task Send_WhenCallerCancels_ShouldThrowCancellationNotTimeout()
    {
        _server.Enqueue(new ScriptedResponse(200, "{}", Delay: TimeSpan.FromSeconds(30)));
        var test = new TestClients(_server, timeout: TimeSpan.FromSeconds(20));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test.Clients.StepFunctions.DescribeExecutionAsync(new("arn:aws:states:us-east-1:123456789012:execution:S:e"), cancellation.Token));

        await WaitForReceivedAsync(1);
        Assert.Single(_server.Received);
    }

    /// <summary>
    /// A client that gives up (timeout, cancellation) may do so before the server has logged the
    /// request; wait for the server's log, never for the client.
    /// </summary>
    private async Task WaitForReceivedAsync(int count)
    {
        for (var waited = 0; _server.Received.Count < count && waited < 5000; waited += 50)
        {
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task InvokeModel_WhenModelIdHasColon_ShouldEncodeThePathAndSignItDoubleEncoded()
    {
        _server.Enqueue(ScriptedResponse.Ok("""{"embedding":[0.25,-0.5,1.0],"inputTextTokenCount":0,"message":null}"""));
        var test = new TestClients(_server);

        var embedding = await test.Clients.BedrockRuntime.EmbedImageAsync([9, 8, 7], outputEmbeddingLength: 256);

        Assert.Equal([0.25f, -0.5f, 1.0f], embedding);
        var request = Assert.Single(_server.Received);
        Assert.Equal("/model/amazon.titan-embed-image-v1/invoke", request.RawPath);
        Assert.Null(request.SignatureProblem);
        Assert.Contains("/bedrock/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal("""{"inputImage":"CQgH","embeddingConfig":{"outputEmbeddingLength":256}}""", System.Text.Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task GenerateImages_WhenCanvasAnswers_ShouldReturnThePngBytes()
    {
        _server.Enqueue(ScriptedResponse.Ok("""{"images":["iVBORw0KGgo="]}"""));
        var test = new TestClients(_server);

        var images = await test.Clients.BedrockRuntime.GenerateImagesAsync(
            ModelBodies.NovaCanvas, "Tux waves from an ice floe", "blurry", new CanvasImageGenerationConfig(1024, 1024, "standard", 6.5, 12, 1));

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, Assert.Single(images));
        var request = Assert.Single(_server.Received);
        Assert.Equal("/model/amazon.nova-canvas-v1%3A0/invoke", request.RawPath);
        Assert.Null(request.SignatureProblem);
        Assert.Equal(
            """{"taskType":"TEXT_IMAGE","textToImageParams":{"text":"Tux waves from an ice floe","negativeText":"blurry"},"imageGenerationConfig":{"width":1024,"height":1024,"quality":"standard","cfgScale":6.5,"seed":12,"numberOfImages":1}}""",
            System.Text.Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public async Task GetModelCustomizationJob_WhenIdentifierIsAnArn_ShouldEncodeColonsAndSlashesInTheLabel()
    {
        _server.Enqueue(ScriptedResponse.Ok("""{"jobArn":"a","jobName":"j","status":"InProgress","creationTime":"2026-01-01T10:00:00.123Z","statusDetails":{"trainingDetails":{"status":"InProgress"}}}"""));
        var test = new TestClients(_server);

        var job = await test.Clients.Bedrock.GetModelCustomizationJobAsync("arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.nova-canvas-v1:0/abc");

        Assert.Equal("InProgress", job.Status);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 0, 0, 123, TimeSpan.Zero), job.CreationTime);
        Assert.Equal("InProgress", job.StatusDetails!.TrainingDetails!.Status);
        var request = Assert.Single(_server.Received);
        Assert.Equal("/model-customization-jobs/arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Amodel-customization-job%2Famazon.nova-canvas-v1%3A0%2Fabc", request.RawPath);
        Assert.Null(request.SignatureProblem);
    }

    [Fact]
    public async Task SendTaskFailure_WhenSent_ShouldUseAwsJson10AndCamelCaseMembers()
    {
        var test = new TestClients(_server);

        await test.Clients.StepFunctions.SendTaskFailureAsync(new SendTaskFailureRequest("token", "DatasetRejected", "no"));

        var request = Assert.Single(_server.Received);
        Assert.Equal("application/x-amz-json-1.0", request.Header("Content-Type"));
        Assert.Equal("AWSStepFunctions.SendTaskFailure", request.Header("X-Amz-Target"));
        Assert.Equal("""{"taskToken":"token","error":"DatasetRejected","cause":"no"}""", System.Text.Encoding.UTF8.GetString(request.Body));
    }
}
