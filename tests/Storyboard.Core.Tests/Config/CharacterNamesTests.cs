using Storyboard.Core.Config;

namespace Storyboard.Core.Tests.Config;

public class CharacterNamesTests
{
    [Theory]
    [InlineData("Tux")]
    [InlineData("T")]
    [InlineData("Captain_Gnu")]
    [InlineData("R2-D2")]
    [InlineData("Abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij1234")]
    public void IsValid_WhenNameIsKeyAndCaptionSafe_ShouldAccept(string name)
    {
        Assert.True(CharacterNames.IsValid(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("tux penguin")]
    [InlineData("2Tux")]
    [InlineData("Tux-")]
    [InlineData("_Tux")]
    [InlineData("Tux/Gnu")]
    [InlineData("Tux\n")]
    [InlineData("Tüx")]
    [InlineData("Tux.png")]
    [InlineData("Abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij12345")]
    public void IsValid_WhenNameCouldBreakKeysOrCaptions_ShouldReject(string? name)
    {
        Assert.False(CharacterNames.IsValid(name));
    }
}
