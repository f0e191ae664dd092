using Storyboard.Core.Vision;

namespace Storyboard.Core.Captions;

/// <summary>One character in a crop.</summary>
/// <param name="Character">The character's name, exactly as the caption must spell it.</param>
/// <param name="Description">The config's description of the character, possibly empty.</param>
/// <param name="BoxInFrame">Where the character is, as ratios of the source frame (shot size and placement come from it).</param>
public sealed record CaptionSubject(string Character, string Description, RelativeBox BoxInFrame);
