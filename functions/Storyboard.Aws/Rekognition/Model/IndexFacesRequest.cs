namespace Storyboard.Aws.Rekognition.Model;

/// <param name="ExternalImageId">1–255 of [a-zA-Z0-9_.\-:]; no '/', so S3 keys need mapping first.</param>
/// <param name="DetectionAttributes">Values of <see cref="FaceAttributes"/>.</param>
/// <param name="QualityFilter">Values of <see cref="QualityFilters"/>.</param>
public sealed record IndexFacesRequest(
    string CollectionId,
    Image Image,
    string? ExternalImageId = null,
    IReadOnlyList<string>? DetectionAttributes = null,
    int? MaxFaces = null,
    string? QualityFilter = null);
