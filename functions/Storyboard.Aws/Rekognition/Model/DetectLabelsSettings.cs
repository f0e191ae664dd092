namespace Storyboard.Aws.Rekognition.Model;

public sealed record DetectLabelsSettings(GeneralLabelsSettings? GeneralLabels = null);
