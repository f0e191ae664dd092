using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Storyboard.Aws.Signing;

namespace Storyboard.Aws.Tests.Support;

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 that records every request, checks its SigV4
/// signature with the reference verifier, and answers from a script (default: 200 "{}").
/// </summary>
internal sealed class LoopbackAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ScriptedResponse> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _received = new();
    private readonly AwsCredentials _credentials;
    private readonly string _region;

    private LoopbackAwsServer(WebApplication app, AwsCredentials credentials, string region)
    {
        _app = app;
        _credentials = credentials;
        _region = region;
    }

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Received => _received.ToList();

    /// <summary>When set, the signing service name the Authorization scope must carry.</summary>
    public string? ExpectedSigningName { get; set; }

    public Func<RecordedRequest, ScriptedResponse>? Responder { get; set; }

    /// <summary>Verify signatures by S3's rules (path as sent, x-amz-content-sha256).</summary>
    public bool S3StyleSignatures { get; set; }

    public static async Task<LoopbackAwsServer> StartAsync(AwsCredentials credentials, string region = "us-east-1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackAwsServer(app, credentials, region);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    public void Enqueue(params ScriptedResponse[] responses)
    {
        foreach (var response in responses)
        {
            _script.Enqueue(response);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var header in context.Request.Headers)
        {
            foreach (var value in header.Value)
            {
                headers.Add(new(header.Key, value ?? string.Empty));
            }
        }

        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var unsigned = new RecordedRequest(context.Request.Method, rawTarget, headers, buffer.ToArray(), null);
        var problem = ReferenceSigV4Verifier.Verify(unsigned, _credentials, _region, ExpectedSigningName, S3StyleSignatures);
        var recorded = unsigned with { SignatureProblem = problem };
        _received.Enqueue(recorded);

        var response = _script.TryDequeue(out var scripted) ? scripted : Responder?.Invoke(recorded) ?? ScriptedResponse.Ok("{}");
        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        if (response.AbortConnection)
        {
            context.Abort();
            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body);
    }
}
