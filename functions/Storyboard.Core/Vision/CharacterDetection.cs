namespace Storyboard.Core.Vision;

/// <summary>One named character found in one frame.</summary>
/// <param name="Character">The character's name, as given by its reference folder (<c>characters/&lt;Name&gt;/</c>).</param>
/// <param name="Box">Where it is, as ratios of the frame, clipped to the frame.</param>
/// <param name="Confidence">0..1; comparable within one service, not across services.</param>
/// <param name="Service">Which detector produced it, e.g. <c>local:reference-detector v1</c> or <c>aws:rekognition</c>.</param>
public sealed record CharacterDetection(string Character, RelativeBox Box, double Confidence, string Service);
