namespace Storyboard.Core.Vision;

/// <summary>
/// A box as ratios of the frame's width and height, the same convention as Rekognition's
/// <c>BoundingBox</c>, so detections from either service can be cropped the same way.
/// </summary>
public sealed record RelativeBox(double Left, double Top, double Width, double Height)
{
    public double Right => Left + Width;

    public double Bottom => Top + Height;

    /// <summary>Intersection over union; 0 when the boxes do not overlap.</summary>
    public double IntersectionOverUnion(RelativeBox other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var iw = Math.Min(Right, other.Right) - Math.Max(Left, other.Left);
        var ih = Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top);
        if (iw <= 0 || ih <= 0)
        {
            return 0;
        }

        var inter = iw * ih;
        return inter / ((Width * Height) + (other.Width * other.Height) - inter);
    }

    /// <summary>The part of the box inside the frame (ratios clamped to 0..1).</summary>
    public RelativeBox ClampToFrame()
    {
        var l = Math.Clamp(Left, 0, 1);
        var t = Math.Clamp(Top, 0, 1);
        return new RelativeBox(l, t, Math.Clamp(Right, 0, 1) - l, Math.Clamp(Bottom, 0, 1) - t);
    }
}
