using Amazon.CDK;

namespace Storyboard.Cdk.Models;

/// <summary>
/// Bedrock resource ARNs of the stack's account and region, as narrow as each API allows: foundation
/// models by id (they have no account), and the customization job, custom model and provisioned model
/// names the workflow chooses at run time under <c>/*</c>.
/// </summary>
internal static class BedrockArns
{
    /// <summary>Geography prefixes of cross-region inference profiles (<c>us.amazon.nova-pro-v1:0</c>).</summary>
    private static readonly string[] ProfileGeographies = ["us", "eu", "apac", "us-gov", "ca", "jp", "au", "global"];

    public static string FoundationModel(Stack stack, string modelId, string? region = null) =>
        stack.FormatArn(new ArnComponents
        {
            Service = "bedrock",
            Account = string.Empty,
            Region = region,
            Resource = "foundation-model",
            ResourceName = modelId,
            ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
        });

    public static string CustomizationJobs(Stack stack) => Owned(stack, "model-customization-job");

    public static string CustomModels(Stack stack) => Owned(stack, "custom-model");

    public static string ProvisionedModels(Stack stack) => Owned(stack, "provisioned-model");

    /// <summary>
    /// InvokeModel resources for a model id or an inference profile id. A geography profile routes a
    /// request to the model in any region of that geography, so the model ARN is granted in every
    /// region (<c>*</c> in the region field only) next to the profile of this account and region.
    /// </summary>
    public static IReadOnlyList<string> InvokeTargets(Stack stack, string modelOrProfileId)
    {
        var firstDot = modelOrProfileId.IndexOf('.', StringComparison.Ordinal);
        var prefix = firstDot > 0 ? modelOrProfileId[..firstDot] : string.Empty;
        if (!ProfileGeographies.Contains(prefix, StringComparer.Ordinal))
        {
            return [FoundationModel(stack, modelOrProfileId)];
        }

        var modelId = modelOrProfileId[(firstDot + 1)..];
        return
        [
            stack.FormatArn(new ArnComponents
            {
                Service = "bedrock",
                Resource = "inference-profile",
                ResourceName = modelOrProfileId,
                ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
            }),
            FoundationModel(stack, modelId, region: "*"),
        ];
    }

    private static string Owned(Stack stack, string resource) =>
        stack.FormatArn(new ArnComponents
        {
            Service = "bedrock",
            Resource = resource,
            ResourceName = "*",
            ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
        });
}
