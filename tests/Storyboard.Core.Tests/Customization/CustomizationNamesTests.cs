using Storyboard.Core.Customization;
using Storyboard.Core.Models;
using Storyboard.Core.Requests;
using Storyboard.Core.Runs;

namespace Storyboard.Core.Tests.Customization;

public sealed class CustomizationNamesTests
{
    [Fact]
    public void Names_WhenTheRunIdIsAsLongAsAllowed_ShouldPassBedrocksRules()
    {
        var runId = new string('a', 32) + "-" + "0123456789ab";
        Assert.Equal(RunIds.MaxLength, runId.Length);
        var names = new CustomizationNames(runId);
        var request = new CustomizationJobRequest(
            names.JobName,
            names.CustomModelName,
            "arn:aws:iam::123456789012:role/StoryboardBedrock",
            ModelProfiles.NovaCanvasId,
            CustomizationJobRequest.FineTuning,
            new S3DataConfig($"s3://my-bucket/runs/{runId}/dataset/train.jsonl"),
            new S3DataConfig($"s3://my-bucket/runs/{runId}/model/output/"),
            new FineTuningHyperparameters(500, 8, 1e-5).ToApiMap(),
            names.JobToken("{}"u8));

        Assert.Empty(CustomizationRequestValidator.Validate(request, ModelProfiles.NovaCanvas));
        Assert.Empty(CustomizationRequestValidator.Validate(new ThroughputRequest(
            names.ProvisionedModelName,
            $"arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-canvas-v1:0/abcdef012345",
            1,
            names.ThroughputToken)));
    }

    [Fact]
    public void JobToken_ShouldChangeWithTheTrainingFileAndNothingElse()
    {
        var names = new CustomizationNames("intro-3f9a0c12b7de");

        Assert.Equal(names.JobToken("a"u8), new CustomizationNames("intro-3f9a0c12b7de").JobToken("a"u8));
        Assert.NotEqual(names.JobToken("a"u8), names.JobToken("b"u8));
        Assert.StartsWith("intro-3f9a0c12b7de-", names.JobToken("a"u8), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WhenTheRunIdIsInvalid_ShouldThrowInvalidRunId()
    {
        Assert.Throws<InvalidRunIdException>(() => new CustomizationNames("Not A Run"));
    }

    [Fact]
    public void Validate_WhenHyperparametersAreNotNumbers_ShouldSayHowToWriteThem()
    {
        var request = new CustomizationJobRequest(
            "job", "model", "arn:aws:iam::123456789012:role/r", ModelProfiles.NovaCanvasId, CustomizationJobRequest.FineTuning,
            new S3DataConfig("s3://my-bucket/train.jsonl"), new S3DataConfig("s3://my-bucket/out/"),
            new Dictionary<string, string> { ["stepCount"] = "1e3", ["learningRate"] = "fast" }, "token");

        var problems = CustomizationRequestValidator.Validate(request, ModelProfiles.NovaCanvas);

        Assert.Equal(["hyperParameters.stepCount", "hyperParameters.learningRate"], problems.Select(p => p.Path));
        Assert.Contains("whole number", problems[0].Rule, StringComparison.Ordinal);
    }
}
