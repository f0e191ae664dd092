namespace Storyboard.Media;

/// <summary>One run of a media tool.</summary>
/// <param name="Tool">Name used in messages, e.g. "ffmpeg".</param>
/// <param name="FileName">Resolved path of the binary.</param>
/// <param name="Arguments">Passed one by one (ProcessStartInfo.ArgumentList), never joined into a command line.</param>
/// <param name="Timeout">After this the process tree is killed.</param>
/// <param name="MaxStdoutBytes">After this many bytes on stdout the process tree is killed.</param>
public sealed record MediaProcessRequest(string Tool, string FileName, IReadOnlyList<string> Arguments, TimeSpan Timeout, long MaxStdoutBytes)
{
    /// <summary>Reads stdout as it arrives; when null, stdout is collected into <see cref="MediaProcessResult.Stdout"/>.</summary>
    public Func<Stream, CancellationToken, Task>? ReadStdout { get; init; }

    /// <summary>Sees every stderr line as it arrives (e.g. showinfo output); must not block.</summary>
    public Action<string>? StderrLine { get; init; }

    /// <summary>How many of the last stderr lines are kept for error messages.</summary>
    public int StderrTailLines { get; init; } = 20;
}
