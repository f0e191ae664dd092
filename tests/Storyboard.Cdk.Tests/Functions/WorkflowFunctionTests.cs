using System.Text.Json.Nodes;
using Storyboard.Cdk.Functions;

namespace Storyboard.Cdk.Tests.Functions;

[Collection(SynthesizedStackCollection.Name)]
public sealed class WorkflowFunctionTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    private JsonObject FunctionOf(string step) =>
        _stack.Resources[_stack.LogicalIdOf($"Steps/{step}/Function")]!["Properties"]!.AsObject();

    [Fact]
    public void Stack_ShouldHaveOneFunctionPerStepAndNoOther()
    {
        var functions = _stack.ResourcesOfType("AWS::Lambda::Function").ToList();

        Assert.Equal(WorkflowSteps.All.Count, functions.Count);
    }

    [Fact]
    public void Functions_ShouldUseTheManagedDotnet10RuntimeWithTheSharedDefaults()
    {
        var layerId = _stack.LogicalIdOf("Ffmpeg/Layer");
        foreach (var step in WorkflowSteps.All)
        {
            var function = FunctionOf(step.Name);
            Assert.Equal("dotnet10", (string?)function["Runtime"]);
            Assert.Equal(step.Handler, (string?)function["Handler"]);
            Assert.Equal(["x86_64"], function["Architectures"]!.AsArray().Select(a => (string?)a));
            Assert.Equal(step.MemoryMb, (int)function["MemorySize"]!);
            Assert.Equal(step.TimeoutSeconds, (int)function["Timeout"]!);
            Assert.Equal(step.EphemeralStorageMb, (int)function["EphemeralStorage"]!["Size"]!);
            Assert.Equal("Active", (string?)function["TracingConfig"]!["Mode"]);
            Assert.Equal(layerId, (string?)function["Layers"]![0]!["Ref"]);
            Assert.Equal(_stack.LogicalIdOf($"Steps/{step.Name}/Logs"), (string?)function["LoggingConfig"]!["LogGroup"]!["Ref"]);
        }
    }

    [Fact]
    public void Functions_ShouldShareOneCodeAsset()
    {
        var keys = WorkflowSteps.All.Select(step => FunctionOf(step.Name)["Code"]!["S3Key"]!.ToJsonString()).Distinct().ToList();

        Assert.Single(keys);
    }

    [Fact]
    public void Functions_ShouldReceiveBucketCollectionServiceModeAndFfmpegPaths()
    {
        foreach (var step in WorkflowSteps.All)
        {
            var variables = FunctionOf(step.Name)["Environment"]!["Variables"]!;
            Assert.Equal(_stack.LogicalIdOf("Runs/Bucket"), (string?)variables["STORYBOARD_BUCKET"]!["Ref"]);
            Assert.Equal("Storyboard-characters", (string?)variables["STORYBOARD_COLLECTION_ID"]);
            Assert.Equal("aws", (string?)variables["STORYBOARD_SERVICES"]);
            Assert.Equal("/opt/bin/ffmpeg", (string?)variables["FFMPEG_PATH"]);
            Assert.Equal("/opt/bin/ffprobe", (string?)variables["FFPROBE_PATH"]);
            Assert.Equal("amazon.nova-canvas-v1:0", (string?)variables["STORYBOARD_BASE_MODEL_ID"]);
        }
    }

    [Fact]
    public void Functions_OnlyTheStepsThatNeedThem_ShouldReceiveRoleFrameTagAndCollectionManagement()
    {
        foreach (var step in WorkflowSteps.All)
        {
            var variables = FunctionOf(step.Name)["Environment"]!["Variables"]!.AsObject();
            Assert.Equal(step.Name == "StartFineTuning", variables.ContainsKey("STORYBOARD_CUSTOMIZATION_ROLE_ARN"));
            Assert.Equal(step.Name == "ExtractFrames", variables.ContainsKey("STORYBOARD_FRAME_TAG"));
            Assert.Equal(step.Name == "PrepareCharacters", variables.ContainsKey("STORYBOARD_MANAGE_COLLECTION"));
        }

        Assert.Equal("storyboard:kind=frame", (string?)FunctionOf("ExtractFrames")["Environment"]!["Variables"]!["STORYBOARD_FRAME_TAG"]);
    }

    [Fact]
    public void LogGroups_ShouldKeepTheConfiguredRetention()
    {
        foreach (var step in WorkflowSteps.All)
        {
            var logGroup = _stack.Resources[_stack.LogicalIdOf($"Steps/{step.Name}/Logs")]!["Properties"]!;
            Assert.Equal(30, (int)logGroup["RetentionInDays"]!);
        }
    }

    [Fact]
    public void Layer_ShouldBeGplLicensedForTheFunctionArchitectureAndRuntime()
    {
        var layer = _stack.ResourcesOfType("AWS::Lambda::LayerVersion").Single().Resource["Properties"]!;

        Assert.Equal(["x86_64"], layer["CompatibleArchitectures"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["dotnet10"], layer["CompatibleRuntimes"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("GPL-3.0-or-later", (string?)layer["LicenseInfo"]);
    }
}

/// <summary>The arm64 option needs its own synthesis.</summary>
public sealed class WorkflowFunctionArm64Tests
{
    [Fact]
    public void Functions_WhenArchitectureIsArm64_ShouldRunOnArm64WithAnArm64Layer()
    {
        using var stack = new Synthesis(new Dictionary<string, object> { ["architecture"] = "arm64" });

        foreach (var (_, function) in stack.ResourcesOfType("AWS::Lambda::Function"))
        {
            Assert.Equal(["arm64"], function["Properties"]!["Architectures"]!.AsArray().Select(a => (string?)a));
        }

        var layer = stack.ResourcesOfType("AWS::Lambda::LayerVersion").Single().Resource["Properties"]!;
        Assert.Equal(["arm64"], layer["CompatibleArchitectures"]!.AsArray().Select(a => (string?)a));
        Assert.Equal("linux-arm64", stack.Stack.Settings.RuntimeIdentifier);
    }
}

/// <summary>A Custom Labels model needs its own synthesis.</summary>
public sealed class WorkflowFunctionCustomLabelsTests
{
    private const string ModelArn = "arn:aws:rekognition:us-east-1:123456789012:project/characters/version/characters.2026-11-01T10.00.00/1730455200000";

    [Fact]
    public void DetectCharacters_WhenACustomLabelsModelIsConfigured_ShouldGetItsArnAndMayCallOnlyThatModel()
    {
        using var stack = new Synthesis(new Dictionary<string, object> { ["customLabelsProjectVersionArn"] = ModelArn });

        var functions = stack.ResourcesOfType("AWS::Lambda::Function").Select(f => f.Resource["Properties"]!).ToList();
        var detect = functions.Single(f => ((string?)f["Description"])!.EndsWith(" DetectCharacters", StringComparison.Ordinal));
        Assert.Equal(ModelArn, (string?)detect["Environment"]!["Variables"]!["STORYBOARD_CUSTOM_LABELS_PROJECT_VERSION_ARN"]);
        Assert.Single(functions, f => f["Environment"]!["Variables"]!.AsObject().ContainsKey("STORYBOARD_CUSTOM_LABELS_PROJECT_VERSION_ARN"));
        var statement = stack.ResourcesOfType("AWS::IAM::Policy")
            .SelectMany(p => p.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Single(s => (string?)s!["Sid"] == "DetectCustomLabels")!;
        Assert.Equal(ModelArn, (string?)statement["Resource"]);
    }
}
