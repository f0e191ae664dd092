using System.Text.Json;
using System.Text.RegularExpressions;

namespace Storyboard.Cdk.Workflow;

/// <summary>
/// What the deployment reads from <c>statemachine/storyboard.asl.json</c>: the Task states (one function
/// each), the <c>${...}</c> placeholders DefinitionSubstitutions must fill, and the labels of the
/// Distributed Map states (their child executions need IAM ARNs of their own).
/// </summary>
public sealed partial class AslDefinition
{
    private AslDefinition(string path, IReadOnlyList<AslTaskState> taskStates, IReadOnlySet<string> placeholders, IReadOnlyList<string> distributedMapLabels)
    {
        Path = path;
        TaskStates = taskStates;
        Placeholders = placeholders;
        DistributedMapLabels = distributedMapLabels;
    }

    public string Path { get; }

    /// <summary>Every Task state, nested ones (Map item processors, Parallel branches) included, in file order.</summary>
    public IReadOnlyList<AslTaskState> TaskStates { get; }

    /// <summary>Every <c>${Name}</c> in the file, without the braces.</summary>
    public IReadOnlySet<string> Placeholders { get; }

    /// <summary>Label (or, without one, the state name) of every Map state in DISTRIBUTED mode.</summary>
    public IReadOnlyList<string> DistributedMapLabels { get; }

    public static AslDefinition Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException exception)
        {
            throw new InvalidWorkflowDefinitionException($"Cannot read the workflow definition '{path}': {exception.Message}", exception);
        }

        return Parse(path, text);
    }

    public static AslDefinition Parse(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            throw new InvalidWorkflowDefinitionException($"The workflow definition '{path}' is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var tasks = new List<AslTaskState>();
            var labels = new List<string>();
            CollectStates(document.RootElement, path, tasks, labels);
            var placeholders = PlaceholderPattern().Matches(text).Select(match => match.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            return new AslDefinition(path, tasks, placeholders, labels);
        }
    }

    private static void CollectStates(JsonElement machine, string path, List<AslTaskState> tasks, List<string> labels)
    {
        if (!machine.TryGetProperty("States", out var states) || states.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidWorkflowDefinitionException($"The workflow definition '{path}' has a state machine without a States object.");
        }

        foreach (var state in states.EnumerateObject())
        {
            var type = state.Value.TryGetProperty("Type", out var typeElement) ? typeElement.GetString() : null;
            switch (type)
            {
                case "Task":
                    tasks.Add(ReadTask(state.Name, state.Value));
                    break;
                case "Map":
                    var processor = state.Value.TryGetProperty("ItemProcessor", out var itemProcessor)
                        ? itemProcessor
                        : state.Value.GetProperty("Iterator");
                    if (IsDistributed(processor))
                    {
                        labels.Add(state.Value.TryGetProperty("Label", out var label) ? label.GetString() ?? state.Name : state.Name);
                    }

                    CollectStates(processor, path, tasks, labels);
                    break;
                case "Parallel":
                    foreach (var branch in state.Value.GetProperty("Branches").EnumerateArray())
                    {
                        CollectStates(branch, path, tasks, labels);
                    }

                    break;
            }
        }
    }

    private static bool IsDistributed(JsonElement processor) =>
        processor.TryGetProperty("ProcessorConfig", out var config)
        && config.TryGetProperty("Mode", out var mode)
        && mode.GetString() == "DISTRIBUTED";

    private static AslTaskState ReadTask(string name, JsonElement state)
    {
        var resource = state.TryGetProperty("Resource", out var resourceElement) ? resourceElement.GetString() ?? string.Empty : string.Empty;
        string? placeholder = null;
        if (state.TryGetProperty("Parameters", out var parameters)
            && parameters.ValueKind == JsonValueKind.Object
            && parameters.TryGetProperty("FunctionName", out var functionName))
        {
            var match = PlaceholderPattern().Match(functionName.GetString() ?? string.Empty);
            placeholder = match.Success ? match.Groups[1].Value : null;
        }

        int? timeout = state.TryGetProperty("TimeoutSeconds", out var timeoutElement) ? timeoutElement.GetInt32() : null;
        return new AslTaskState(name, resource, placeholder, timeout);
    }

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PlaceholderPattern();
}
