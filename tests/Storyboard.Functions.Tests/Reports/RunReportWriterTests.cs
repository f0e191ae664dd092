using Storyboard.Core.Storage;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Reports;
using Storyboard.Functions.Tests.TestSupport;

namespace Storyboard.Functions.Tests.Reports;

public sealed class RunReportWriterTests : IDisposable
{
    private const string RunId = "report-0123456789ab";
    private const string Prefix = "runs/" + RunId + "/";
    private readonly RunFolder folder = new();

    [Fact]
    public async Task WriteAsync_WhenTheRunFolderIsNearlyEmpty_ShouldStillWriteAPageAndEncodeWhatItShows()
    {
        var run = Run("uploads/<script>alert(1)</script>.mp4");

        var key = await new RunReportWriter(folder.Services.Store, folder.Services.Clock).WriteAsync(run, CancellationToken.None);

        var html = await folder.Store.ReadTextAsync(key);
        Assert.Equal(Prefix + "dataset/report.html", key);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("not run yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_WhenHistoryAndASheetExist_ShouldSumTimeInEachStateAndShowTheSheetAndSkipTornLines()
    {
        await folder.Store.WriteTextAsync(Prefix + "history.jsonl", string.Join('\n',
            """{"timestamp":"2026-01-02T03:00:00Z","type":"ExecutionStarted","id":1,"previousEventId":0,"executionStartedEventDetails":{"input":"{}"}}""",
            """{"timestamp":"2026-01-02T03:00:00Z","type":"TaskStateEntered","id":2,"previousEventId":1,"stateEnteredEventDetails":{"name":"PrepareRun","input":"{}"}}""",
            """{"timestamp":"2026-01-02T03:00:02.5Z","type":"TaskStateExited","id":3,"previousEventId":2,"stateExitedEventDetails":{"name":"PrepareRun","output":"{}"}}""",
            """{"timestamp":"2026-01-02T03:00:03Z","type":"TaskStateEntered","id":4,"previousEventId":3,"stateEnteredEventDetails":{"name":"CheckFineTuning"}}""",
            """{"timestamp":"2026-01-02T03:00:04Z","type":"TaskStateExited","id":5,"previousEventId":4,"stateExitedEventDetails":{"name":"CheckFineTuning"}}""",
            """{"timestamp": "2026-01""",
            """["not", "an", "event"]""",
            """{"timestamp":"2026-01-02T03:00:08Z","type":"TaskStateEntered","id":6,"previousEventId":5,"stateEnteredEventDetails":{"name":"CheckFineTuning"}}""",
            """{"timestamp":"2026-01-02T03:00:09.5Z","type":"TaskStateExited","id":7,"previousEventId":6,"stateExitedEventDetails":{"name":"CheckFineTuning"}}"""));
        await folder.Store.WriteTextAsync(Prefix + "storyboard/sheet.png", "png");

        var html = await folder.Store.ReadTextAsync(await new RunReportWriter(folder.Services.Store, folder.Services.Clock).WriteAsync(Run("uploads/a.mp4"), CancellationToken.None));

        Assert.Contains("<td>PrepareRun</td><td>03:00:00.000</td><td>03:00:02.500</td><td>1</td><td>2.50</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>CheckFineTuning</td><td>03:00:03.000</td><td>03:00:09.500</td><td>2</td><td>2.50</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>ExecutionStarted</td>", html, StringComparison.Ordinal);
        Assert.Contains("src=\"../storyboard/sheet.png\"", html, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();

    private static RunContext Run(string videoKey) =>
        new(RunId, RunFolder.Bucket, Prefix, Prefix + "plan.json", Prefix + "config.json", videoKey, "local", true, false, true, 1, "amazon.nova-canvas-v1:0");
}
