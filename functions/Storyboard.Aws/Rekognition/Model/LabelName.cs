namespace Storyboard.Aws.Rekognition.Model;

/// <summary>A parent, alias or category of a label (all are {"Name": …} in the model).</summary>
public sealed record LabelName(string? Name);
