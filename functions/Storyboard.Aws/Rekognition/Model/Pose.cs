namespace Storyboard.Aws.Rekognition.Model;

/// <summary>Head rotation in degrees.</summary>
public sealed record Pose(double? Roll, double? Yaw, double? Pitch);
