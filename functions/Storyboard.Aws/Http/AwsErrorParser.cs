using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Storyboard.Aws.Http;

/// <summary>
/// Reads an AWS error response of either JSON protocol: the code from the X-Amzn-ErrorType header,
/// or the body's "code" / "__type" (shape ids such as "com.amazon.coral#ThrottlingException" and
/// suffixes such as ":http://internal.amazon.com/…" are stripped), the message from "message" or
/// "Message", and the request id from x-amzn-RequestId / x-amz-request-id.
/// </summary>
public static class AwsErrorParser
{
    public static AwsServiceException Parse(string service, string operation, HttpStatusCode statusCode, HttpResponseHeaders headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        string? code = null;
        string? message = null;
        if (headers.TryGetValues("x-amzn-ErrorType", out var errorTypes))
        {
            code = errorTypes.FirstOrDefault();
        }

        if (body.Length > 0)
        {
            try
            {
                var reader = new Utf8JsonReader(body);
                if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    string? bodyCode = null;
                    string? bodyType = null;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = reader.GetString();
                        reader.Read();
                        var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            reader.Skip();
                        }

                        switch (name)
                        {
                            case "__type": bodyType = value; break;
                            case "code" or "Code": bodyCode = value; break;
                            case "message" or "Message" or "errorMessage": message ??= value; break;
                        }
                    }

                    code ??= bodyCode ?? bodyType;
                }
            }
            catch (JsonException)
            {
                // A non-JSON error body (a proxy's HTML page): keep the status and show the text.
                message = System.Text.Encoding.UTF8.GetString(body[..Math.Min(body.Length, 200)]);
            }
        }

        var sanitized = Sanitize(code) ?? FallbackCode(statusCode);
        return new AwsServiceException(service, operation, statusCode, sanitized, message, RequestId(headers));
    }

    public static string? RequestId(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        foreach (var name in new[] { "x-amzn-RequestId", "x-amz-request-id" })
        {
            if (headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    /// <summary>Text before the first ':', then after the last '#'.</summary>
    public static string? Sanitize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        code = code.Trim();
        return code.Length == 0 ? null : code;
    }

    private static string FallbackCode(HttpStatusCode statusCode) => (int)statusCode switch
    {
        429 => "TooManyRequestsException",
        503 => "ServiceUnavailable",
        >= 500 => "InternalServerError",
        403 => "AccessDeniedException",
        404 => "ResourceNotFoundException",
        _ => "Http" + ((int)statusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
