using Storyboard.Core.Config;

namespace Storyboard.Core.Tests.Config;

public class RunConfigValidatorTests
{
    private static readonly RunConfig Valid = new() { Characters = [new CharacterConfig { Name = "Tux" }] };

    private static IReadOnlyList<string> Paths(RunConfig config) => RunConfigValidator.Validate(config).Select(p => p.Path).ToList();

    [Fact]
    public void Validate_WhenDefaultsAndOneCharacter_ShouldFindNothing()
    {
        Assert.Empty(RunConfigValidator.Validate(Valid));
    }

    [Fact]
    public void Validate_WhenNamesRepeatIgnoringCase_ShouldReportTheRepeat()
    {
        var config = Valid with { Characters = [new CharacterConfig { Name = "Tux" }, new CharacterConfig { Name = "tux" }] };

        var problem = Assert.Single(RunConfigValidator.Validate(config));

        Assert.Equal("characters[1].name", problem.Path);
        Assert.Contains("characters[0]", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("characters/Tux")]
    [InlineData("/abs/")]
    [InlineData("a/../b/")]
    public void Validate_WhenReferencePrefixIsNotAFolderKey_ShouldReportIt(string prefix)
    {
        var config = Valid with { Characters = [new CharacterConfig { Name = "Tux", ReferencePrefix = prefix }] };

        Assert.Equal(["characters[0].referencePrefix"], Paths(config));
    }

    [Fact]
    public void Validate_WhenNumbersAreNaNOrInfinite_ShouldReportEach()
    {
        var config = Valid with
        {
            Sampling = new SamplingConfig { Fps = double.NaN, SceneThreshold = double.PositiveInfinity },
            Crop = new CropConfig { PaddingRatio = double.NaN },
            Selection = new SelectionConfig { SimilarityThreshold = double.NaN },
            SegmentSeconds = double.NegativeInfinity,
        };

        Assert.Equal(
            ["sampling.fps", "sampling.sceneThreshold", "crop.paddingRatio", "selection.similarityThreshold", "segmentSeconds"],
            Paths(config));
    }

    [Fact]
    public void Validate_WhenBaseModelUnknown_ShouldListKnownProfiles()
    {
        var problem = Assert.Single(RunConfigValidator.Validate(Valid with { BaseModel = "stability.sdxl" }));

        Assert.Equal("baseModel", problem.Path);
        Assert.Contains("amazon.nova-canvas-v1:0", problem.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenOutputSidesAreInverted_ShouldReportMaxSide()
    {
        var config = Valid with { Crop = new CropConfig { OutputMinSide = 1024, OutputMaxSide = 768 } };

        Assert.Equal(["crop.outputMaxSide"], Paths(config));
    }

    [Fact]
    public void Validate_WhenOutputMinSideBelowModelMinimum_ShouldReportIt()
    {
        var config = Valid with { Crop = new CropConfig { OutputMinSide = 256 } };

        Assert.Equal(["crop.outputMinSide"], Paths(config));
    }

    [Fact]
    public void Validate_WhenSceneSizeBreaksPixelAndAspectRules_ShouldReportThem()
    {
        var config = Valid with
        {
            Storyboard = new StoryboardConfig
            {
                Scenes =
                [
                    new StoryboardScene { Prompt = "ok", Width = 2048, Height = 2064 },
                    new StoryboardScene { Prompt = "ok", Width = 320, Height = 1296 },
                    new StoryboardScene { Prompt = "  ", NegativePrompt = "" },
                ],
            },
        };

        var problems = RunConfigValidator.Validate(config);

        Assert.Contains(problems, p => p.Path == "storyboard.scenes[0].width" && p.Rule.Contains("4,194,304", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "storyboard.scenes[1].width" && p.Rule.Contains("aspect", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "storyboard.scenes[2].prompt");
        Assert.Contains(problems, p => p.Path == "storyboard.scenes[2].negativePrompt");
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Validate_WhenTargetPerCharacterIsZero_ShouldReportIt()
    {
        Assert.Equal(["selection.targetPerCharacter"], Paths(Valid with { Selection = new SelectionConfig { TargetPerCharacter = 0 } }));
    }

    [Fact]
    public void Validate_WhenFrameFilterLinesAreOutOfRange_ShouldReportEach()
    {
        var filters = new FilterConfig { MinMeanLuma = 300, MinSharpness = -1, NearIdenticalSimilarity = 0 };

        Assert.Equal(["filters.minMeanLuma", "filters.minSharpness", "filters.nearIdenticalSimilarity"], Paths(Valid with { Filters = filters }));
    }
}
