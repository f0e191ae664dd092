using System.Text.Json.Nodes;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Tests.Paths;

public sealed class JsonPathExpressionTests
{
    private static readonly JsonNode Store = JsonNode.Parse("""
        {"store":{"book":[{"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95},
          {"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99},
          {"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99}],
          "bicycle":{"color":"red","price":19.95}},"a.b":{"c":1}}
        """)!;

    [Theory]
    [InlineData("$.store.book[0].title", "\"Sayings of the Century\"")]
    [InlineData("$['store']['bicycle']['color']", "\"red\"")]
    [InlineData("$.store.book[-1].author", "\"Herman Melville\"")]
    [InlineData("$.store.book[*].author", "[\"Nigel Rees\",\"Evelyn Waugh\",\"Herman Melville\"]")]
    [InlineData("$.store.book[0,2].price", "[8.95,8.99]")]
    [InlineData("$.store.book[:2].price", "[8.95,12.99]")]
    [InlineData("$.store.book[1:].price", "[12.99,8.99]")]
    [InlineData("$.store.book[?(@.isbn)].title", "[\"Moby Dick\"]")]
    [InlineData("$.store.book[?(@.price < 10 && @.category == 'fiction')].title", "[\"Moby Dick\"]")]
    [InlineData("$..price", "[8.95,12.99,8.99,19.95]")]
    [InlineData("$['a.b'].c", "1")]
    public void Select_WhenPathUsesSupportedSyntax_ShouldMatchJaywayResults(string path, string expected)
    {
        var result = JsonPathExpression.Parse(path).Select(Store, "test");

        Assert.Equal(expected, result?.ToJsonString());
    }

    [Theory]
    [InlineData("store.book")]
    [InlineData("$.store[")]
    [InlineData("$.store.book[?(@.price <)]")]
    public void TryParse_WhenPathIsMalformed_ShouldExplain(string path)
    {
        Assert.False(JsonPathExpression.TryParse(path, out _, out var problem));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void ReferencesExecutionInput_WhenContextPathReadsOtherFields_ShouldBeFalse()
    {
        Assert.False(JsonPathExpression.Parse("$$.Map.Item.Value").ReferencesExecutionInput);
        Assert.True(JsonPathExpression.Parse("$$.Execution.Input.x").ReferencesExecutionInput);
        Assert.True(JsonPathExpression.Parse("$$").ReferencesExecutionInput);
    }
}
