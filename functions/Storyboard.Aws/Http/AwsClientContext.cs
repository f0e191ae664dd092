using Storyboard.Aws.Credentials;

namespace Storyboard.Aws.Http;

/// <summary>
/// The composed, shared parts of every AWS client: one HttpClient (connection pooling), one
/// credential source, one region. Create it once at start-up and pass it to each client.
/// </summary>
public sealed class AwsClientContext
{
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    })
    {
        // Each attempt has its own timeout; the HttpClient's own would fire as a bare cancellation.
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    });

    public AwsClientContext(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Region = EndpointResolver.ResolveRegion(options.Region);
        Credentials = options.Credentials ?? new DefaultCredentialsProvider();
        HttpClient = options.HttpClient ?? SharedHttpClient.Value;
        Delay = options.Delay ?? ((delay, token) => Task.Delay(delay, options.Clock, token));
    }

    public AwsClientOptions Options { get; }

    public string Region { get; }

    public IAwsCredentialsProvider Credentials { get; }

    public HttpClient HttpClient { get; }

    public Func<TimeSpan, CancellationToken, Task> Delay { get; }

    public Uri EndpointFor(ServiceMetadata service) =>
        EndpointResolver.Resolve(service, Region, Options.Endpoints, Options.Environment);
}
