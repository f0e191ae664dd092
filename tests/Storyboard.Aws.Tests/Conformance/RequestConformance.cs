using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Storyboard.Aws.Http;
using Storyboard.Aws.Tests.Support;

namespace Storyboard.Aws.Tests.Conformance;

/// <summary>
/// Checks a request as it arrived on the wire against the service's API model: the operation
/// exists, method and URI match, every member sent (URI label, query, header, body — recursively)
/// exists in the input shape with the right type, enum value and bounds, and every required member
/// is present. Returns the operation name and the problems found.
/// </summary>
internal static class RequestConformance
{
    /// <summary>Headers every signed request carries that are not API members.</summary>
    private static readonly HashSet<string> TransportHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "X-Amz-Date", "Authorization", "X-Amz-Security-Token", "X-Amz-Content-Sha256", "Content-Length",
        "Content-Type", "X-Amz-Target", "User-Agent", "Accept", "Connection", "Expect", "Transfer-Encoding",
    };

    public static (string Operation, List<string> Problems) Check(ServiceMetadata service, RecordedRequest request)
    {
        var model = ApiModel.Load(service.ModelName);
        var problems = new List<string>();
        return model.Protocol == "json" ? CheckJson(model, service, request, problems) : CheckRest(model, request, problems);
    }

    /// <summary>Validates a JSON value against a named shape (also used directly by the self-tests).</summary>
    public static List<string> CheckValue(ApiModel model, string shapeName, JsonElement value, string path, bool epochTimestamps)
    {
        var problems = new List<string>();
        Validate(model, shapeName, value, path, epochTimestamps, problems);
        return problems;
    }

    private static (string, List<string>) CheckJson(ApiModel model, ServiceMetadata service, RecordedRequest request, List<string> problems)
    {
        var target = request.Header("X-Amz-Target") ?? "";
        var dot = target.LastIndexOf('.');
        var prefix = dot < 0 ? "" : target[..dot];
        var operation = dot < 0 ? target : target[(dot + 1)..];
        if (prefix != model.MetadataString("targetPrefix"))
        {
            problems.Add($"X-Amz-Target prefix '{prefix}' is not the model's '{model.MetadataString("targetPrefix")}'");
        }

        if (!model.Operations.TryGetProperty(operation, out var op))
        {
            problems.Add($"operation '{operation}' is not in the model");
            return (operation, problems);
        }

        var http = op.GetProperty("http");
        if (request.Method != http.GetProperty("method").GetString() || request.RawPath != http.GetProperty("requestUri").GetString())
        {
            problems.Add($"{request.Method} {request.RawPath} is not the model's {http.GetProperty("method")} {http.GetProperty("requestUri")}");
        }

        var contentType = "application/x-amz-json-" + model.MetadataString("jsonVersion");
        if (request.Header("Content-Type") != contentType || service.JsonContentType != contentType)
        {
            problems.Add($"Content-Type '{request.Header("Content-Type")}' is not '{contentType}'");
        }

        if (!op.TryGetProperty("input", out var input))
        {
            return (operation, problems);
        }

        using var body = JsonDocument.Parse(request.Body);
        Validate(model, input.GetProperty("shape").GetString()!, body.RootElement, operation, epochTimestamps: true, problems);
        return (operation, problems);
    }

    private static (string, List<string>) CheckRest(ApiModel model, RecordedRequest request, List<string> problems)
    {
        var matches = new List<(string Name, JsonElement Op, Dictionary<string, string> Labels)>();
        foreach (var candidate in model.Operations.EnumerateObject())
        {
            var http = candidate.Value.GetProperty("http");
            if (http.GetProperty("method").GetString() != request.Method)
            {
                continue;
            }

            var labels = MatchTemplate(http.GetProperty("requestUri").GetString()!, request.RawPath);
            if (labels is not null)
            {
                matches.Add((candidate.Name, candidate.Value, labels));
            }
        }

        if (matches.Count != 1)
        {
            problems.Add($"{request.Method} {request.RawPath} matches {matches.Count} operations of the model ({string.Join(", ", matches.Select(m => m.Name))})");
            return (matches.FirstOrDefault().Name ?? "?", problems);
        }

        var (operation, op, uriLabels) = matches[0];
        if (!op.TryGetProperty("input", out var inputRef))
        {
            return (operation, problems);
        }

        var inputName = inputRef.GetProperty("shape").GetString()!;
        var input = model.Shape(inputName);
        var members = input.GetProperty("members");
        var present = new HashSet<string>(StringComparer.Ordinal);
        var bodyMembers = new List<string>();
        string? payloadMember = input.TryGetProperty("payload", out var payload) ? payload.GetString() : null;

        foreach (var member in members.EnumerateObject())
        {
            var location = member.Value.TryGetProperty("location", out var l) ? l.GetString() : null;
            var locationName = member.Value.TryGetProperty("locationName", out var ln) ? ln.GetString()! : member.Name;
            var shapeName = member.Value.GetProperty("shape").GetString()!;
            switch (location)
            {
                case "uri":
                    if (uriLabels.Remove(locationName, out var label))
                    {
                        present.Add(member.Name);
                        CheckScalarText(model, shapeName, Uri.UnescapeDataString(label), $"{operation}.{member.Name} (uri)", problems);
                    }

                    break;
                case "querystring":
                    foreach (var pair in request.Query.Where(q => q.Key == locationName))
                    {
                        present.Add(member.Name);
                        CheckScalarText(model, shapeName, pair.Value, $"{operation}.{member.Name} (query)", problems);
                    }

                    break;
                case "header":
                    var headerValue = request.Header(locationName);
                    if (headerValue is not null)
                    {
                        present.Add(member.Name);
                        CheckScalarText(model, shapeName, headerValue, $"{operation}.{member.Name} (header)", problems);
                    }

                    break;
                case null:
                    bodyMembers.Add(member.Name);
                    break;
            }
        }

        foreach (var leftover in uriLabels.Keys)
        {
            problems.Add($"{operation}: URI label '{leftover}' is not a uri member");
        }

        var queryNames = members.EnumerateObject()
            .Where(m => m.Value.TryGetProperty("location", out var l) && l.GetString() == "querystring")
            .Select(m => m.Value.TryGetProperty("locationName", out var ln) ? ln.GetString() : m.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var pair in request.Query.Where(q => !queryNames.Contains(q.Key)))
        {
            problems.Add($"{operation}: query parameter '{pair.Key}' is not a querystring member");
        }

        var headerNames = members.EnumerateObject()
            .Where(m => m.Value.TryGetProperty("location", out var l) && l.GetString() == "header")
            .Select(m => m.Value.GetProperty("locationName").GetString()!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers.Where(h => !TransportHeaders.Contains(h.Key) && !headerNames.Contains(h.Key)))
        {
            if (header.Key.StartsWith("X-Amz", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{operation}: header '{header.Key}' is not a header member");
            }
        }

        if (payloadMember is not null)
        {
            var payloadShape = model.Shape(members.GetProperty(payloadMember).GetProperty("shape").GetString()!);
            if (request.Body.Length > 0)
            {
                present.Add(payloadMember);
                if (payloadShape.GetProperty("type").GetString() == "structure")
                {
                    using var doc = JsonDocument.Parse(request.Body);
                    Validate(model, members.GetProperty(payloadMember).GetProperty("shape").GetString()!, doc.RootElement, $"{operation}.{payloadMember}", false, problems);
                }
            }
        }
        else if (request.Body.Length > 0)
        {
            using var doc = JsonDocument.Parse(request.Body);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{operation}: the body is not a JSON object");
            }
            else
            {
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    if (!bodyMembers.Contains(property.Name))
                    {
                        problems.Add($"{operation}: body member '{property.Name}' is not a body member of {inputName}");
                        continue;
                    }

                    present.Add(property.Name);
                    Validate(model, members.GetProperty(property.Name).GetProperty("shape").GetString()!, property.Value, $"{operation}.{property.Name}", false, problems);
                }
            }
        }

        if (input.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!present.Contains(name))
                {
                    problems.Add($"{operation}: required member '{name}' is missing");
                }
            }
        }

        return (operation, problems);
    }

    private static Dictionary<string, string>? MatchTemplate(string template, string path)
    {
        var uriTemplate = template.Split('?')[0];
        var names = new List<string>();
        var pattern = "^" + Regex.Replace(Regex.Escape(uriTemplate).Replace(@"\{", "{", StringComparison.Ordinal), @"\{([^}]+)\}", m =>
        {
            var name = m.Groups[1].Value;
            var greedy = name.EndsWith('+');
            names.Add(greedy ? name[..^1] : name);
            return greedy ? "(.+)" : "([^/]+)";
        }) + "$";
        var match = Regex.Match(path, pattern);
        if (!match.Success)
        {
            return null;
        }

        return names.Select((n, i) => (n, match.Groups[i + 1].Value)).ToDictionary(p => p.n, p => p.Value, StringComparer.Ordinal);
    }

    private static void CheckScalarText(ApiModel model, string shapeName, string text, string path, List<string> problems)
    {
        var shape = model.Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "string":
                CheckString(shape, text, path, problems);
                break;
            case "integer" or "long":
                if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
                {
                    problems.Add($"{path}: '{text}' is not an integer");
                }
                else
                {
                    CheckRange(shape, number, path, problems);
                }

                break;
            case "boolean":
                if (text is not ("true" or "false"))
                {
                    problems.Add($"{path}: '{text}' is not a boolean");
                }

                break;
            case "timestamp":
                if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
                {
                    problems.Add($"{path}: '{text}' is not an ISO-8601 timestamp");
                }

                break;
            default:
                problems.Add($"{path}: a {type} cannot be bound outside the body");
                break;
        }
    }

    private static void Validate(ApiModel model, string shapeName, JsonElement value, string path, bool epochTimestamps, List<string> problems)
    {
        var shape = model.Shape(shapeName);
        var type = shape.GetProperty("type").GetString();
        switch (type)
        {
            case "structure" or "union":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: expected an object ({shapeName}), got {value.ValueKind}");
                    return;
                }

                if (shape.TryGetProperty("document", out var isDocument) && isDocument.GetBoolean())
                {
                    return;
                }

                var members = shape.GetProperty("members");
                var count = 0;
                foreach (var property in value.EnumerateObject())
                {
                    count++;
                    if (!members.TryGetProperty(property.Name, out var member))
                    {
                        problems.Add($"{path}: member '{property.Name}' does not exist in {shapeName}");
                        continue;
                    }

                    Validate(model, member.GetProperty("shape").GetString()!, property.Value, path + "." + property.Name, epochTimestamps, problems);
                }

                if (type == "union" && count != 1)
                {
                    problems.Add($"{path}: union {shapeName} must set exactly one member, not {count}");
                }

                if (shape.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _))
                        {
                            problems.Add($"{path}: required member '{name}' of {shapeName} is missing");
                        }
                    }
                }

                break;
            case "list":
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}: expected a list ({shapeName}), got {value.ValueKind}");
                    return;
                }

                CheckRange(shape, value.GetArrayLength(), path, problems, "length");
                var memberShape = shape.GetProperty("member").GetProperty("shape").GetString()!;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Validate(model, memberShape, item, $"{path}[{index++}]", epochTimestamps, problems);
                }

                break;
            case "map":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{path}: expected a map ({shapeName}), got {value.ValueKind}");
                    return;
                }

                foreach (var property in value.EnumerateObject())
                {
                    using var key = JsonDocument.Parse(JsonSerializer.Serialize(property.Name, Json.TestJsonContext.Default.String));
                    Validate(model, shape.GetProperty("key").GetProperty("shape").GetString()!, key.RootElement, path + "{key}", epochTimestamps, problems);
                    Validate(model, shape.GetProperty("value").GetProperty("shape").GetString()!, property.Value, $"{path}[{property.Name}]", epochTimestamps, problems);
                }

                break;
            case "string":
                if (value.ValueKind != JsonValueKind.String)
                {
                    problems.Add($"{path}: expected a string ({shapeName}), got {value.ValueKind}");
                    return;
                }

                CheckString(shape, value.GetString()!, path, problems);
                break;
            case "blob":
                if (value.ValueKind != JsonValueKind.String || !value.TryGetBytesFromBase64(out var bytes))
                {
                    problems.Add($"{path}: expected a base64 blob ({shapeName})");
                    return;
                }

                CheckRange(shape, bytes.Length, path, problems, "bytes");
                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{path}: expected a boolean ({shapeName}), got {value.ValueKind}");
                }

                break;
            case "integer" or "long":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var integer))
                {
                    problems.Add($"{path}: expected an integer ({shapeName}), got {value}");
                    return;
                }

                CheckRange(shape, integer, path, problems);
                break;
            case "float" or "double":
                if (value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path}: expected a number ({shapeName}), got {value.ValueKind}");
                    return;
                }

                CheckRange(shape, value.GetDouble(), path, problems);
                break;
            case "timestamp":
                var iso = shape.TryGetProperty("timestampFormat", out var format) ? format.GetString() == "iso8601" : !epochTimestamps;
                if (iso ? value.ValueKind != JsonValueKind.String : value.ValueKind != JsonValueKind.Number)
                {
                    problems.Add($"{path}: timestamp {shapeName} must be {(iso ? "an ISO-8601 string" : "epoch seconds")}");
                }

                break;
            default:
                problems.Add($"{path}: unhandled shape type {type}");
                break;
        }
    }

    private static void CheckString(JsonElement shape, string text, string path, List<string> problems)
    {
        if (shape.TryGetProperty("enum", out var values) && values.EnumerateArray().All(v => v.GetString() != text))
        {
            problems.Add($"{path}: '{text}' is not one of the enum values");
        }

        CheckRange(shape, text.Length, path, problems, "length");
        if (shape.TryGetProperty("pattern", out var pattern))
        {
            Regex regex;
            try
            {
                regex = new Regex(pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return; // a Java-only construct; the other checks still apply
            }

            if (!regex.IsMatch(text))
            {
                problems.Add($"{path}: '{text}' does not match the pattern {pattern.GetString()}");
            }
        }
    }

    private static void CheckRange(JsonElement shape, double value, string path, List<string> problems, string what = "value")
    {
        if (shape.TryGetProperty("min", out var min) && value < min.GetDouble())
        {
            problems.Add($"{path}: {what} {value} is below the minimum {min.GetDouble()}");
        }

        if (shape.TryGetProperty("max", out var max) && value > max.GetDouble())
        {
            problems.Add($"{path}: {what} {value} is above the maximum {max.GetDouble()}");
        }
    }
}
