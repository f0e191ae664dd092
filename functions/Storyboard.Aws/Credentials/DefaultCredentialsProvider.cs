using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Storyboard.Aws.Http;
using Storyboard.Aws.Signing;

namespace Storyboard.Aws.Credentials;

/// <summary>
/// The AWS SDK's default chain (environment variables, web identity, shared profile / SSO,
/// container and instance roles), via AWSSDK.Core, so the product finds credentials exactly where
/// the AWS CLI and every SDK do. The SDK object refreshes temporary credentials itself.
/// </summary>
public sealed class DefaultCredentialsProvider : IAwsCredentialsProvider
{
    private readonly Lazy<AWSCredentials> _source = new(ResolveChain, LazyThreadSafetyMode.ExecutionAndPublication);
    private ImmutableCredentials? _lastSdkCredentials;
    private AwsCredentials? _lastCredentials;

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        ImmutableCredentials resolved;
        try
        {
            resolved = await _source.Value.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw NoCredentials(ex);
        }

        // Reuse the converted record while the SDK hands out the same credentials object.
        if (!ReferenceEquals(resolved, _lastSdkCredentials) || _lastCredentials is null)
        {
            _lastCredentials = new AwsCredentials(resolved.AccessKey, resolved.SecretKey, resolved.UseToken ? resolved.Token : null);
            _lastSdkCredentials = resolved;
        }

        return _lastCredentials;
    }

    private static AWSCredentials ResolveChain()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException ex)
        {
            throw NoCredentials(ex);
        }
    }

    private static AwsConfigurationException NoCredentials(Exception inner) =>
        new("No AWS credentials found. Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), "
            + "or AWS_PROFILE for a profile in ~/.aws (run 'aws sso login' for SSO profiles), or run with an IAM role. "
            + inner.Message, inner);
}
