using System.Text.Json.Nodes;
using Storyboard.Aws.Tests.S3;
using Storyboard.Cli.Tests.Commands;
using Storyboard.Cli.Tests.Stack;

namespace Storyboard.Cli.Tests.Workflow.Hybrid;

/// <summary>
/// <c>storyboard run --services aws</c>: the workflow on this machine with the AWS adapters, the
/// services emulated on loopback (real HTTP, every request's SigV4 signature checked).
/// </summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class HybridRunTests : IDisposable
{
    private const string Bucket = "storyboard-hybrid-test";

    private readonly CliHarness cli = new();
    private readonly Dictionary<string, string?> saved = [];

    [Fact]
    public async Task Run_WithAwsServicesAndABucket_ShouldBuildTheDatasetThroughTheAdaptersAndCopyItForBedrock()
    {
        var sample = await SampleClip.GetAsync();
        await using var aws = await EmulatedAws.StartAsync(sample.Characters, new() { ["Dino"] = "Dinosaur", ["Teddy"] = "Teddy Bear" });
        await using var s3 = await LoopbackS3Server.StartAsync();
        s3.ExistingBucket = Bucket;
        UseEndpoints(aws.Server.BaseUri, s3.BaseUri);

        var (code, output, error) = await cli.RunAsync(
            "run", sample.Video, "--characters", sample.Characters, "--config", sample.Config, "--out", cli.Out,
            "--services", "aws", "--dataset-only", "--collection", "hybrid-test", "--bucket", Bucket);

        Assert.True(code == 0, error + output);
        Assert.Contains("services aws (Rekognition collection hybrid-test", error, StringComparison.Ordinal);
        var run = Directory.GetDirectories(Path.Combine(cli.Out, "runs")).Single();
        var runId = Path.GetFileName(run);
        var validate = await cli.RunAsync("validate-dataset", Path.Combine(run, "dataset", "train.jsonl"));
        Assert.True(validate.ExitCode == 0, validate.Output + validate.Error);

        // Every request was signed correctly for the test credentials.
        Assert.All(aws.Server.Received, r => Assert.Null(r.SignatureProblem));

        // The collection was created and each reference offered to IndexFaces once; no frame had a face to search.
        Assert.Equal(1, aws.Rekognition.Count("CreateCollection"));
        Assert.Equal(Directory.GetFiles(sample.Characters, "*.png", SearchOption.AllDirectories).Length, aws.Rekognition.Count("IndexFaces"));
        Assert.Equal(0, aws.Rekognition.Count("SearchFacesByImage"));

        // One DetectLabels per kept frame; the figures were named from their references, on the right characters.
        var detections = Lines(Path.Combine(run, "detections.jsonl"));
        var kept = Directory.GetFiles(Path.Combine(run, "filtered")).Sum(f => JsonNode.Parse(File.ReadAllText(f))!["kept"]!.AsArray().Count);
        Assert.Equal(kept, aws.Rekognition.Count("DetectLabels"));
        Assert.Contains(detections, d => d["character"]!.GetValue<string>() == "Dino");
        Assert.Contains(detections, d => d["character"]!.GetValue<string>() == "Teddy");
        var (checkedCount, hits) = await sample.ScoreDetectionsAsync(detections);
        Assert.True(checkedCount >= 10, $"only {checkedCount} detections near a ground-truth time");
        Assert.True(hits >= checkedCount * 0.9, $"{hits} of {checkedCount} detections are on their character's true box");

        // Crops were embedded by Titan and captioned by Nova Pro, and every caption names its characters.
        var items = Lines(Path.Combine(run, "dataset", "items.jsonl"));
        Assert.True(items.Count >= 5, $"only {items.Count} training images");
        Assert.True(aws.TitanCalls >= items.Count, $"{aws.TitanCalls} embeddings for {items.Count} items");
        Assert.True(aws.NovaCalls >= items.Count, $"{aws.NovaCalls} captions for {items.Count} items");
        foreach (var item in items)
        {
            foreach (var character in item["characters"]!.AsArray())
            {
                Assert.Contains(character!.GetValue<string>(), item["caption"]!.GetValue<string>(), StringComparison.Ordinal);
            }
        }

        // The bucket holds what Bedrock would read, at the same keys; frames and the video stay on the machine.
        var train = $"runs/{runId}/dataset/train.jsonl";
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(run, "dataset", "train.jsonl")), s3.Objects[train]);
        foreach (var line in Lines(Path.Combine(run, "dataset", "train.jsonl")))
        {
            var key = line["image-ref"]!.GetValue<string>().Replace($"s3://{Bucket}/", string.Empty, StringComparison.Ordinal);
            Assert.True(s3.Objects.ContainsKey(key), $"{key} is not in the bucket");
        }

        Assert.DoesNotContain(s3.Objects.Keys, k => k.Contains("/frames/", StringComparison.Ordinal) || !k.StartsWith("runs/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WithAwsServicesToFineTuneButNoBucketOrRole_ShouldRefuseBeforeAnyRequest()
    {
        var sample = await SampleClip.GetAsync();
        await using var aws = await EmulatedAws.StartAsync(sample.Characters, new() { ["Dino"] = "Dinosaur", ["Teddy"] = "Teddy Bear" });
        UseEndpoints(aws.Server.BaseUri, aws.Server.BaseUri);
        Environment.SetEnvironmentVariable("STORYBOARD_BUCKET", null);
        Environment.SetEnvironmentVariable("STORYBOARD_CUSTOMIZATION_ROLE_ARN", null);

        var (code, _, error) = await cli.RunAsync("run", sample.Video, "--characters", sample.Characters, "--out", cli.Out, "--services", "aws");

        Assert.Equal(2, code);
        Assert.Contains("--bucket", error, StringComparison.Ordinal);
        Assert.Contains("--role-arn", error, StringComparison.Ordinal);
        Assert.Contains("No paid call was made.", error, StringComparison.Ordinal);
        Assert.Empty(aws.Server.Received);
        Assert.False(Directory.Exists(Path.Combine(cli.Out, "runs")));
    }

    [Fact]
    public async Task Run_WithAwsServicesAndABucketThatDoesNotExist_ShouldRefuseBeforeAnyPaidCall()
    {
        var sample = await SampleClip.GetAsync();
        await using var aws = await EmulatedAws.StartAsync(sample.Characters, new() { ["Dino"] = "Dinosaur", ["Teddy"] = "Teddy Bear" });
        await using var s3 = await LoopbackS3Server.StartAsync();
        s3.ExistingBucket = "some-other-bucket";
        UseEndpoints(aws.Server.BaseUri, s3.BaseUri);

        var (code, _, error) = await cli.RunAsync(
            "run", sample.Video, "--characters", sample.Characters, "--out", cli.Out, "--services", "aws", "--dataset-only", "--bucket", Bucket);

        Assert.Equal(2, code);
        Assert.Contains($"The bucket '{Bucket}' cannot be used: NoSuchBucket", error, StringComparison.Ordinal);
        Assert.Contains("No paid call was made.", error, StringComparison.Ordinal);
        Assert.Empty(aws.Server.Received);
    }

    public void Dispose()
    {
        foreach (var (name, value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        cli.Dispose();
    }

    private void UseEndpoints(Uri services, Uri s3)
    {
        Set("AWS_ENDPOINT_URL", services.ToString());
        Set("AWS_ENDPOINT_URL_S3", s3.ToString());
        Set("AWS_REGION", "us-east-1");
        Set("AWS_ACCESS_KEY_ID", EmulatedAws.Keys.AccessKeyId);
        Set("AWS_SECRET_ACCESS_KEY", EmulatedAws.Keys.SecretAccessKey);
        Set("AWS_SESSION_TOKEN", null);
        Set("AWS_PROFILE", null);
        Set("STORYBOARD_BUCKET", null);
        Set("STORYBOARD_CUSTOMIZATION_ROLE_ARN", null);
        Set("STORYBOARD_COLLECTION_ID", null);
    }

    private void Set(string name, string? value)
    {
        saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    private static List<JsonNode> Lines(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList();
}
