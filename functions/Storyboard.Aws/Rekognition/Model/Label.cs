namespace Storyboard.Aws.Rekognition.Model;

/// <param name="Instances">Where the label was found, with bounding boxes (common objects only).</param>
public sealed record Label(
    string? Name,
    double? Confidence,
    IReadOnlyList<LabelInstance>? Instances,
    IReadOnlyList<LabelName>? Parents,
    IReadOnlyList<LabelName>? Aliases,
    IReadOnlyList<LabelName>? Categories);
