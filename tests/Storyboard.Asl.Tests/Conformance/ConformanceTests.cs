using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Tasks;
using Storyboard.Asl.Tests.Support;

namespace Storyboard.Asl.Tests.Conformance;

public sealed class ConformanceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in ConformanceFixture.All())
        {
            data.Add(fixture.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Execute_WhenRunningConformanceCase_ShouldMatchExpectation(string name)
    {
        var fixture = ConformanceFixture.All().Single(f => f.Name == name);
        var json = fixture.Json;
        var text = fixture.Definition.ToJsonString();
        var substitutions = (json["substitutions"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

        if (json["expectLoadError"] is { } loadError)
        {
            var error = Assert.Throws<InvalidDefinitionException>(() => DefinitionLoader.Load(text, substitutions));
            foreach (var expected in loadError is JsonArray many ? many.Select(e => e!.GetValue<string>()) : [loadError.GetValue<string>()])
            {
                Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            }

            return;
        }

        var definition = DefinitionLoader.Load(text, substitutions, "Conformance");
        var executor = new LocalExecutor(new LocalExecutorOptions
        {
            Store = new InMemoryObjectStore(),
            TimeScale = 0.001,
            Mocks = Mocks(json["mocks"] as JsonObject),
        });
        executor.Handlers
            .RegisterFunction("Echo", Handlers.Echo())
            .RegisterFunction("Double", Handlers.Json(n => JsonValue.Create(n!.GetValue<double>() * 2)));

        var result = await executor.StartExecutionAsync(definition, new StartExecutionRequest(json["input"]?.DeepClone()));

        if (json["expectError"] is { } expectedError)
        {
            Assert.False(result.Succeeded, $"expected {expectedError} but the execution succeeded with {result.Output?.ToJsonString()}");
            Assert.Equal(expectedError.GetValue<string>(), result.Error);
            if (json["expectCauseContains"] is { } cause)
            {
                Assert.Contains(cause.GetValue<string>(), result.Cause, StringComparison.Ordinal);
            }

            if (json["expectCause"] is { } exactCause)
            {
                Assert.Equal(exactCause.GetValue<string>(), result.Cause);
            }

            return;
        }

        Assert.True(result.Succeeded, $"{result.Error}: {result.Cause}");
        var expectedOutput = json["expectOutput"];
        Assert.True(JsonNode.DeepEquals(expectedOutput, result.Output), $"expected {expectedOutput?.ToJsonString()} but got {result.Output?.ToJsonString()}");
    }

    private static MockTestCase? Mocks(JsonObject? mocks)
    {
        if (mocks is null)
        {
            return null;
        }

        var states = new JsonObject();
        var responses = new JsonObject();
        foreach (var (state, response) in mocks)
        {
            states[state] = state;
            responses[state] = response!.DeepClone();
        }

        var config = new JsonObject
        {
            ["StateMachines"] = new JsonObject { ["Conformance"] = new JsonObject { ["TestCases"] = new JsonObject { ["Case"] = states } } },
            ["MockedResponses"] = responses,
        };
        return MockConfig.Parse(config.ToJsonString()).GetTestCase("Conformance", "Case");
    }
}
