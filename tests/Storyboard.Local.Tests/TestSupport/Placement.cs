namespace Storyboard.Local.Tests.TestSupport;

/// <summary>A sprite placed in a composed frame: top-left corner and height in pixels; width follows the sprite's aspect.</summary>
internal sealed record Placement(string Sprite, int X, int Y, int Height, bool Flip = false);
