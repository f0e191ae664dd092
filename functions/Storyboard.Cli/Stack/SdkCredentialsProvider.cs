using Amazon.Runtime;
using Storyboard.Aws.Credentials;
using Storyboard.Aws.Signing;

namespace Storyboard.Cli.Stack;

/// <summary>
/// Signs Step Functions requests with the same SDK credentials object the S3 client uses, so both
/// see one identity and one refresh of temporary credentials.
/// </summary>
internal sealed class SdkCredentialsProvider(AWSCredentials source) : IAwsCredentialsProvider
{
    public async ValueTask<AwsCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        ImmutableCredentials resolved;
        try
        {
            resolved = await source.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException ex)
        {
            throw StackAccess.NoCredentials(ex);
        }

        return new AwsCredentials(resolved.AccessKey, resolved.SecretKey, resolved.UseToken ? resolved.Token : null);
    }
}
