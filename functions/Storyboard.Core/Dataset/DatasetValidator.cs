using System.Globalization;
using System.Text;
using System.Text.Json;
using Storyboard.Core.Models;

namespace Storyboard.Core.Dataset;

/// <summary>
/// Checks a training manifest against every dataset limit of the model profile before any money is
/// spent, reporting all violations with line numbers (a fine-tuning job that fails validation costs
/// an hour of waiting to learn about one problem).
/// </summary>
public static class DatasetValidator
{
    public const string ImageRefKey = "image-ref";
    public const string CaptionKey = "caption";

    public static async Task<DatasetValidationReport> ValidateAsync(Stream manifest, IImageFactsLookup images, ModelProfile profile, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(profile);
        var limits = profile.Dataset;
        var violations = new List<DatasetViolation>();
        using var reader = new StreamReader(manifest, new UTF8Encoding(false, throwOnInvalidBytes: false), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var lineNumber = 0;
        var records = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                violations.Add(new(lineNumber, "line", "blank line; every line must be one JSON object"));
                continue;
            }

            records++;
            ValidateLine(line, lineNumber, images, limits, violations);
        }

        if (!limits.Records.Contains(records))
        {
            violations.Insert(0, new(0, "records", $"{records.ToString("N0", CultureInfo.InvariantCulture)} records; {profile.DisplayName} needs {limits.Records}"));
        }

        return new DatasetValidationReport(records, violations);
    }

    private static void ValidateLine(string line, int lineNumber, IImageFactsLookup images, DatasetLimits limits, List<DatasetViolation> violations)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            violations.Add(new(lineNumber, "line", "not valid JSON: " + ex.Message));
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                violations.Add(new(lineNumber, "line", $"must be a JSON object, not a {root.ValueKind.ToString().ToLowerInvariant()}"));
                return;
            }

            JsonElement? imageRef = null, caption = null;
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case ImageRefKey when imageRef is null:
                        imageRef = property.Value;
                        break;
                    case CaptionKey when caption is null:
                        caption = property.Value;
                        break;
                    case ImageRefKey or CaptionKey:
                        violations.Add(new(lineNumber, property.Name, "appears more than once"));
                        break;
                    default:
                        violations.Add(new(lineNumber, property.Name, $"unexpected key; a record has exactly \"{ImageRefKey}\" and \"{CaptionKey}\""));
                        break;
                }
            }

            ValidateCaption(caption, lineNumber, limits, violations);
            ValidateImage(imageRef, lineNumber, images, limits, violations);
        }
    }

    private static void ValidateCaption(JsonElement? caption, int lineNumber, DatasetLimits limits, List<DatasetViolation> violations)
    {
        if (caption is not { } value)
        {
            violations.Add(new(lineNumber, CaptionKey, "missing"));
        }
        else if (value.ValueKind != JsonValueKind.String)
        {
            violations.Add(new(lineNumber, CaptionKey, "must be a string"));
        }
        else if (value.GetString()!.Length is var length && !limits.CaptionLength.Contains(length))
        {
            violations.Add(new(lineNumber, CaptionKey, $"{length} characters; must be {limits.CaptionLength}"));
        }
    }

    private static void ValidateImage(JsonElement? imageRef, int lineNumber, IImageFactsLookup images, DatasetLimits limits, List<DatasetViolation> violations)
    {
        if (imageRef is not { } value)
        {
            violations.Add(new(lineNumber, ImageRefKey, "missing"));
            return;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            violations.Add(new(lineNumber, ImageRefKey, "must be a string"));
            return;
        }

        var reference = value.GetString()!;
        if (!S3Uri.TryParse(reference, out _, out var uriProblem))
        {
            violations.Add(new(lineNumber, ImageRefKey, $"'{reference}' {uriProblem}"));
            return;
        }

        if (images.Find(reference) is not { } facts)
        {
            violations.Add(new(lineNumber, "image", $"no image found for {reference}"));
            return;
        }

        if (!limits.Formats.Contains(facts.Format))
        {
            violations.Add(new(lineNumber, "image", $"format {facts.Format}; must be one of {string.Join(", ", limits.Formats)}"));
        }

        var sidesOk = true;
        foreach (var (name, side) in new[] { ("width", facts.Width), ("height", facts.Height) })
        {
            if (!limits.Side.Contains(side))
            {
                violations.Add(new(lineNumber, "image", $"{name} {side} px; must be {limits.Side} px"));
                sidesOk = false;
            }
        }

        var pixels = (long)facts.Width * facts.Height;
        if (pixels > limits.MaxPixels)
        {
            violations.Add(new(lineNumber, "image", $"{facts.Width}x{facts.Height} = {pixels:N0} pixels; at most {limits.MaxPixels:N0}"));
        }

        if (sidesOk && Math.Max(facts.Width, facts.Height) > Math.Min(facts.Width, facts.Height) * limits.MaxAspect)
        {
            violations.Add(new(lineNumber, "image", $"{facts.Width}x{facts.Height} has an aspect ratio beyond 1:{limits.MaxAspect:0.##}..{limits.MaxAspect:0.##}:1"));
        }

        if (facts.Bytes > limits.MaxImageBytes || facts.Bytes <= 0)
        {
            violations.Add(new(lineNumber, "image", $"{facts.Bytes:N0} bytes; must be 1 to {limits.MaxImageBytes:N0}"));
        }
    }
}
