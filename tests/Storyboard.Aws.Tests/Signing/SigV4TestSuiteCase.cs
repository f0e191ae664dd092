using System.Text;

namespace Storyboard.Aws.Tests.Signing;

/// <summary>One folder of the official SigV4 test suite: the raw request and the expected texts.</summary>
internal sealed record SigV4TestSuiteCase(
    string Name,
    string Method,
    string RequestPath,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    IReadOnlyList<string> RawHeaderLines,
    string RequestLine,
    byte[] Body,
    string ExpectedCanonicalRequest,
    string ExpectedStringToSign,
    string ExpectedAuthorization,
    string ExpectedSignedRequest)
{
    public static IEnumerable<string> AllFolders(string root) =>
        Directory.EnumerateFiles(root, "*.req", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(root, Path.GetDirectoryName(f)!))
            .Order(StringComparer.Ordinal);

    public static SigV4TestSuiteCase Load(string root, string folder)
    {
        var directory = System.IO.Path.Combine(root, folder);
        var name = System.IO.Path.GetFileName(directory);
        string Read(string extension) => File.ReadAllText(System.IO.Path.Combine(directory, name + extension), Encoding.UTF8);

        var raw = Read(".req");
        var headerEnd = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var head = headerEnd < 0 ? raw : raw[..headerEnd];
        var body = headerEnd < 0 ? [] : Encoding.UTF8.GetBytes(raw[(headerEnd + 2)..]);
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var questionMark = target.IndexOf('?', StringComparison.Ordinal);
        var path = questionMark < 0 ? target : target[..questionMark];
        var query = new List<KeyValuePair<string, string>>();
        if (questionMark >= 0)
        {
            foreach (var pair in target[(questionMark + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? pair : pair[..equals];
                var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
                query.Add(new(Uri.UnescapeDataString(key), Uri.UnescapeDataString(value)));
            }
        }

        var headers = new List<KeyValuePair<string, string>>();
        var rawHeaderLines = new List<string>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            rawHeaderLines.Add(line);
            if (line.Length > 0 && char.IsWhiteSpace(line[0]))
            {
                // An obsolete line fold continues the previous header's value.
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return new SigV4TestSuiteCase(name, method, path, query, headers, rawHeaderLines, requestLine, body,
            Read(".creq"), Read(".sts"), Read(".authz"), Read(".sreq"));
    }
}
