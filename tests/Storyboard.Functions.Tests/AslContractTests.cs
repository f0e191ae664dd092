using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Storyboard.Functions.Tests;

/// <summary>The handlers' outputs carry every field statemachine/storyboard.asl.json reads from them.</summary>
[Collection(DatasetPathCollection.Name)]
public sealed partial class AslContractTests(DatasetPathFixture fixture)
{
    private static readonly Lazy<string> Asl = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, "statemachine", "storyboard.asl.json");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new FileNotFoundException("statemachine/storyboard.asl.json was not found above the test's folder.");
    });

    [Fact]
    public void PrepareRun_ShouldReturnEveryRunFieldTheWorkflowReads()
    {
        var fields = RunField().Matches(Asl.Value).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.Contains("segmentsKey", fields);
        Assert.All(fields, f => Assert.True(fixture.First.Run!.ContainsKey(f), $"$.run.{f} is read by the workflow but PrepareRun does not return it"));
    }

    [Fact]
    public void MapChildAndCaptionBatch_ShouldReturnEveryFieldTheirResultSelectorsPick()
    {
        var states = JsonNode.Parse(Asl.Value)!["States"]!;
        var child = states["ProcessSegments"]!["ItemProcessor"]!["States"]!["EmbedCrops"]!["ResultSelector"]!.AsObject();
        var caption = states["CaptionCrops"]!["ItemProcessor"]!["States"]!["CaptionBatch"]!["ResultSelector"]!.AsObject();

        AssertPicked(child, fixture.First.Children[0]);
        AssertPicked(caption, fixture.First.Captions[0]);
        Assert.Equal("$.selection.result.captionBatches", (string)states["CaptionCrops"]!["ItemsPath"]!);
        Assert.NotEmpty(fixture.First.Selection!["captionBatches"]!.AsArray());
    }

    private static void AssertPicked(JsonObject selector, JsonObject output)
    {
        foreach (var (_, value) in selector)
        {
            var field = ((string)value!)["$.Payload.".Length..];
            Assert.True(output.ContainsKey(field), $"the ResultSelector picks $.Payload.{field}, which the handler does not return");
        }
    }

    [GeneratedRegex(@"\$\.run\.([A-Za-z]+)")]
    private static partial Regex RunField();
}
