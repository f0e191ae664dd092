using Storyboard.Core.Models;
using Storyboard.Core.Requests;

namespace Storyboard.Core.Tests.Requests;

public class TextImageRequestValidatorTests
{
    private static readonly TextImageRequest Valid = new("Tux skiing down a hill", null, 1024, 1024, 6.5, 42, 1);

    private static List<string> Paths(TextImageRequest request) =>
        TextImageRequestValidator.Validate(request, ModelProfiles.NovaCanvas).Select(p => p.Path).ToList();

    [Fact]
    public void Validate_WhenRequestIsTypical_ShouldFindNothing()
    {
        Assert.Empty(Paths(Valid));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(858_993_459)]
    public void Validate_WhenSeedAtBound_ShouldAccept(long seed)
    {
        Assert.Empty(Paths(Valid with { Seed = seed }));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(858_993_460)]
    [InlineData(long.MaxValue)]
    public void Validate_WhenSeedOutside_ShouldReject(long seed)
    {
        Assert.Equal(["seed"], Paths(Valid with { Seed = seed }));
    }

    [Theory]
    [InlineData(320, 1280)]
    [InlineData(2048, 2048)]
    [InlineData(4096, 1024)]
    [InlineData(1280, 720)]
    public void Validate_WhenSizeMeetsEveryRule_ShouldAccept(int width, int height)
    {
        Assert.Empty(Paths(Valid with { Width = width, Height = height }));
    }

    [Theory]
    [InlineData(304, 1024, "width")]
    [InlineData(1024, 4112, "height")]
    [InlineData(1000, 1024, "width")]
    [InlineData(2048, 2064, "width")]
    [InlineData(320, 1296, "width")]
    [InlineData(0, 0, "width", "height")]
    public void Validate_WhenSizeBreaksARule_ShouldReport(int width, int height, params string[] paths)
    {
        Assert.Equal(paths, Paths(Valid with { Width = width, Height = height }));
    }

    [Fact]
    public void Validate_WhenEverythingIsWrong_ShouldReportEveryProblemAtOnce()
    {
        var request = new TextImageRequest("", "", 100, 5000, 0.5, -3, 6);

        var problems = TextImageRequestValidator.Validate(request, ModelProfiles.NovaCanvas, "scene");

        Assert.Equal(
            ["scene.text", "scene.negativeText", "scene.width", "scene.height", "scene.cfgScale", "scene.seed", "scene.numberOfImages"],
            problems.Select(p => p.Path));
    }

    [Fact]
    public void Validate_WhenPromptTooLong_ShouldGiveItsLength()
    {
        var problem = Assert.Single(TextImageRequestValidator.Validate(Valid with { Text = new string('a', 1025) }, ModelProfiles.NovaCanvas));

        Assert.Contains("1025", problem.Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1.1)]
    [InlineData(10)]
    public void Validate_WhenCfgScaleAtBound_ShouldAccept(double cfg)
    {
        Assert.Empty(Paths(Valid with { CfgScale = cfg }));
    }

    [Fact]
    public void InvalidRequestException_ShouldListEveryProblemInItsMessage()
    {
        var problems = TextImageRequestValidator.Validate(Valid with { Seed = -1, NumberOfImages = 0 }, ModelProfiles.NovaCanvas);

        var ex = new InvalidRequestException(problems);

        Assert.Contains("seed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("numberOfImages", ex.Message, StringComparison.Ordinal);
    }
}
