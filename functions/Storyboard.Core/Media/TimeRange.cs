namespace Storyboard.Core.Media;

/// <summary>
/// A half-open span of presentation time, [StartSeconds, EndSeconds). Half-open so that
/// adjacent segments share their boundary without both claiming the frame that lies on it.
/// </summary>
public sealed record TimeRange
{
    public TimeRange(double startSeconds, double endSeconds)
    {
        if (!double.IsFinite(startSeconds) || startSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(startSeconds), startSeconds, "Start must be a finite time of zero or more seconds.");
        }

        if (!double.IsFinite(endSeconds) || endSeconds <= startSeconds)
        {
            throw new ArgumentOutOfRangeException(nameof(endSeconds), endSeconds, "End must be a finite time after the start.");
        }

        StartSeconds = startSeconds;
        EndSeconds = endSeconds;
    }

    public double StartSeconds { get; }

    public double EndSeconds { get; }

    public double DurationSeconds => EndSeconds - StartSeconds;

    public bool Contains(double timeSeconds) => timeSeconds >= StartSeconds && timeSeconds < EndSeconds;
}
