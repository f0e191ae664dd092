namespace Storyboard.Media;

/// <param name="Stdout">Collected stdout, empty when the request read it itself.</param>
/// <param name="StderrTail">The last stderr lines, for error messages.</param>
public sealed record MediaProcessResult(int ExitCode, ReadOnlyMemory<byte> Stdout, string StderrTail);
