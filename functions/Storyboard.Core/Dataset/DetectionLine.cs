using Storyboard.Core.Cropping;

namespace Storyboard.Core.Dataset;

/// <summary>One line of <c>detections.jsonl</c> (DESIGN §4).</summary>
/// <param name="TimeSeconds">Presentation time of the frame (the decoded timestamp, not the tick).</param>
/// <param name="Frame">Object key of the frame image.</param>
/// <param name="Character">Configured character name.</param>
/// <param name="Box">Box as ratios of the frame.</param>
/// <param name="Confidence">Detector confidence, 0..1.</param>
public sealed record DetectionLine(double TimeSeconds, string Frame, string Character, BoundingBox Box, double Confidence);
