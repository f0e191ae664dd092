using System.Text.RegularExpressions;
using Storyboard.Aws.Rekognition;

namespace Storyboard.Aws.Tests.Rekognition;

public sealed partial class ExternalImageIdsTests
{
    [Theory]
    [InlineData("Tux", "Tux")]
    [InlineData("Mr. Snow", "Mr.:20Snow")]
    [InlineData("a:b/c", "a:3Ab:2Fc")]
    [InlineData("Pingu ❄", "Pingu:20:E2:9D:84")]
    public void Encode_WhenGivenANameWithDisallowedCharacters_ShouldEscapeThemReversibly(string name, string expected)
    {
        var encoded = ExternalImageIds.Encode(name);

        Assert.Equal(expected, encoded);
        Assert.Equal(name, ExternalImageIds.Decode(encoded));
    }

    [Fact]
    public void Encode_WhenGivenRandomUnicodeNames_ShouldAlwaysMatchRekognitionsPatternAndRoundTrip()
    {
        var random = new Random(11);
        for (var n = 0; n < 2000; n++)
        {
            var chars = Enumerable.Range(0, random.Next(1, 20)).Select(_ => (char)random.Next(0x20, 0xD7FF)).ToArray();
            var name = new string(chars);

            var encoded = ExternalImageIds.Encode(name);

            Assert.Matches(AllowedPattern(), encoded);
            Assert.Equal(name, ExternalImageIds.Decode(encoded));
        }
    }

    [Fact]
    public void Encode_WhenTheResultWouldExceed255Characters_ShouldThrowWithAdvice()
    {
        var error = Assert.Throws<ArgumentException>(() => ExternalImageIds.Encode(new string('/', 100)));

        Assert.Contains("shorter name", error.Message, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^[a-zA-Z0-9_.\-:]+$")]
    private static partial Regex AllowedPattern();
}
