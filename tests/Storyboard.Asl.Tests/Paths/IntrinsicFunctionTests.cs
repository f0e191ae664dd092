using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Tests.Paths;

public sealed class IntrinsicFunctionTests
{
    private static JsonNode? Evaluate(string call, string input = "{}") =>
        IntrinsicFunction.Parse(call).Evaluate(JsonNode.Parse(input), () => null);

    [Fact]
    public void MathRandom_WhenSeeded_ShouldBeRepeatableAndWithinRange()
    {
        var first = Evaluate("States.MathRandom($.start, $.end, 1234)", """{"start":1,"end":999}""")!.GetValue<long>();
        var again = Evaluate("States.MathRandom($.start, $.end, 1234)", """{"start":1,"end":999}""")!.GetValue<long>();

        Assert.Equal(first, again);
        Assert.InRange(first, 1, 999);
    }

    [Fact]
    public void Uuid_WhenCalled_ShouldReturnVersion4Uuid()
    {
        var uuid = Evaluate("States.UUID()")!.GetValue<string>();

        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", uuid);
    }

    [Fact]
    public void JsonMerge_WhenDeepMergeRequested_ShouldFailWithStatesRuntime()
    {
        var error = Assert.Throws<StatesErrorException>(() => Evaluate("States.JsonMerge($.a, $.b, true)", """{"a":{},"b":{}}"""));

        Assert.Equal("States.Runtime", error.Error);
    }

    [Fact]
    public void Parse_WhenFunctionIsUnknown_ShouldFailAtLoad()
    {
        var error = Assert.Throws<FormatException>(() => IntrinsicFunction.Parse("States.Frobnicate($.a)"));

        Assert.Contains("States.Frobnicate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayRange_WhenMoreThan1000Items_ShouldFail()
    {
        Assert.Throws<StatesErrorException>(() => Evaluate("States.ArrayRange(1, 2000, 1)"));
    }
}
