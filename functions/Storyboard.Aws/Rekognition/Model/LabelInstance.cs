namespace Storyboard.Aws.Rekognition.Model;

/// <summary>One occurrence of a label (the model's "Instance").</summary>
public sealed record LabelInstance(BoundingBox? BoundingBox, double? Confidence);
