using System.Text;
using Storyboard.Aws.Credentials;
using Storyboard.Aws.Http;
using Storyboard.Aws.Tests.Support;

namespace Storyboard.Aws.Tests.Http;

/// <summary>The client's S3-style signing mode, verified by the loopback server with S3's rules.</summary>
public sealed class S3StyleSigningTests
{
    [Fact]
    public async Task Send_WhenServiceUsesS3StyleSigning_ShouldSendAndSignThePayloadHashAndKeepThePathAsSent()
    {
        await using var server = await LoopbackAwsServer.StartAsync(TestClients.Credentials);
        server.S3StyleSignatures = true;
        var service = new ServiceMetadata("S3 Like", "none", "2006-03-01", "s3", "s3", AwsProtocol.RestJson, null, null, S3StyleSigning: true);
        var context = new AwsClientContext(new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new StaticCredentialsProvider(TestClients.Credentials),
            Endpoints = new Dictionary<string, Uri> { [service.ServiceId] = server.BaseUri },
            Environment = _ => null,
        });
        var client = new AwsJsonClient(service, context);
        using var request = new AwsRequest("PutThing", HttpMethod.Put, "/bucket/a//b/" + RequestTemplate.Expand("{Key+}", new Dictionary<string, string> { ["Key"] = "c d/e.json" }))
        {
            Body = Encoding.UTF8.GetBytes("{\"x\":1}"),
            ContentType = "application/json",
        };

        await client.SendAsync(request, CancellationToken.None);

        var received = Assert.Single(server.Received);
        Assert.Equal("/bucket/a//b/c%20d/e.json", received.RawPath);
        Assert.Null(received.SignatureProblem);
    }
}
