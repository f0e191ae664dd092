using Storyboard.Core.Selection;

namespace Storyboard.Core.Tests.Selection;

public class CropSelectorTests
{
    private static readonly SelectionOptions Options = new(0.92);

    private static SelectionCandidate Crop(string id, double quality, params float[] embedding) => new(id, ["Tux"], quality, embedding);

    private static SelectionCandidate Crop(string id, string[] characters, double quality, params float[] embedding) => new(id, characters, quality, embedding);

    [Fact]
    public void Select_WhenNoCandidates_ShouldReturnAnEmptyResult()
    {
        var result = CropSelector.Select([], Options);

        Assert.Empty(result.Kept);
        Assert.Empty(result.Replacements);
        Assert.Empty(result.Invalid);
        Assert.Empty(result.PerCharacter);
    }

    [Fact]
    public void Select_WhenSingleCrop_ShouldKeepIt()
    {
        var result = CropSelector.Select([Crop("a", 0.5, 1, 0)], Options);

        Assert.Equal(["a"], result.Kept);
    }

    [Fact]
    public void Select_WhenTwoCropsAreNearDuplicates_ShouldKeepTheBetterAndMapTheOther()
    {
        var result = CropSelector.Select([Crop("low", 0.2, 1, 0.1f), Crop("high", 0.9, 1, 0.12f)], Options);

        Assert.Equal(["high"], result.Kept);
        var replacement = Assert.Single(result.Replacements);
        Assert.Equal(("low", "high", ReplacementReason.NearDuplicate), (replacement.RejectedId, replacement.KeptId, replacement.Reason));
        Assert.True(replacement.Similarity >= 0.92);
    }

    [Fact]
    public void Select_WhenSimilarityEqualsTheThreshold_ShouldTreatAsDuplicate()
    {
        // cos(a, b) = 0.6 exactly for these vectors.
        var result = CropSelector.Select([Crop("a", 1, 1, 0), Crop("b", 0.5, 0.6f, 0.8f)], new SelectionOptions(0.6 - 1e-7));

        Assert.Equal(["a"], result.Kept);
    }

    [Fact]
    public void Select_WhenBelowTheThreshold_ShouldKeepBoth()
    {
        var result = CropSelector.Select([Crop("a", 1, 1, 0), Crop("b", 0.5, 0.6f, 0.8f)], new SelectionOptions(0.61));

        Assert.Equal(["a", "b"], result.Kept);
    }

    [Fact]
    public void Select_WhenQualitiesTie_ShouldPreferTheOrdinallySmallerId()
    {
        var result = CropSelector.Select([Crop("b", 0.5, 1, 0), Crop("a", 0.5, 2, 0), Crop("C", 0.5, 3, 0)], Options);

        Assert.Equal(["C"], result.Kept);
        Assert.All(result.Replacements, r => Assert.Equal("C", r.KeptId));
    }

    [Fact]
    public void Select_WhenQualityIsNaN_ShouldRankItLowest()
    {
        var result = CropSelector.Select([Crop("nan", double.NaN, 1, 0), Crop("neg", -5, 1, 0)], Options);

        Assert.Equal(["neg"], result.Kept);
    }

    [Fact]
    public void Select_WhenEmbeddingsPointOpposite_ShouldNotGroupThem()
    {
        var result = CropSelector.Select([Crop("a", 1, 1, 1), Crop("b", 1, -1, -1)], Options);

        Assert.Equal(2, result.Kept.Count);
    }

    [Fact]
    public void Select_WhenScaleDiffers_ShouldStillSeeDuplicates()
    {
        var result = CropSelector.Select([Crop("small", 1, 1e-30f, 2e-30f), Crop("huge", 0.5, 1e30f, 2e30f)], Options);

        Assert.Equal(["small"], result.Kept);
    }

    [Theory]
    [InlineData(0f, 0f)]
    [InlineData(float.NaN, 1f)]
    [InlineData(float.PositiveInfinity, 1f)]
    public void Select_WhenEmbeddingIsZeroOrNotFinite_ShouldReportItInvalid(float x, float y)
    {
        var result = CropSelector.Select([Crop("bad", 1, x, y), Crop("good", 0.5, 1, 0)], Options);

        Assert.Equal(["good"], result.Kept);
        Assert.Equal("bad", Assert.Single(result.Invalid).Id);
    }

