using Storyboard.Core.Imaging;

namespace Storyboard.Core.Vision;

/// <summary>Finds indexed characters in one frame (Rekognition offline stand-in or the real thing).</summary>
public interface ICharacterDetector
{
    /// <summary>Written into every detection, so outputs say which service produced them.</summary>
    string Service { get; }

    /// <returns>Detections, best first; empty when no indexed character is visible.</returns>
    Task<IReadOnlyList<CharacterDetection>> DetectAsync(RgbImage frame, ICharacterReferenceIndex index, CancellationToken cancellationToken);
}
