using System.Reflection;
using System.Text;
using System.Text.Json;
using Storyboard.Aws.Bedrock;
using Storyboard.Aws.BedrockRuntime;
using Storyboard.Aws.Http;
using Storyboard.Aws.Rekognition;
using Storyboard.Aws.StepFunctions;
using Storyboard.Aws.Tests.Support;

namespace Storyboard.Aws.Tests.Conformance;

/// <summary>Every request the product can send, as received by a real HTTP server, checked against the API models in ../shared/aws-models.</summary>
public sealed class RequestConformanceTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    public static TheoryData<string> Operations() => new(SampleRequests.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_WhenSentAsTheClientSendsIt_ShouldConformToTheApiModel(string operation)
    {
        var (service, call) = SampleRequests.All[operation];
        var server = fixture.Server;
        var clients = new TestClients(server).Clients;
        var before = server.Received.Count;

        await call(clients);

        var received = server.Received.Skip(before).ToList();
        var request = Assert.Single(received);
        Assert.Null(request.SignatureProblem);
        Assert.Contains($"/{service.SigningName}/aws4_request", request.Header("Authorization"), StringComparison.Ordinal);
        var (matched, problems) = RequestConformance.Check(service, request);
        Assert.Equal(operation, matched);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Samples_WhenComparedWithTheClientInterfaces_ShouldCoverEveryOperation()
    {
        var interfaceOperations = new[] { typeof(IRekognitionApi), typeof(IBedrockApi), typeof(IBedrockRuntimeApi), typeof(IStepFunctionsApi) }
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(m => m.Name[..^"Async".Length])
            .Order(StringComparer.Ordinal);

        Assert.Equal(interfaceOperations, SampleRequests.All.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_WhenABodyMemberIsMisspelled_ShouldReportIt()
    {
        var problems = CheckDetectLabelsBody("""{"Image":{"S3Object":{"Bucket":"b","Nmae":"k.png"}},"MaxLabels":10}""");

        Assert.Contains(problems, p => p.Contains("'Nmae' does not exist in S3Object", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenAnEnumValueOrTypeIsWrong_ShouldReportBoth()
    {
        var problems = CheckDetectLabelsBody("""{"Image":{"Bytes":"AAEC"},"Features":["GENERAL"],"MaxLabels":"ten"}""");

        Assert.Contains(problems, p => p.Contains("'GENERAL' is not one of the enum values", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("expected an integer", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenARequiredMemberIsMissing_ShouldReportIt()
    {
        var problems = CheckDetectLabelsBody("""{"MaxLabels":10}""");

        Assert.Contains(problems, p => p.Contains("required member 'Image'", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenARestQueryParameterIsUnknown_ShouldReportIt()
    {
        var request = new RecordedRequest("GET", "/model-customization-jobs?maxResult=5", [], [], null);

        var (operation, problems) = RequestConformance.Check(AwsServices.Bedrock, request);

        Assert.Equal("ListModelCustomizationJobs", operation);
        Assert.Contains(problems, p => p.Contains("'maxResult' is not a querystring member", StringComparison.Ordinal));
    }

    private static List<string> CheckDetectLabelsBody(string json)
    {
        var request = new RecordedRequest("POST", "/",
            [new("X-Amz-Target", "RekognitionService.DetectLabels"), new("Content-Type", "application/x-amz-json-1.1")],
            Encoding.UTF8.GetBytes(json), null);
        var (_, problems) = RequestConformance.Check(AwsServices.Rekognition, request);
        return problems;
    }
}
