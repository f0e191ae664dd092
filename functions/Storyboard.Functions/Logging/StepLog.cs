using System.Text;
using System.Text.Json;

namespace Storyboard.Functions.Logging;

/// <summary>
/// One JSON object per line on stderr (CloudWatch Logs Insights and the local history read the
/// same lines): timestamp, level, runId, state, message and numeric fields. Callers pass counts
/// and timings only, never image bytes, captions of people or secrets.
/// </summary>
public sealed class StepLog(string state, string runId, TimeProvider clock)
{
    private static readonly object Gate = new();

    /// <summary>Where lines go; stderr unless a test redirects it.</summary>
    public static TextWriter Output { get; set; } = Console.Error;

    public void Info(string message, params (string Name, double Value)[] fields) => Write("info", message, fields);

    public void Warn(string message, params (string Name, double Value)[] fields) => Write("warn", message, fields);

    private void Write(string level, string message, (string Name, double Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("timestamp", clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("level", level);
            writer.WriteString("runId", runId);
            writer.WriteString("state", state);
            writer.WriteString("message", message);
            foreach (var (name, value) in fields)
            {
                writer.WriteNumber(name, Math.Round(value, 3));
            }

            writer.WriteEndObject();
        }

        var line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (Gate)
        {
            Output.WriteLine(line);
        }
    }
}
