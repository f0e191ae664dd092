using System.Text.Json;
using Storyboard.Aws.Bedrock.Model;
using Storyboard.Aws.BedrockRuntime.Model;
using Storyboard.Aws.BedrockRuntime.Models;
using Storyboard.Aws.Http;
using Storyboard.Aws.Rekognition.Model;
using Storyboard.Aws.StepFunctions.Model;

namespace Storyboard.Aws.Tests.Conformance;

/// <summary>
/// One realistic call per operation the product can send, with every optional member the product
/// uses filled in, so the conformance test sees each member at least once.
/// </summary>
internal static class SampleRequests
{
    private const string Collection = "storyboard-characters";
    private const string Region = "us-east-1";
    private const string Account = "123456789012";

    /// <summary>Deterministic bytes standing in for an encoded image; Rekognition's model only constrains the length.</summary>
    public static readonly byte[] ImageBytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 31 % 251)).ToArray();

    public static IReadOnlyDictionary<string, (ServiceMetadata Service, Func<AwsClients, Task> Call)> All { get; } =
        new Dictionary<string, (ServiceMetadata, Func<AwsClients, Task>)>(StringComparer.Ordinal)
        {
            ["CreateCollection"] = (AwsServices.Rekognition, c => c.Rekognition.CreateCollectionAsync(new(Collection, new Dictionary<string, string> { ["project"] = "storyboard" }))),
            ["DescribeCollection"] = (AwsServices.Rekognition, c => c.Rekognition.DescribeCollectionAsync(new(Collection))),
            ["IndexFaces"] = (AwsServices.Rekognition, c => c.Rekognition.IndexFacesAsync(new(
                Collection, Image.FromS3("storyboard-bucket", "characters/Tux/front.png"), "Tux:front.png", [FaceAttributes.Default], 1, QualityFilters.Auto))),
            ["ListFaces"] = (AwsServices.Rekognition, c => c.Rekognition.ListFacesAsync(new(Collection, "token-1", 100))),
            ["DeleteFaces"] = (AwsServices.Rekognition, c => c.Rekognition.DeleteFacesAsync(new(Collection, ["11111111-2222-3333-4444-555555555555"]))),
            ["DetectLabels"] = (AwsServices.Rekognition, c => c.Rekognition.DetectLabelsAsync(new(
                Image.FromBytes(ImageBytes), 20, 60, [DetectLabelsFeatures.GeneralLabels],
                new DetectLabelsSettings(new GeneralLabelsSettings(LabelInclusionFilters: ["Person", "Animal"]))))),
            ["DetectFaces"] = (AwsServices.Rekognition, c => c.Rekognition.DetectFacesAsync(new(Image.FromBytes(ImageBytes), [FaceAttributes.All]))),
            ["SearchFacesByImage"] = (AwsServices.Rekognition, c => c.Rekognition.SearchFacesByImageAsync(new(
                Collection, Image.FromS3("storyboard-bucket", "runs/r1/frames/0/1000.jpg", "v1"), 5, 80, QualityFilters.None))),
            ["DetectCustomLabels"] = (AwsServices.Rekognition, c => c.Rekognition.DetectCustomLabelsAsync(new(
                $"arn:aws:rekognition:{Region}:{Account}:project/characters/version/characters.2026-01-01/1700000000000", Image.FromBytes(ImageBytes), 10, 50))),

            ["GetFoundationModel"] = (AwsServices.Bedrock, c => c.Bedrock.GetFoundationModelAsync(ModelBodies.NovaCanvas)),
            ["CreateModelCustomizationJob"] = (AwsServices.Bedrock, c => c.Bedrock.CreateModelCustomizationJobAsync(new(
                "storyboard-r1-job", "storyboard-r1-canvas", $"arn:aws:iam::{Account}:role/StoryboardCustomization", ModelBodies.NovaCanvas,
                new TrainingDataConfig("s3://storyboard-bucket/runs/r1/dataset/train.jsonl"), new OutputDataConfig("s3://storyboard-bucket/runs/r1/model/output/"),
                ClientRequestToken: "storyboard-r1-finetune", CustomizationType: "FINE_TUNING",
                HyperParameters: new Dictionary<string, string> { ["stepCount"] = "500", ["batchSize"] = "8", ["learningRate"] = "0.00001" },
                JobTags: [new Tag("project", "storyboard")]))),
            ["GetModelCustomizationJob"] = (AwsServices.Bedrock, c => c.Bedrock.GetModelCustomizationJobAsync($"arn:aws:bedrock:{Region}:{Account}:model-customization-job/amazon.nova-canvas-v1:0/abc123def456")),
            ["ListModelCustomizationJobs"] = (AwsServices.Bedrock, c => c.Bedrock.ListModelCustomizationJobsAsync(new(
                CreationTimeAfter: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), StatusEquals: "InProgress", NameContains: "storyboard", MaxResults: 50, NextToken: "next+token/1==", SortBy: "CreationTime", SortOrder: "Descending"))),
            ["StopModelCustomizationJob"] = (AwsServices.Bedrock, c => c.Bedrock.StopModelCustomizationJobAsync("storyboard-r1-job")),
            ["CreateProvisionedModelThroughput"] = (AwsServices.Bedrock, c => c.Bedrock.CreateProvisionedModelThroughputAsync(new(
                1, "storyboard-r1-canvas", $"arn:aws:bedrock:{Region}:{Account}:custom-model/amazon.nova-canvas-v1:0/abc123def456", "storyboard-r1-throughput"))),
            ["GetProvisionedModelThroughput"] = (AwsServices.Bedrock, c => c.Bedrock.GetProvisionedModelThroughputAsync($"arn:aws:bedrock:{Region}:{Account}:provisioned-model/abc123def456")),
            ["ListProvisionedModelThroughputs"] = (AwsServices.Bedrock, c => c.Bedrock.ListProvisionedModelThroughputsAsync(new(
                StatusEquals: "InService", NameContains: "storyboard", MaxResults: 10, SortBy: "CreationTime", SortOrder: "Ascending"))),
            ["DeleteProvisionedModelThroughput"] = (AwsServices.Bedrock, c => c.Bedrock.DeleteProvisionedModelThroughputAsync("storyboard-r1-canvas")),

            ["InvokeModel"] = (AwsServices.BedrockRuntime, c => c.BedrockRuntime.InvokeModelAsync(new(
                ModelBodies.NovaPro, ModelBodies.NovaImageQuestion(ImageBytes, "png", "Describe the characters."), Trace: "DISABLED", PerformanceConfigLatency: "standard"))),
            ["Converse"] = (AwsServices.BedrockRuntime, c => c.BedrockRuntime.ConverseAsync(new(
                ModelBodies.NovaPro,
                [new ConverseMessage("user", [ContentBlock.FromImage("png", ImageBytes), ContentBlock.FromText("Name the characters in this frame.")])],
                [new SystemContentBlock("You caption animation frames.")],
                new InferenceConfiguration(300, 0.3, 0.9),
                JsonDocument.Parse("""{"inferenceConfig":{"topK":20}}""").RootElement))),

            ["StartExecution"] = (AwsServices.StepFunctions, c => c.StepFunctions.StartExecutionAsync(new(
                $"arn:aws:states:{Region}:{Account}:stateMachine:Storyboard", "r1-upload-video", """{"video":"uploads/video.mp4"}"""))),
            ["DescribeExecution"] = (AwsServices.StepFunctions, c => c.StepFunctions.DescribeExecutionAsync(new(
                $"arn:aws:states:{Region}:{Account}:execution:Storyboard:r1-upload-video", "METADATA_ONLY"))),
            ["RedriveExecution"] = (AwsServices.StepFunctions, c => c.StepFunctions.RedriveExecutionAsync(new(
                $"arn:aws:states:{Region}:{Account}:execution:Storyboard:r1-upload-video", "redrive-r1-1"))),
            ["SendTaskSuccess"] = (AwsServices.StepFunctions, c => c.StepFunctions.SendTaskSuccessAsync(new("AAAAKgAAAAIAAAAAAAAAA==", """{"approved":true}"""))),
            ["SendTaskFailure"] = (AwsServices.StepFunctions, c => c.StepFunctions.SendTaskFailureAsync(new("AAAAKgAAAAIAAAAAAAAAA==", "DatasetRejected", "The reviewer rejected the dataset."))),
        };
}
