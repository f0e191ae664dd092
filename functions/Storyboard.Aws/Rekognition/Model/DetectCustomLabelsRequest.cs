namespace Storyboard.Aws.Rekognition.Model;

/// <summary>Inline bytes are limited to 4 MB here.</summary>
public sealed record DetectCustomLabelsRequest(string ProjectVersionArn, Image Image, int? MaxResults = null, double? MinConfidence = null);
