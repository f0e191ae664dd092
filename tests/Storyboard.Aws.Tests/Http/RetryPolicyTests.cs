using System.Net;
using Storyboard.Aws.Http;

namespace Storyboard.Aws.Tests.Http;

public sealed class RetryPolicyTests
{
    [Theory]
    [InlineData(400, "ThrottlingException", true)]
    [InlineData(400, "ProvisionedThroughputExceededException", true)]
    [InlineData(400, "TooManyRequestsException", true)]
    [InlineData(400, "RequestLimitExceeded", true)]
    [InlineData(503, "ServiceUnavailable", true)]
    [InlineData(429, "ModelNotReadyException", true)]
    [InlineData(429, "Http429", true)]
    [InlineData(502, "Http502", true)]
    [InlineData(400, "ValidationException", false)]
    [InlineData(500, "ValidationException", false)]
    [InlineData(403, "AccessDeniedException", false)]
    [InlineData(400, "InvalidParameterException", false)]
    [InlineData(404, "ResourceNotFoundException", false)]
    public void IsRetryable_WhenGivenStatusAndCode_ShouldRetryOnlyTransientFailures(int status, string code, bool expected)
    {
        Assert.Equal(expected, RetryPolicy.IsRetryable((HttpStatusCode)status, code));
    }

    [Fact]
    public void DelayBefore_WhenRetriesGrow_ShouldStayWithinTheCappedExponentialCeiling()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.Zero, policy.DelayBefore(3, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(800), policy.CeilingFor(2));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.CeilingFor(9));
        Assert.Equal(TimeSpan.FromSeconds(2.5), policy.DelayBefore(9, 0.5));
        var random = new Random(7);
        for (var retry = 0; retry < 40; retry++)
        {
            Assert.InRange(policy.DelayBefore(retry, random.NextDouble()), TimeSpan.Zero, policy.CeilingFor(retry));
        }
    }
}
