using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;

namespace Storyboard.Asl.Tests.Support;

/// <summary>Shorthands for loading a definition from JSON text and running it.</summary>
public static class Run
{
    public static StateMachineDefinition Load(string json) => DefinitionLoader.Load(json, null, "Test");

    public static LocalExecutor Executor(InMemoryObjectStore? store = null, double timeScale = 0.001) =>
        new(new LocalExecutorOptions { Store = store ?? new InMemoryObjectStore(), TimeScale = timeScale });

    public static Task<ExecutionResult> StartAsync(this LocalExecutor executor, string definition, string input, string? runId = null) =>
        executor.StartExecutionAsync(Load(definition), new StartExecutionRequest(JsonNode.Parse(input), runId));
}
