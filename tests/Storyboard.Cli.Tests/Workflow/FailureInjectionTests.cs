using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Asl.History;
using Storyboard.Asl.Tasks;
using Storyboard.Cli.Workflow;
using Storyboard.Core.Errors;
using Storyboard.Core.Runs;

namespace Storyboard.Cli.Tests.Workflow;

/// <summary>
/// Faults injected into the real handlers while the deployed workflow file runs: transient ones
/// are retried, permanent ones fail the run through its failure path, and a redrive after the
/// fault is gone finishes without redoing the segments that had succeeded.
/// </summary>
public sealed class FailureInjectionTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "storyboard-faults-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Run_WhenAHandlerIsThrottledOnce_ShouldRetryAndSucceed()
    {
        var (run, input, runId) = await PrepareAsync();
        var calls = 0;
        Wrap(run, "PrepareCharacters", inner => async (stream, ct) =>
            Interlocked.Increment(ref calls) == 1 ? throw new TransientServiceException("Rekognition is throttling; try later.") : await inner.InvokeAsync(stream, ct));

        var result = await run.StartAsync(input, runId, TimeScale, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error + ": " + result.Cause);
        Assert.Equal(2, calls);
        var history = await ExecutionHistory.ReadAsync(run.Services.Store, new RunLayout(runId).HistoryKey);
        Assert.Contains(history, e => e.Type == "TaskFailed" && e.Details?["error"]?.GetValue<string>() == nameof(TransientServiceException));
    }

    [Fact]
    public async Task Redrive_AfterAPermanentFaultInOneSegmentIsRemoved_ShouldFinishWithoutRedoingTheOtherSegments()
    {
        var (run, input, runId) = await PrepareAsync();
        var broken = true;
        var extractions = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        Wrap(run, "ExtractFrames", inner => async (stream, ct) =>
        {
            var (copy, segments) = await SegmentsAsync(stream);
            extractions.AddOrUpdate(segments, 1, (_, n) => n + 1);
            return await inner.InvokeAsync(copy, ct);
        });
        Wrap(run, "DetectCharacters", inner => async (stream, ct) =>
        {
            var (copy, segments) = await SegmentsAsync(stream);
            return broken && segments.Contains("seg-0002", StringComparison.Ordinal)
                ? throw new SegmentFaultException("The detector crashed on this segment.")
                : await inner.InvokeAsync(copy, ct);
        });

        var failed = await run.StartAsync(input, runId, TimeScale, CancellationToken.None);

        Assert.False(failed.Succeeded);
        var layout = new RunLayout(runId);
        var errorJson = await File.ReadAllTextAsync(Path.Combine(folder, layout.ErrorKey));
        Assert.Contains("States.ExceedToleratedFailureThreshold", errorJson, StringComparison.Ordinal);
        Assert.Contains("\"state\":\"ProcessSegments\"", errorJson.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(2, extractions.Count);
        Assert.All(extractions.Values, n => Assert.Equal(1, n));

        broken = false;
        var redriven = await run.RedriveAsync(runId, CancellationToken.None);

        Assert.True(redriven.Succeeded, redriven.Error + ": " + redriven.Cause);
        Assert.Equal(1, redriven.RedriveCount);

        // The child that had succeeded was not run again; only the failed one was.
        Assert.Equal(1, extractions.Single(e => !e.Key.Contains("seg-0002", StringComparison.Ordinal)).Value);
        Assert.Equal(2, extractions.Single(e => e.Key.Contains("seg-0002", StringComparison.Ordinal)).Value);
        var history = await ExecutionHistory.ReadAsync(run.Services.Store, layout.HistoryKey);
        Assert.Contains(history, e => e.Type == "ExecutionRedriven");
        Assert.Equal(1, history.Count(e => e.Type == "TaskStateEntered" && e.Details?["name"]?.GetValue<string>() == "PrepareRun"));
        Assert.True(File.Exists(Path.Combine(folder, layout.TrainKey)));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder) && Environment.GetEnvironmentVariable("STORYBOARD_KEEP_TEST_OUTPUT") != "1")
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Retry intervals shrink a thousandfold so the test does not sleep.</summary>
    private const double TimeScale = 0.001;

    private async Task<(WorkflowRun Run, JsonObject Input, string RunId)> PrepareAsync()
    {
        var sample = await SampleClip.GetAsync();
        var run = WorkflowRun.Create(folder, TimeScale, progress: null);
        var videoKey = await RunInputs.UploadVideoAsync(run.Services.Store, new FileInfo(sample.Video), CancellationToken.None);
        await RunInputs.SyncCharactersAsync(run.Services.Store, new DirectoryInfo(sample.Characters), CancellationToken.None);

        // Three 10-second segments in two Map children ([0, 1] and [2]), sampled sparsely to stay quick.
        var config = JsonNode.Parse(await File.ReadAllTextAsync(sample.Config))!.AsObject();
        config["segmentSeconds"] = 10;
        config["sampling"] = new JsonObject { ["fps"] = 0.5 };
        var input = RunInputs.ExecutionInput(run.Services.Bucket, videoKey, config, datasetOnly: true);
        return (run, input, await run.RunIdAsync(input, videoKey, CancellationToken.None));
    }

    private static void Wrap(WorkflowRun run, string state, Func<ITaskHandler, Func<Stream, CancellationToken, Task<Stream>>> wrap)
    {
        Assert.True(run.Executor.Handlers.TryGetFunction(state, out var inner), state + " is not registered");
        run.Executor.Handlers.RegisterFunction(state, wrap(inner));
    }

    /// <summary>The ids of the segments in a Map child's payload, and the payload again for the real handler.</summary>
    private static async Task<(Stream Copy, string Segments)> SegmentsAsync(Stream input)
    {
        using var reader = new StreamReader(input, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var ids = System.Text.RegularExpressions.Regex.Matches(text, "seg-\\d{4}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal);
        return (new MemoryStream(Encoding.UTF8.GetBytes(text)), string.Join(",", ids));
    }
}
