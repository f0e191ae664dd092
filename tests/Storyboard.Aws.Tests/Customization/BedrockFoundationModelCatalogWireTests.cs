using Storyboard.Aws.Customization;
using Storyboard.Aws.Http;
using Storyboard.Aws.Tests.Conformance;
using Storyboard.Aws.Tests.Support;
using Storyboard.Core.Models;
using static Storyboard.Aws.Tests.Customization.BedrockBodies;

namespace Storyboard.Aws.Tests.Customization;

/// <summary>GetFoundationModel over real HTTP, and the fail-fast decision PrepareRun takes on its answer.</summary>
public sealed class BedrockFoundationModelCatalogWireTests(LoopbackServerFixture fixture) : IClassFixture<LoopbackServerFixture>
{
    private readonly LoopbackAwsServer server = fixture.Server;

    [Fact]
    public async Task Describe_WhenNovaCanvasIsActive_ShouldReportItFineTunableAndPassTheCheck()
    {
        server.Enqueue(ScriptedResponse.Ok(FoundationModel("ACTIVE")));
        var before = server.Received.Count;

        var model = await BaseModelCheck.EnsureFineTunableAsync(Catalog(), ModelProfiles.NovaCanvas);

        Assert.Equal(ModelProfiles.NovaCanvasId, model.ModelId);
        Assert.Equal(FoundationModelLifecycleStatus.Active, model.LifecycleStatus);
        Assert.True(model.SupportsFineTuning);
        Assert.Equal(["TEXT", "IMAGE"], model.InputModalities);
        Assert.Equal(["IMAGE"], model.OutputModalities);
        var request = Assert.Single(server.Received.Skip(before));
        Assert.Equal(("GET", "/foundation-models/amazon.nova-canvas-v1%3A0"), (request.Method, request.RawPath));
        Assert.Null(request.SignatureProblem);
        Assert.Empty(RequestConformance.Check(AwsServices.Bedrock, request).Problems);
    }

    [Fact]
    public async Task Describe_WhenNovaCanvasIsLegacy_ShouldFailTheCheckWithRetiredAndSayWhatToDo()
    {
        server.Enqueue(ScriptedResponse.Ok(FoundationModel(
            "LEGACY", lifecycleTimes: ""","legacyTime":"2026-03-30T00:00:00Z","endOfLifeTime":"2026-09-30T00:00:00Z","startOfLifeTime":"2024-12-03T00:00:00Z" """)));

        var ex = await Assert.ThrowsAsync<BaseModelRetiredException>(() => BaseModelCheck.EnsureFineTunableAsync(Catalog(), ModelProfiles.NovaCanvas));

        Assert.Contains("is LEGACY on Amazon Bedrock (us-east-1) since 2026-03-30 (end of life 2026-09-30)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--dataset-only", ex.Message, StringComparison.Ordinal);
        Assert.Contains("baseModel", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_WhenTheModelOffersNoFineTuning_ShouldFailTheCheckWithNotCustomizable()
    {
        server.Enqueue(ScriptedResponse.Ok(FoundationModel("ACTIVE", customizations: string.Empty)));

        var ex = await Assert.ThrowsAsync<BaseModelNotCustomizableException>(() => BaseModelCheck.EnsureFineTunableAsync(Catalog(), ModelProfiles.NovaCanvas));

        Assert.Contains("customizations offered: none", ex.Message, StringComparison.Ordinal);
        Assert.Contains("us-east-1 only", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_WhenTheRegionDoesNotOfferTheModel_ShouldReturnNullAndFailTheCheckWithNotAvailable()
    {
        server.Enqueue(Error(404, "ResourceNotFoundException", "The model amazon.nova-canvas-v1:0 is not found."));

        var ex = await Assert.ThrowsAsync<BaseModelNotAvailableException>(() => BaseModelCheck.EnsureFineTunableAsync(Catalog(), ModelProfiles.NovaCanvas));

        Assert.Contains("Model access", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_WhenTheCallerMayNotAsk_ShouldThrowAccessDeniedNamingThePermission()
    {
        server.Enqueue(Error(403, "AccessDeniedException", "User is not authorized to perform: bedrock:GetFoundationModel"));

        var ex = await Assert.ThrowsAsync<BedrockAccessDeniedException>(() => Catalog().DescribeAsync(ModelProfiles.NovaCanvasId));

        Assert.Contains("bedrock:GetFoundationModel on arn:aws:bedrock:*::foundation-model/amazon.nova-canvas-v1:0", ex.Message, StringComparison.Ordinal);
    }

    private BedrockFoundationModelCatalog Catalog() => new(new TestClients(server).Clients.Bedrock, "us-east-1");
}
