using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;
using Storyboard.Cdk.Storage;

namespace Storyboard.Cdk.Models;

/// <summary>
/// The service role Bedrock assumes to run a model customization job: it may read the training
/// dataset and the crops the dataset points at, and write the job output under the run's model/
/// folder — nothing else. The trust policy admits only customization jobs of this account and region
/// (confused-deputy protection).
/// </summary>
public sealed class ModelCustomizationRole : Construct
{
    public ModelCustomizationRole(Construct scope, string id, IBucket bucket)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        Role = new Role(this, "Role", new RoleProps
        {
            Description = "Assumed by Bedrock model customization jobs started by the Storyboard workflow.",
            AssumedBy = new ServicePrincipal("bedrock.amazonaws.com").WithConditions(new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = BedrockArns.CustomizationJobs(stack) },
            }),
        });

        Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReadDatasetAndCrops",
            Actions = ["s3:GetObject"],
            Resources = [bucket.ArnForObjects(RunLayout.DatasetObjects), bucket.ArnForObjects(RunLayout.CropObjects)],
        }));
        Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ListRunFolders",
            Actions = ["s3:ListBucket"],
            Resources = [bucket.BucketArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = new[] { RunLayout.RunObjects } },
            },
        }));
        Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteModelOutput",
            Actions = ["s3:PutObject", "s3:GetObject"],
            Resources = [bucket.ArnForObjects(RunLayout.ModelObjects)],
        }));
    }

    public IRole Role { get; }
}
