using Storyboard.Aws.Signing;

namespace Storyboard.Aws.Credentials;

/// <summary>Where the keys for each request come from; asked once per attempt so rotation is picked up.</summary>
public interface IAwsCredentialsProvider
{
    ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken);
}
