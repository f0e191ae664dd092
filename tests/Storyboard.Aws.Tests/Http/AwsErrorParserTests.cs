using System.Net;
using System.Text;
using Storyboard.Aws.Http;

namespace Storyboard.Aws.Tests.Http;

public sealed class AwsErrorParserTests
{
    [Theory]
    [InlineData("FooError", "FooError")]
    [InlineData("com.amazonaws.rekognition#FooError", "FooError")]
    [InlineData("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError")]
    [InlineData("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError")]
    [InlineData(" ", null)]
    public void Sanitize_WhenGivenAnyServerForm_ShouldYieldTheBareName(string raw, string? expected)
    {
        Assert.Equal(expected, AwsErrorParser.Sanitize(raw));
    }

    [Fact]
    public void Parse_WhenBodyHasCodeAndCapitalMessage_ShouldUseThem()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        response.Headers.TryAddWithoutValidation("x-amz-request-id", "rid-1");

        var error = AwsErrorParser.Parse("Rekognition", "IndexFaces", HttpStatusCode.BadRequest, response.Headers,
            Encoding.UTF8.GetBytes("""{"code":"InvalidImageFormatException","Message":"Request has invalid image format","Logref":"x"}"""));

        Assert.Equal("InvalidImageFormatException", error.ErrorCode);
        Assert.Equal("Request has invalid image format", error.AwsMessage);
        Assert.Equal("rid-1", error.RequestId);
    }

    [Fact]
    public void Parse_WhenBodyIsNotJson_ShouldFallBackToTheStatus()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway);

        var error = AwsErrorParser.Parse("SFN", "StartExecution", HttpStatusCode.BadGateway, response.Headers, "<html>Bad gateway</html>"u8);

        Assert.Equal("InternalServerError", error.ErrorCode);
        Assert.Contains("Bad gateway", error.AwsMessage, StringComparison.Ordinal);
    }
}
