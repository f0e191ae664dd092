using Storyboard.Core.Models;

namespace Storyboard.Core.Tests.Models;

public class ModelProfilesTests
{
    [Fact]
    public void Default_ShouldBeNovaCanvasWithItsDocumentedLimits()
    {
        var profile = ModelProfiles.Default;

        Assert.Equal("amazon.nova-canvas-v1:0", profile.BaseModelId);
        Assert.Equal(new IntRange(5, 10_000), profile.Dataset.Records);
        Assert.Equal(new IntRange(3, 1024), profile.Dataset.CaptionLength);
        Assert.Equal(new IntRange(512, 4096), profile.Dataset.Side);
        Assert.Equal(12_582_912, profile.Dataset.MaxPixels);
        Assert.Equal(4.0, profile.Dataset.MaxAspect);
        Assert.Equal(new IntRange(0, 858_993_459), profile.Inference.Seed);
        Assert.Equal(new IntRange(10, 20_000), profile.Hyperparameters.StepCount);
    }

    [Fact]
    public void Get_WhenIdIsKnown_ShouldReturnThatProfile()
    {
        Assert.Same(ModelProfiles.NovaCanvas, ModelProfiles.Get("amazon.nova-canvas-v1:0"));
    }

    [Theory]
    [InlineData("amazon.nova-canvas-v2:0")]
    [InlineData("AMAZON.NOVA-CANVAS-V1:0")]
    [InlineData("")]
    public void Get_WhenIdIsUnknown_ShouldThrowNamingTheKnownIds(string id)
    {
        var ex = Assert.Throws<UnknownModelProfileException>(() => ModelProfiles.Get(id));

        Assert.Contains("amazon.nova-canvas-v1:0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IntRange_ToString_ShouldReadAsBounds()
    {
        Assert.Equal("between 0 and 858,993,459", new IntRange(0, 858_993_459).ToString());
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.5)]
    public void DoubleRange_Contains_WhenOutsideOrNotFinite_ShouldBeFalse(double value)
    {
        Assert.False(new DoubleRange(0, 0.25).Contains(value));
    }
}
