using System.Collections.Concurrent;
using System.CommandLine;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.S3;
using Storyboard.Aws.S3;
using Storyboard.Aws.Signing;
using Storyboard.Aws.Tests.S3;
using Storyboard.Aws.Tests.Support;
using Storyboard.Cli.Stack;
using Storyboard.Core.Storage;

namespace Storyboard.Cli.Tests.Stack;

/// <summary>
/// A deployed stack on loopback: a Step Functions server (checking every SigV4 signature) and an S3
/// server with one versioned bucket, reached by the real commands through AWS_ENDPOINT_URL_SFN /
/// AWS_ENDPOINT_URL_S3 and static test credentials; the watcher's waits are recorded, not slept.
/// </summary>
public sealed class StackHarness : IAsyncLifetime
{
    public const string Bucket = "storyboard-runs-test";
    public const string StateMachine = "arn:aws:states:us-east-1:123456789012:stateMachine:Storyboard-Workflow";

    private static readonly AwsCredentials Keys = new("AKIDSTACKEXAMPLE", "stack/secret+KEY", "stack-session-token/+=");

    internal LoopbackAwsServer StepFunctions { get; private set; } = null!;

    internal LoopbackS3Server S3 { get; private set; } = null!;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "storyboard-stack-" + Guid.NewGuid().ToString("N"));

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    /// <summary>Runs instead of each wait, e.g. to press Ctrl+C.</summary>
    public Action? OnDelay { get; set; }

    public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        StepFunctions = await LoopbackAwsServer.StartAsync(Keys);
        StepFunctions.ExpectedSigningName = "states";
        S3 = await LoopbackS3Server.StartAsync();
        S3.ExistingBucket = Bucket;
        S3.Versioning = true;
        Variables["AWS_ENDPOINT_URL_SFN"] = StepFunctions.BaseUri.ToString();
        Variables["AWS_ENDPOINT_URL_S3"] = S3.BaseUri.ToString();
        Variables[StackOptions.BucketVariable] = Bucket;
        Variables[StackOptions.StateMachineVariable] = StateMachine;
    }

    public async Task DisposeAsync()
    {
        await StepFunctions.DisposeAsync();
        await S3.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>The bucket through the product's own S3 store, for arranging and checking objects.</summary>
    public IObjectStore Store()
    {
        var client = new AmazonS3Client(new SessionAWSCredentials(Keys.AccessKeyId, Keys.SecretAccessKey, Keys.SessionToken), new AmazonS3Config
        {
            ServiceURL = S3.BaseUri.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
        });
        return new S3ObjectStore(client, Bucket);
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => await RunAsync(CancellationToken.None, args);

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        var access = new StackAccess(
            name => Variables.GetValueOrDefault(name),
            () => new SessionAWSCredentials(Keys.AccessKeyId, Keys.SecretAccessKey, Keys.SessionToken),
            (delay, token) =>
            {
                Delays.Enqueue(delay);
                OnDelay?.Invoke();
                token.ThrowIfCancellationRequested();
                return Task.CompletedTask;
            },
            new FixedClock(() => Now));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.CreateRootCommand(access).Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>The Step Functions operations received, in order (from X-Amz-Target).</summary>
    internal IReadOnlyList<string> Operations => StepFunctions.Received.Select(r => r.Header("X-Amz-Target")!.Split('.')[1]).ToList();

    internal JsonObject Body(string operation) =>
        (JsonObject)JsonNode.Parse(StepFunctions.Received.Single(r => r.Header("X-Amz-Target") == "AWSStepFunctions." + operation).Body)!;

    /// <summary>A DescribeExecution answer.</summary>
    internal static ScriptedResponse Execution(string status, string? name = null, JsonObject? input = null, string? error = null, string? cause = null, string? redriveStatus = null, DateTimeOffset? stopDate = null, int redriveCount = 0, string? redriveReason = null)
    {
        var body = new JsonObject
        {
            ["executionArn"] = ExecutionArn(name ?? "clip-mp4-0123456789ab"),
            ["stateMachineArn"] = StateMachine,
            ["name"] = name ?? "clip-mp4-0123456789ab",
            ["status"] = status,
            ["startDate"] = 1_795_000_000.0,
            ["input"] = (input ?? new JsonObject { ["bucket"] = Bucket, ["key"] = "uploads/cli/clip.mp4.cli", ["etag"] = "abc" }).ToJsonString(),
            ["redriveCount"] = redriveCount,
        };
        if (stopDate is { } stopped)
        {
            body["stopDate"] = stopped.ToUnixTimeMilliseconds() / 1000.0;
        }

        if (error is not null)
        {
            body["error"] = error;
        }

        if (cause is not null)
        {
            body["cause"] = cause;
        }

        if (redriveStatus is not null)
        {
            body["redriveStatus"] = redriveStatus;
        }

        if (redriveReason is not null)
        {
            body["redriveStatusReason"] = redriveReason;
        }

        return ScriptedResponse.Ok(body.ToJsonString());
    }

    internal static string ExecutionArn(string name) => "arn:aws:states:us-east-1:123456789012:execution:Storyboard-Workflow:" + name;

    public string Write(string relativePath, byte[] content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private sealed class FixedClock(Func<DateTimeOffset> now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now();
    }
}
