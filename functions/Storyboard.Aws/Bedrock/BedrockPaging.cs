using System.Runtime.CompilerServices;
using Storyboard.Aws.Bedrock.Model;

namespace Storyboard.Aws.Bedrock;

/// <summary>Follows nextToken, so look-up-before-create checks see every job and every throughput.</summary>
public static class BedrockPaging
{
    public static async IAsyncEnumerable<ModelCustomizationJobSummary> ListAllModelCustomizationJobsAsync(this IBedrockApi bedrock, ListModelCustomizationJobsRequest filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(filter);
        var request = filter;
        do
        {
            var page = await bedrock.ListModelCustomizationJobsAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var job in page.ModelCustomizationJobSummaries ?? [])
            {
                yield return job;
            }

            request = string.IsNullOrEmpty(page.NextToken) ? null : request with { NextToken = page.NextToken };
        }
        while (request is not null);
    }

    public static async IAsyncEnumerable<ProvisionedModelSummary> ListAllProvisionedModelThroughputsAsync(this IBedrockApi bedrock, ListProvisionedModelThroughputsRequest filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bedrock);
        ArgumentNullException.ThrowIfNull(filter);
        var request = filter;
        do
        {
            var page = await bedrock.ListProvisionedModelThroughputsAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var throughput in page.ProvisionedModelSummaries ?? [])
            {
                yield return throughput;
            }

            request = string.IsNullOrEmpty(page.NextToken) ? null : request with { NextToken = page.NextToken };
        }
        while (request is not null);
    }
}
