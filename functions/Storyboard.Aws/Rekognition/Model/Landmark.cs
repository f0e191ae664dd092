namespace Storyboard.Aws.Rekognition.Model;

/// <param name="X">Ratio of the image width.</param>
/// <param name="Y">Ratio of the image height.</param>
public sealed record Landmark(string? Type, double? X, double? Y);
