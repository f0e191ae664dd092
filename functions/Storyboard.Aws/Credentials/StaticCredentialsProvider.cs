using Storyboard.Aws.Signing;

namespace Storyboard.Aws.Credentials;

/// <summary>Fixed keys: tests, benchmarks, and callers that resolve credentials themselves.</summary>
public sealed class StaticCredentialsProvider(AwsCredentials credentials) : IAwsCredentialsProvider
{
    public ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(credentials);
}
