using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Map;

/// <summary>ItemBatcher limits resolved for one run (the Path forms read from the state input).</summary>
internal sealed record Batching(bool Enabled, long? MaxItems, long? MaxBytes)
{
    public static Batching Resolve(ItemBatcherConfig? config, JsonNode? input, string stateName)
    {
        if (config is null)
        {
            return new Batching(false, null, null);
        }

        long? Read(long? value, JsonPathExpression? path, string field)
        {
            if (path is null)
            {
                return value;
            }

            var node = path.Select(input, $"State '{stateName}' {field}");
            return JsonNodes.TryGetInteger(node, out var v) && v > 0 ? v
                : throw StatesErrors.RuntimeError($"An error occurred while executing the state '{stateName}'. {field} must point to a positive integer, not {JsonNodes.ToJson(node)}.");
        }

        var maxBytes = Read(config.MaxInputBytesPerBatch, config.MaxInputBytesPerBatchPath, "MaxInputBytesPerBatchPath");
        return new Batching(true, Read(config.MaxItemsPerBatch, config.MaxItemsPerBatchPath, "MaxItemsPerBatchPath"), maxBytes is null ? null : Math.Min(maxBytes.Value, 262_144));
    }
}
