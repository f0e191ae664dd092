namespace Storyboard.Core.Vision;

/// <summary>One reference image of one character, as read from <c>characters/&lt;Name&gt;/&lt;file&gt;</c>.</summary>
/// <param name="Character">The folder name; it becomes the detection's character name.</param>
/// <param name="FileName">Used in error messages so a user can find the bad file.</param>
/// <param name="Content">The encoded image (PNG with transparency works best; JPEG needs a decoder that can read it).</param>
public sealed record CharacterReferenceImage(string Character, string FileName, ReadOnlyMemory<byte> Content);
