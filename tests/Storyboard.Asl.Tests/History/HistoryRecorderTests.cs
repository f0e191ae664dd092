using Storyboard.Asl.History;
using Storyboard.Asl.Tests.Support;

namespace Storyboard.Asl.Tests.History;

public sealed class HistoryRecorderTests
{
    [Fact]
    public async Task Record_WhenManyEventsAreRecorded_ShouldWriteLinearlyManyBytesToTheStore()
    {
        var store = new InMemoryObjectStore();
        var recorder = new HistoryRecorder(store, "runs/x/history.jsonl", enabled: true);
        for (var i = 0; i < 20_000; i++)
        {
            recorder.Record("PassStateEntered", i, "stateEnteredEventDetails", w => w.WriteString("name", "Step"));
        }

        await recorder.FlushAsync();
        var size = recorder.ToArray().Length;

        Assert.InRange(store.BytesWritten, size, 4L * size);
        Assert.Equal(20_000, (await ExecutionHistory.ReadAsync(store, "runs/x/history.jsonl")).Count);
    }

    [Fact]
    public async Task Render_WhenExecutionRan_ShouldPrintOneLinePerEventWithStateNames()
    {
        var store = new InMemoryObjectStore();
        await Run.Executor(store).StartAsync("""{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Result":"hi","Next":"Done"},"Done":{"Type":"Succeed"}}}""", "{}", runId: "t");
        var events = await ExecutionHistory.ReadAsync(store, "runs/t/history.jsonl");
        using var text = new StringWriter();

        HistoryTimeline.Render(events, text);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(events.Count, lines.Length);
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded"], events.Select(e => e.Type));
        Assert.Contains("Hello", lines[1], StringComparison.Ordinal);
        Assert.Equal(events.Select(e => e.PreviousEventId), [0L, 1, 2, 3, 4, 5]);
    }
}
