namespace Storyboard.Aws.Rekognition.Model;

/// <summary>The model's QualityFilter values.</summary>
public static class QualityFilters
{
    public const string None = "NONE";
    public const string Auto = "AUTO";
    public const string Low = "LOW";
    public const string Medium = "MEDIUM";
    public const string High = "HIGH";
}
