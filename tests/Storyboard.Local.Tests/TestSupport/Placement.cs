namespace Storyboard.Local.Tests.TestSupport;

/// <summary>
/// A sprite placed in a composed frame: top-left corner and height in pixels of its opaque extent
/// (after the optional tilt); width follows the aspect.
/// </summary>
internal sealed record Placement(string Sprite, int X, int Y, int Height, bool Flip = false, double RotateDegrees = 0);
