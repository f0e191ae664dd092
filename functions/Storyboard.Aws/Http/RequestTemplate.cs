using System.Text;
using Storyboard.Aws.Signing;

namespace Storyboard.Aws.Http;

/// <summary>
/// Expands a model requestUri such as "/model/{modelId}/invoke" or "/{Key+}": a plain label is
/// percent-encoded whole (so ':' and '/' in ARNs become %3A and %2F), a greedy label keeps '/'.
/// </summary>
public static class RequestTemplate
{
    public static string Expand(string template, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(labels);
        var builder = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                throw new FormatException($"Unclosed label in request URI template '{template}'.");
            }

            builder.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            var greedy = name.EndsWith('+');
            if (greedy)
            {
                name = name[..^1];
            }

            if (!labels.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
            {
                throw new ArgumentException($"The URI label '{name}' needs a non-empty value.", nameof(labels));
            }

            builder.Append(UriEncoding.Encode(value, keepSlash: greedy));
            i = close + 1;
        }

        return builder.ToString();
    }
}
