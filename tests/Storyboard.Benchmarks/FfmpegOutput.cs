using System.Diagnostics;

namespace Storyboard.Benchmarks;

/// <summary>Runs ffmpeg for a benchmark's fixtures and baselines and returns what it wrote to stdout.</summary>
internal static class FfmpegOutput
{
    public static async Task<byte[]> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-v", "error" }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("ffmpeg did not start");
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await copy;
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode == 0 ? output.ToArray() : throw new InvalidOperationException("ffmpeg failed: " + await errors);
    }
}
