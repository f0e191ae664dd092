using Storyboard.Core.Captions;

namespace Storyboard.Core.Tests.Captions;

public class CaptionExtractorTests
{
    [Theory]
    [InlineData("{\"alt_text\": \"Tux waves on an ice floe\"}")]
    [InlineData("Here is the caption:\n{\"alt_text\": \"Tux waves on an ice floe\"}\nHope this helps!")]
    [InlineData("```json\n{\"alt_text\": \"Tux waves on an ice floe\"}\n```")]
    [InlineData("Sure.\n```\n{ \"alt_text\" : \"Tux waves on an ice floe\" }\n```\nDone.")]
    [InlineData("{\"reason\": {\"x\": 1}, \"alt_text\": \"Tux waves on an ice floe\"}")]
    [InlineData("Tux waves on an ice floe")]
    [InlineData("\"Tux waves on an ice floe\"")]
    public void Extract_WhenReplyHoldsTheCaption_ShouldFindIt(string reply)
    {
        var extraction = CaptionExtractor.Extract(reply);

        Assert.True(extraction.Succeeded, extraction.Problem);
        Assert.Equal("Tux waves on an ice floe", extraction.Text);
    }

    [Fact]
    public void Extract_WhenCaptionContainsBracesAndEscapes_ShouldKeepThemVerbatim()
    {
        var extraction = CaptionExtractor.Extract("{\"alt_text\": \"Tux holds a sign reading \\\"{hi}\\\"\"}");

        Assert.Equal("Tux holds a sign reading \"{hi}\"", extraction.Text);
    }

    [Fact]
    public void Extract_WhenProseHasBracesBeforeTheJson_ShouldSkipThem()
    {
        var extraction = CaptionExtractor.Extract("I considered {several} options. {\"alt_text\": \"Gnu reads\"}");

        Assert.Equal("Gnu reads", extraction.Text);
    }

    [Theory]
    [InlineData(null, "no text")]
    [InlineData("   ", "no text")]
    [InlineData("{\"caption\": \"Tux\"}", "without \"alt_text\"")]
    [InlineData("{\"alt_text\": 42}", "not a string")]
    [InlineData("{\"alt_text\": \"Tux", "malformed")]
    [InlineData("```json\n```", "no text")]
    public void Extract_WhenReplyIsMalformed_ShouldSayWhy(string? reply, string expected)
    {
        var extraction = CaptionExtractor.Extract(reply);

        Assert.False(extraction.Succeeded);
        Assert.Contains(expected, extraction.Problem, StringComparison.Ordinal);
    }
}
