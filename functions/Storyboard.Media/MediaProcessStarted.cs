namespace Storyboard.Media;

/// <param name="Tool">"ffmpeg" or "ffprobe".</param>
/// <param name="ProcessId">Operating-system process id.</param>
/// <param name="Arguments">The argument list exactly as passed.</param>
public sealed record MediaProcessStarted(string Tool, int ProcessId, IReadOnlyList<string> Arguments);
