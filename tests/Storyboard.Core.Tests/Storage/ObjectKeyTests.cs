using Storyboard.Core.Storage;

namespace Storyboard.Core.Tests.Storage;

public sealed class ObjectKeyTests
{
    [Theory]
    [InlineData("runs/r1/plan.json")]
    [InlineData("uploads/Mon film d'été.mp4")]
    [InlineData("characters/Dino/ref 1.png")]
    [InlineData("runs/r1/")]
    [InlineData(".hidden/file")]
    public void Validate_WhenKeyIsSafe_ShouldReturnIt(string key)
    {
        Assert.Equal(key, ObjectKey.Validate(key));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("/abs/path", "relative")]
    [InlineData("C:/x", "relative")]
    [InlineData("a/../b", "'..'")]
    [InlineData("./a", "'.'")]
    [InlineData("a//b", "empty segment")]
    [InlineData("a\\b", "'/'")]
    [InlineData("a\nb", "control character")]
    [InlineData("a\u007fb", "control character")]
    public void Validate_WhenKeyIsUnsafe_ShouldNameTheProblem(string key, string expected)
    {
        var ex = Assert.Throws<InvalidObjectKeyException>(() => ObjectKey.Validate(key));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenKeyExceeds1024Utf8Bytes_ShouldThrow()
    {
        // 512 two-byte characters are 1024 bytes: the limit itself is allowed, one more byte is not.
        Assert.Equal(512, ObjectKey.Validate(new string('é', 512)).Length);
        Assert.Throws<InvalidObjectKeyException>(() => ObjectKey.Validate(new string('é', 512) + "a"));
    }

    [Fact]
    public void Combine_ShouldJoinWithSingleSlashes()
    {
        Assert.Equal("runs/r1/frames/seg-0001/1000.jpg", ObjectKey.Combine("runs/", "/r1/", "frames", "", "seg-0001/1000.jpg"));
    }
}
