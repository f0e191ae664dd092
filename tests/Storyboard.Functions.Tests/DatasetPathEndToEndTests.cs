using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Storyboard.Core.Captions;
using Storyboard.Core.Dataset;
using Storyboard.Core.Models;
using Storyboard.Core.Storage;
using Storyboard.Core.Vision;
using Storyboard.Local.Captions;
using Storyboard.Core.Imaging;

namespace Storyboard.Functions.Tests;

/// <summary>The dataset path end to end: handlers called in workflow order on a clip with two known characters.</summary>
[Collection(DatasetPathCollection.Name)]
public sealed partial class DatasetPathEndToEndTests(DatasetPathFixture fixture)
{
    [Fact]
    public void PrepareRun_WhenGivenAClip_ShouldReturnTheRunContextTheWorkflowReads()
    {
        var run = fixture.First.Run!;

        Assert.Matches("^runs/two-characters-[0-9a-f]{12}/$", (string)run["runPrefix"]!);
        Assert.Equal((string)run["runPrefix"]! + "plan.json", (string)run["segmentsKey"]!);
        Assert.Equal(RunFolderBucket, (string)run["bucket"]!);
        Assert.Equal("local", (string)run["services"]!);
        Assert.True((bool)run["datasetOnly"]!);
        Assert.Equal(ModelProfiles.NovaCanvasId, (string)run["baseModel"]!);
        Assert.Equal(2, fixture.First.Children.Sum(c => c["segments"]!.AsArray().Count));
    }

    [Fact]
    public async Task BuildDataset_WhenRunOnTheClip_ShouldWriteADatasetThatPassesEveryNovaCanvasLimit()
    {
        var dataset = fixture.First.Dataset!;
        var records = (int)dataset["records"]!;
        var store = fixture.Folder.Store;
        var facts = new Dictionary<string, ImageFacts>(StringComparer.Ordinal);
        foreach (var line in (await store.ReadTextAsync((string)dataset["trainKey"]!)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var imageRef = (string)JsonNode.Parse(line)!["image-ref"]!;
            Assert.StartsWith($"s3://{RunFolderBucket}/{fixture.RunPrefix}crops/", imageRef, StringComparison.Ordinal);
            var bytes = await store.ReadBytesAsync(imageRef[$"s3://{RunFolderBucket}/".Length..]);
            var image = PngDecoder.Decode(bytes);
            facts[imageRef] = new ImageFacts(ImageFormat.Png, image.Width, image.Height, bytes.Length);
        }

        await using var manifest = await store.OpenReadAsync((string)dataset["trainKey"]!);
        var report = await DatasetValidator.ValidateAsync(manifest, new DictionaryImageFactsLookup(facts), ModelProfiles.NovaCanvas);

        Assert.True(report.IsValid, string.Join(Environment.NewLine, report.Violations));
        Assert.InRange(records, 5, 10_000);
        Assert.Equal(records, report.RecordCount);
        Assert.Equal($"s3://{RunFolderBucket}/{fixture.RunPrefix}dataset/train.jsonl", (string)dataset["trainS3Uri"]!);
    }

    [Fact]
    public async Task ExtractFrames_WhenRunOnTheClip_ShouldStoreASmallPngWorkingCopyBesideEveryFrame()
    {
        var indexes = await ListAsync(fixture.RunPrefix + "frames-index/");
        var store = fixture.Folder.Store;

        Assert.NotEmpty(indexes);
        foreach (var index in indexes)
        {
            var frames = JsonNode.Parse(await store.ReadTextAsync(index))!["frames"]!.AsArray();
            Assert.NotEmpty(frames);
            foreach (var frame in frames)
            {
                var key = (string)frame!["key"]!;
                var working = (string)frame["workingKey"]!;
                Assert.Equal(key.Replace("/frames/", "/frames-work/", StringComparison.Ordinal)[..^4] + ".png", working);
                var image = PngDecoder.Decode(await store.ReadBytesAsync(working));
                Assert.Equal((640, 360), (image.Width, image.Height));
            }
        }
    }

    [Fact]
    public async Task CaptionBatch_WhenCaptioningTheClip_ShouldNameEveryCharacterOfEveryCropAndSayItIsATemplate()
    {
        var items = await ReadLinesAsync(fixture.RunPrefix + "dataset/items.jsonl");
        var names = new[] { "Dino", "Teddy" };

        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var caption = (string)item["caption"]!;
            var characters = item["characters"]!.AsArray().Select(c => (string)c!).ToList();
            Assert.NotEmpty(characters);
            Assert.All(characters, c => Assert.True(CaptionRules.ContainsWord(caption, c, StringComparison.Ordinal), $"'{caption}' does not name {c}"));
            Assert.All(names.Except(characters), c => Assert.False(CaptionRules.ContainsWord(caption, c, StringComparison.Ordinal), $"'{caption}' names {c}, who is not in the crop"));
        }

        Assert.True(items.Select(i => (string)i["caption"]!).Distinct().Count() > 1, "every caption is the same sentence");
        foreach (var key in await ListAsync(fixture.RunPrefix + "captions/"))
        {
            Assert.Equal(TemplateCaptioner.ServiceName, (string)JsonNode.Parse(await fixture.Folder.Store.ReadTextAsync(key))!["service"]!);
        }
    }

