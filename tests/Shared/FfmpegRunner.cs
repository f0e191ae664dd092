using System.Diagnostics;
using Storyboard.Core.Imaging;

namespace Storyboard.Tests.Shared;

/// <summary>Runs the ffmpeg binary directly, to make fixtures and raw RGB frames.</summary>
internal static class FfmpegRunner
{
    public static async Task<byte[]> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-v", "error" }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("ffmpeg did not start; install it (apt-get install -y ffmpeg).");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await copy;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', args)} failed: {await errors}");
        }

        return output.ToArray();
    }

    /// <summary>Decodes one frame of whatever ffmpeg produces from the inputs and filter graph to packed RGB.</summary>
    public static async Task<RgbImage> RawFrameAsync(int width, int height, params string[] args)
    {
        var bytes = await RunAsync([.. args, "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"]);
        return new RgbImage(width, height, bytes);
    }
}
