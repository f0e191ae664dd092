using Storyboard.Core.Captions;
using Storyboard.Core.Config;
using Storyboard.Core.Models;

namespace Storyboard.Core.Tests.Captions;

public class CaptionRulesTests
{
    private static readonly CaptionRuleSet Rules = CaptionRuleSet.For(ModelProfiles.NovaCanvas, new CaptionConfig { MaxLength = 1024 });

    [Fact]
    public void Check_WhenCaptionNamesItsCharacters_ShouldAccept()
    {
        var check = CaptionRules.Check("Tux and Gnu share a fish on the beach", ["Tux", "Gnu"], [], Rules);

        Assert.True(check.IsValid);
    }

    [Fact]
    public void Check_ShouldNormaliseWhitespaceBeforeChecking()
    {
        var check = CaptionRules.Check("  Tux\n\twaves\u200B  at\r\nthe   camera ", ["Tux"], [], Rules);

        Assert.Equal("Tux waves at the camera", check.Caption);
    }

    [Theory]
    [InlineData("tux waves")]
    [InlineData("TUX waves")]
    [InlineData("Tuxedo waves")]
    [InlineData("Tux-2 waves")]
    [InlineData("Tux_junior waves")]
    [InlineData("A penguin waves")]
    public void Check_WhenNameIsMissingOrNotAWholeCaseSensitiveWord_ShouldReject(string caption)
    {
        var check = CaptionRules.Check(caption, ["Tux"], [], Rules);

        Assert.Contains("does not name Tux", Assert.Single(check.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tux's scarf flutters")]
    [InlineData("(Tux) waves")]
    [InlineData("Waving: Tux.")]
    [InlineData("Tux")]
    public void Check_WhenNameStandsNextToPunctuation_ShouldAccept(string caption)
    {
        Assert.DoesNotContain(CaptionRules.Check(caption, ["Tux"], [], Rules).Problems, p => p.Contains("does not name", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenCaptionNamesACharacterNotInTheCrop_ShouldReject()
    {
        var check = CaptionRules.Check("Tux waves at Gnu", ["Tux"], ["Tux", "Gnu"], Rules);

        Assert.Contains("names Gnu, who is not in this crop", Assert.Single(check.Problems), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Tux with no hat")]
    [InlineData("Tux is NOT smiling")]
    [InlineData("Tux without his scarf")]
    public void Check_WhenCaptionUsesAReservedWord_ShouldReject(string caption)
    {
        var check = CaptionRules.Check(caption, ["Tux"], [], Rules);

        Assert.Contains("reserved word", Assert.Single(check.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WhenReservedWordIsOnlyPartOfAWord_ShouldAccept()
    {
        Assert.True(CaptionRules.Check("Tux knots a note on the snow", ["Tux"], [], Rules).IsValid);
    }

    [Fact]
    public void Check_WhenEverythingIsWrong_ShouldListEveryReason()
    {
        var rules = Rules with { MaxLength = 10 };

        var check = CaptionRules.Check("Gnu and no one else at all", ["Tux", "Wilber"], ["Gnu"], rules);

        Assert.Equal(5, check.Problems.Count);
    }

    [Theory]
    [InlineData("", "at least 3")]
    [InlineData("Tu", "at least 3")]
    public void Check_WhenTooShort_ShouldReject(string caption, string expected)
    {
        Assert.Contains(CaptionRules.Check(caption, [], [], Rules).Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Check_WhenExactlyAtTheMaximum_ShouldAccept()
    {
        var caption = "Tux " + new string('a', 1020);

        Assert.True(CaptionRules.Check(caption, ["Tux"], [], Rules).IsValid);
        Assert.False(CaptionRules.Check(caption + "a", ["Tux"], [], Rules).IsValid);
    }

    [Fact]
    public void For_ShouldTakeTheStricterOfConfigAndModel()
    {
        Assert.Equal(200, CaptionRuleSet.For(ModelProfiles.NovaCanvas, new CaptionConfig { MaxLength = 200 }).MaxLength);
        Assert.Equal(1024, CaptionRuleSet.For(ModelProfiles.NovaCanvas, new CaptionConfig { MaxLength = 5000 }).MaxLength);
    }

    [Fact]
    public void FromModelOutput_WhenReplyIsMalformed_ShouldRejectWithTheExtractionProblem()
    {
        var check = CaptionRules.FromModelOutput("{\"text\": \"Tux\"}", ["Tux"], [], Rules);

        Assert.False(check.IsValid);
        Assert.Contains("alt_text", Assert.Single(check.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void FromModelOutput_WhenReplyIsFencedJson_ShouldCheckTheCaption()
    {
        var check = CaptionRules.FromModelOutput("```json\n{\"alt_text\": \"Tux  slides\\non ice\"}\n```", ["Tux"], [], Rules);

        Assert.True(check.IsValid);
        Assert.Equal("Tux slides on ice", check.Caption);
    }
}
