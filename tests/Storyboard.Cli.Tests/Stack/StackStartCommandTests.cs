using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Storyboard.Aws.Tests.Support;
using Storyboard.Cli.Stack;
using Storyboard.Core.Config;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Tests.Shared;

namespace Storyboard.Cli.Tests.Stack;

public sealed class StackStartCommandTests : IAsyncLifetime
{
    private const string Config = """{"characters": [{"name": "Dino", "description": "a green dinosaur"}, {"name": "Teddy"}]}""";

    private readonly StackHarness _stack = new();
    private string _video = null!;
    private byte[] _videoBytes = null!;

    public async Task InitializeAsync()
    {
        await _stack.InitializeAsync();
        _videoBytes = await FfmpegRunner.RunAsync("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "frag_keyframe+empty_moov", "-f", "mp4", "-");
        _video = _stack.Write("clip.mp4", _videoBytes);
        _stack.Write("characters/Dino/front.png", await PngAsync("green"));
        _stack.Write("characters/Teddy/side.png", await PngAsync("brown"));
        _stack.Write("config.json", Encoding.UTF8.GetBytes(Config));
    }

    public Task DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task Start_WhenGivenVideoReferencesAndConfig_ShouldUploadThemAndStartOneExecutionNamedAfterTheRun()
    {
        _stack.StepFunctions.Enqueue(ScriptedResponse.Ok($$"""{"executionArn":"{{StackHarness.ExecutionArn("x")}}","startDate":1795000000.5}"""));

        var (code, output, error) = await _stack.RunAsync("stack", "start", _video, "--config", Path.Combine(_stack.Folder, "config.json"), "--dataset-only");

        Assert.True(code == 0, error);
        var objects = _stack.S3.Objects;
        Assert.Equal(_videoBytes, objects["uploads/cli/clip.mp4.cli"]);
        Assert.Equal(await PngAsync("green"), objects["characters/Dino/front.png"]);
        Assert.Equal(await PngAsync("brown"), objects["characters/Teddy/side.png"]);
        var configKey = Assert.Single(objects.Keys, k => k.StartsWith("uploads/config/", StringComparison.Ordinal));
        Assert.Equal(Config, Encoding.UTF8.GetString(objects[configKey]));
        Assert.Equal("video/mp4", _stack.S3.ContentTypes["uploads/cli/clip.mp4.cli"]);

        // Exactly one call to Step Functions, correctly signed: the start.
        Assert.Equal(["StartExecution"], _stack.Operations);
        Assert.All(_stack.StepFunctions.Received, r => Assert.Null(r.SignatureProblem));
        var start = _stack.Body("StartExecution");
        var input = (JsonObject)JsonNode.Parse(start["input"]!.GetValue<string>())!;
        var etag = Convert.ToHexStringLower(MD5.HashData(_videoBytes));
        Assert.Equal(StackHarness.Bucket, input["bucket"]!.GetValue<string>());
        Assert.Equal("uploads/cli/clip.mp4.cli", input["key"]!.GetValue<string>());
        Assert.Equal(etag, input["etag"]!.GetValue<string>());
        Assert.StartsWith("v", input["version"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(configKey, input["configKey"]!.GetValue<string>());
        Assert.True(input["datasetOnly"]!.GetValue<bool>());
        Assert.Equal(StackHarness.StateMachine, start["stateMachineArn"]!.GetValue<string>());

        // The run id is PrepareRun's, from the key, the ETag and the config, and names the execution.
        var runId = RunIds.Derive("uploads/cli/clip.mp4.cli", etag, RunIds.ConfigHash(RunConfigLoader.Parse(Config)));
        Assert.Equal(runId, start["name"]!.GetValue<string>());
        Assert.Contains($"run:       {runId}", output, StringComparison.Ordinal);
        Assert.Contains($"execution: {StackHarness.ExecutionArn("x")}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenTheSameRunWasStartedBefore_ShouldNotStartItAgainAndSayHowToFollowIt()
    {
        _stack.StepFunctions.Enqueue(ScriptedResponse.Error(400, "ExecutionAlreadyExists", "Execution Already Exists"));

        var (code, _, error) = await _stack.RunAsync("stack", "start", _video, "--config", Path.Combine(_stack.Folder, "config.json"));

        Assert.Equal(2, code);
        Assert.Equal(["StartExecution"], _stack.Operations);
        Assert.Contains("was started before", error, StringComparison.Ordinal);
        Assert.Contains("storyboard stack watch", error, StringComparison.Ordinal);
        Assert.Contains("storyboard stack redrive", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenStartedTwice_ShouldUploadOnceAndAskForTheSameExecutionWithTheSameInput()
    {
        var config = Path.Combine(_stack.Folder, "config.json");

        Assert.Equal(0, (await _stack.RunAsync("stack", "start", _video, "--config", config)).ExitCode);
        var (code, _, error) = await _stack.RunAsync("stack", "start", _video, "--config", config);

        // Same name and same input: Step Functions answers the start of a running Standard execution
        // with that execution, and refuses it (ExecutionAlreadyExists) once it has ended.
        Assert.Equal(0, code);
        Assert.Contains("already holds this video", error, StringComparison.Ordinal);
        Assert.Single(_stack.S3.Requests, r => r.StartsWith("PUT /" + StackHarness.Bucket + "/uploads/cli/clip.mp4.cli", StringComparison.Ordinal));
        var starts = _stack.StepFunctions.Received.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(2, starts.Count);
        Assert.Equal(starts[0].ToJsonString(), starts[1].ToJsonString());
    }

    [Fact]
    public async Task Start_WhenTheVideoChanged_ShouldUploadItAgainAsANewRun()
    {
        Assert.Equal(0, (await _stack.RunAsync("stack", "start", _video)).ExitCode);
        File.AppendAllText(_video, "more");

        Assert.Equal(0, (await _stack.RunAsync("stack", "start", _video)).ExitCode);

        Assert.Equal(2, _stack.S3.Requests.Count(r => r.StartsWith("PUT /" + StackHarness.Bucket + "/uploads/cli/clip.mp4.cli", StringComparison.Ordinal)));
        var names = _stack.StepFunctions.Received.Select(r => JsonNode.Parse(r.Body)!["name"]!.GetValue<string>()).ToList();
        Assert.NotEqual(names[0], names[1]);
    }

    [Fact]
    public async Task Start_WhenTheConfigIsInvalid_ShouldStopBeforeUploadingTheVideoOrStarting()
    {
        var config = _stack.Write("bad.json", Encoding.UTF8.GetBytes("""{"characters": [{"name": "Dino"}], "fineTuning": {"stepCount": 5}}"""));

        var (code, _, error) = await _stack.RunAsync("stack", "start", _video, "--config", config);

        Assert.Equal(2, code);
        Assert.Contains("stepCount", error, StringComparison.Ordinal);
        Assert.DoesNotContain("uploads/cli/clip.mp4.cli", _stack.S3.Objects.Keys);
        Assert.Empty(_stack.StepFunctions.Received);
    }

    [Fact]
    public async Task Start_WhenACharacterFolderLostAnImage_ShouldRemoveItFromThatCharacterOnly()
    {
        var store = _stack.Store();
        await store.WriteTextAsync("characters/Dino/old.png", "stale");
        await store.WriteTextAsync("characters/Gnu/gnu.png", "someone else's");

        var (code, _, error) = await _stack.RunAsync("stack", "start", _video);

        Assert.True(code == 0, error);
        var keys = _stack.S3.Objects.Keys;
        Assert.DoesNotContain("characters/Dino/old.png", keys);
        Assert.Contains("characters/Gnu/gnu.png", keys);
        Assert.Contains("characters/Dino/front.png", keys);

        // Without --config the run takes every character in the bucket; the user is told.
        Assert.Contains("also looks for Gnu", error, StringComparison.Ordinal);
        var input = (JsonObject)JsonNode.Parse(_stack.Body("StartExecution")["input"]!.GetValue<string>())!;
        Assert.Null(input["configKey"]);
        Assert.Null(input["datasetOnly"]);
    }

    [Fact]
    public async Task Start_WhenTheBucketDoesNotExist_ShouldNameTheStackOutputAndStartNothing()
    {
        var (code, output, error) = await _stack.RunAsync("stack", "start", _video, "--bucket", "no-such-bucket");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("'no-such-bucket' does not exist", error, StringComparison.Ordinal);
        Assert.Contains("BucketName", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Empty(_stack.StepFunctions.Received);
    }

    [Fact]
    public async Task Start_WhenTheStateMachineDoesNotExist_ShouldNameTheStackOutput()
    {
        _stack.StepFunctions.Enqueue(ScriptedResponse.Error(400, "StateMachineDoesNotExist", "State Machine Does Not Exist"));

        var (code, _, error) = await _stack.RunAsync("stack", "start", _video);

        Assert.Equal(2, code);
        Assert.Contains("StateMachineArn", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WhenWatching_ShouldFollowTheNewRunToItsEnd()
    {
        _stack.StepFunctions.Enqueue(
            ScriptedResponse.Ok($$"""{"executionArn":"{{StackHarness.ExecutionArn("x")}}","startDate":1795000000}"""),
            StackHarness.Execution("RUNNING"),
            StackHarness.Execution("SUCCEEDED"));

        var (code, output, error) = await _stack.RunAsync("stack", "start", _video, "--watch");

        Assert.True(code == 0, error);
        Assert.Equal(["StartExecution", "DescribeExecution", "DescribeExecution"], _stack.Operations);
        Assert.Contains("SUCCEEDED", output, StringComparison.Ordinal);
        Assert.Contains($"s3://{StackHarness.Bucket}/runs/", output, StringComparison.Ordinal);
    }

    private static Task<byte[]> PngAsync(string color) =>
        FfmpegRunner.RunAsync("-f", "lavfi", "-i", $"color=c={color}:s=64x64", "-frames:v", "1", "-c:v", "png", "-f", "image2pipe", "-");
}
