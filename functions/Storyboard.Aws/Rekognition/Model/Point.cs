namespace Storyboard.Aws.Rekognition.Model;

public sealed record Point(double? X, double? Y);
