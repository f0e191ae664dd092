using Storyboard.Core.Models;
using Storyboard.Core.Requests;

namespace Storyboard.Core.Tests.Requests;

public class HyperparameterValidatorTests
{
    [Theory]
    [InlineData(10, 8, 1e-7)]
    [InlineData(20_000, 192, 1e-4)]
    [InlineData(500, 8, 1e-5)]
    public void Validate_WhenAtOrInsideBounds_ShouldFindNothing(int steps, int batch, double rate)
    {
        Assert.Empty(HyperparameterValidator.Validate(new FineTuningHyperparameters(steps, batch, rate), ModelProfiles.NovaCanvas));
    }

    [Fact]
    public void Validate_WhenEveryValueIsOut_ShouldReportAllThree()
    {
        var problems = HyperparameterValidator.Validate(new FineTuningHyperparameters(9, 193, double.NaN), ModelProfiles.NovaCanvas, "fineTuning");

        Assert.Equal(["fineTuning.stepCount", "fineTuning.batchSize", "fineTuning.learningRate"], problems.Select(p => p.Path));
        Assert.Contains("8 and 192", problems[1].Rule, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 8, 1e-5, "stepCount")]
    [InlineData(500, 7, 1e-5, "batchSize")]
    [InlineData(500, 8, 1.1e-4, "learningRate")]
    [InlineData(500, 8, 0, "learningRate")]
    [InlineData(500, 8, -1e-5, "learningRate")]
    public void Validate_WhenOneValueIsJustOutside_ShouldNameIt(int steps, int batch, double rate, string path)
    {
        var problem = Assert.Single(HyperparameterValidator.Validate(new FineTuningHyperparameters(steps, batch, rate), ModelProfiles.NovaCanvas));

        Assert.Equal(path, problem.Path);
    }

    [Fact]
    public void ToApiMap_ShouldSendPlainDecimalStrings()
    {
        var map = new FineTuningHyperparameters(500, 8, 1e-7).ToApiMap();

        Assert.Equal("500", map["stepCount"]);
        Assert.Equal("8", map["batchSize"]);
        Assert.Equal("0.0000001", map["learningRate"]);
    }
}
