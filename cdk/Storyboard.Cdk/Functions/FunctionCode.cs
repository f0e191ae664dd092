using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Functions;

/// <summary>
/// The one code asset shared by every workflow function: the publish output of Storyboard.Functions
/// (each function differs only by handler). Bundled locally; see <see cref="DotnetPublishBundling"/>.
/// </summary>
internal static class FunctionCode
{
    public static AssetCode Create(RepositoryLayout repository, DeploymentSettings settings) =>
        Code.FromAsset(repository.FunctionsSource, new Amazon.CDK.AWS.S3.Assets.AssetOptions
        {
            // A custom hash (sources + build settings + runtime id) instead of fingerprinting the folder:
            // it covers Directory.*.props outside functions/ and ignores bin/obj churn.
            AssetHashType = AssetHashType.CUSTOM,
            AssetHash = FunctionSourceHash.Compute(repository, settings.RuntimeIdentifier),
            Bundling = new BundlingOptions
            {
                // Required by the API but never pulled: local bundling always succeeds or throws.
                Image = DockerImage.FromRegistry("local-bundling-only"),
                Local = new DotnetPublishBundling(repository.FunctionsProject, settings.RuntimeIdentifier),
                OutputType = BundlingOutput.NOT_ARCHIVED,
            },
        });
}
