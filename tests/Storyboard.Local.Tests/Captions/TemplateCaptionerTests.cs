using Storyboard.Core.Captions;
using Storyboard.Core.Config;
using Storyboard.Core.Imaging;
using Storyboard.Core.Models;
using Storyboard.Core.Vision;
using Storyboard.Local.Captions;

namespace Storyboard.Local.Tests.Captions;

public sealed class TemplateCaptionerTests
{
    private static readonly CaptionRuleSet Rules = CaptionRuleSet.For(ModelProfiles.NovaCanvas, new CaptionConfig());

    [Fact]
    public async Task CaptionAsync_WhenTwoCharactersAreTogether_ShouldNameBothAndPassTheCaptionRules()
    {
        var request = Request("runs/r/crops/Dino/000001000-0.png", Grey(128), ("Dino", new RelativeBox(0.1, 0.2, 0.3, 0.5)), ("Teddy", new RelativeBox(0.5, 0.2, 0.3, 0.5)));

        var answer = await new TemplateCaptioner().CaptionAsync(request, CancellationToken.None);

        var check = CaptionRules.FromModelOutput(answer, ["Dino", "Teddy"], ["Tux"], Rules);
        Assert.True(check.IsValid, string.Join("; ", check.Problems));
        Assert.Matches("together|side by side", check.Caption);
        Assert.Contains(TemplateCaptioner.ServiceName, answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.7, 0.05, 40, "close-up", "left", "dim|dark")]
    [InlineData(0.4, 0.35, 128, "medium shot", "centre|middle", "soft|gentle")]
    [InlineData(0.2, 0.8, 230, "wide shot", "right", "bright|strong")]
    public void Compose_ShouldDescribeShotSizePlacementAndLightFromTheMeasurements(double height, double left, byte grey, string shot, string place, string light)
    {
        var caption = TemplateCaptioner.Compose(Request("k", Grey(grey), ("Dino", new RelativeBox(left, 0.1, 0.15, height))));

        Assert.Contains(shot, caption, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(place, caption);
        Assert.Matches(light, caption);
    }

    [Fact]
    public void Compose_WhenCropKeysDiffer_ShouldVaryThePhrasingDeterministically()
    {
        var captions = Enumerable.Range(0, 20)
            .Select(i => TemplateCaptioner.Compose(Request($"runs/r/crops/Dino/{i:000000000}-0.png", Grey(128), ("Dino", new RelativeBox(0.4, 0.1, 0.2, 0.5)))))
            .ToList();
        var again = TemplateCaptioner.Compose(Request("runs/r/crops/Dino/000000003-0.png", Grey(128), ("Dino", new RelativeBox(0.4, 0.1, 0.2, 0.5))));

        Assert.True(captions.Distinct().Count() >= 4, "fewer than 4 phrasings over 20 crops");
        Assert.Equal(captions[3], again);
        Assert.All(captions, c => Assert.True(CaptionRules.Check(c, ["Dino"], [], Rules).IsValid, c));
    }

    private static CaptionRequest Request(string key, RgbImage image, params (string Name, RelativeBox Box)[] subjects) =>
        new(key, image, subjects.Select(s => new CaptionSubject(s.Name, string.Empty, s.Box)).ToList(), string.Empty, 300, 1, 0);

    private static RgbImage Grey(byte value)
    {
        var pixels = new byte[16 * 16 * 3];
        Array.Fill(pixels, value);
        return new RgbImage(16, 16, pixels);
    }
}
