using System.Text;
using Storyboard.Core.Dataset;
using Storyboard.Core.Models;

namespace Storyboard.Core.Tests.Dataset;

public class DatasetValidatorTests
{
    private static readonly ImageFacts GoodImage = new(ImageFormat.Png, 1024, 768, 900_000);

    private static string Line(int i, string caption = "Tux waves") =>
        $"{{\"image-ref\": \"s3://storyboard-bucket/runs/r/crops/Tux/{i:000000000}-0.png\", \"caption\": \"{caption}\"}}";

    private static Dictionary<string, ImageFacts> FactsFor(int count, ImageFacts? facts = null) =>
        Enumerable.Range(0, count).ToDictionary(i => $"s3://storyboard-bucket/runs/r/crops/Tux/{i:000000000}-0.png", _ => facts ?? GoodImage);

    private static async Task<DatasetValidationReport> Validate(string manifest, IReadOnlyDictionary<string, ImageFacts> facts)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(manifest));
        return await DatasetValidator.ValidateAsync(stream, new DictionaryImageFactsLookup(facts), ModelProfiles.NovaCanvas);
    }

    private static string Manifest(int count) => string.Join('\n', Enumerable.Range(0, count).Select(i => Line(i))) + "\n";

    [Fact]
    public async Task ValidateAsync_WhenFiveGoodRecords_ShouldPass()
    {
        var report = await Validate(Manifest(5), FactsFor(5));

        Assert.True(report.IsValid, string.Join("; ", report.Violations));
        Assert.Equal(5, report.RecordCount);
    }

    [Fact]
    public async Task ValidateAsync_WhenTooFewRecords_ShouldReportAFileLevelViolation()
    {
        var report = await Validate(Manifest(4), FactsFor(4));

        var violation = Assert.Single(report.Violations);
        Assert.Equal((0, "records"), (violation.Line, violation.Field));
        Assert.Contains("between 5 and 10,000", violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_WhenManifestIsEmpty_ShouldReportZeroRecords()
    {
        var report = await Validate(string.Empty, FactsFor(0));

        Assert.Equal(0, report.RecordCount);
        Assert.Equal("records", Assert.Single(report.Violations).Field);
    }

    [Fact]
    public async Task ValidateAsync_WhenManyLinesAreBad_ShouldReportEveryOneWithItsLineNumber()
    {
        var lines = new[]
        {
            Line(0),
            "",
            "not json at all",
            "[1, 2]",
            "{\"image-ref\": \"https://example.com/a.png\", \"caption\": \"Tux\"}",
            "{\"image-ref\": \"s3://storyboard-bucket/x.png\", \"caption\": \"ab\", \"extra\": 1}",
            "{\"caption\": 5}",
            Line(1),
        };
        var facts = FactsFor(2);
        facts["s3://storyboard-bucket/x.png"] = GoodImage;

        var report = await Validate(string.Join('\n', lines), facts);

        Assert.Equal(
            [
                (2, "line"), (3, "line"), (4, "line"), (5, "image-ref"),
                (6, "extra"), (6, "caption"), (7, "caption"), (7, "image-ref"),
            ],
            report.Violations.Select(v => (v.Line, v.Field)));
        Assert.Equal(7, report.RecordCount);
    }

    [Fact]
    public async Task ValidateAsync_WhenAnImageBreaksSeveralLimits_ShouldReportEachLimit()
    {
        var facts = FactsFor(5);
        facts[facts.Keys.First()] = new ImageFacts(ImageFormat.Unknown, 5000, 300, 60_000_000);

        var report = await Validate(Manifest(5), facts);

        Assert.All(report.Violations, v => Assert.Equal((1, "image"), (v.Line, v.Field)));
        var messages = string.Join(" | ", report.Violations.Select(v => v.Message));
        Assert.Contains("format Unknown", messages, StringComparison.Ordinal);
        Assert.Contains("width 5000", messages, StringComparison.Ordinal);
        Assert.Contains("height 300", messages, StringComparison.Ordinal);
        Assert.Contains("60,000,000 bytes", messages, StringComparison.Ordinal);
        Assert.Equal(4, report.Violations.Count);
    }

    [Theory]
    [InlineData(4096, 4096, "pixels")]
    [InlineData(2052, 512, "aspect")]
    [InlineData(512, 2052, "aspect")]
    public async Task ValidateAsync_WhenPixelsOrAspectOutOfBounds_ShouldReport(int width, int height, string expected)
    {
        var facts = FactsFor(5);
        facts[facts.Keys.Last()] = new ImageFacts(ImageFormat.Jpeg, width, height, 1000);

        var report = await Validate(Manifest(5), facts);

        var violation = Assert.Single(report.Violations);
        Assert.Equal(5, violation.Line);
        Assert.Contains(expected, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_WhenImageIsUnknown_ShouldSaySo()
    {
        var facts = FactsFor(5);
        facts.Remove(facts.Keys.First());

        var report = await Validate(Manifest(5), facts);

        Assert.Contains("no image found", Assert.Single(report.Violations).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_WhenCaptionLengthIsAtTheBounds_ShouldAcceptOnlyInside()
    {
        var lines = new[] { Line(0, "abc"), Line(1, new string('x', 1024)), Line(2, "ab"), Line(3, new string('x', 1025)), Line(4) };

        var report = await Validate(string.Join('\n', lines), FactsFor(5));

        Assert.Equal([3, 4], report.Violations.Select(v => v.Line));
    }

    [Fact]
    public async Task ValidateAsync_WhenAKeyRepeats_ShouldReportTheRepeat()
    {
        var line = "{\"image-ref\": \"s3://storyboard-bucket/runs/r/crops/Tux/000000000-0.png\", \"caption\": \"Tux\", \"caption\": \"Tux again\"}";

        var report = await Validate(string.Join('\n', new[] { line }.Concat(Enumerable.Range(1, 4).Select(i => Line(i)))), FactsFor(5));

        Assert.Contains("more than once", Assert.Single(report.Violations).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateAsync_WhenFileEndsWithABlankLine_ShouldFlagIt()
    {
        var report = await Validate(Manifest(5) + "\n", FactsFor(5));

        Assert.Equal((6, "line"), (Assert.Single(report.Violations).Line, report.Violations[0].Field));
    }

    [Theory]
    [InlineData("s3://bucket/key.png", true)]
    [InlineData("s3://my.bucket-1/a/b/c.jpg", true)]
    [InlineData("s3://Bucket/key.png", false)]
    [InlineData("s3://ab/key.png", false)]
    [InlineData("s3://bucket/", false)]
    [InlineData("s3://bucket", false)]
    [InlineData("s3:///key", false)]
    [InlineData("S3://bucket/key", false)]
    [InlineData("s3://bucket/dir/", false)]
    [InlineData("s3://bu..cket/key", false)]
    public void S3Uri_TryParse_ShouldAcceptOnlyObjectUris(string text, bool expected)
    {
        Assert.Equal(expected, S3Uri.TryParse(text, out var uri, out var problem));
        Assert.Equal(expected, uri is not null);
        Assert.Equal(expected, problem.Length == 0);
    }
}
