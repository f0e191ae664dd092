using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Storyboard.Aws.Http;

namespace Storyboard.Cli.Stack;

/// <summary>
/// How the <c>storyboard stack</c> commands reach AWS: the environment they read (STORYBOARD_*,
/// AWS_ENDPOINT_URL_*), the caller's credentials, and how the watcher waits. <see cref="Default"/> is
/// the terminal's environment and the SDK's default credential chain; tests point it at loopback servers.
/// </summary>
internal sealed record StackAccess(
    Func<string, string?> Variables,
    Func<AWSCredentials> Credentials,
    Func<TimeSpan, CancellationToken, Task> Delay,
    TimeProvider Clock)
{
    public static StackAccess Default { get; } = new(
        Environment.GetEnvironmentVariable,
        DefaultCredentials,
        (delay, cancellationToken) => Task.Delay(delay, cancellationToken),
        TimeProvider.System);

    /// <summary>
    /// Resolved once per command, so S3 and Step Functions are called as the same principal; the SDK
    /// object refreshes temporary credentials itself.
    /// </summary>
    private static AWSCredentials DefaultCredentials()
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

    public static AwsConfigurationException NoCredentials(Exception inner) =>
        new("No AWS credentials found: set AWS_PROFILE (run 'aws sso login' for an SSO profile) or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, then run the command again.", inner);
}
