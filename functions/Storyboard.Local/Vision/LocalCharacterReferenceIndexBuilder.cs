using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;
using Storyboard.Local.Vision.Internal;

namespace Storyboard.Local.Vision;

/// <summary>
/// Builds the offline detector's index: each reference is decoded, cropped to its opaque pixels
/// and turned into templates: as drawn and mirrored, upright and tilted 15 degrees either way. PNG is decoded in code; other formats
/// (JPEG) need an extra decoder, e.g. the ffmpeg adapter.
/// </summary>
public sealed class LocalCharacterReferenceIndexBuilder : ICharacterReferenceIndexBuilder
{
    /// <summary>
    /// Tilts learned per reference: the shape descriptor tolerates about 10 degrees, so these
    /// extend it to characters leaning up to about 25 degrees either way.
    /// </summary>
    private static readonly double[] Tilts = [0, -15, 15];

    private readonly IReadOnlyList<IImageDecoder> decoders;

    /// <param name="extraDecoders">Tried after the built-in PNG decoder, in order.</param>
    public LocalCharacterReferenceIndexBuilder(params IImageDecoder[] extraDecoders)
    {
        decoders = [new PngDecoder(), .. extraDecoders];
    }

    public async Task<ICharacterReferenceIndex> BuildAsync(IReadOnlyList<CharacterReferenceImage> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
        {
            throw new NoCharacterReferencesException();
        }

        var templates = new SortedDictionary<string, List<ReferenceTemplate>>(StringComparer.Ordinal);
        foreach (var reference in references.OrderBy(r => r.Character, StringComparer.Ordinal).ThenBy(r => r.FileName, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(reference.Character) || reference.Character.Any(c => char.IsWhiteSpace(c) || c == '/' || c == '\\'))
            {
                throw new InvalidReferenceImageException(reference.Character, reference.FileName, "the character name must be one word without spaces or slashes");
            }

            var image = await DecodeAsync(reference, cancellationToken).ConfigureAwait(false);
            if (!templates.TryGetValue(reference.Character, out var list))
            {
                templates[reference.Character] = list = [];
            }

            foreach (var tilt in Tilts)
            {
                var pair = ReferenceTemplate.Create(image, reference.FileName, tilt)
                    ?? throw new InvalidReferenceImageException(reference.Character, reference.FileName, "it has fewer than 8x8 opaque pixels, so there is no character to learn from");
                list.Add(pair.Normal);
                list.Add(pair.Mirrored);
            }
        }

        return new LocalCharacterReferenceIndex([.. templates.Select(kv => new CharacterModel(kv.Key, kv.Value))]);
    }

    private async Task<RgbaImage> DecodeAsync(CharacterReferenceImage reference, CancellationToken cancellationToken)
    {
        var header = reference.Content[..Math.Min(16, reference.Content.Length)];
        var decoder = decoders.FirstOrDefault(d => d.CanDecode(header.Span))
            ?? throw new InvalidReferenceImageException(reference.Character, reference.FileName, reference.Content.Length == 0 ? "the file is empty" : "it is not an image format that can be read here (PNG is always supported)");
        try
        {
            return await decoder.DecodeAsync(reference.Content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidPngException or UnsupportedPngException)
        {
            throw new InvalidReferenceImageException(reference.Character, reference.FileName, e.Message, e);
        }
    }
}