    [Fact]
    public void Select_WhenCropNamesNoCharacter_ShouldReportItInvalid()
    {
        var result = CropSelector.Select([Crop("x", [], 1, 1, 0)], Options);

        Assert.Empty(result.Kept);
        Assert.Contains("character", Assert.Single(result.Invalid).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_WhenEmbeddingLengthsDiffer_ShouldThrowNamingTheCrop()
    {
        var ex = Assert.Throws<InvalidSelectionInputException>(() => CropSelector.Select([Crop("a", 1, 1, 0), Crop("b", 1, 1, 0, 0)], Options));

        Assert.Contains("'b'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_WhenIdsRepeat_ShouldThrow()
    {
        Assert.Throws<InvalidSelectionInputException>(() => CropSelector.Select([Crop("a", 1, 1, 0), Crop("a", 1, 0, 1)], Options));
    }

    [Fact]
    public void Select_WhenThresholdIsOutOfRange_ShouldThrow()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CropSelector.Select([], new SelectionOptions(double.NaN)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CropSelector.Select([], new SelectionOptions(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CropSelector.Select([], new SelectionOptions(0.9, 0)));
    }

    [Fact]
    public void Select_WhenCropsShowDifferentCharacterSets_ShouldNeverCompareThem()
    {
        var result = CropSelector.Select(
            [
                Crop("tux", ["Tux"], 1, 1, 0),
                Crop("gnu", ["Gnu"], 1, 1, 0),
                Crop("both", ["Tux", "Gnu"], 1, 1, 0),
                Crop("both2", ["Gnu", "Tux", "Tux"], 0.5, 1, 0),
            ],
            Options);

        Assert.Equal(["gnu", "both", "tux"], result.Kept);
        Assert.Equal(("both2", "both"), (result.Replacements[0].RejectedId, result.Replacements[0].KeptId));
        Assert.Equal(
            [new CharacterCount("Gnu", 3, 2, 2), new CharacterCount("Tux", 3, 2, 2)],
            result.PerCharacter);
    }

    [Fact]
    public void Select_WhenTargetIsSet_ShouldKeepTheBestThenTheMostDifferent()
    {
        var result = CropSelector.Select(
            [
                Crop("best", 0.9, 1, 0, 0),
                Crop("close", 0.8, 0.8f, 0.6f, 0),
                Crop("far", 0.1, -1, 0, 0),
                Crop("orthogonal", 0.5, 0, 0, 1),
            ],
            new SelectionOptions(0.99, TargetPerCharacter: 2));

        Assert.Equal(["best", "far"], result.Kept);
        var dropped = result.Replacements.ToDictionary(r => r.RejectedId);
        Assert.Equal(ReplacementReason.Diversity, dropped["close"].Reason);
        Assert.Equal("best", dropped["close"].KeptId);
        Assert.Equal("best", dropped["orthogonal"].KeptId);
        Assert.Equal(new CharacterCount("Tux", 4, 4, 2), Assert.Single(result.PerCharacter));
    }

    [Fact]
    public void Select_WhenALeaderIsDroppedForDiversity_ShouldMapItsDuplicatesToAKeptCrop()
    {
        var result = CropSelector.Select(
            [
                Crop("a", 0.9, 1, 0),
                Crop("b", 0.8, 0, 1),
                Crop("b-dup", 0.7, 0.01f, 1),
            ],
            new SelectionOptions(0.95, TargetPerCharacter: 1));

        Assert.Equal(["a"], result.Kept);
        Assert.All(result.Replacements, r => Assert.Equal("a", r.KeptId));
        Assert.Equal(ReplacementReason.Diversity, result.Replacements.Single(r => r.RejectedId == "b-dup").Reason);
    }

    [Fact]
    public void Select_WhenTargetExceedsDistinctCrops_ShouldKeepAllDistinct()
    {
        var result = CropSelector.Select([Crop("a", 1, 1, 0), Crop("b", 1, 0, 1)], new SelectionOptions(0.9, TargetPerCharacter: 10));

        Assert.Equal(2, result.Kept.Count);
    }

    [Fact]
    public void Select_ShouldAccountForEveryCropExactlyOnce()
    {
        var candidates = SyntheticCrops.Make(count: 1500, dimensions: 64, clusters: 60, seed: 7);

        var result = CropSelector.Select(candidates, new SelectionOptions(0.92, TargetPerCharacter: 40));

        var seen = result.Kept.Concat(result.Replacements.Select(r => r.RejectedId)).Concat(result.Invalid.Select(i => i.Id)).ToList();
        Assert.Equal(candidates.Count, seen.Count);
        Assert.Equal(candidates.Select(c => c.Id).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        var kept = result.Kept.ToHashSet();
        Assert.All(result.Replacements, r => Assert.Contains(r.KeptId, kept));
    }

    [Fact]
    public void Select_ShouldMatchTheSequentialGreedyDefinitionWhateverTheThreadCount()
    {
        var candidates = SyntheticCrops.Make(count: 1200, dimensions: 64, clusters: 80, seed: 11);

        var single = CropSelector.Select(candidates, new SelectionOptions(0.92, MaxDegreeOfParallelism: 1));
        var parallel = CropSelector.Select(candidates, new SelectionOptions(0.92, MaxDegreeOfParallelism: 4));
        var reference = ReferenceGreedy.Select(candidates, 0.92f);

        Assert.Equal(reference.Kept, single.Kept.Order(StringComparer.Ordinal));
        Assert.Equal(reference.Mapping, single.Replacements.Select(r => (r.RejectedId, r.KeptId)).Order());
        Assert.Equal(single.Kept, parallel.Kept);
        Assert.Equal(single.Replacements, parallel.Replacements);
        Assert.True(single.Replacements.Count > 50, "the synthetic data should contain near-duplicates");
        Assert.True(single.Kept.Count > 50, "the synthetic data should contain distinct crops");
    }

    [Fact]
    public void Select_WhenEmbeddingsAreLong_ShouldStillMatchTheDefinitionWithTheBoundPruning()
    {
        // 256 dimensions: long enough that rows are split into head and tail and pairs are pruned by the bound.
        var candidates = SyntheticCrops.Make(count: 800, dimensions: 256, clusters: 100, seed: 5);

        var result = CropSelector.Select(candidates, new SelectionOptions(0.92, MaxDegreeOfParallelism: 2));
        var reference = ReferenceGreedy.Select(candidates, 0.92f);

        Assert.Equal(reference.Kept, result.Kept.Order(StringComparer.Ordinal));
        Assert.Equal(reference.Mapping, result.Replacements.Select(r => (r.RejectedId, r.KeptId)).Order());
        Assert.True(result.Replacements.Count > 50 && result.Kept.Count > 50);
    }

    [Fact]
    public void Select_ShouldNotModifyTheCallersEmbeddings()
    {
        var embedding = new float[] { 3, 4 };

        CropSelector.Select([Crop("a", 1, embedding)], Options);

        Assert.Equal([3f, 4f], embedding);
    }
}
