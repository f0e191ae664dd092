using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Asl.Definition;
using Storyboard.Asl.Execution;
using Storyboard.Cli.Runs;

namespace Storyboard.Cli.Commands;

/// <summary><c>storyboard exec</c>: runs a States Language definition locally and prints its output or error.</summary>
public static class ExecCommand
{
    public static Command Create()
    {
        var definition = new Option<FileInfo>("--definition") { Description = "The state machine definition (*.asl.json).", Required = true };
        var input = new Option<string>("--input") { Description = "The execution input: a JSON file, or JSON text.", DefaultValueFactory = _ => "{}" };
        var timeScale = new Option<double>("--time-scale") { Description = "Multiplies Wait states and Retry intervals (0.001 turns an hour into 3.6 s).", DefaultValueFactory = _ => 1.0 };
        var mockConfig = new Option<FileInfo?>("--mock-config") { Description = "A Step Functions Local mock config file answering Task states." };
        var testCase = new Option<string?>("--test-case") { Description = "The test case in the mock config." };
        var stateMachine = new Option<string?>("--state-machine") { Description = "The state machine name in the mock config (default: the definition file's name)." };
        var substitutions = new Option<string[]>("--substitution") { Description = "KEY=VALUE for a ${KEY} placeholder (repeatable), like CDK DefinitionSubstitutions.", AllowMultipleArgumentsPerToken = false };
        var outDirectory = new Option<DirectoryInfo>("--out") { Description = "The run folder (the local bucket).", DefaultValueFactory = _ => new DirectoryInfo("out") };
        var runId = new Option<string?>("--run-id") { Description = "Names the run (default: a new id)." };
        var command = new Command("exec", "Run a state machine definition locally; prints the output, or the error and cause (exit code 1).")
        {
            definition, input, timeScale, mockConfig, testCase, stateMachine, substitutions, outDirectory, runId,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var pair in parse.GetValue(substitutions) ?? [])
                {
                    var split = pair.IndexOf('=', StringComparison.Ordinal);
                    if (split <= 0)
                    {
                        error.WriteLine($"--substitution '{pair}' must look like KEY=VALUE.");
                        return 2;
                    }

                    values[pair[..split]] = pair[(split + 1)..];
                }

                var loaded = await DefinitionLoader.LoadFileAsync(parse.GetValue(definition)!.FullName, values, cancellationToken);
                var machine = parse.GetValue(stateMachine) ?? loaded.Name;
                var mockPath = parse.GetValue(mockConfig)?.FullName;
                var scale = parse.GetValue(timeScale);
                var mocks = LocalRuns.Mocks(mockPath, parse.GetValue(testCase), machine);
                var folder = parse.GetValue(outDirectory)!.FullName;
                var metadata = new Dictionary<string, string>
                {
                    [LocalRuns.TimeScaleKey] = scale.ToString(CultureInfo.InvariantCulture),
                    [LocalRuns.StateMachineKey] = machine,
                };
                if (mockPath is not null)
                {
                    metadata[LocalRuns.MockConfigKey] = mockPath;
                    metadata[LocalRuns.TestCaseKey] = parse.GetValue(testCase)!;
                }

                var executor = LocalRuns.Executor(folder, scale, mocks);
                var result = await executor.StartExecutionAsync(loaded, new StartExecutionRequest(ReadInput(parse.GetValue(input)!), parse.GetValue(runId), metadata), cancellationToken);
                return LocalRuns.Print(result, output, error, folder);
            }
            catch (Exception e) when (e is InvalidDefinitionException or Asl.Tasks.InvalidMockConfigException or MissingTaskHandlerException or JsonException or IOException)
            {
                error.WriteLine(e.Message);
                return 2;
            }
        });
        return command;
    }

    private static JsonNode? ReadInput(string input)
    {
        var text = File.Exists(input) ? File.ReadAllText(input) : input;
        return JsonNode.Parse(text);
    }
}
