using Storyboard.Asl.Tasks;

namespace Storyboard.Asl.Tests.Tasks;

public sealed class MockConfigTests
{
    private const string Config = """
        {"StateMachines":{"LambdaSQSIntegration":{"TestCases":{"RetryPath":{"LambdaState":"MockedLambdaRetry"}}}},
         "MockedResponses":{"MockedLambdaRetry":{
           "0":{"Throw":{"Error":"Lambda.ResourceNotReadyException","Cause":"Lambda resource is not ready."}},
           "1-2":{"Throw":{"Error":"Lambda.TimeoutException","Cause":"Lambda timed out."}},
           "3":{"Return":{"StatusCode":200,"Payload":{"StatusCode":200,"body":"Hello from Lambda!"}}}}}}
        """;

    [Fact]
    public void Next_WhenCalledPerAttempt_ShouldFollowTheAttemptRanges()
    {
        var testCase = MockConfig.Parse(Config).GetTestCase("LambdaSQSIntegration", "RetryPath");

        var responses = Enumerable.Range(0, 5).Select(_ => testCase.Next("LambdaState")).ToList();

        Assert.Equal(["Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException", null, null], responses.Select(r => r.Error));
        Assert.Equal(200, responses[3].Return!["StatusCode"]!.GetValue<int>());
    }

    [Fact]
    public void GetTestCase_WhenUnknown_ShouldNameWhatExists()
    {
        var error = Assert.Throws<InvalidMockConfigException>(() => MockConfig.Parse(Config).GetTestCase("LambdaSQSIntegration", "HappyPath"));

        Assert.Contains("RetryPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenTestCaseNamesMissingResponse_ShouldFail()
    {
        var error = Assert.Throws<InvalidMockConfigException>(() => MockConfig.Parse("""{"StateMachines":{"S":{"TestCases":{"C":{"A":"Nope"}}}},"MockedResponses":{}}"""));

        Assert.Contains("'Nope'", error.Message, StringComparison.Ordinal);
    }
}
