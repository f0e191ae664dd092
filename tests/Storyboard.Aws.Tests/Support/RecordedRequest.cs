namespace Storyboard.Aws.Tests.Support;

/// <summary>A request exactly as the loopback server received it, with the server's verdict on its signature.</summary>
internal sealed record RecordedRequest(
    string Method,
    string RawTarget,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string? SignatureProblem)
{
    public string RawPath => RawTarget.Split('?', 2)[0];

    public string RawQuery => RawTarget.Contains('?', StringComparison.Ordinal) ? RawTarget.Split('?', 2)[1] : string.Empty;

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>Query pairs, percent-decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query =>
        RawQuery.Length == 0
            ? []
            : RawQuery.Split('&').Select(p =>
            {
                var parts = p.Split('=', 2);
                return new KeyValuePair<string, string>(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : string.Empty);
            }).ToList();
}
