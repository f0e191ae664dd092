using System.Text.Json.Nodes;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Internal;

internal static class ResultPaths
{
    /// <summary>
    /// InputPath / OutputPath: null (the JSON null in the definition) gives {}; "$" keeps the node as is.
    /// </summary>
    public static JsonNode? Select(JsonPathExpression? path, JsonNode? node, string where)
    {
        if (path is null)
        {
            return new JsonObject();
        }

        return path.Text == "$" ? node : path.Select(node, where);
    }

    /// <summary>
    /// Places <paramref name="result"/> into <paramref name="input"/> at a reference path, creating
    /// missing objects on the way. The input is owned by the state, so it is changed in place.
    /// </summary>
    public static JsonNode? Apply(JsonNode? input, JsonNode? result, JsonPathExpression? path, string stateName)
    {
        if (path is null)
        {
            return input;
        }

        var steps = path.ReferenceSteps;
        if (steps.Count == 0)
        {
            return JsonNodes.Detached(result);
        }

        if (result is not null && (result.Parent is not null || ReferenceEquals(result, input)))
        {
            result = result.DeepClone();
        }

        if (input is not JsonObject and not JsonArray)
        {
            throw StatesErrors.RuntimeError($"An error occurred while executing the state '{stateName}'. Unable to apply ResultPath '{path.Text}' to input {JsonNodes.ToJson(input)}: the input is not an object.");
        }

        JsonNode current = input;
        for (var i = 0; i < steps.Count; i++)
        {
            var (name, index) = steps[i];
            var last = i == steps.Count - 1;
            if (name is not null)
            {
                if (current is not JsonObject obj)
                {
                    throw StatesErrors.RuntimeError($"An error occurred while executing the state '{stateName}'. Unable to apply ResultPath '{path.Text}': '{name}' cannot be set on a non-object.");
                }

                if (last)
                {
                    obj[name] = result;
                    break;
                }

                if (!obj.TryGetPropertyValue(name, out var child) || child is not (JsonObject or JsonArray))
                {
                    child = new JsonObject();
                    obj[name] = child;
                }

                current = child!;
            }
            else
            {
                if (current is not JsonArray array || index < 0 || index >= array.Count)
                {
                    throw StatesErrors.RuntimeError($"An error occurred while executing the state '{stateName}'. Unable to apply ResultPath '{path.Text}': index {index} does not exist.");
                }

                if (last)
                {
                    array[index] = result;
                    break;
                }

                if (array[index] is not (JsonObject or JsonArray))
                {
                    array[index] = new JsonObject();
                }

                current = array[index]!;
            }
        }

        return input;
    }
}
