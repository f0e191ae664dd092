namespace Storyboard.Aws.Rekognition.Model;

/// <summary>The model's Attribute values (which face details to return).</summary>
public static class FaceAttributes
{
    public const string Default = "DEFAULT";
    public const string All = "ALL";
}
