using Storyboard.Aws.Http;

namespace Storyboard.Aws.Tests.Conformance;

/// <summary>The hand-copied service table must agree with the models' metadata blocks.</summary>
public sealed class ServiceMetadataTests
{
    public static TheoryData<string> Services() => new(AwsServices.All.Select(s => s.ModelName));

    [Theory]
    [MemberData(nameof(Services))]
    public void AwsServices_WhenComparedWithTheModel_ShouldMatchItsMetadata(string modelName)
    {
        var service = AwsServices.All.Single(s => s.ModelName == modelName);
        var model = ApiModel.Load(modelName);

        Assert.Equal(model.MetadataString("serviceId"), service.ServiceId);
        Assert.Equal(model.MetadataString("apiVersion"), service.ApiVersion);
        Assert.Equal(model.MetadataString("endpointPrefix"), service.EndpointPrefix);
        Assert.Equal(model.MetadataString("signingName") ?? model.MetadataString("endpointPrefix"), service.SigningName);
        Assert.Equal(model.Protocol, service.Protocol == AwsProtocol.Json ? "json" : "rest-json");
        Assert.Equal(model.MetadataString("jsonVersion"), service.JsonVersion);
        Assert.Equal(model.MetadataString("targetPrefix"), service.TargetPrefix);
    }
}
