namespace Storyboard.Aws.Vision;

/// <summary>Rekognition calls made by a <see cref="RekognitionCharacterReferenceIndexBuilder"/> so far (IndexFaces is the only paid one).</summary>
public sealed record RekognitionIndexUsage(
    long DescribeCollection,
    long CreateCollection,
    long ListFaces,
    long IndexFaces,
    long DeleteFaces,
    long FacesIndexed,
    long FacesDeleted);
