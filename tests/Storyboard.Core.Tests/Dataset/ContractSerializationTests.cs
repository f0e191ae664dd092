using System.Text;
using System.Text.Json;
using Storyboard.Core.Cropping;
using Storyboard.Core.Dataset;
using Storyboard.Core.Json;
using Storyboard.Core.Selection;

namespace Storyboard.Core.Tests.Dataset;

public class ContractSerializationTests
{
    [Fact]
    public void DetectionLine_ShouldReadTheDesignExampleExactly()
    {
        const string json = """{"timeSeconds": 12.0, "frame": "runs/r/frames/seg-0000/000012000.jpg", "character": "Tux", "box": {"left": 0.31, "top": 0.12, "width": 0.2, "height": 0.55}, "confidence": 0.91}""";

        var line = JsonSerializer.Deserialize(json, CoreJsonContext.Default.DetectionLine)!;

        Assert.Equal(new DetectionLine(12.0, "runs/r/frames/seg-0000/000012000.jpg", "Tux", new BoundingBox(0.31, 0.12, 0.2, 0.55), 0.91), line);
        Assert.Equal(
            """{"timeSeconds":12,"frame":"runs/r/frames/seg-0000/000012000.jpg","character":"Tux","box":{"left":0.31,"top":0.12,"width":0.2,"height":0.55},"confidence":0.91}""",
            JsonSerializer.Serialize(line, CoreJsonContext.Default.DetectionLine));
    }

    [Fact]
    public void TrainingRecord_ShouldUseTheHyphenatedImageRefKey()
    {
        var json = JsonSerializer.Serialize(new TrainingRecord("s3://b/k.png", "Tux waves"), CoreJsonContext.Default.TrainingRecord);

        Assert.Equal("""{"image-ref":"s3://b/k.png","caption":"Tux waves"}""", json);
    }

    [Fact]
    public void DatasetItem_ShouldWriteTheDesignKeys()
    {
        var item = new DatasetItem("s3://b/k.png", ["Tux"], 12.5, "runs/r/frames/seg-0000/000012500.jpg", new BoundingBox(0.1, 0.2, 0.3, 0.4), "Tux waves");

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(item, CoreJsonContext.Default.DatasetItem));

        Assert.Equal(
            ["image-ref", "characters", "timeSeconds", "sourceFrame", "box", "caption"],
            document.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("""{"image-ref": "s3://b/k.png"}""")]
    [InlineData("""{"image-ref": "s3://b/k.png", "caption": "x", "extra": 1}""")]
    [InlineData("""{"image-ref": null, "caption": "x"}""")]
    public void TrainingRecord_WhenShapeIsWrong_ShouldRefuseToRead(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(json, CoreJsonContext.Default.TrainingRecord));
    }

    [Fact]
    public async Task JsonLines_ShouldRoundTripOneCompactObjectPerLine()
    {
        var records = new[] { new TrainingRecord("s3://b/1.png", "Tux one"), new TrainingRecord("s3://b/2.png", "Tux two") };
        using var stream = new MemoryStream();

        await JsonLines.WriteAsync(stream, records, CoreJsonContext.Default.TrainingRecord);
        var text = Encoding.UTF8.GetString(stream.ToArray());
        stream.Position = 0;
        var read = new List<TrainingRecord>();
        await foreach (var record in JsonLines.ReadAsync(stream, CoreJsonContext.Default.TrainingRecord))
        {
            read.Add(record);
        }

        Assert.Equal(2, text.Count(c => c == '\n'));
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal(records, read);
    }

    [Fact]
    public async Task JsonLines_WhenALineIsBad_ShouldNameItsLineNumber()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("{\"image-ref\":\"s3://b/1.png\",\"caption\":\"a b\"}\n\n{\"caption\":1}\n"));

        var ex = await Assert.ThrowsAsync<JsonLinesFormatException>(async () =>
        {
            await foreach (var _ in JsonLines.ReadAsync(stream, CoreJsonContext.Default.TrainingRecord))
            {
            }
        });

        Assert.Equal(3, ex.LineNumber);
        Assert.StartsWith("Line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SelectionResult_ShouldWriteReasonsAsNames()
    {
        var result = new SelectionResult(0.92, null, ["a"], [new Replacement("b", "a", 0.95, ReplacementReason.NearDuplicate)], [], []);

        var json = JsonSerializer.Serialize(result, CoreJsonContext.Default.SelectionResult);

        Assert.Contains("\"reason\":\"NearDuplicate\"", json, StringComparison.Ordinal);
        Assert.Contains("\"targetPerCharacter\":null", json, StringComparison.Ordinal);
        Assert.Equal(result.Kept, JsonSerializer.Deserialize(json, CoreJsonContext.Default.SelectionResult)!.Kept);
    }

    [Fact]
    public void CropRecord_ShouldRoundTripWithItsEmbedding()
    {
        var record = new CropRecord("runs/r/crops/Tux/000001000-0.png", ["Tux"], 1.0, "runs/r/frames/seg-0000/000001000.jpg", new BoundingBox(0.1, 0.2, 0.3, 0.4), 0.8, 512, 640, 123_456, [0.5f, -0.25f]);

        var json = JsonSerializer.Serialize(record, CoreJsonContext.Default.CropRecord);
        var read = JsonSerializer.Deserialize(json, CoreJsonContext.Default.CropRecord)!;

        Assert.Equal([0.5f, -0.25f], read.Embedding);
        Assert.Equal(record.Key, read.ToCandidate().Id);
        Assert.Contains("\"embedding\":[0.5,-0.25]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportMetadataLine_ShouldUseTheFolderConventionKeys()
    {
        Assert.Equal(
            """{"file_name":"000001000-0.png","text":"Tux waves"}""",
            JsonSerializer.Serialize(new ExportMetadataLine("000001000-0.png", "Tux waves"), CoreJsonContext.Default.ExportMetadataLine));
    }
}
