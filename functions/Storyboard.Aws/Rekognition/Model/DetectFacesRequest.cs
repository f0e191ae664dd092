namespace Storyboard.Aws.Rekognition.Model;

/// <param name="Attributes">Values of <see cref="FaceAttributes"/>.</param>
public sealed record DetectFacesRequest(Image Image, IReadOnlyList<string>? Attributes = null);
