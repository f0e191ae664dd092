using System.Collections.Concurrent;
using Storyboard.Aws.Credentials;
using Storyboard.Aws.Http;
using Storyboard.Aws.Signing;

namespace Storyboard.Aws.Tests.Support;

/// <summary>Clients wired to a loopback server with test credentials, a recorded delay function and fixed randomness.</summary>
internal sealed class TestClients
{
    public static readonly AwsCredentials Credentials = new("AKIDTESTEXAMPLE", "test/secret+KEY/EXAMPLE", "session-token/with+chars==");

    public TestClients(LoopbackAwsServer server, double random = 0.5, TimeSpan? timeout = null, int maxAttempts = 4)
    {
        var endpoints = AwsServices.All.ToDictionary(s => s.ServiceId, _ => server.BaseUri, StringComparer.Ordinal);
        Options = new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new StaticCredentialsProvider(Credentials),
            Endpoints = endpoints,
            Retry = new RetryPolicy(maxAttempts, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2)),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            Random = () => random,
            Delay = (delay, _) =>
            {
                Delays.Enqueue(delay);
                return Task.CompletedTask;
            },
            Environment = _ => null,
        };
        Clients = new AwsClients(new AwsClientContext(Options));
    }

    public AwsClientOptions Options { get; }

    public AwsClients Clients { get; }

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();
}
