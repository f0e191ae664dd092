using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Storyboard.Aws.Signing;
using Storyboard.Core.Errors;

namespace Storyboard.Aws.Http;

/// <summary>
/// The one signed JSON client under every service client: it builds the HTTP request for either
/// JSON protocol, signs it with SigV4, sends it with a per-attempt timeout, and retries only
/// throttling, 5xx, dropped connections and timeouts (see <see cref="RetryPolicy"/>).
/// </summary>
public sealed class AwsJsonClient
{
    private readonly AwsClientContext _context;
    private readonly SigV4Signer _signer;
    private readonly string _host;
    private readonly string _basePath;
    private readonly string _origin;
    private readonly string _target;

    public AwsJsonClient(ServiceMetadata service, AwsClientContext context)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(context);
        Service = service;
        _context = context;
        _signer = new SigV4Signer(service.S3StyleSigning ? SigV4PathStyle.AsSent : SigV4PathStyle.NormalizeAndDoubleEncode);
        Endpoint = context.EndpointFor(service);
        _host = Endpoint.IsDefaultPort ? Endpoint.IdnHost : Endpoint.IdnHost + ":" + Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _basePath = Endpoint.AbsolutePath.TrimEnd('/');
        _origin = Endpoint.GetLeftPart(UriPartial.Authority);
        _target = service.TargetPrefix + ".";
    }

    public ServiceMetadata Service { get; }

    public Uri Endpoint { get; }

    /// <summary>An awsJson call: POST / with X-Amz-Target, the whole request as the body.</summary>
    public async Task<TResponse> InvokeJsonAsync<TRequest, TResponse>(
        string operation, TRequest request, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var awsRequest = CreateJsonRequest(operation, request, requestType);
        var response = await SendAsync(awsRequest, cancellationToken).ConfigureAwait(false);
        return ReadJson(response, operation, responseType);
    }

    /// <summary>
    /// Builds (does not send) the awsJson request for an operation, exactly as it will be sent.
    /// The body lives in a pooled buffer: dispose the request after sending it.
    /// </summary>
    public AwsRequest CreateJsonRequest<TRequest>(string operation, TRequest request, JsonTypeInfo<TRequest> requestType)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (Service.Protocol != AwsProtocol.Json)
        {
            throw new InvalidOperationException($"{Service.ServiceId} uses restJson; build its requests with RequestTemplate.");
        }

        var body = new PooledBufferWriter();
        try
        {
            using (var writer = new Utf8JsonWriter(body))
            {
                JsonSerializer.Serialize(writer, request, requestType);
            }
        }
        catch
        {
            body.Dispose();
            throw;
        }

        var awsRequest = AwsRequest.WithPooledBody(operation, HttpMethod.Post, "/", body, Service.JsonContentType);
        awsRequest.Headers.Add(new("X-Amz-Target", string.Concat(_target, operation)));
        return awsRequest;
    }

    /// <summary>Deserializes a JSON response body; an empty body reads as "{}".</summary>
    public TResponse ReadJson<TResponse>(AwsResponse response, string operation, JsonTypeInfo<TResponse> responseType)
    {
        ArgumentNullException.ThrowIfNull(response);
        ReadOnlySpan<byte> body = response.Body.Length == 0 ? "{}"u8 : response.Body;
        try
        {
            return JsonSerializer.Deserialize(body, responseType)
                ?? throw new JsonException("The body is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            var preview = Encoding.UTF8.GetString(body[..Math.Min(body.Length, 120)]);
            throw new AwsMalformedResponseException(
                $"{Service.ServiceId} {operation} answered HTTP {(int)response.StatusCode} with a body that is not the expected JSON "
                + $"({ex.Message}). Body starts: '{preview}'. Check AWS_ENDPOINT_URL* and any proxy."
                + (response.RequestId is null ? string.Empty : $" [request id {response.RequestId}]"), ex);
        }
    }

    /// <summary>Signs and sends a request, retrying what is retryable; returns a 2xx response or throws.</summary>
    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var payloadHash = SigV4Signer.HashPayload(request.Body.Span);
        var retry = _context.Options.Retry;
        var timeout = request.Timeout ?? _context.Options.Timeout;
        Exception? lastFailure = null;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool retryable;
            try
            {
                return await SendOnceAsync(request, payloadHash, timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException ex)
            {
                lastFailure = ex;
                retryable = RetryPolicy.IsRetryable(ex.StatusCode, ex.ErrorCode);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                lastFailure = AwsRequestTimeoutException.For(Service.ServiceId, request.Operation, timeout, attempt, ex);
                retryable = true;
            }
            catch (HttpRequestException ex)
            {
                lastFailure = new AwsConnectionException(
                    $"{Service.ServiceId} {request.Operation}: could not talk to {_origin} ({ex.Message}) after {attempt} attempt(s). "
                    + "Check the network, the region and AWS_ENDPOINT_URL*.", ex);
                retryable = true;
            }
            catch (IOException ex)
            {
                lastFailure = new AwsConnectionException(
                    $"{Service.ServiceId} {request.Operation}: the connection to {_origin} broke ({ex.Message}) after {attempt} attempt(s).", ex);
                retryable = true;
            }

            if (!retryable)
            {
                throw lastFailure;
            }

            if (attempt >= retry.MaxAttempts)
            {
                // Still throttled or unavailable: named so the workflow's Retry tries the whole step again later.
                throw new TransientServiceException(
                    $"{Service.ServiceId} {request.Operation} still failed after {attempt} attempt(s): {lastFailure.Message}",
                    lastFailure);
            }

            await _context.Delay(retry.DelayBefore(attempt - 1, _context.Options.Random()), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<AwsResponse> SendOnceAsync(AwsRequest request, string payloadHash, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var credentials = await _context.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        var now = _context.Options.Clock.GetUtcNow().UtcDateTime;
        var amzDate = SigV4Signer.FormatAmzDate(now);
        var path = _basePath.Length == 0 ? request.Path : _basePath + request.Path;
        var hasBody = request.Body.Length > 0;

        var signed = new List<KeyValuePair<string, string>>(6 + request.Headers.Count)
        {
            new("host", _host),
            new("x-amz-date", amzDate),
        };
        if (hasBody && request.ContentType is not null)
        {
            signed.Add(new("content-type", request.ContentType));
        }

        signed.AddRange(request.Headers);
        if (Service.S3StyleSigning)
        {
            signed.Add(new("x-amz-content-sha256", payloadHash));
        }

        if (credentials.SessionToken is not null)
        {
            signed.Add(new("x-amz-security-token", credentials.SessionToken));
        }

        var authorization = _signer.Sign(
            request.Method.Method, path, request.Query, signed, payloadHash, credentials, _context.Region, Service.SigningName, now);

        using var message = new HttpRequestMessage(request.Method, BuildUri(path, request.Query));
        message.Headers.Host = _host;
        message.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        message.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (credentials.SessionToken is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);
        }

        if (Service.S3StyleSigning)
        {
            message.Headers.TryAddWithoutValidation("x-amz-content-sha256", payloadHash);
        }

        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (hasBody)
        {
            message.Content = new ReadOnlyMemoryContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptToken.CancelAfter(timeout);
        using var response = await _context.HttpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptToken.Token).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(attemptToken.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw AwsErrorParser.Parse(Service.ServiceId, request.Operation, response.StatusCode, response.Headers, body);
        }

        return new AwsResponse(response.StatusCode, AwsErrorParser.RequestId(response.Headers), response.Content.Headers.ContentType?.ToString(), body);
    }

    private Uri BuildUri(string path, List<KeyValuePair<string, string>> query)
    {
        if (query.Count == 0)
        {
            return new Uri(_origin + path);
        }

        var builder = new StringBuilder(_origin.Length + path.Length + 64).Append(_origin).Append(path).Append('?');
        for (var i = 0; i < query.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            builder.Append(UriEncoding.Encode(query[i].Key)).Append('=').Append(UriEncoding.Encode(query[i].Value));
        }

        return new Uri(builder.ToString());
    }
}
