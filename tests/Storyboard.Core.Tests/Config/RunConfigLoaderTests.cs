using System.Text;
using Storyboard.Core.Config;
using Storyboard.Core.Models;

namespace Storyboard.Core.Tests.Config;

public class RunConfigLoaderTests
{
    private const string Minimal = """{"characters": [{"name": "Tux"}]}""";

    [Fact]
    public void Parse_WhenOnlyCharactersGiven_ShouldApplyEveryDefault()
    {
        var config = RunConfigLoader.Parse(Minimal);

        Assert.Equal("Tux", Assert.Single(config.Characters).Name);
        Assert.Equal("characters/Tux/", config.Characters[0].ReferencePrefixOrDefault());
        Assert.Equal(1.0, config.Sampling.Fps);
        Assert.False(config.Sampling.SceneAware);
        Assert.Equal(0.3, config.Sampling.SceneThreshold);
        Assert.Equal(3000, config.Sampling.MaxFrames);
        Assert.Equal(0.15, config.Crop.PaddingRatio);
        Assert.Equal(512, config.Crop.OutputMinSide);
        Assert.Equal(0.92, config.Selection.SimilarityThreshold);
        Assert.Null(config.Selection.TargetPerCharacter);
        Assert.Equal(500, config.FineTuning.StepCount);
        Assert.Equal(8, config.FineTuning.BatchSize);
        Assert.Equal(1e-5, config.FineTuning.LearningRate);
        Assert.Empty(config.Storyboard.Scenes);
        Assert.False(config.ReviewGate);
        Assert.True(config.ReleaseThroughput);
        Assert.Equal(ModelProfiles.NovaCanvasId, config.BaseModel);
        Assert.Equal(45, config.SegmentSeconds);
        Assert.Equal(3600, config.MaxVideoSeconds);
    }

