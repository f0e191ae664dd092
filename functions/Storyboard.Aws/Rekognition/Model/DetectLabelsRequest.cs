namespace Storyboard.Aws.Rekognition.Model;

/// <param name="Features">Values of <see cref="DetectLabelsFeatures"/>; GENERAL_LABELS returns instances with bounding boxes.</param>
public sealed record DetectLabelsRequest(
    Image Image,
    int? MaxLabels = null,
    double? MinConfidence = null,
    IReadOnlyList<string>? Features = null,
    DetectLabelsSettings? Settings = null);
