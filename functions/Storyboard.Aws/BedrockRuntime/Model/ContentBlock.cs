namespace Storyboard.Aws.BedrockRuntime.Model;

/// <summary>A union: set exactly one member.</summary>
public sealed record ContentBlock(string? Text = null, ImageBlock? Image = null)
{
    public static ContentBlock FromText(string text) => new(Text: text);

    public static ContentBlock FromImage(string format, byte[] bytes) => new(Image: new ImageBlock(format, new ImageSource(Bytes: bytes)));
}
