using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Storyboard.Core.Runs;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Logging;

namespace Storyboard.Functions.Steps;

/// <summary>
/// Records a failed run: writes <c>error.json</c> (error, cause, the state that failed when the
/// caller knows it, time) into the run folder. When the run never got
/// an id (PrepareRun failed) it writes under <c>runs/_failed/&lt;name&gt;/</c>, named after the
/// execution or the video. It reads its input field by field and never fails on a missing one:
/// a failure while recording a failure would hide the original error.
/// </summary>
public sealed partial class RecordFailureStep(StoryboardServices services)
{
    public const string State = "RecordFailure";

    public const string FailedPrefix = RunLayout.RunsPrefix + "_failed/";

    /// <summary>
    /// <paramref name="notification"/> is the "Step Functions Execution Status Change" event
    /// (<c>{"detail": {"name", "status", "input", "error", "cause"}}</c>), which an EventBridge rule
    /// sends for failed, timed-out and aborted runs; a local run sends the same shape, plus the
    /// failed state's name when it knows it (<c>failedState</c>). The run folder is found the way
    /// PrepareRun names it, from the execution input, so error.json lands beside the run's files.
    /// </summary>
    public async Task<RecordFailureOutput> RunAsync(JsonNode? notification, CancellationToken cancellationToken)
    {
        var root = notification as JsonObject;
        var detail = root?["detail"] as JsonObject;
        var name = Text(detail?["error"]) ?? Text(detail?["status"]) ?? "UnknownError";
        var cause = Text(detail?["cause"]) ?? string.Empty;
        var failedState = Text(root?["failedState"]);
        var input = ParseInput(Text(detail?["input"]));
        var runId = await RunIdAsync(input, cancellationToken).ConfigureAwait(false);
        string key;
        if (runId is not null)
        {
            key = new RunLayout(runId).ErrorKey;
        }
        else
        {
            var basis = input?.Key ?? input?.Detail?.Object?.Key ?? Text(detail?["name"]) ?? "unknown";
            key = FailedPrefix + Slug(basis) + "-" + services.Clock.GetUtcNow().ToString("yyyyMMddTHHmmssfffZ", System.Globalization.CultureInfo.InvariantCulture) + "/error.json";
        }

        var record = new ErrorRecord(name, cause, failedState, runId, services.Clock.GetUtcNow());
        await StoreJson.WriteAsync(services.Store, key, record, FunctionsJsonContext.Default.ErrorRecord, cancellationToken).ConfigureAwait(false);
        new StepLog(State, runId ?? string.Empty, services.Clock).Warn("run failed: " + name);
        return new RecordFailureOutput(key);
    }

    /// <summary>Null when the input itself is what failed (no video, bad config): those runs have no folder yet.</summary>
    private async Task<string?> RunIdAsync(ExecutionInput? input, CancellationToken cancellationToken)
    {
        if (input is null)
        {
            return null;
        }

        try
        {
            return await new PrepareRunStep(services).DeriveRunIdAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }

    private static ExecutionInput? ParseInput(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(text, FunctionsJsonContext.Default.ExecutionInput);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrEmpty(text) ? text : null;

    private static string Slug(string text)
    {
        var last = text.Split([':', '/'], StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "unknown";
        var slug = NotSlug().Replace(last.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 48)
        {
            slug = slug[..48].Trim('-');
        }

        return slug.Length == 0 ? "unknown" : slug;
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NotSlug();
}
