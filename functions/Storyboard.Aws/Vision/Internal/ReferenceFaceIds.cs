using Storyboard.Aws.Rekognition;

namespace Storyboard.Aws.Vision.Internal;

/// <summary>
/// The ExternalImageId of a reference's faces: the encoded character name, "::", and the first
/// 128 bits of the SHA-256 of the reference's bytes. The encoding never produces "::" (every ':'
/// is followed by two hex digits), so the name always splits off cleanly; the hash makes indexing
/// idempotent and tells a changed reference from the one indexed before.
/// </summary>
internal static class ReferenceFaceIds
{
    private const string Separator = "::";
    private const int HashLength = 32;

    public static string Format(string character, string sha256Hex)
    {
        var id = ExternalImageIds.Encode(character) + Separator + sha256Hex[..HashLength];
        if (id.Length > ExternalImageIds.MaxLength)
        {
            throw new ArgumentException($"The character name '{character}' is too long to be stored in Rekognition; use a shorter name.", nameof(character));
        }

        return id;
    }

    /// <returns>The character, or null when the id was not written by <see cref="Format"/>.</returns>
    public static string? CharacterOf(string? externalImageId)
    {
        if (string.IsNullOrEmpty(externalImageId))
        {
            return null;
        }

        var at = externalImageId.IndexOf(Separator, StringComparison.Ordinal);
        if (at <= 0 || externalImageId.Length - at - Separator.Length != HashLength)
        {
            return null;
        }

        return ExternalImageIds.Decode(externalImageId[..at]);
    }
}
