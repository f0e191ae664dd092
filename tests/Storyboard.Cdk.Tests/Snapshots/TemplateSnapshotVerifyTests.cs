using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace Storyboard.Cdk.Tests.Snapshots;

public sealed class TemplateSnapshotVerifyTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("storyboard-snapshot-");

    private string VerifiedPath => Path.Combine(_folder.FullName, "Stack.verified.json");

    private string ReceivedPath => Path.Combine(_folder.FullName, "Stack.received.json");

    [Fact]
    public void Verify_WhenTemplateChanged_ShouldFailWithTheDiffAndWriteTheReceivedFile()
    {
        File.WriteAllText(VerifiedPath, TemplateSnapshot.Normalize(JsonNode.Parse("""{"Resources":{"Fn":{"MemorySize":512}}}""")!));

        var exception = Assert.Throws<XunitException>(() =>
            TemplateSnapshot.Verify(JsonNode.Parse("""{"Resources":{"Fn":{"MemorySize":1024}}}""")!, VerifiedPath, accept: false));

        Assert.Contains("-       \"MemorySize\": 512", exception.Message, StringComparison.Ordinal);
        Assert.Contains("+       \"MemorySize\": 1024", exception.Message, StringComparison.Ordinal);
        Assert.Contains(TemplateSnapshot.AcceptVariable, exception.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(ReceivedPath));
    }

    [Fact]
    public void Verify_WhenTemplateMatches_ShouldPassAndRemoveAStaleReceivedFile()
    {
        var template = JsonNode.Parse("""{"Resources":{}}""")!;
        File.WriteAllText(VerifiedPath, TemplateSnapshot.Normalize(template));
        File.WriteAllText(ReceivedPath, "stale");

        TemplateSnapshot.Verify(template, VerifiedPath, accept: false);

        Assert.False(File.Exists(ReceivedPath));
    }

    [Fact]
    public void Verify_WhenAccepting_ShouldRewriteTheSnapshot()
    {
        File.WriteAllText(VerifiedPath, "{}\n");
        var template = JsonNode.Parse("""{"Resources":{"Fn":{"MemorySize":1024}}}""")!;

        TemplateSnapshot.Verify(template, VerifiedPath, accept: true);

        Assert.Equal(TemplateSnapshot.Normalize(template), File.ReadAllText(VerifiedPath));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
