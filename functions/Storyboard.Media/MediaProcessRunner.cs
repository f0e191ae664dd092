using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Text;
using Storyboard.Core.Media;
using Storyboard.Media.Internal;

namespace Storyboard.Media;

/// <summary>
/// Runs ffmpeg/ffprobe with the guards a serverless function needs: a time limit, a cap on
/// output, cancellation that kills the whole process tree, and the tail of stderr kept so a
/// failure can say what the tool said.
/// </summary>
public sealed class MediaProcessRunner(Action<MediaProcessStarted>? processStarted = null)
{
    public async Task<MediaProcessResult> RunAsync(MediaProcessRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();

        var startInfo = new ProcessStartInfo(request.FileName)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in request.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw FfmpegMissingException.For(request.Tool, request.FileName, ex);
        }

        // Nothing is ever fed on stdin; closing it keeps ffmpeg from waiting for keystrokes.
        process.StandardInput.Close();
        processStarted?.Invoke(new MediaProcessStarted(request.Tool, process.Id, request.Arguments));

        using var timeout = new CancellationTokenSource(request.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var token = linked.Token;
        var tail = new LineTail(request.StderrTailLines);
        var stderrTask = ReadStderrAsync(process.StandardError, tail, request.StderrLine, token);
        var stdout = new CappedReadStream(process.StandardOutput.BaseStream, request.MaxStdoutBytes, request.Tool);
        var collected = new MemoryStream();
        var stdoutTask = ReadStdoutAsync(stdout, request.ReadStdout, collected, token);

        try
        {
            await stdoutTask.ConfigureAwait(false);
            await stderrTask.ConfigureAwait(false);
            await process.WaitForExitAsync(token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            KillTree(process);
            await Task.WhenAll(Quietly(stdoutTask), Quietly(stderrTask)).ConfigureAwait(false);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"{request.Tool} was cancelled and stopped.", ex, cancellationToken);
            }

            if (timeout.IsCancellationRequested)
            {
                throw MediaProcessTimeoutException.For(request.Tool, request.Timeout, tail.ToString());
            }

            ExceptionDispatchInfo.Capture(ex).Throw();
            throw;
        }

        return new MediaProcessResult(process.ExitCode, collected.ToArray(), tail.ToString());
    }

    private static async Task ReadStdoutAsync(Stream stdout, Func<Stream, CancellationToken, Task>? reader, MemoryStream collected, CancellationToken token)
    {
        if (reader is null)
        {
            await stdout.CopyToAsync(collected, token).ConfigureAwait(false);
            return;
        }

        await reader(stdout, token).ConfigureAwait(false);

        // A reader that stops early must not leave the tool blocked on a full pipe.
        await stdout.CopyToAsync(Stream.Null, token).ConfigureAwait(false);
    }

    private static async Task ReadStderrAsync(StreamReader stderr, LineTail tail, Action<string>? onLine, CancellationToken token)
    {
        while (await stderr.ReadLineAsync(token).ConfigureAwait(false) is { } line)
        {
            tail.Add(line);
            onLine?.Invoke(line);
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited: nothing to stop.
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or MediaOutputTooLargeException or InvalidOperationException)
        {
            // The first failure is reported; these are its echoes after the kill.
        }
    }
}
