using Storyboard.Cli.Stack;
using Storyboard.Cli.Tests.Commands;

namespace Storyboard.Cli.Tests.Stack;

/// <summary>
/// The production composition (the SDK's default credential chain) with nothing to find. The chain
/// reads process-wide variables, so this class runs alone.
/// </summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class StackAccessTests : IDisposable
{
    private static readonly Dictionary<string, string?> Empty = new()
    {
        ["AWS_ACCESS_KEY_ID"] = null,
        ["AWS_SECRET_ACCESS_KEY"] = null,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_DEFAULT_PROFILE"] = null,
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = null,
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null,
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/storyboard/credentials",
        ["AWS_CONFIG_FILE"] = "/nonexistent/storyboard/config",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    private readonly Dictionary<string, string?> _saved = Empty.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);

    public StackAccessTests()
    {
        foreach (var (name, value) in Empty)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public async Task Stack_WhenNoCredentialsCanBeFound_ShouldSayWhereToPutThemInOneLineAndExit2()
    {
        using var cli = new CliHarness();

        var (code, output, error) = await cli.RunAsync("stack", "watch", "clip-mp4-0123456789ab", "--bucket", StackHarness.Bucket, "--state-machine", StackHarness.StateMachine);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("No AWS credentials found: set AWS_PROFILE", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Stack_WhenNoStackIsNamed_ShouldNameTheVariableAndTheStackOutput()
    {
        using var cli = new CliHarness();
        var saved = (Environment.GetEnvironmentVariable(StackOptions.BucketVariable), Environment.GetEnvironmentVariable(StackOptions.StateMachineVariable));
        Environment.SetEnvironmentVariable(StackOptions.BucketVariable, null);
        try
        {
            var (code, _, error) = await cli.RunAsync("stack", "watch", "clip-mp4-0123456789ab");

            Assert.Equal(2, code);
            Assert.Contains(StackOptions.BucketVariable, error, StringComparison.Ordinal);
            Assert.Contains("BucketName", error, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(StackOptions.BucketVariable, saved.Item1);
        }
    }
}
