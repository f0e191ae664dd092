using Amazon;
using Amazon.Runtime;

namespace Storyboard.Aws.Http;

/// <summary>
/// Region and endpoint as the AWS SDKs resolve them: an explicit setting wins, then
/// AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then AWS_ENDPOINT_URL, then https://&lt;prefix&gt;.&lt;region&gt;.amazonaws.com.
/// The variables point the product at local emulators or VPC endpoints without code changes.
/// </summary>
public static class EndpointResolver
{
    public static Uri Resolve(ServiceMetadata service, string region, IReadOnlyDictionary<string, Uri>? overrides, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(environment);
        if (overrides is not null && overrides.TryGetValue(service.ServiceId, out var explicitUri))
        {
            return explicitUri;
        }

        if (!IsTrue(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")))
        {
            foreach (var variable in new[] { service.EndpointVariable, "AWS_ENDPOINT_URL" })
            {
                var value = environment(variable);
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    throw new AwsConfigurationException($"{variable} is '{value}', which is not an http(s) URL. Fix or unset it.");
                }

                return uri;
            }
        }

        return new Uri($"https://{service.EndpointPrefix}.{region}.amazonaws.com");
    }

    /// <summary>The SDK's region chain: AWS_REGION, AWS_DEFAULT_REGION, the profile, instance metadata.</summary>
    public static string ResolveRegion(string? explicitRegion)
    {
        if (!string.IsNullOrWhiteSpace(explicitRegion))
        {
            return explicitRegion.Trim();
        }

        RegionEndpoint? region;
        try
        {
            region = FallbackRegionFactory.GetRegionEndpoint();
        }
        catch (AmazonClientException ex)
        {
            throw NoRegion(ex);
        }

        return region?.SystemName ?? throw NoRegion(null);
    }

    private static AwsConfigurationException NoRegion(Exception? inner) =>
        new("No AWS region configured. Set AWS_REGION (e.g. us-east-1) or a region in your AWS profile.", inner!);

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
