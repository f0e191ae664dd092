namespace Storyboard.Aws.Rekognition.Model;

public sealed record FaceMatch(double? Similarity, Face? Face);
