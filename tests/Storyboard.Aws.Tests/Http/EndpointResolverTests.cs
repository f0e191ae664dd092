using Storyboard.Aws.Http;

namespace Storyboard.Aws.Tests.Http;

public sealed class EndpointResolverTests
{
    [Fact]
    public void Resolve_WhenNoVariableIsSet_ShouldUseTheStandardRegionalHost()
    {
        var uri = EndpointResolver.Resolve(AwsServices.BedrockRuntime, "eu-west-1", null, _ => null);

        Assert.Equal(new Uri("https://bedrock-runtime.eu-west-1.amazonaws.com"), uri);
        Assert.Equal(new Uri("https://states.eu-west-1.amazonaws.com"), EndpointResolver.Resolve(AwsServices.StepFunctions, "eu-west-1", null, _ => null));
    }

    [Fact]
    public void Resolve_WhenServiceVariableAndGlobalVariableAreSet_ShouldPreferTheServiceOne()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://localhost:4566",
            ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = "http://localhost:9000",
        };

        Assert.Equal(new Uri("http://localhost:9000"), EndpointResolver.Resolve(AwsServices.BedrockRuntime, "us-east-1", null, environment.GetValueOrDefault));
        Assert.Equal(new Uri("http://localhost:4566"), EndpointResolver.Resolve(AwsServices.Bedrock, "us-east-1", null, environment.GetValueOrDefault));
        Assert.Equal("AWS_ENDPOINT_URL_SFN", AwsServices.StepFunctions.EndpointVariable);
    }

    [Fact]
    public void Resolve_WhenConfiguredEndpointsAreIgnored_ShouldUseTheStandardHost()
    {
        var environment = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://localhost:4566", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" };

        Assert.Equal(new Uri("https://rekognition.us-east-1.amazonaws.com"), EndpointResolver.Resolve(AwsServices.Rekognition, "us-east-1", null, environment.GetValueOrDefault));
    }

    [Fact]
    public void Resolve_WhenVariableIsNotAUrl_ShouldThrowConfigurationError()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => EndpointResolver.Resolve(AwsServices.Rekognition, "us-east-1", null, _ => "localhost:4566"));

        Assert.Contains("AWS_ENDPOINT_URL_REKOGNITION", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveRegion_WhenGivenExplicitly_ShouldUseIt()
    {
        Assert.Equal("ap-northeast-1", EndpointResolver.ResolveRegion(" ap-northeast-1 "));
    }
}
