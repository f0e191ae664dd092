using System.Collections.Concurrent;
using System.Diagnostics;
using Storyboard.Asl.History;

namespace Storyboard.Cli.Workflow;

/// <summary>
/// One line per state as the run moves (and a running count per Map), read from the execution's
/// own history events, so the terminal shows exactly what the history file will hold.
/// </summary>
internal sealed class RunProgress(TextWriter output)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<string, int> _mapItems = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public void OnEvent(HistoryEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var name = e.Details?["name"]?.GetValue<string>();
        var line = e.Type switch
        {
            "TaskStateEntered" or "MapStateEntered" or "ChoiceStateEntered" or "WaitStateEntered" or "PassStateEntered"
                when name is not null && !IsChild(e) => $"→ {name}",
            "TaskStateExited" or "MapStateExited" when name is not null && !IsChild(e) => $"✓ {name}",
            "TaskStateExited" when name is not null => Count(name),
            "MapRunStarted" => "  map run started",
            "MapRunSucceeded" => "  map run succeeded",
            "MapRunFailed" => "  map run failed",
            "TaskFailed" => $"  ! {e.Details?["error"]?.GetValue<string>()}: {Shorten(e.Details?["cause"]?.GetValue<string>())}",
            "ExecutionSucceeded" when !IsChild(e) => "run succeeded",
            "ExecutionFailed" when !IsChild(e) => "run failed",
            _ => null,
        };
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            output.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {line}");
        }
    }

    private static bool IsChild(HistoryEvent e) => e.ExecutionArn is not null;

    private string Count(string state)
    {
        var n = _mapItems.AddOrUpdate(state, 1, (_, c) => c + 1);
        return $"  {state} ×{n}";
    }

    private static string Shorten(string? text) =>
        text is null ? string.Empty : text.Length <= 200 ? text : text[..200] + "…";
}
