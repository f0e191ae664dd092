using Storyboard.Aws.Credentials;

namespace Storyboard.Aws.Http;

/// <summary>Everything an AWS client needs, with production defaults; tests replace the clock, randomness, delay and HTTP handler.</summary>
public sealed class AwsClientOptions
{
    /// <summary>Null: the SDK's region chain (AWS_REGION, profile, …).</summary>
    public string? Region { get; init; }

    /// <summary>Null: the SDK's default credential chain.</summary>
    public IAwsCredentialsProvider? Credentials { get; init; }

    /// <summary>Explicit endpoints by <see cref="ServiceMetadata.ServiceId"/>; they win over AWS_ENDPOINT_URL*.</summary>
    public IReadOnlyDictionary<string, Uri>? Endpoints { get; init; }

    /// <summary>Null: one shared SocketsHttpHandler-based client.</summary>
    public HttpClient? HttpClient { get; init; }

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Per attempt. Model inference passes a longer one per request.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Uniform [0,1) numbers for jitter.</summary>
    public Func<double> Random { get; init; } = System.Random.Shared.NextDouble;

    /// <summary>How to wait between attempts.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Environment variable lookup (endpoint overrides).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
