using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

/// <summary>Sources given as http(s) URLs (e.g. presigned object URLs), served here from a loopback listener with range support.</summary>
[Collection(MediaCollection.Name)]
public sealed class HttpSourceTests(MediaFiles files) : IDisposable
{
    private readonly HttpListener _listener = new();
    private string? _prefix;

    [Fact]
    public async Task ProbeAsync_WhenSourceIsHttpUrl_ShouldProbeOverHttp()
    {
        var url = Serve(files.Normal);

        var video = await files.Media.Probe.ProbeAsync(url, CancellationToken.None);

        Assert.Equal((160, 120), (video.Width, video.Height));
        Assert.Equal(4.0, video.DurationSeconds, 2);
    }

    [Fact]
    public async Task ExtractAsync_WhenSourceIsHttpUrl_ShouldExtractTheSegmentWithTrueTimes()
    {
        var url = Serve(files.Normal);

        var frames = await files.Media.Frames.ExtractAllAsync(
            new FrameExtractionRequest(url, new TimeRange(2, 4), FrameSampling.FixedRate(2), files.NewFolder("http")), CancellationToken.None);

        // 25 fps has frames at 2.48 and 2.52 but none at 2.5: the tick at 2.5 takes the frame at 2.52.
        Assert.Equal([2.0, 2.52, 3.0, 3.52], frames.Select(f => f.TimeSeconds));
    }

    public void Dispose()
    {
        _listener.Close();
    }

    private string Serve(string path)
    {
        var port = FreePort();
        _prefix = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/";
        _listener.Prefixes.Add(_prefix);
        _listener.Start();
        var bytes = File.ReadAllBytes(path);
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                await Respond(context, bytes);
            }
        });
        return _prefix + Uri.EscapeDataString(Path.GetFileName(path));
    }

    private static async Task Respond(HttpListenerContext context, byte[] bytes)
    {
        try
        {
            var (start, end) = (0L, bytes.Length - 1L);
            var range = context.Request.Headers["Range"];
            context.Response.Headers["Accept-Ranges"] = "bytes";
            if (range is not null && range.StartsWith("bytes=", StringComparison.Ordinal))
            {
                var parts = range["bytes=".Length..].Split('-');
                start = long.Parse(parts[0], CultureInfo.InvariantCulture);
                if (parts[1].Length > 0)
                {
                    end = Math.Min(end, long.Parse(parts[1], CultureInfo.InvariantCulture));
                }

                context.Response.StatusCode = 206;
                context.Response.Headers["Content-Range"] = $"bytes {start}-{end}/{bytes.Length}";
            }

            context.Response.ContentLength64 = end - start + 1;
            await context.Response.OutputStream.WriteAsync(bytes.AsMemory((int)start, (int)(end - start + 1)));
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // ffmpeg closes connections it no longer needs after a seek.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