    [Fact]
    public async Task DetectCharacters_WhenRunOnTheClip_ShouldPutEveryBoxOnTheCharacter()
    {
        var detections = await ReadLinesAsync(fixture.RunPrefix + "detections.jsonl");
        var frames = detections.Select(d => (string)d["frame"]!).Distinct().Count();

        foreach (var d in detections)
        {
            var time = (double)d["timeSeconds"]!;
            var character = (string)d["character"]!;
            var box = d["box"]!;
            var found = new RelativeBox((double)box["left"]!, (double)box["top"]!, (double)box["width"]!, (double)box["height"]!);
            var iou = found.IntersectionOverUnion(fixture.Clip.Truth(character, time));
            Assert.True(iou >= 0.5, $"{character} at {time:0.000} s: IoU {iou:0.00} with the true position");
            Assert.InRange((double)d["confidence"]!, 0, 1);
        }

        // Both characters are on screen in every frame after the black second, so every kept frame should show both.
        var filters = new List<JsonNode>();
        foreach (var key in await ListAsync(fixture.RunPrefix + "filtered/"))
        {
            filters.Add(JsonNode.Parse(await fixture.Folder.Store.ReadTextAsync(key))!);
        }

        var kept = filters.Sum(f => f["kept"]!.AsArray().Count);
        Assert.True(kept >= 10, $"only {kept} frames kept by the filters");
        Assert.True(frames >= kept * 0.9, $"detections in {frames} of {kept} kept frames");
        foreach (var name in new[] { "Dino", "Teddy" })
        {
            var count = detections.Count(d => (string)d["character"]! == name);
            Assert.True(count >= kept * 0.9, $"{name} found in {count} of {kept} kept frames");
        }
    }

    [Fact]
    public async Task FilterFrames_WhenTheClipStartsBlack_ShouldDropTheBlackFrameWithItsReason()
    {
        var dropped = new List<JsonNode>();
        foreach (var key in await ListAsync(fixture.RunPrefix + "filtered/"))
        {
            dropped.AddRange(JsonNode.Parse(await fixture.Folder.Store.ReadTextAsync(key))!["dropped"]!.AsArray()!);
        }

        var black = Assert.Single(dropped, d => (string)d!["reason"]! == "black");
        Assert.True((double)black!["timeSeconds"]! < 1);
        Assert.Contains("mean luma", (string)black["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void DatasetPath_WhenRunAgainOneItemAtATimeInsteadOfFour_ShouldWriteByteIdenticalFiles()
    {
        Assert.Equal(fixture.FirstFiles.Keys, fixture.SecondFiles.Keys);
        foreach (var (key, bytes) in fixture.FirstFiles)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(fixture.SecondFiles[key]), $"{key} changed on the second run");
        }

        Assert.Equal(fixture.First.Run!.ToJsonString(), fixture.Second.Run!.ToJsonString());
        Assert.Equal(fixture.First.Dataset!.ToJsonString(), fixture.Second.Dataset!.ToJsonString());
    }

    [Fact]
    public async Task BuildDataset_WhenDone_ShouldExportEachImageBesideItsCaptionWithMetadata()
    {
        var prefix = fixture.RunPrefix + "dataset/export/";
        var metadata = await ReadLinesAsync(prefix + "metadata.jsonl");

        Assert.Equal((int)fixture.First.Dataset!["records"]!, metadata.Count);
        foreach (var line in metadata)
        {
            var fileName = (string)line["file_name"]!;
            Assert.EndsWith(".png", fileName, StringComparison.Ordinal);
            Assert.Equal((string)line["text"]!, await fixture.Folder.Store.ReadTextAsync(prefix + Path.ChangeExtension(fileName, ".txt")));
            Assert.True(await fixture.Folder.Store.ExistsAsync(prefix + fileName));
        }
    }

    [Fact]
    public async Task BuildDataset_WhenDone_ShouldWriteAReportWhoseImagesResolveInTheRunFolder()
    {
        var reportKey = (string)fixture.First.Dataset!["reportKey"]!;
        var html = await fixture.Folder.Store.ReadTextAsync(reportKey);
        var sources = ImageSource().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("Kept crops", html, StringComparison.Ordinal);
        Assert.Contains("Frames dropped by the filters", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Dino", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Teddy", html, StringComparison.Ordinal);
        Assert.NotEmpty(sources);
        var reportFolder = Path.GetDirectoryName(Path.Combine(fixture.Folder.Output, reportKey))!;
        Assert.All(sources, src => Assert.True(File.Exists(Path.GetFullPath(Path.Combine(reportFolder, src))), $"{src} does not resolve"));
    }

    private const string RunFolderBucket = TestSupport.RunFolder.Bucket;

    [GeneratedRegex("<img[^>]* src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    private async Task<List<JsonNode>> ReadLinesAsync(string key) =>
        (await fixture.Folder.Store.ReadTextAsync(key)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

    private async Task<List<string>> ListAsync(string prefix)
    {
        var keys = new List<string>();
        await foreach (var info in fixture.Folder.Store.ListAsync(prefix))
        {
            keys.Add(info.Key);
        }

        return keys;
    }
}
