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
/// The workflow's one failure path: writes <c>error.json</c> (error, cause, the state that
/// failed when the workflow's state shows it, time) into the run folder. When the run never got
/// an id (PrepareRun failed) it writes under <c>runs/_failed/&lt;name&gt;/</c>, named after the
/// execution or the video. It reads its input field by field and never fails on a missing one:
/// a failure while recording a failure would hide the original error.
/// </summary>
public sealed partial class RecordFailureStep(StoryboardServices services)
{
    public const string State = "RecordFailure";

    public const string FailedPrefix = RunLayout.RunsPrefix + "_failed/";

    /// <summary>Each result the workflow adds to its state, in order, and the state that adds it.</summary>
    private static readonly (string Field, string State)[] Progress =
    [
        ("run", "PrepareRun"),
        ("characters", "PrepareCharacters"),
        ("segments", "ProcessSegments"),
        ("selection", "SelectCrops"),
        ("captions", "CaptionCrops"),
        ("dataset", "BuildDataset"),
        ("fineTuning", "StartFineTuning"),
        ("throughput", "ProvisionThroughput"),
        ("storyboard", "RenderStoryboard"),
        ("released", "ReleaseThroughput"),
    ];

    public async Task<RecordFailureOutput> RunAsync(JsonNode? state, CancellationToken cancellationToken)
    {
        var root = state as JsonObject;
        var error = root?["error"] as JsonObject;
        var name = Text(error?["Error"]) ?? Text(error?["error"]) ?? "UnknownError";
        var cause = Text(error?["Cause"]) ?? Text(error?["cause"]) ?? string.Empty;
        var runId = Text((root?["run"] as JsonObject)?["runId"]);
        var failedState = Text(root?["failedState"]) ?? Progress.FirstOrDefault(p => root?[p.Field] is null).State;
        string key;
        if (runId is not null && RunIds.IsValid(runId))
        {
            key = new RunLayout(runId).ErrorKey;
        }
        else
        {
            runId = null;
            var basis = Text(root?["executionId"]) ?? Text(root?["key"]) ?? Text((root?["detail"]?["object"] as JsonObject)?["key"]) ?? "unknown";
            key = FailedPrefix + Slug(basis) + "-" + services.Clock.GetUtcNow().ToString("yyyyMMddTHHmmssfffZ", System.Globalization.CultureInfo.InvariantCulture) + "/error.json";
        }

        var record = new ErrorRecord(name, cause, failedState, runId, services.Clock.GetUtcNow());
        await StoreJson.WriteAsync(services.Store, key, record, WorkflowJsonContext.Default.ErrorRecord, cancellationToken).ConfigureAwait(false);
        new StepLog(State, runId ?? string.Empty, services.Clock).Warn("run failed: " + name);
        return new RecordFailureOutput(key);
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
