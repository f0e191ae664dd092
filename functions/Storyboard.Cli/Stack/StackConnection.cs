using Amazon.S3;
using Amazon.S3.Model;
using Storyboard.Aws;
using Storyboard.Aws.Http;
using Storyboard.Aws.S3;
using Storyboard.Aws.StepFunctions;
using Storyboard.Core.Dataset;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;

namespace Storyboard.Cli.Stack;

/// <summary>
/// The deployed stack as one command sees it: its bucket (through the same <see cref="S3ObjectStore"/>
/// the workflow's functions use) and its state machine, both in the state machine's region and called
/// with one set of credentials.
/// </summary>
internal sealed class StackConnection : IDisposable
{
    private StackConnection(string bucket, StateMachineArn machine, IAmazonS3 s3, IStepFunctionsApi stepFunctions)
    {
        Bucket = bucket;
        Machine = machine;
        S3 = s3;
        Store = new S3ObjectStore(s3, bucket);
        StepFunctions = stepFunctions;
    }

    public string Bucket { get; }

    public StateMachineArn Machine { get; }

    public IAmazonS3 S3 { get; }

    public IObjectStore Store { get; }

    public IStepFunctionsApi StepFunctions { get; }

    /// <summary>
    /// The region is the state machine's, taken from its ARN: the bucket is in the same stack, and a
    /// terminal set to another region would otherwise find neither.
    /// </summary>
    public static StackConnection Open(StackAccess access, string bucket, StateMachineArn machine)
    {
        if (!S3Uri.TryParse($"s3://{bucket}/x", out _, out var problem))
        {
            throw new StackProblemException($"'{bucket}' is not a bucket name ({problem}). Use the stack output BucketName in --bucket or STORYBOARD_BUCKET.");
        }

        var credentials = access.Credentials();
        var s3 = S3ObjectStore.CreateDefaultClient(machine.Region, access.Variables, credentials);
        var clients = new AwsClients(new AwsClientContext(new AwsClientOptions
        {
            Region = machine.Region,
            Credentials = new SdkCredentialsProvider(credentials),
            Environment = access.Variables,
            Clock = access.Clock,
        }));
        return new StackConnection(bucket, machine, s3, clients.StepFunctions);
    }

    public string Uri(string key) => $"s3://{Bucket}/{key}";

    /// <summary>
    /// One cheap listing before any other call: S3 answers a HEAD on a missing bucket like a missing
    /// object, so without it "no such bucket" would read as "no review pending" or similar.
    /// </summary>
    public async Task CheckBucketAsync(CancellationToken cancellationToken)
    {
        await S3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = RunLayout.RunsPrefix, MaxKeys = 1 }, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => S3.Dispose();
}
