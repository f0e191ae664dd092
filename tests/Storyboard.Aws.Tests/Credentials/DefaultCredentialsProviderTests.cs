using Storyboard.Aws.Credentials;
using Storyboard.Aws.Http;

namespace Storyboard.Aws.Tests.Credentials;

/// <summary>
/// The SDK's default chains, fed through the standard environment variables. These variables are
/// process-wide and read nowhere else in this test assembly (other tests pass credentials and an
/// empty environment explicitly).
/// </summary>
public sealed class DefaultCredentialsProviderTests : IDisposable
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public async Task GetCredentials_WhenEnvironmentHasKeysAndToken_ShouldReturnThemFromTheSdkChain()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDENVEXAMPLE");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "env/secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "env-token");
        Environment.SetEnvironmentVariable("AWS_REGION", "eu-central-1");

        var credentials = await new DefaultCredentialsProvider().GetCredentialsAsync(CancellationToken.None);
        var region = EndpointResolver.ResolveRegion(null);

        Assert.Equal("AKIDENVEXAMPLE", credentials.AccessKeyId);
        Assert.Equal("env/secret", credentials.SecretAccessKey);
        Assert.Equal("env-token", credentials.SessionToken);
        Assert.Equal("eu-central-1", region);
        Assert.DoesNotContain("env/secret", credentials.ToString(), StringComparison.Ordinal);
    }
}
