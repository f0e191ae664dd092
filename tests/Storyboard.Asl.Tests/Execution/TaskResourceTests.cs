using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Tasks;
using Storyboard.Asl.Tests.Support;

namespace Storyboard.Asl.Tests.Execution;

public sealed class TaskResourceTests
{
    private const string LambdaInvoke = """
        {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"arn:aws:lambda:eu-west-1:123456789012:function:Work:$LATEST","Payload.$":"$"},"End":true}}}
        """;

    [Fact]
    public async Task LambdaInvoke_WhenHandlerSucceeds_ShouldWrapOutputInIntegrationShape()
    {
        var executor = Run.Executor();
        executor.Handlers.RegisterFunction("Work", Handlers.Json(n => new JsonObject { ["got"] = n!["x"]!.DeepClone() }));

        var result = await executor.StartAsync(LambdaInvoke, """{"x":1}""");

        Assert.True(result.Succeeded, result.Cause);
        var output = result.Output!.AsObject();
        Assert.Equal(1, output["Payload"]!["got"]!.GetValue<int>());
        Assert.Equal(200, output["StatusCode"]!.GetValue<int>());
        Assert.Equal("$LATEST", output["ExecutedVersion"]!.GetValue<string>());
        Assert.Equal(200, output["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        Assert.NotNull(output["SdkResponseMetadata"]!["RequestId"]);
    }

    [Fact]
    public async Task LambdaInvoke_WhenHandlerThrows_ShouldReportTypeNameAndLambdaErrorObjectAsCause()
    {
        var executor = Run.Executor();
        executor.Handlers.RegisterFunction("Work", (_, _) => throw new CustomValidationException("Check Identity Validation Failed"));

        var result = await executor.StartAsync(LambdaInvoke, "{}");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("CustomValidationException", result.Error);
        var cause = JsonNode.Parse(result.Cause!)!.AsObject();
        Assert.Equal("CustomValidationException", cause["errorType"]!.GetValue<string>());
        Assert.Equal("Check Identity Validation Failed", cause["errorMessage"]!.GetValue<string>());
        Assert.IsType<JsonArray>(cause["stackTrace"]);
    }

    [Fact]
    public async Task PlainFunctionArn_WhenHandlerSucceeds_ShouldUseHandlerOutputAsResult()
    {
        var executor = Run.Executor();
        executor.Handlers.RegisterFunction("Work", Handlers.Json(n => JsonValue.Create(n!["x"]!.GetValue<int>() + 1)));

        var result = await executor.StartAsync("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Work","ResultPath":"$.y","End":true}}}""", """{"x":41}""");

        Assert.Equal("""{"x":41,"y":42}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task AwsSdk_WhenServiceReturnsErrorCode_ShouldNameErrorServiceDotCodeWithExceptionSuffix()
    {
        var executor = Run.Executor();
        executor.Handlers.RegisterService("s3", new FailingService("S3", "BucketAlreadyExists"));

        var result = await executor.StartAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:createBucket","Parameters":{"Bucket":"b"},
              "Catch":[{"ErrorEquals":["S3.BucketAlreadyExistsException"],"Next":"Exists"}],"End":true},"Exists":{"Type":"Pass","End":true}}}
            """, "{}");

        Assert.True(result.Succeeded, result.Cause);
        Assert.Equal("S3.BucketAlreadyExistsException", result.Output!["Error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AwsSdk_WhenServiceSucceeds_ShouldPassParametersAndReturnResponse()
    {
        var executor = Run.Executor();
        executor.Handlers.RegisterService("bedrock", new EchoService());

        var result = await executor.StartAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:bedrock:getFoundationModel","Parameters":{"ModelIdentifier.$":"$.model"},"End":true}}}
            """, """{"model":"amazon.nova-canvas-v1:0"}""");

        Assert.Equal("""{"Action":"getFoundationModel","Parameters":{"ModelIdentifier":"amazon.nova-canvas-v1:0"}}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task StartExecution_WhenTaskHasNoHandler_ShouldThrowBeforeRunning()
    {
        var executor = Run.Executor();

        var error = await Assert.ThrowsAsync<MissingTaskHandlerException>(() => executor.StartAsync(LambdaInvoke, "{}"));

        Assert.Contains("state 'T': no handler for function 'Work'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_WhenResultExceeds256KiB_ShouldFailWithDataLimitExceededThatCatchCannotHandle()
    {
        var executor = Run.Executor();
        executor.Handlers.RegisterFunction("Big", Handlers.Json(_ => JsonValue.Create(new string('x', 300_000))));

        var result = await executor.StartAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Big",
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"C"}],"End":true},"C":{"Type":"Pass","End":true}}}
            """, "{}");

        Assert.Equal("States.DataLimitExceeded", result.Error);
    }

    [Fact]
    public async Task Task_WhenHandlerOutlivesTimeoutSeconds_ShouldFailWithStatesTimeout()
    {
        var executor = Run.Executor();
        executor.Handlers.RegisterFunction("Slow", async (_, ct) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return new MemoryStream();
        });

        var result = await executor.StartAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Slow","TimeoutSeconds":1,"End":true}}}
            """, "{}");

        Assert.Equal("States.Timeout", result.Error);
    }

    [Fact]
    public async Task Execution_WhenTimeoutSecondsElapses_ShouldEndTimedOut()
    {
        var executor = new LocalExecutor(new LocalExecutorOptions { Store = new InMemoryObjectStore(), TimeScale = 1 });

        var result = await executor.StartAsync("""{"TimeoutSeconds":1,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":30,"End":true}}}""", "{}");

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal("States.Timeout", result.Error);
    }

    private sealed class FailingService(string prefix, string code) : IServiceIntegration
    {
        public string ErrorPrefix => prefix;

        public Task<JsonNode?> InvokeAsync(string action, JsonNode? parameters, CancellationToken cancellationToken) =>
            throw new ServiceIntegrationException(code, "The requested bucket name is not available.");
    }

    private sealed class EchoService : IServiceIntegration
    {
        public string ErrorPrefix => "Bedrock";

        public Task<JsonNode?> InvokeAsync(string action, JsonNode? parameters, CancellationToken cancellationToken) =>
            Task.FromResult<JsonNode?>(new JsonObject { ["Action"] = action, ["Parameters"] = parameters?.DeepClone() });
    }
}
