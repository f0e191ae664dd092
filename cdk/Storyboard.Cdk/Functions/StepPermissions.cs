using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Storyboard.Cdk.Models;
using Storyboard.Cdk.Storage;

namespace Storyboard.Cdk.Functions;

/// <summary>
/// Turns a step's <see cref="StepAccess"/> into IAM statements on the narrowest resources each API
/// allows. The only <c>*</c> resources are for Rekognition's DetectFaces and DetectLabels, which have no
/// resource-level permissions.
/// </summary>
internal static class StepPermissions
{
    public static IEnumerable<PolicyStatement> For(WorkflowStep step, StepResources resources, Stack stack)
    {
        var bucket = resources.Bucket;
        var access = step.Access;

        var listable = new List<string>();
        if (step.IsTaskState)
        {
            // Every Task state reads its input records and writes its output records in the run folder.
            yield return Statement("RunFolder", ["s3:GetObject", "s3:PutObject"], bucket.ArnForObjects(RunLayout.RunObjects));
            listable.Add(RunLayout.RunObjects);
        }

        if (access.HasFlag(StepAccess.ReadUploads))
        {
            yield return Statement("ReadUploads", ["s3:GetObject"], bucket.ArnForObjects(RunLayout.UploadsPrefix + "*"));
            listable.Add(RunLayout.UploadsPrefix + "*");
        }

        if (access.HasFlag(StepAccess.ReadCharacters))
        {
            yield return Statement("ReadCharacters", ["s3:GetObject"], bucket.ArnForObjects(RunLayout.CharactersPrefix + "*"));
            listable.Add(RunLayout.CharactersPrefix + "*");
        }

        if (access.HasFlag(StepAccess.WriteErrorRecords))
        {
            // Write-only: the recorder derives the run id from the upload; it never reads the run folder.
            yield return Statement(
                "WriteErrorRecords",
                ["s3:PutObject"],
                bucket.ArnForObjects(RunLayout.ErrorRecordObjects),
                bucket.ArnForObjects(RunLayout.UnnamedRunErrorObjects));
        }

        if (listable.Count > 0)
        {
            yield return new PolicyStatement(new PolicyStatementProps
            {
                Sid = "ListOwnPrefixes",
                Actions = ["s3:ListBucket"],
                Resources = [bucket.BucketArn],
                Conditions = new Dictionary<string, object>
                {
                    ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = listable.ToArray() },
                },
            });
        }

        if (access.HasFlag(StepAccess.TagFrames))
        {
            // PutObject with an x-amz-tagging header also needs PutObjectTagging.
            yield return Statement("TagFrames", ["s3:PutObjectTagging"], bucket.ArnForObjects(RunLayout.FrameObjects), bucket.ArnForObjects(RunLayout.WorkingFrameObjects));
        }

        if (access.HasFlag(StepAccess.IndexCharacterFaces))
        {
            yield return Statement(
                "IndexCharacterFaces",
                ["rekognition:IndexFaces", "rekognition:ListFaces", "rekognition:DeleteFaces", "rekognition:DescribeCollection"],
                resources.CollectionArn);
        }

        if (access.HasFlag(StepAccess.SearchCharacterFaces))
        {
            // ListFaces: a cold DetectCharacters counts each character's indexed faces, so frames of
            // characters without any are not sent to DetectFaces for nothing.
            yield return Statement("SearchCharacterFaces", ["rekognition:SearchFacesByImage", "rekognition:ListFaces"], resources.CollectionArn);

            // DetectFaces and DetectLabels act on an image, not on a Rekognition resource: "*" is the only resource they accept.
            yield return Statement("DetectInImages", ["rekognition:DetectFaces", "rekognition:DetectLabels"], "*");
            if (resources.Settings.CustomLabelsProjectVersionArn is { } customLabels)
            {
                yield return Statement("DetectCustomLabels", ["rekognition:DetectCustomLabels"], customLabels);
            }
        }

        if (access.HasFlag(StepAccess.CheckBaseModel))
        {
            yield return Statement(
                "CheckBaseModel",
                ["bedrock:GetFoundationModel"],
                BedrockArns.FoundationModel(stack, resources.Settings.BaseModelId));
        }

        if (access.HasFlag(StepAccess.InvokeEmbeddingModel))
        {
            yield return Statement(
                "InvokeEmbeddingModel",
                ["bedrock:InvokeModel"],
                [.. BedrockArns.InvokeTargets(stack, resources.Settings.EmbeddingModelId)]);
        }

        if (access.HasFlag(StepAccess.InvokeCaptionModel))
        {
            yield return Statement(
                "InvokeCaptionModel",
                ["bedrock:InvokeModel"],
                [.. BedrockArns.InvokeTargets(stack, resources.Settings.CaptionModelId)]);
        }

        if (access.HasFlag(StepAccess.StartCustomization))
        {
            yield return Statement(
                "StartCustomization",
                ["bedrock:CreateModelCustomizationJob"],
                BedrockArns.FoundationModel(stack, resources.Settings.BaseModelId),
                BedrockArns.CustomModels(stack),
                BedrockArns.CustomizationJobs(stack));

            // Look-up-before-create by the deterministic job name keeps a redrive from buying a second job.
            yield return Statement("FindCustomization", ["bedrock:GetModelCustomizationJob"], BedrockArns.CustomizationJobs(stack));
            yield return new PolicyStatement(new PolicyStatementProps
            {
                Sid = "PassCustomizationRole",
                Actions = ["iam:PassRole"],
                Resources = [resources.CustomizationRole.RoleArn],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "bedrock.amazonaws.com" },
                },
            });
        }

        if (access.HasFlag(StepAccess.ReadCustomization))
        {
            yield return Statement("ReadCustomization", ["bedrock:GetModelCustomizationJob"], BedrockArns.CustomizationJobs(stack));
        }

        if (access.HasFlag(StepAccess.ProvisionThroughput))
        {
            yield return Statement(
                "ProvisionThroughput",
                ["bedrock:CreateProvisionedModelThroughput"],
                BedrockArns.CustomModels(stack),
                BedrockArns.ProvisionedModels(stack));
            yield return Statement("ReadCustomModel", ["bedrock:GetCustomModel"], BedrockArns.CustomModels(stack));
            yield return Statement("FindThroughput", ["bedrock:GetProvisionedModelThroughput"], BedrockArns.ProvisionedModels(stack));
        }

        if (access.HasFlag(StepAccess.ReadThroughput))
        {
            yield return Statement("ReadThroughput", ["bedrock:GetProvisionedModelThroughput"], BedrockArns.ProvisionedModels(stack));
        }

        if (access.HasFlag(StepAccess.DeleteThroughput))
        {
            yield return Statement("DeleteThroughput", ["bedrock:DeleteProvisionedModelThroughput"], BedrockArns.ProvisionedModels(stack));
        }

        if (access.HasFlag(StepAccess.InvokeCustomModel))
        {
            yield return Statement("InvokeCustomModel", ["bedrock:InvokeModel"], BedrockArns.ProvisionedModels(stack));
        }
    }

    private static PolicyStatement Statement(string sid, string[] actions, params string[] resources) =>
        new(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources });
}
