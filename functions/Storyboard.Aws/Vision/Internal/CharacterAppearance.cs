namespace Storyboard.Aws.Vision.Internal;

/// <summary>The colour distribution of one reference image of one character.</summary>
internal sealed record CharacterAppearance(string Character, string FileName, AppearanceHistogram Histogram);
