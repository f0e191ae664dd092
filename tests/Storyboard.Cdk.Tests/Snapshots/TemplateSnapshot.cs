using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Storyboard.Cdk.Tests.Snapshots;

/// <summary>
/// Compares a synthesized template with a committed <c>.verified.json</c>, so every infrastructure
/// change shows up as a reviewed diff. Asset hashes are replaced by a marker (they change with any
/// source edit). To accept a change, run the tests with <c>STORYBOARD_ACCEPT_SNAPSHOTS=1</c> and
/// commit the rewritten file; a mismatch otherwise writes a <c>.received.json</c> beside it.
/// </summary>
internal static partial class TemplateSnapshot
{
    public const string AcceptVariable = "STORYBOARD_ACCEPT_SNAPSHOTS";
    private const int MaxDiffLines = 80;

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Normalize(JsonNode template)
    {
        var normalized = Sort(template);
        var text = normalized.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal);
        return AssetHash().Replace(text, "<asset-hash>") + "\n";
    }

    /// <summary>Passes when the snapshot matches; otherwise fails with a diff (or rewrites it when accepting).</summary>
    public static void Verify(JsonNode template, string verifiedPath)
    {
        var received = Normalize(template);
        var receivedPath = Path.ChangeExtension(verifiedPath, null).Replace(".verified", string.Empty, StringComparison.Ordinal) + ".received.json";
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (accept)
        {
            File.WriteAllText(verifiedPath, received);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var message = verified is null
            ? $"No snapshot at {verifiedPath}. Review {receivedPath}, then run the tests with {AcceptVariable}=1 to create it."
            : $"The template differs from {verifiedPath} (- verified, + received):\n{Diff(verified, received)}\n" +
              $"Full template: {receivedPath}. If the change is intended, run the tests with {AcceptVariable}=1 and commit the snapshot.";
        throw new Xunit.Sdk.XunitException(message);
    }

    /// <summary>
    /// The changed region between the common head and tail of the two texts, with line numbers —
    /// enough to review one infrastructure change at a time.
    /// </summary>
    public static string Diff(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var head = 0;
        while (head < left.Length && head < right.Length && left[head] == right[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < left.Length - head && tail < right.Length - head && left[^(tail + 1)] == right[^(tail + 1)])
        {
            tail++;
        }

        var builder = new StringBuilder();
        var lines = 0;
        void Line(string text)
        {
            if (lines++ < MaxDiffLines)
            {
                builder.Append(text).Append('\n');
            }
        }

        Line($"@@ line {head + 1} @@");
        for (var i = Math.Max(0, head - 3); i < head; i++)
        {
            Line("  " + left[i]);
        }

        for (var i = head; i < left.Length - tail; i++)
        {
            Line("- " + left[i]);
        }

        for (var i = head; i < right.Length - tail; i++)
        {
            Line("+ " + right[i]);
        }

        if (lines > MaxDiffLines)
        {
            builder.Append($"… {lines - MaxDiffLines} more lines\n");
        }

        return builder.ToString();
    }

    // Objects with sorted keys, so the snapshot does not depend on synthesis order.
    private static JsonNode Sort(JsonNode node) =>
        node switch
        {
            JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Sort(p.Value)))),
            JsonArray array => new JsonArray(array.Select(item => item is null ? null : Sort(item)).ToArray()),
            _ => node.DeepClone(),
        };

    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex AssetHash();
}
