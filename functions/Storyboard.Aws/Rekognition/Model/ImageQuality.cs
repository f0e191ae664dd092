namespace Storyboard.Aws.Rekognition.Model;

public sealed record ImageQuality(double? Brightness, double? Sharpness);
