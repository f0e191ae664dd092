using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

/// <summary>Task, Parallel and Map: the states that can Retry and Catch.</summary>
public abstract record RecoverableState : ResultState
{
    public PayloadTemplate? ResultSelector { get; init; }

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];
}
