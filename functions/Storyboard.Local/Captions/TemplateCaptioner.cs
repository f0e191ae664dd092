using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Storyboard.Core.Captions;
using Storyboard.Core.Imaging;

namespace Storyboard.Local.Captions;

/// <summary>
/// Offline stand-in for the captioning model: builds a caption from what was measured, not
/// from looking at the picture's meaning. It names every character, gives the shot size (the
/// character's height as a share of the frame), the placement (left, centre or right of the
/// frame, from the box centre), the light (mean luminance of the crop) and whether several
/// characters are together. Phrasing varies deterministically with the crop key, the run's
/// variation seed and the attempt number. It answers in the same JSON form asked of a model
/// (<c>{"alt_text": ...}</c>) and never uses the words image models read as negation.
/// </summary>
public sealed class TemplateCaptioner : ICaptioner
{
    public const string ServiceName = "local:template-captioner v1";

    /// <summary>Character height (share of the frame) at and above which the shot is a close-up.</summary>
    public const double CloseUpHeight = 0.6;

    /// <summary>Character height at and above which the shot is a medium shot; below it, a wide shot.</summary>
    public const double MediumHeight = 0.35;

    /// <summary>Mean luminance (0..255) below which the light is described as dim.</summary>
    public const double DimLuminance = 70;

    /// <summary>Mean luminance above which the light is described as bright.</summary>
    public const double BrightLuminance = 165;

    private static readonly string[] Templates =
    [
        "{Shot} of {names} {place}, in {light}.",
        "{names} {be} seen in a {shot} {place}, lit by {light}.",
        "A {shot}: {names} {place} in {light}.",
        "{names} {be} framed in a {shot} {place}; the scene is in {light}.",
        "In {light}, a {shot} shows {names} {place}.",
    ];

    public string Service => ServiceName;

    public Task<string> CaptionAsync(CaptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var caption = Compose(request);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(CaptionExtractor.Key, caption);
            writer.WriteString("service", ServiceName);
            writer.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(buffer.ToArray());
        return Task.FromResult(text);
    }

    /// <summary>The caption text alone.</summary>
    public static string Compose(CaptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subjects = request.Subjects.OrderBy(s => s.BoxInFrame.Left).ThenBy(s => s.Character, StringComparer.Ordinal).ToList();
        if (subjects.Count == 0)
        {
            throw new ArgumentException("A caption request names no character; every crop shows at least one.", nameof(request));
        }

        var seed = Seed(request);
        var names = Names(subjects.Select(s => s.Character).ToList(), together: subjects.Count > 1, seed);
        var tallest = subjects.Max(s => s.BoxInFrame.Height);
        var shot = tallest >= CloseUpHeight ? "close-up" : tallest >= MediumHeight ? "medium shot" : "wide shot";
        var centre = subjects.Average(s => s.BoxInFrame.Left + (s.BoxInFrame.Width / 2));
        var place = centre < 0.38
            ? Pick(seed >> 8, "on the left of the frame", "at the left side of the picture")
            : centre > 0.62
                ? Pick(seed >> 8, "on the right of the frame", "at the right side of the picture")
                : Pick(seed >> 8, "in the centre of the frame", "in the middle of the picture");
        var luminance = MeanLuminance(request.Image);
        var light = luminance < DimLuminance
            ? Pick(seed >> 12, "dim, low light", "dark, shadowy light")
            : luminance > BrightLuminance
                ? Pick(seed >> 12, "bright light", "strong daylight")
                : Pick(seed >> 12, "soft, even light", "gentle daylight");
        var template = Templates[(int)(seed % (ulong)Templates.Length)];
        var text = template
            .Replace("{Shot}", Capitalise(shot), StringComparison.Ordinal)
            .Replace("{shot}", shot, StringComparison.Ordinal)
            .Replace("{names}", names, StringComparison.Ordinal)
            .Replace("{be}", subjects.Count > 1 ? "are" : "is", StringComparison.Ordinal)
            .Replace("{place}", place, StringComparison.Ordinal)
            .Replace("{light}", light, StringComparison.Ordinal);
        text = Capitalise(text);
        return text.Length <= request.MaxLength ? text : text[..request.MaxLength].TrimEnd();
    }

    /// <summary>Mean Rec. 601 luma of the image, 0..255.</summary>
    public static double MeanLuminance(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = image.Pixels;
        double sum = 0;
        for (var i = 0; i < pixels.Length; i += 3)
        {
            sum += (0.299 * pixels[i]) + (0.587 * pixels[i + 1]) + (0.114 * pixels[i + 2]);
        }

        return sum / (image.Width * image.Height);
    }

    private static string Names(IReadOnlyList<string> names, bool together, ulong seed)
    {
        var list = names.Count switch
        {
            1 => names[0],
            2 => names[0] + " and " + names[1],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
        };
        return together ? list + Pick(seed >> 16, " together", " side by side") : list;
    }

    private static string Pick(ulong bits, string first, string second) => (bits & 1) == 0 ? first : second;

    private static string Capitalise(string text) =>
        text.Length == 0 || char.IsUpper(text[0]) ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static ulong Seed(CaptionRequest request)
    {
        var material = string.Create(CultureInfo.InvariantCulture, $"{request.CropKey}\n{request.VariationSeed}\n{request.Attempt}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(material));
        return BitConverter.ToUInt64(hash, 0);
    }
}
