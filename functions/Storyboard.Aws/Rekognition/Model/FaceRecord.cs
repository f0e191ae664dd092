namespace Storyboard.Aws.Rekognition.Model;

public sealed record FaceRecord(Face? Face, FaceDetail? FaceDetail);
