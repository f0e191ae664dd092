using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using Storyboard.Asl.Execution;
using Storyboard.Asl.Tasks;
using Storyboard.Storage;

namespace Storyboard.Cli.Runs;

/// <summary>What exec, redrive and history share: the executor over the run folder and how results are printed.</summary>
internal static class LocalRuns
{
    public const string MockConfigKey = "mockConfig";
    public const string TestCaseKey = "testCase";
    public const string StateMachineKey = "stateMachine";
    public const string TimeScaleKey = "timeScale";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static LocalExecutor Executor(string outDirectory, double timeScale, MockTestCase? mocks) =>
        new(new LocalExecutorOptions
        {
            Store = new LocalFolderObjectStore(outDirectory),
            TimeScale = timeScale,
            Mocks = mocks,
            // With no handlers in the CLI, a callback task waits for send-task-success / send-task-failure.
            AwaitCallbacksWithoutHandler = true,
        });

    public static MockTestCase? Mocks(string? mockConfigPath, string? testCase, string stateMachine)
    {
        if (mockConfigPath is null)
        {
            return null;
        }

        if (testCase is null)
        {
            throw new InvalidMockConfigException("--mock-config needs --test-case NAME to pick the test case.");
        }

        var config = MockConfig.Parse(File.ReadAllText(mockConfigPath));
        var name = config.StateMachineNames.Contains(stateMachine) || config.StateMachineNames.Count != 1 ? stateMachine : config.StateMachineNames.First();
        return config.GetTestCase(name, testCase);
    }

    public static double TimeScale(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(TimeScaleKey, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : 1.0;

    /// <summary>The output on success, or {"Error","Cause"}; the exit code is 0 only for success.</summary>
    public static int Print(ExecutionResult result, TextWriter output, TextWriter error, string outDirectory)
    {
        var history = result.HistoryKey is null ? string.Empty : $", history: {Path.Combine(outDirectory, result.HistoryKey)}";
        error.WriteLine($"run {result.RunId}: {ExecutionRecord.StatusName(result.Status)}{history}");
        if (result.Succeeded)
        {
            output.WriteLine(result.Output?.ToJsonString(Indented) ?? "null");
            return 0;
        }

        output.WriteLine(new JsonObject { ["Error"] = result.Error, ["Cause"] = result.Cause }.ToJsonString(Indented));
        return 1;
    }
}
