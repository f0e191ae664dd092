using System.Text.Json.Nodes;

namespace Storyboard.Cdk.Tests.Snapshots;

[Collection(SynthesizedStackCollection.Name)]
public sealed class TemplateSnapshotTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    [Fact]
    public void Template_ShouldMatchTheReviewedSnapshot()
    {
        var verified = Path.Combine(_stack.Repository.Root, "tests", "Storyboard.Cdk.Tests", "Snapshots", "StoryboardStack.verified.json");

        TemplateSnapshot.Verify(_stack.Json, verified);
    }

    [Fact]
    public void Normalize_ShouldHideAssetHashesAndSortKeys()
    {
        var template = JsonNode.Parse("""{"b":{"S3Key":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.zip"},"a":1}""")!;

        var text = TemplateSnapshot.Normalize(template);

        Assert.Contains("\"S3Key\": \"<asset-hash>.zip\"", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("\"a\"", StringComparison.Ordinal) < text.IndexOf("\"b\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Diff_ShouldShowTheChangedLinesOnly()
    {
        var diff = TemplateSnapshot.Diff("one\ntwo\nthree\nfour", "one\ntwo\n3\nfour");

        Assert.Contains("- three", diff, StringComparison.Ordinal);
        Assert.Contains("+ 3", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("- four", diff, StringComparison.Ordinal);
        Assert.Contains("@@ line 1 @@", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WhenTwoDistantChanges_ShouldShowEachWithContextButNotTheLinesBetween()
    {
        var before = string.Join('\n', Enumerable.Range(1, 40).Select(n => $"line {n}"));
        var after = before.Replace("line 5\n", "line five\n", StringComparison.Ordinal).Replace("line 35\n", "line thirty-five\n", StringComparison.Ordinal);

        var diff = TemplateSnapshot.Diff(before, after);

        Assert.Contains("- line 5\n+ line five", diff, StringComparison.Ordinal);
        Assert.Contains("- line 35\n+ line thirty-five", diff, StringComparison.Ordinal);
        Assert.Contains("@@ line 33 @@", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("line 20", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_WhenLinesAreInsertedIntoALargeTemplate_ShouldShowOnlyTheInsertedLines()
    {
        var lines = Enumerable.Range(1, 6000).Select(n => $"line {n}").ToList();
        var before = string.Join('\n', lines);
        lines.InsertRange(100, Enumerable.Range(1, 20).Select(n => $"new {n}"));
        lines.RemoveAt(4870);
        var after = string.Join('\n', lines);

        var diff = TemplateSnapshot.Diff(before, after);

        Assert.Contains("@@ line 99 @@\n  line 99\n  line 100\n+ new 1\n", diff, StringComparison.Ordinal);
        Assert.Contains("- line 4851\n", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("- line 1\n", diff, StringComparison.Ordinal);
        Assert.Equal(21, diff.Split('\n').Count(line => line.StartsWith('+') || line.StartsWith('-')));
    }
}
