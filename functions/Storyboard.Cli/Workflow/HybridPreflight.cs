using Storyboard.Aws;
using Amazon.S3;
using Storyboard.Aws.Http;
using Storyboard.Core.Runs;
using Storyboard.Core.Storage;
using Storyboard.Functions.Composition;

namespace Storyboard.Cli.Workflow;

/// <summary>
/// Everything a hybrid run can check before the first paid call: what fine-tuning needs besides
/// the dataset (a bucket and a role), and that a region and credentials resolve.
/// </summary>
internal static class HybridPreflight
{
    /// <returns>The settings, or null after writing why the run cannot start.</returns>
    public static async Task<HybridSettings?> CheckAsync(string? bucket, string? collection, string? roleArn, string? customLabels, bool datasetOnly, TextWriter error, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!datasetOnly && string.IsNullOrWhiteSpace(bucket))
        {
            problems.Add("Fine-tuning reads the dataset from S3: pass --bucket NAME (a bucket in the model's region; the stack's BucketName output works), or add --dataset-only to stop after BuildDataset.");
        }

        if (!datasetOnly && string.IsNullOrWhiteSpace(roleArn))
        {
            problems.Add("Fine-tuning needs the role Bedrock assumes to read that bucket: pass --role-arn ARN (the stack's CustomizationRoleArn output), or add --dataset-only.");
        }

        if (problems.Count == 0)
        {
            try
            {
                var clients = AwsClients.Create();
                await clients.Context.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                if (!string.IsNullOrWhiteSpace(bucket))
                {
                    await CheckBucketAsync(AwsComposition.BucketStore(bucket.Trim(), clients), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (AwsConfigurationException e)
            {
                problems.Add(e.Message);
            }
            catch (AmazonS3Exception e)
            {
                problems.Add($"The bucket '{bucket}' cannot be used: {e.ErrorCode} ({e.Message}). Pass a bucket your credentials may list, read and write, in the region of the run.");
            }
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            error.WriteLine("No paid call was made.");
            return null;
        }

        return new HybridSettings(
            string.IsNullOrWhiteSpace(bucket) ? null : bucket.Trim(),
            string.IsNullOrWhiteSpace(collection) ? HybridSettings.DefaultCollectionId : collection.Trim(),
            string.IsNullOrWhiteSpace(roleArn) ? null : roleArn.Trim(),
            CustomLabelsArn: string.IsNullOrWhiteSpace(customLabels) ? null : customLabels.Trim());
    }

    /// <summary>One listing of <c>runs/</c>: a missing bucket or a denied one answers before any paid call.</summary>
    private static async Task CheckBucketAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        await foreach (var _ in store.ListAsync(RunLayout.RunsPrefix, cancellationToken).ConfigureAwait(false))
        {
            break;
        }
    }
}
