namespace Storyboard.Local.Vision.Internal;

/// <summary>A window in full-frame pixels (it may extend past the frame) and its score.</summary>
internal readonly record struct Candidate(double X, double Y, double W, double H, double Score)
{
    public double IntersectionOverUnion(Candidate o)
    {
        var iw = Math.Min(X + W, o.X + o.W) - Math.Max(X, o.X);
        var ih = Math.Min(Y + H, o.Y + o.H) - Math.Max(Y, o.Y);
        if (iw <= 0 || ih <= 0)
        {
            return 0;
        }

        var inter = iw * ih;
        return inter / ((W * H) + (o.W * o.H) - inter);
    }
}
