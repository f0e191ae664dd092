using System.Text.Json.Nodes;
using Storyboard.Cdk.Functions;

namespace Storyboard.Cdk.Tests.Functions;

/// <summary>Each function's role holds what its step needs and nothing another step needs.</summary>
[Collection(SynthesizedStackCollection.Name)]
public sealed class StepPermissionsTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    private IReadOnlyList<JsonObject> StatementsOf(string step) => _stack.StatementsOfRole(_stack.LogicalIdOf($"Steps/{step}/Role"));

    private IEnumerable<string> ActionsOf(string step) =>
        StatementsOf(step).SelectMany(statement => Synthesis.AsList(statement["Action"]).Select(action => (string)action!));

    private static string Resources(JsonObject statement) => statement["Resource"]!.ToJsonString();

    [Fact]
    public void EveryTaskState_ShouldWriteOnlyItsOwnLogGroupAndTheRunFolder()
    {
        foreach (var step in WorkflowSteps.TaskStates)
        {
            var logs = StatementsOf(step.Name).Single(s => Synthesis.AsList(s["Action"]).Any(a => (string?)a == "logs:PutLogEvents"));
            Assert.Contains($"\"{_stack.LogicalIdOf($"Steps/{step.Name}/Logs")}\"", Resources(logs), StringComparison.Ordinal);

            var run = StatementsOf(step.Name).Single(s => (string?)s["Sid"] == "RunFolder");
            Assert.EndsWith("/runs/*\"]]}", Resources(run), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RecordFailure_ShouldReadUploadsAndCharactersAndWriteOnlyErrorRecords()
    {
        var statements = StatementsOf("RecordFailure");
        var bucketId = _stack.LogicalIdOf("Runs/Bucket");

        Assert.DoesNotContain(statements, s => (string?)s["Sid"] == "RunFolder");
        Assert.Equal(
            ["ListOwnPrefixes", "ReadCharacters", "ReadUploads", "WriteErrorRecords"],
            statements.Select(s => (string?)s["Sid"]).OfType<string>().Order(StringComparer.Ordinal));

        var write = statements.Single(s => (string?)s["Sid"] == "WriteErrorRecords");
        Assert.Equal("s3:PutObject", (string?)write["Action"]);
        var written = Synthesis.AsList(write["Resource"]).Select(r => r.ToJsonString()).ToList();
        Assert.Equal(2, written.Count);
        Assert.All(written, r => Assert.Contains($"\"{bucketId}\"", r, StringComparison.Ordinal));
        Assert.Contains(written, r => r.EndsWith("/runs/*/error.json\"]]}", StringComparison.Ordinal));
        Assert.Contains(written, r => r.EndsWith("/runs/_failed/*\"]]}", StringComparison.Ordinal));

        Assert.EndsWith("/uploads/*\"]]}", Resources(statements.Single(s => (string?)s["Sid"] == "ReadUploads")), StringComparison.Ordinal);
        Assert.EndsWith("/characters/*\"]]}", Resources(statements.Single(s => (string?)s["Sid"] == "ReadCharacters")), StringComparison.Ordinal);
        var list = statements.Single(s => (string?)s["Sid"] == "ListOwnPrefixes");
        Assert.Equal(["uploads/*", "characters/*"], list["Condition"]!["StringLike"]!["s3:prefix"]!.AsArray().Select(p => (string?)p));

        // The rest: its own log group, active tracing, and sending an invocation that still failed to the dead-letter queue.
        var rest = statements.Where(s => s["Sid"] is null).SelectMany(s => Synthesis.AsList(s["Action"]).Select(a => (string)a!)).ToList();
        Assert.All(rest, action => Assert.True(action.Split(':')[0] is "logs" or "xray" or "sqs", action));
        var send = statements.Single(s => Synthesis.AsList(s["Action"]).Any(a => ((string)a!).StartsWith("sqs:", StringComparison.Ordinal)));
        Assert.Equal(
            ["sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:SendMessage"],
            Synthesis.AsList(send["Action"]).Select(a => (string)a!).Order(StringComparer.Ordinal));
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{_stack.LogicalIdOf("FailedRun/DeadLetters")}\",\"Arn\"]}}", Resources(send));
    }

    [Theory]
    [InlineData("s3:PutObjectTagging", "ExtractFrames")]
    [InlineData("rekognition:IndexFaces", "PrepareCharacters")]
    [InlineData("rekognition:SearchFacesByImage", "DetectCharacters")]
    [InlineData("rekognition:DetectFaces", "DetectCharacters")]
    [InlineData("bedrock:GetFoundationModel", "PrepareRun")]
    [InlineData("bedrock:CreateModelCustomizationJob", "StartFineTuning")]
    [InlineData("iam:PassRole", "StartFineTuning")]
    [InlineData("bedrock:CreateProvisionedModelThroughput", "ProvisionThroughput")]
    [InlineData("bedrock:DeleteProvisionedModelThroughput", "ReleaseThroughput")]
    public void Action_ShouldBeGrantedToItsStepOnly(string action, string owner)
    {
        var holders = WorkflowSteps.All.Where(step => ActionsOf(step.Name).Contains(action)).Select(step => step.Name).ToList();

        Assert.Equal([owner], holders);
    }

    [Fact]
    public void InvokeModel_ShouldTargetEachStepsOwnModel()
    {
        var holders = WorkflowSteps.All.Where(step => ActionsOf(step.Name).Contains("bedrock:InvokeModel")).Select(step => step.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["CaptionBatch", "EmbedCrops", "RenderStoryboard"], holders);

        Assert.Contains(":foundation-model/amazon.titan-embed-image-v1", Resources(StatementsOf("EmbedCrops").Single(s => (string?)s["Sid"] == "InvokeEmbeddingModel")), StringComparison.Ordinal);
        Assert.Contains(":foundation-model/amazon.nova-pro-v1:0", Resources(StatementsOf("CaptionBatch").Single(s => (string?)s["Sid"] == "InvokeCaptionModel")), StringComparison.Ordinal);
        Assert.Contains(":provisioned-model/*", Resources(StatementsOf("RenderStoryboard").Single(s => (string?)s["Sid"] == "InvokeCustomModel")), StringComparison.Ordinal);
    }

    [Fact]
    public void Rekognition_ShouldBeScopedToTheStacksCollection()
    {
        var collectionId = _stack.LogicalIdOf("Characters");
        var index = StatementsOf("PrepareCharacters").Single(s => (string?)s["Sid"] == "IndexCharacterFaces");
        var search = StatementsOf("DetectCharacters").Single(s => (string?)s["Sid"] == "SearchCharacterFaces");

        Assert.Equal(
            ["rekognition:DeleteFaces", "rekognition:DescribeCollection", "rekognition:IndexFaces", "rekognition:ListFaces"],
            Synthesis.AsList(index["Action"]).Select(a => (string)a!).Order(StringComparer.Ordinal));
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{collectionId}\",\"Arn\"]}}", Resources(index));
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{collectionId}\",\"Arn\"]}}", Resources(search));
    }

    [Fact]
    public void PassRole_ShouldNameOnlyTheCustomizationRoleAndOnlyForBedrock()
    {
        var pass = StatementsOf("StartFineTuning").Single(s => (string?)s["Sid"] == "PassCustomizationRole");

        Assert.Equal($"{{\"Fn::GetAtt\":[\"{_stack.LogicalIdOf("ModelCustomization/Role")}\",\"Arn\"]}}", Resources(pass));
        Assert.Equal("bedrock.amazonaws.com", (string?)pass["Condition"]!["StringEquals"]!["iam:PassedToService"]);
    }

    [Fact]
    public void StartFineTuning_ShouldCreateJobsOnlyFromTheBaseModelIntoThisAccount()
    {
        var create = Resources(StatementsOf("StartFineTuning").Single(s => (string?)s["Sid"] == "StartCustomization"));

        Assert.Contains(":foundation-model/amazon.nova-canvas-v1:0", create, StringComparison.Ordinal);
        Assert.Contains(":custom-model/*", create, StringComparison.Ordinal);
        Assert.Contains(":model-customization-job/*", create, StringComparison.Ordinal);
    }

    [Fact]
    public void DetectCharacters_ShouldReadTheReferencesAndListTheCollectionToRebuildItsIndexWhenCold()
    {
        var actions = ActionsOf("DetectCharacters");
        var list = StatementsOf("DetectCharacters").Single(s => (string?)s["Sid"] == "ListOwnPrefixes");

        Assert.Contains("rekognition:ListFaces", actions);
        Assert.Contains("characters/*", list["Condition"]!["StringLike"]!["s3:prefix"]!.AsArray().Select(p => (string?)p));
        Assert.DoesNotContain("rekognition:IndexFaces", actions);
        Assert.DoesNotContain("rekognition:DeleteFaces", actions);
    }

    [Fact]
    public void ListBucket_ShouldBeLimitedToThePrefixesTheStepReads()
    {
        var prepare = StatementsOf("PrepareRun").Single(s => (string?)s["Sid"] == "ListOwnPrefixes");
        var filter = StatementsOf("FilterFrames").Single(s => (string?)s["Sid"] == "ListOwnPrefixes");

        Assert.Equal(["runs/*", "uploads/*", "characters/*"], prepare["Condition"]!["StringLike"]!["s3:prefix"]!.AsArray().Select(p => (string?)p));
        Assert.Equal(["runs/*"], filter["Condition"]!["StringLike"]!["s3:prefix"]!.AsArray().Select(p => (string?)p));
    }
}
