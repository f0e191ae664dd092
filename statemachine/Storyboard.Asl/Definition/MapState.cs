using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

public sealed record MapState : RecoverableState
{
    public JsonPathExpression? ItemsPath { get; init; }

    /// <summary>ItemSelector, or the legacy Parameters of an inline Map (same meaning).</summary>
    public PayloadTemplate? ItemSelector { get; init; }

    public required StateMachineBody Processor { get; init; }

    public bool Distributed { get; init; }

    public int MaxConcurrency { get; init; }

    public JsonPathExpression? MaxConcurrencyPath { get; init; }

    public ItemReaderConfig? ItemReader { get; init; }

    public ItemBatcherConfig? ItemBatcher { get; init; }

    public ResultWriterConfig? ResultWriter { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public JsonPathExpression? ToleratedFailurePercentagePath { get; init; }

    public long? ToleratedFailureCount { get; init; }

    public JsonPathExpression? ToleratedFailureCountPath { get; init; }

    public string? Label { get; init; }

    public override string TypeName => "Map";
}
