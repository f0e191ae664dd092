using Storyboard.Aws;
using Storyboard.Aws.Credentials;
using Storyboard.Aws.Customization;
using Storyboard.Aws.Http;
using Storyboard.Aws.Rendering;
using Storyboard.Aws.Signing;
using Storyboard.Aws.Vision;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Model;
using Storyboard.Local.Vision;
using Storyboard.Storage;

namespace Storyboard.Functions.Tests.Composition;

public sealed class AwsCompositionTests
{
    private static readonly AwsClients Clients = AwsClients.Create(new AwsClientOptions
    {
        Region = "us-east-1",
        Credentials = new StaticCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "secret")),
    });

    [Fact]
    public void Create_ShouldPutTheRealServicesBehindEveryAiPortAndKeepTheFreeFrameFilterLocal()
    {
        var store = new LocalFolderObjectStore(Path.GetTempPath());
        var settings = new AwsSettings("runs-bucket", "Storyboard-characters") { EmbeddingDimensions = 256, CaptionModelId = "us.amazon.nova-pro-v1:0" };

        var services = AwsComposition.Create(settings, Clients, store);

        Assert.Equal("aws", services.Name);
        Assert.Equal("runs-bucket", services.Bucket);
        Assert.Same(store, services.Store);
        Assert.IsType<RekognitionCharacterReferenceIndexBuilder>(services.ReferenceIndexBuilder);
        Assert.Equal(RekognitionCharacterDetector.ServiceName, services.Detector.Service);
        Assert.Equal("aws:titan-embed-image-v1/256", services.Embedder.Service);
        Assert.Equal(256, services.Embedder.Dimensions);
        Assert.Equal("aws:us.amazon.nova-pro-v1:0", services.Captioner.Service);
        Assert.IsType<BedrockFoundationModelCatalog>(services.FoundationModels);
        Assert.IsType<LocalImageDescriptor>(services.FrameDescriptor);
        Assert.Equal(AwsComposition.AwsPollSeconds, services.PollSeconds);
    }

    [Fact]
    public void CreateModel_ShouldUseBedrockForTrainingAndNovaCanvasForPanels()
    {
        var model = AwsComposition.CreateModel(Clients, new LocalFolderObjectStore(Path.GetTempPath()), ModelSettings.FromEnvironment(_ => null, dryRun: false));

        Assert.IsType<BedrockModelCustomizationService>(model.Customization);
        Assert.False(model.Customization.IsDryRun);
        Assert.Equal("Amazon Bedrock (us-east-1)", model.Customization.ServiceName);
        Assert.IsType<NovaCanvasImageGenerator>(model.Images);
        Assert.False(model.Settings.HasRole);
    }

    [Fact]
    public void ModelServices_FromAnAwsEnvironmentWithoutABucket_ShouldSayWhatToSet()
    {
        var variables = new Dictionary<string, string> { ["STORYBOARD_SERVICES"] = "aws" };

        var ex = Assert.Throws<ServicesNotConfiguredException>(() => ModelServices.FromEnvironment(variables.GetValueOrDefault));

        Assert.Contains("STORYBOARD_BUCKET", ex.Message, StringComparison.Ordinal);
    }
}
