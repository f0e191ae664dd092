using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Storyboard.Cli.Stack;

namespace Storyboard.Cli.Tests.Stack;

/// <summary>
/// The contract that keeps a run from starting twice: the key <c>stack start</c> uploads a video to must not
/// match the deployed upload rule, checked against the rule in the stack's synthesized template.
/// </summary>
public sealed class StackUploadsTests
{
    [Theory]
    [InlineData("clip.mp4")]
    [InlineData("CLIP.MOV")]
    [InlineData("a b.webm")]
    [InlineData("x.mkv")]
    public void VideoKey_ForAnyVideo_ShouldStayUnderUploadsButOutsideTheUploadRule(string name)
    {
        var patterns = UploadRuleWildcards();
        var key = StackUploads.VideoKey(new FileInfo(Path.Combine(Path.GetTempPath(), name)));

        Assert.StartsWith("uploads/", key, StringComparison.Ordinal);
        Assert.DoesNotContain(patterns, p => Matches(p, key));

        // The check can fail: a plain upload of the same file does start a run.
        Assert.Contains(patterns, p => Matches(p, "uploads/" + name));
    }

    /// <summary>EventBridge wildcard matching: '*' stands for any run of characters, '/' included.</summary>
    private static bool Matches(string wildcard, string key) =>
        Regex.IsMatch(key, "^" + string.Join(".*", wildcard.Split('*').Select(Regex.Escape)) + "$", RegexOptions.Singleline);

    private static List<string> UploadRuleWildcards()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Storyboard.Cdk.Tests", "Snapshots", "StoryboardStack.verified.json")))!;
        var rule = template["Resources"]!.AsObject()
            .Select(r => r.Value!)
            .Single(r => r["Type"]!.GetValue<string>() == "AWS::Events::Rule"
                && r["Properties"]!["EventPattern"]?["detail-type"]?[0]?.GetValue<string>() == "Object Created"
                && r["Properties"]!["Targets"]![0]!["Arn"]?["Ref"]?.GetValue<string>()?.Contains("StateMachine", StringComparison.Ordinal) == true);
        return rule["Properties"]!["EventPattern"]!["detail"]!["object"]!["key"]!.AsArray().Select(k => k!["wildcard"]!.GetValue<string>()).ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Storyboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Storyboard.sln not found above " + AppContext.BaseDirectory);
    }
}
