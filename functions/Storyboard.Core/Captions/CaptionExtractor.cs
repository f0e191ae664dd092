using System.Text.Json;

namespace Storyboard.Core.Captions;

/// <summary>
/// Pulls the caption out of a captioning model's reply. Models asked for <c>{"alt_text": "..."}</c>
/// often wrap it in prose or a ``` fence, or answer in plain text; all three are accepted, but a
/// JSON object without a string <c>alt_text</c> is malformed output (the state retries it).
/// </summary>
public static class CaptionExtractor
{
    public const string Key = "alt_text";

    public static CaptionExtraction Extract(string? modelOutput)
    {
        if (string.IsNullOrWhiteSpace(modelOutput))
        {
            return CaptionExtraction.Failed("the model returned no text");
        }

        var text = Unfence(modelOutput.Trim());
        var sawObject = false;
        for (var start = text.IndexOf('{', StringComparison.Ordinal); start >= 0; start = text.IndexOf('{', start + 1))
        {
            var end = MatchingBrace(text, start);
            if (end < 0)
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                sawObject = true;
                if (document.RootElement.TryGetProperty(Key, out var value))
                {
                    return value.ValueKind == JsonValueKind.String
                        ? CaptionExtraction.Found(value.GetString()!)
                        : CaptionExtraction.Failed($"\"{Key}\" is a {value.ValueKind.ToString().ToLowerInvariant()}, not a string");
                }

                // A nested object was parsed as a whole; skip past it.
                start = end;
            }
        }

        if (sawObject)
        {
            return CaptionExtraction.Failed($"the reply holds a JSON object without \"{Key}\"");
        }

        if (text.Contains('{', StringComparison.Ordinal) && text.Contains(Key, StringComparison.Ordinal))
        {
            return CaptionExtraction.Failed($"the reply mentions \"{Key}\" but its JSON is malformed");
        }

        var plain = text.Trim().Trim('"', '\'', '`').Trim();
        return plain.Length == 0 ? CaptionExtraction.Failed("the model returned no text") : CaptionExtraction.Found(plain);
    }

    /// <summary>The body of the first ``` fence (language tag dropped), or the text itself.</summary>
    private static string Unfence(string text)
    {
        var open = text.IndexOf("```", StringComparison.Ordinal);
        if (open < 0)
        {
            return text;
        }

        var bodyStart = text.IndexOf('\n', open + 3);
        var close = bodyStart < 0 ? -1 : text.IndexOf("```", bodyStart, StringComparison.Ordinal);
        if (bodyStart < 0 || close < 0)
        {
            // An unclosed or one-line fence: drop the markers and keep what is between them.
            return text.Replace("```json", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("```", string.Empty, StringComparison.Ordinal);
        }

        return text[(bodyStart + 1)..close];
    }

    /// <summary>Index of the brace closing the one at <paramref name="start"/>, honouring JSON strings; -1 if none.</summary>
    private static int MatchingBrace(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    if (depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }
}
