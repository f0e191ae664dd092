using System.Net;

namespace Storyboard.Aws.Http;

/// <summary>
/// Which failures are worth another attempt, and how long to wait: capped exponential backoff
/// with full jitter (a uniformly random wait between zero and the cap), which spreads the
/// retries of many concurrent workers instead of synchronising them.
/// </summary>
/// <param name="MaxAttempts">Attempts in total, including the first.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(20));

    /// <summary>Error codes that mean "slow down" (the AWS SDKs' throttling list) or a transient service fault.</summary>
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "SlowDown", "PriorRequestNotComplete",
        "ServiceUnavailable", "ServiceUnavailableException", "InternalServerError", "InternalServerException",
        "InternalFailure", "InternalError", "RequestTimeout", "RequestTimeoutException", "ModelNotReadyException",
    };

    /// <summary>Codes that no wait can fix; never retried whatever their HTTP status.</summary>
    private static readonly HashSet<string> NeverRetriedCodes = new(StringComparer.Ordinal)
    {
        "ValidationException", "AccessDeniedException", "AccessDenied", "UnrecognizedClientException",
        "InvalidSignatureException", "IncompleteSignature", "ExpiredTokenException", "InvalidParameterException",
        "ResourceNotFoundException", "ConflictException", "ServiceQuotaExceededException",
    };

    public static bool IsRetryable(HttpStatusCode statusCode, string errorCode)
    {
        if (NeverRetriedCodes.Contains(errorCode))
        {
            return false;
        }

        if (RetryableCodes.Contains(errorCode))
        {
            return true;
        }

        var status = (int)statusCode;
        return status == 429 || status >= 500;
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first retry).</summary>
    /// <param name="unitRandom">A uniform random number in [0, 1).</param>
    public TimeSpan DelayBefore(int retry, double unitRandom)
    {
        return TimeSpan.FromTicks((long)(CeilingFor(retry).Ticks * Math.Clamp(unitRandom, 0, 1)));
    }

    /// <summary>The upper bound of the wait before retry number <paramref name="retry"/>: min(max, base × 2^retry).</summary>
    public TimeSpan CeilingFor(int retry)
    {
        var exponential = BaseDelay.Ticks * Math.Pow(2, Math.Min(retry, 30));
        return TimeSpan.FromTicks((long)Math.Min(exponential, MaxDelay.Ticks));
    }
}
