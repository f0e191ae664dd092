using Storyboard.Core.Config;
using Storyboard.Core.Runs;

namespace Storyboard.Core.Tests.Runs;

public class RunIdsTests
{
    private static readonly string ConfigHash = RunIds.ConfigHash(new RunConfig { Characters = [new CharacterConfig { Name = "Tux" }] });

    [Fact]
    public void Derive_WhenSameVideoAndConfig_ShouldGiveTheSameId()
    {
        var first = RunIds.Derive("uploads/Big Buck Bunny.mp4", "\"9b2cf535f27731c974343645a3985328\"", ConfigHash);
        var second = RunIds.Derive("uploads/Big Buck Bunny.mp4", "9b2cf535f27731c974343645a3985328", ConfigHash);

        Assert.Equal(first, second);
        Assert.Matches("^big-buck-bunny-[0-9a-f]{12}$", first);
        Assert.True(RunIds.IsValid(first));
    }

    [Fact]
    public void Derive_WhenContentOrConfigOrKeyChanges_ShouldGiveADifferentId()
    {
        var baseline = RunIds.Derive("uploads/a.mp4", "etag1", ConfigHash);
        var otherConfig = RunIds.ConfigHash(new RunConfig { Characters = [new CharacterConfig { Name = "Gnu" }] });

        Assert.NotEqual(baseline, RunIds.Derive("uploads/a.mp4", "etag2", ConfigHash));
        Assert.NotEqual(baseline, RunIds.Derive("uploads/a.mp4", "etag1", otherConfig));
        Assert.NotEqual(baseline, RunIds.Derive("uploads/b/a.mp4", "etag1", ConfigHash));
    }

    [Fact]
    public void ConfigHash_WhenDefaultsAreWrittenOutOrOmitted_ShouldBeEqual()
    {
        var omitted = RunConfigLoader.Parse("""{"characters": [{"name": "Tux"}]}""");
        var explicitDefaults = RunConfigLoader.Parse("""{"characters": [{"name": "Tux"}], "segmentSeconds": 45, "sampling": {"fps": 1}}""");

        Assert.Equal(RunIds.ConfigHash(omitted), RunIds.ConfigHash(explicitDefaults));
    }

    [Theory]
    [InlineData("uploads/", "run-")]
    [InlineData("uploads/日本語.mp4", "run-")]
    [InlineData("uploads/--Hello__World!!.MOV", "hello-world-")]
    [InlineData("uploads/a-very-long-file-name-that-keeps-going-and-going.mp4", "a-very-long-file-name-that-keeps-")]
    public void Derive_WhenFileNameIsOdd_ShouldStillGiveAValidId(string key, string expectedStart)
    {
        var id = RunIds.Derive(key, "etag", ConfigHash);

        Assert.True(RunIds.IsValid(id), id);
        Assert.StartsWith(expectedStart, id, StringComparison.Ordinal);
        Assert.True(id.Length <= RunIds.MaxLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("Run-1")]
    [InlineData("run--1")]
    [InlineData("-run")]
    [InlineData("run-")]
    [InlineData("run/1")]
    [InlineData("run 1")]
    [InlineData("a234567890123456789012345678901234567890123456")]
    public void Validate_WhenIdIsNotUsable_ShouldThrowNamedException(string? id)
    {
        Assert.Throws<InvalidRunIdException>(() => RunIds.Validate(id));
    }

    [Fact]
    public void Derive_WhenArgumentsAreEmpty_ShouldThrow()
    {
        Assert.ThrowsAny<ArgumentException>(() => RunIds.Derive("", "e", ConfigHash));
        Assert.ThrowsAny<ArgumentException>(() => RunIds.Derive("k", "", ConfigHash));
    }
}
