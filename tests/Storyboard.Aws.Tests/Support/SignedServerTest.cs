namespace Storyboard.Aws.Tests.Support;

/// <summary>
/// A test class with its own loopback server that expects one signing name; after each test,
/// every request it received must have carried a valid SigV4 signature.
/// </summary>
public abstract class SignedServerTest(string signingName) : IAsyncLifetime
{
    internal LoopbackAwsServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await LoopbackAwsServer.StartAsync(TestClients.Credentials);
        Server.ExpectedSigningName = signingName;
    }

    public async Task DisposeAsync()
    {
        Assert.All(Server.Received, r => Assert.True(r.SignatureProblem is null, r.SignatureProblem));
        await Server.DisposeAsync();
    }
}
