namespace Storyboard.Aws.Tests.Support;

/// <summary>One loopback server per test class; xunit runs a class's tests one at a time.</summary>
public sealed class LoopbackServerFixture : IAsyncLifetime
{
    internal LoopbackAwsServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await LoopbackAwsServer.StartAsync(TestClients.Credentials);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
