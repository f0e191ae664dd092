using Storyboard.Core.Rendering;

namespace Storyboard.Core.Tests.Rendering;

public sealed class PromptMatcherTests
{
    private static readonly MatchCandidate[] Candidates =
    [
        new("a", "Tux stands on the ice", ["Tux"]),
        new("b", "Gnu stands on the ice", ["Gnu"]),
        new("c", "Tux and Gnu eat fish together", ["Tux", "Gnu"]),
        new("d", "A red kite over the sea", []),
    ];

    [Fact]
    public void Rank_WhenThePromptNamesCharacters_ShouldPreferTheExactCast()
    {
        var ranked = new PromptMatcher(Candidates).Rank("Gnu and Tux on the ice");

        Assert.Equal("c", ranked[0].Candidate.Id);
        Assert.Equal(1.0, ranked[0].CastScore);
    }

    [Fact]
    public void Rank_WhenThePromptNamesNoCharacter_ShouldRankByCaptionWords()
    {
        var ranked = new PromptMatcher(Candidates).Rank("a kite flying over the sea");

        Assert.Equal("d", ranked[0].Candidate.Id);
        Assert.Equal(0, ranked[0].CastScore);
        Assert.True(ranked[0].TextScore > ranked[1].TextScore);
    }

    [Fact]
    public void Rank_WhenCandidatesTie_ShouldOrderBySmallerIdEveryTime()
    {
        var ranked = new PromptMatcher(Candidates).Rank("something unrelated entirely");

        Assert.Equal(["a", "b", "c", "d"], ranked.Select(r => r.Candidate.Id));
    }

    [Fact]
    public void Rank_ShouldWeighRareWordsAboveCommonOnes()
    {
        // "ice" is in two captions, "fish" in one: a prompt with both favours the fish caption's text.
        var ranked = new PromptMatcher(Candidates).Rank("fish ice");

        Assert.Equal("c", ranked[0].Candidate.Id);
    }
}
