namespace Storyboard.Core.Media;

/// <summary>One still image and the crops to cut from it.</summary>
/// <param name="SourceImage">Local path of a JPEG or PNG frame.</param>
/// <param name="Crops">One or more crops; each is written to its own output path.</param>
public sealed record CropSource(string SourceImage, IReadOnlyList<CropRequest> Crops);
