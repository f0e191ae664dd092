using Amazon.CDK;
using Storyboard.Cdk.Models;

namespace Storyboard.Cdk.Tests.Models;

public sealed class BedrockArnsTests
{
    private static readonly Stack Stack = new(new App(), "Arns");

    [Fact]
    public void InvokeTargets_WhenFoundationModelId_ShouldGrantThatModelInThisRegionOnly()
    {
        var target = Assert.Single(BedrockArns.InvokeTargets(Stack, "amazon.titan-embed-image-v1"));

        Assert.EndsWith("::foundation-model/amazon.titan-embed-image-v1", target, StringComparison.Ordinal);
        Assert.DoesNotContain(":bedrock:*:", target, StringComparison.Ordinal);
    }

    [Fact]
    public void InvokeTargets_WhenGeographyInferenceProfile_ShouldGrantTheProfileAndItsModelInEveryRegion()
    {
        var targets = BedrockArns.InvokeTargets(Stack, "us.amazon.nova-pro-v1:0");

        Assert.Equal(2, targets.Count);
        Assert.EndsWith(":inference-profile/us.amazon.nova-pro-v1:0", targets[0], StringComparison.Ordinal);
        Assert.EndsWith(":bedrock:*::foundation-model/amazon.nova-pro-v1:0", targets[1], StringComparison.Ordinal);
    }

    [Fact]
    public void OwnedResources_ShouldBeScopedToThisAccountAndRegion()
    {
        foreach (var arn in new[] { BedrockArns.CustomModels(Stack), BedrockArns.CustomizationJobs(Stack), BedrockArns.ProvisionedModels(Stack) })
        {
            Assert.Contains("AWS.AccountId", arn, StringComparison.Ordinal);
            Assert.Contains("AWS.Region", arn, StringComparison.Ordinal);
            Assert.EndsWith("/*", arn, StringComparison.Ordinal);
        }
    }
}
