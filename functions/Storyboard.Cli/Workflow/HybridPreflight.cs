using Storyboard.Aws;
using Storyboard.Aws.Http;

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
                var context = AwsClients.Create().Context;
                await context.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (AwsConfigurationException e)
            {
                problems.Add(e.Message);
            }
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            error.WriteLine("Nothing was sent to AWS.");
            return null;
        }

        return new HybridSettings(
            string.IsNullOrWhiteSpace(bucket) ? null : bucket.Trim(),
            string.IsNullOrWhiteSpace(collection) ? HybridSettings.DefaultCollectionId : collection.Trim(),
            string.IsNullOrWhiteSpace(roleArn) ? null : roleArn.Trim(),
            CustomLabelsArn: string.IsNullOrWhiteSpace(customLabels) ? null : customLabels.Trim());
    }
}
