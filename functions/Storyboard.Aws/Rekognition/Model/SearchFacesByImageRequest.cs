namespace Storyboard.Aws.Rekognition.Model;

/// <summary>Searches the collection for the largest face in the image.</summary>
public sealed record SearchFacesByImageRequest(
    string CollectionId,
    Image Image,
    int? MaxFaces = null,
    double? FaceMatchThreshold = null,
    string? QualityFilter = null);
