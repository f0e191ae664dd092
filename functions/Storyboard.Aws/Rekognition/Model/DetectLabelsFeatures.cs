namespace Storyboard.Aws.Rekognition.Model;

/// <summary>The model's DetectLabelsFeatureName values.</summary>
public static class DetectLabelsFeatures
{
    public const string GeneralLabels = "GENERAL_LABELS";
    public const string ImageProperties = "IMAGE_PROPERTIES";
}
