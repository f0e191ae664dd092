namespace Storyboard.Core.Models;

public enum ImageFormat
{
    Unknown = 0,
    Png,
    Jpeg,
}