    [Fact]
    public void Parse_WhenEmptyObject_ShouldReportMissingCharacters()
    {
        var ex = Assert.Throws<InvalidRunConfigException>(() => RunConfigLoader.Parse("{}"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("characters", problem.Path);
    }

    [Fact]
    public void Parse_WhenUnknownPropertiesAtSeveralLevels_ShouldNameEveryOne()
    {
        const string json = """
            {"characters": [{"name": "Tux", "colour": "black"}],
             "sampling": {"fpss": 2},
             "extra": true}
            """;

        var ex = Assert.Throws<InvalidRunConfigException>(() => RunConfigLoader.Parse(json));

        var paths = ex.Problems.Select(p => p.Path).ToList();
        Assert.Equal(["characters[0].colour", "sampling.fpss", "extra"], paths);
        Assert.All(ex.Problems, p => Assert.Contains("not a known property", p.Rule, StringComparison.Ordinal));
        Assert.Contains("sampling.fpss", ex.Message, StringComparison.Ordinal);
        Assert.Contains("extra", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenShapeAndValueProblemsMix_ShouldReportBothKindsTogether()
    {
        const string json = """
            {"characters": [{"name": "Tux"}, 7, {"name": "bad name"}],
             "sampling": {"fps": -1, "fpss": 2},
             "storyboard": {"scenes": [{"prompt": "ok", "seed": -1}]}}
            """;

        var ex = Assert.Throws<InvalidRunConfigException>(() => RunConfigLoader.Parse(json));

        Assert.Equal(
            ["characters[1]", "sampling.fpss", "characters[1].name", "characters[2].name", "sampling.fps", "storyboard.scenes[0].seed"],
            ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Parse_WhenPropertyDiffersOnlyInCase_ShouldSuggestTheRightName()
    {
        var ex = Assert.Throws<InvalidRunConfigException>(() => RunConfigLoader.Parse("""{"characters": [{"name": "Tux"}], "SegmentSeconds": 30}"""));

        Assert.Contains("did you mean 'segmentSeconds'", Assert.Single(ex.Problems).Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenTypesAreWrong_ShouldReportEachWithItsPath()
    {
        const string json = """
            {"characters": {"name": "Tux"},
             "sampling": {"fps": "fast", "maxFrames": 1.5, "sceneAware": "yes"},
             "storyboard": {"scenes": [{"prompt": 3}]}}
            """;

        var ex = Assert.Throws<InvalidRunConfigException>(() => RunConfigLoader.Parse(json));

        Assert.Equal(
            ["characters", "sampling.fps", "sampling.maxFrames", "sampling.sceneAware", "storyboard.scenes[0].prompt"],
            ex.Problems.Select(p => p.Path));
    }

    [Fact]
    public void Parse_WhenNullGivenForNonNullableMember_ShouldReportIt()
    {
        var ex = Assert.Throws<InvalidRunConfigException>(() => RunConfigLoader.Parse("""{"characters": [{"name": "Tux"}], "sampling": null}"""));

        Assert.Equal("sampling", Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public void Parse_WhenNullGivenForOptionalMembers_ShouldAcceptIt()
    {
        var config = RunConfigLoader.Parse("""
            {"characters": [{"name": "Tux", "referencePrefix": null}],
             "selection": {"targetPerCharacter": null},
             "storyboard": {"scenes": [{"prompt": "Tux on ice", "negativePrompt": null}]}}
            """);

        Assert.Null(config.Storyboard.Scenes[0].NegativePrompt);
    }

    [Fact]
    public void Parse_WhenValuesAreOutOfRange_ShouldListEveryFieldPathValueAndRange()
    {
        const string json = """
            {"characters": [{"name": "Tux"}, {"name": "bad name"}],
             "sampling": {"fps": 0},
             "fineTuning": {"stepCount": 5, "batchSize": 500, "learningRate": 0.1},
             "storyboard": {"scenes": [
                {"prompt": "a"}, {"prompt": "b"},
                {"prompt": "c", "seed": 900000000, "width": 1000, "imagesPerScene": 9}]},
             "segmentSeconds": 1}
            """;

        var ex = Assert.Throws<InvalidRunConfigException>(() => RunConfigLoader.Parse(json));

        var byPath = ex.Problems.ToDictionary(p => p.Path);
        Assert.Equal(
            new[]
            {
                "characters[1].name", "sampling.fps", "fineTuning.stepCount", "fineTuning.batchSize", "fineTuning.learningRate",
                "storyboard.scenes[2].seed", "storyboard.scenes[2].width", "storyboard.scenes[2].imagesPerScene", "segmentSeconds",
            }.Order(),
            byPath.Keys.Order());
        Assert.Equal("900,000,000", byPath["storyboard.scenes[2].seed"].Value);
        Assert.Contains("858,993,459", byPath["storyboard.scenes[2].seed"].Rule, StringComparison.Ordinal);
        Assert.Contains("multiple of 16", byPath["storyboard.scenes[2].width"].Rule, StringComparison.Ordinal);
        Assert.Contains("9 problem(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("storyboard.scenes[2].seed = 900,000,000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenJsonIsMalformed_ShouldSayWhere()
    {
        var ex = Assert.Throws<InvalidRunConfigException>(() => RunConfigLoader.Parse("{\n  \"characters\": [\n}"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("(json)", problem.Path);
        Assert.StartsWith("line 3", problem.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    public void Parse_WhenRootIsNotAnObject_ShouldReject(string json)
    {
        var ex = Assert.Throws<InvalidRunConfigException>(() => RunConfigLoader.Parse(json));

        Assert.Equal("(root)", Assert.Single(ex.Problems).Path);
    }

    [Fact]
    public void Parse_WhenCommentsAndTrailingCommas_ShouldAcceptThem()
    {
        var config = RunConfigLoader.Parse("""
            {
              // who to look for
              "characters": [{"name": "Tux"},],
            }
            """);

        Assert.Single(config.Characters);
    }

    [Fact]
    public async Task LoadAsync_WhenStreamHoldsValidConfig_ShouldReadIt()
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"characters": [{"name": "Gnu", "description": "a gnu"}], "reviewGate": true}"""));

        var config = await RunConfigLoader.LoadAsync(stream);

        Assert.True(config.ReviewGate);
        Assert.Equal("a gnu", config.Characters[0].Description);
    }

    [Fact]
    public void Serialize_WhenParsedBack_ShouldRoundTrip()
    {
        var config = RunConfigLoader.Parse("""{"characters": [{"name": "Tux"}], "storyboard": {"scenes": [{"prompt": "Tux skiing", "seed": 7}]}}""");

        var json = RunConfigLoader.Serialize(config);
        var again = RunConfigLoader.Parse(json);

        Assert.Equal(json, RunConfigLoader.Serialize(again));
        Assert.Contains("\"segmentSeconds\":45", json, StringComparison.Ordinal);
    }
}
