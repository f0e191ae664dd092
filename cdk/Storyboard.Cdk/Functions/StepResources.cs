using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Functions;

/// <summary>The stack resources the workflow functions are given access to.</summary>
public sealed record StepResources(
    IBucket Bucket,
    string CollectionId,
    string CollectionArn,
    IRole CustomizationRole,
    DeploymentSettings Settings);
