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
    private readonly Lock _gate = new();
    private AWSCredentials? _source;
    private Converted? _last;

    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        ImmutableCredentials resolved;
        try
        {
            resolved = await Source().GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw NoCredentials(ex);
        }

        // Reuse the converted record while the SDK hands out the same credentials object.
        var last = _last;
        if (last is not null && ReferenceEquals(last.Sdk, resolved))
        {
            return last.Credentials;
        }

        var credentials = new AwsCredentials(resolved.AccessKey, resolved.SecretKey, resolved.UseToken ? resolved.Token : null);
        _last = new Converted(resolved, credentials);
        return credentials;
    }

    /// <summary>Resolved on first use and kept; a failure is not kept, so fixing the environment and retrying works.</summary>
    private AWSCredentials Source()
    {
        lock (_gate)
        {
            if (_source is not null)
            {
                return _source;
            }

            try
            {
                return _source = DefaultAWSCredentialsIdentityResolver.GetCredentials();
            }
            catch (AmazonClientException ex)
            {
                throw NoCredentials(ex);
            }
        }
    }

    private static AwsConfigurationException NoCredentials(Exception inner) =>
        new("No AWS credentials found. Set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), "
            + "or AWS_PROFILE for a profile in ~/.aws (run 'aws sso login' for SSO profiles), or run with an IAM role. "
            + inner.Message, inner);

    private sealed record Converted(ImmutableCredentials Sdk, AwsCredentials Credentials);
}
