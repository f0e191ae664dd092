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

    /// <summary>
    /// Passes when the snapshot matches; otherwise fails with a diff, or rewrites the snapshot when
    /// accepting (<paramref name="accept"/>, by default the <see cref="AcceptVariable"/> environment variable).
    /// </summary>
    public static void Verify(JsonNode template, string verifiedPath, bool? accept = null)
    {
        var received = Normalize(template);
        var receivedPath = Path.ChangeExtension(verifiedPath, null).Replace(".verified", string.Empty, StringComparison.Ordinal) + ".received.json";
        accept ??= Environment.GetEnvironmentVariable(AcceptVariable) is "1" or "true";
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;

        if (verified == received)
        {
            File.Delete(receivedPath);
            return;
        }

        if (accept.Value)
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
    /// A line diff (shortest edit script over the region between the common head and tail) with
    /// two lines of context around each change and line numbers of the verified file.
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

        const int context = 2;
        head = Math.Max(0, head - context);
        tail = Math.Max(0, tail - context);
        var edits = Edits(left[head..^tail], right[head..^tail]);
        var builder = new StringBuilder();
        var lines = 0;
        void Line(string text)
        {
            if (lines++ < MaxDiffLines)
            {
                builder.Append(text).Append('\n');
            }
        }

        var lastPrinted = -1;
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == ' ')
            {
                continue;
            }

            var from = Math.Max(Math.Max(0, i - context), lastPrinted + 1);
            if (from > lastPrinted + 1 || lastPrinted < 0)
            {
                Line($"@@ line {head + edits[from].LeftIndex + 1} @@");
            }

            var to = i;
            while (to + 1 < edits.Count && (edits[to + 1].Kind != ' ' || NextChangeWithin(edits, to + 1, 2 * context)))
            {
                to++;
            }

            to = Math.Min(edits.Count - 1, to + context);
            for (var j = from; j <= to; j++)
            {
                Line($"{edits[j].Kind} {edits[j].Text}");
            }

            lastPrinted = to;
            i = to;
        }

        if (lines > MaxDiffLines)
        {
            builder.Append($"… {lines - MaxDiffLines} more lines\n");
        }

        return builder.ToString();
    }

    private static bool NextChangeWithin(List<(char Kind, string Text, int LeftIndex)> edits, int start, int distance)
    {
        for (var k = start; k < edits.Count && k <= start + distance; k++)
        {
            if (edits[k].Kind != ' ')
            {
                return true;
            }
        }

        return false;
    }

    // Myers' shortest edit script: O((N+M)·D) time, so a template of thousands of lines with a few hundred
    // changed lines still diffs exactly. Only a very large difference falls back to "all removed, all added".
    private static List<(char Kind, string Text, int LeftIndex)> Edits(string[] left, string[] right)
    {
        const int maxEdits = 4000;
        int n = left.Length, m = right.Length;
        var offset = n + m + 1;
        var v = new int[(2 * offset) + 1];
        var trace = new List<int[]>();
        var found = -1;
        for (var d = 0; d <= Math.Min(n + m, maxEdits) && found < 0; d++)
        {
            // Before round d only diagonals -(d+1)..d+1 are read; keep just that slice for the way back.
            trace.Add(v[(offset - d - 1)..(offset + d + 2)]);
            for (var k = -d; k <= d; k += 2)
            {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                var y = x - k;
                while (x < n && y < m && left[x] == right[y])
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = d;
                    break;
                }
            }
        }

        var edits = new List<(char Kind, string Text, int LeftIndex)>();
        if (found < 0)
        {
            edits.AddRange(left.Select((text, index) => ('-', text, index)));
            edits.AddRange(right.Select(text => ('+', text, left.Length)));
            return edits;
        }

        int a = n, b = m;
        for (var d = found; d > 0; d--)
        {
            var before = trace[d];
            int At(int diagonal) => before[diagonal + d + 1];
            var k = a - b;
            var previousK = k == -d || (k != d && At(k - 1) < At(k + 1)) ? k + 1 : k - 1;
            var previousX = At(previousK);
            var previousY = previousX - previousK;
            while (a > previousX && b > previousY)
            {
                edits.Add((' ', left[a - 1], a - 1));
                a--;
                b--;
            }

            if (a == previousX)
            {
                edits.Add(('+', right[b - 1], a));
            }
            else
            {
                edits.Add(('-', left[a - 1], a - 1));
            }

            a = previousX;
            b = previousY;
        }

        while (a > 0 && b > 0)
        {
            edits.Add((' ', left[a - 1], a - 1));
            a--;
            b--;
        }

        edits.Reverse();
        return edits;
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
