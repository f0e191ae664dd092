using Storyboard.Functions.Composition;
using Storyboard.Local.Captions;
using Storyboard.Storage;

namespace Storyboard.Functions.Tests.Composition;

public sealed class ServicesFromEnvironmentTests
{
    [Fact]
    public void Create_WhenLocalWithAnOutputFolder_ShouldComposeTheOfflineStandIns()
    {
        var folder = Path.Combine(Path.GetTempPath(), "storyboard-env-" + Guid.NewGuid().ToString("N"));
        var variables = new Dictionary<string, string> { ["STORYBOARD_OUTPUT"] = folder, ["STORYBOARD_BUCKET"] = "my-bucket" };

        var services = ServicesFromEnvironment.Create(variables.GetValueOrDefault);

        Assert.Equal("local", services.Name);
        Assert.Equal("my-bucket", services.Bucket);
        Assert.Equal(Path.GetFullPath(folder), Path.GetFullPath(Assert.IsType<LocalFolderObjectStore>(services.Store).Root));
        Assert.Equal(TemplateCaptioner.ServiceName, services.Captioner.Service);
    }

    [Theory]
    [InlineData("local", null, "STORYBOARD_OUTPUT is not set")]
    [InlineData("aws", "/tmp/x", "STORYBOARD_BUCKET is not set")]
    [InlineData("gcp", "/tmp/x", "use 'local' or 'aws'")]
    public void Create_WhenTheEnvironmentIsIncomplete_ShouldSayWhatToSet(string services, string? output, string advice)
    {
        var variables = new Dictionary<string, string?> { ["STORYBOARD_SERVICES"] = services, ["STORYBOARD_OUTPUT"] = output };

        var ex = Assert.Throws<ServicesNotAvailableException>(() => ServicesFromEnvironment.Create(variables.GetValueOrDefault));

        Assert.Contains(advice, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenTheBucketNameIsInvalid_ShouldRefuseIt()
    {
        Assert.Throws<ArgumentException>(() => LocalServices.Create(Path.GetTempPath(), "Not_A_Bucket"));
    }

    [Theory]
    [InlineData("STORYBOARD_COLLECTION_ID", "", "STORYBOARD_COLLECTION_ID is not set")]
    [InlineData("STORYBOARD_EMBEDDING_DIMENSIONS", "512", "256, 384 or 1024")]
    [InlineData("STORYBOARD_FRAME_TAG", "frame", "key=value")]
    public void Create_WhenAnAwsSettingIsMissingOrUnusable_ShouldNameItBeforeAnyClientIsMade(string name, string value, string advice)
    {
        var variables = new Dictionary<string, string>
        {
            ["STORYBOARD_SERVICES"] = "aws",
            ["STORYBOARD_BUCKET"] = "runs-bucket",
            ["STORYBOARD_COLLECTION_ID"] = "Storyboard-characters",
            [name] = value,
        };

        var ex = Assert.Throws<ServicesNotAvailableException>(() => ServicesFromEnvironment.Create(variables.GetValueOrDefault));

        Assert.Contains(advice, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSettings_FromTheStacksVariables_ShouldReadModelsTagAndCollectionRole()
    {
        var variables = new Dictionary<string, string>
        {
            ["STORYBOARD_BUCKET"] = "runs-bucket",
            ["STORYBOARD_COLLECTION_ID"] = "Storyboard-characters",
            ["STORYBOARD_EMBEDDING_MODEL_ID"] = "amazon.titan-embed-image-v1",
            ["STORYBOARD_EMBEDDING_DIMENSIONS"] = "384",
            ["STORYBOARD_CAPTION_MODEL_ID"] = "us.amazon.nova-pro-v1:0",
            ["STORYBOARD_FRAME_TAG"] = "storyboard:kind=frame",
            ["STORYBOARD_MANAGE_COLLECTION"] = "true",
            ["STORYBOARD_CUSTOM_LABELS_PROJECT_VERSION_ARN"] = "arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1",
        };

        var settings = AwsSettings.FromEnvironment(variables.GetValueOrDefault);

        Assert.Equal(384, settings.EmbeddingDimensions);
        Assert.Equal("us.amazon.nova-pro-v1:0", settings.CaptionModelId);
        Assert.Equal(new Aws.S3.ObjectTag("storyboard:kind", "frame"), settings.FrameTag);
        Assert.True(settings.ManageCollection);
        Assert.Equal("arn:aws:rekognition:us-east-1:123456789012:project/p/version/v/1", settings.CustomLabelsProjectVersionArn);
        Assert.False(AwsSettings.FromEnvironment(new Dictionary<string, string> { ["STORYBOARD_BUCKET"] = "b", ["STORYBOARD_COLLECTION_ID"] = "c" }.GetValueOrDefault).ManageCollection);
    }
}
