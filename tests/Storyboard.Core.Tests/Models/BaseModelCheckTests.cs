using Storyboard.Core.Models;

namespace Storyboard.Core.Tests.Models;

public class BaseModelCheckTests
{
    private const string Service = "Amazon Bedrock (us-east-1)";

    [Fact]
    public void EnsureFineTunable_WhenActiveWithFineTuning_ShouldReturnTheModel()
    {
        var model = Canvas(FoundationModelLifecycleStatus.Active);

        Assert.Same(model, BaseModelCheck.EnsureFineTunable(ModelProfiles.NovaCanvas, model, Service));
    }

    [Fact]
    public void EnsureFineTunable_WhenLegacy_ShouldThrowRetiredWithDatesAndRemedies()
    {
        var model = Canvas(FoundationModelLifecycleStatus.Legacy) with
        {
            LegacyTime = new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero),
            EndOfLifeTime = new DateTimeOffset(2026, 9, 30, 0, 0, 0, TimeSpan.Zero),
        };

        var ex = Assert.Throws<BaseModelRetiredException>(() => BaseModelCheck.EnsureFineTunable(ModelProfiles.NovaCanvas, model, Service));

        Assert.StartsWith("Amazon Nova Canvas v1 (amazon.nova-canvas-v1:0) is LEGACY on Amazon Bedrock (us-east-1) since 2026-03-30 (end of life 2026-09-30)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was spent.", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'baseModel' in the run config", ex.Message, StringComparison.Ordinal);
        Assert.Contains("storyboard run --dataset-only", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"datasetOnly\": true", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureFineTunable_WhenLegacyEvenWithFineTuningListed_ShouldThrowRetired()
    {
        // A LEGACY model may still list FINE_TUNING; Bedrock accepts no new job for it all the same.
        Assert.Throws<BaseModelRetiredException>(() => BaseModelCheck.EnsureFineTunable(ModelProfiles.NovaCanvas, Canvas("LEGACY"), Service));
    }

    [Fact]
    public void EnsureFineTunable_WhenTheStatusIsNeitherActiveNorLegacy_ShouldThrowRetired()
    {
        var ex = Assert.Throws<BaseModelRetiredException>(() => BaseModelCheck.EnsureFineTunable(ModelProfiles.NovaCanvas, Canvas("DEPRECATED"), Service));

        Assert.Contains("is DEPRECATED on", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureFineTunable_WhenFineTuningIsNotOffered_ShouldThrowNotCustomizableListingWhatIs()
    {
        var model = Canvas(FoundationModelLifecycleStatus.Active) with { CustomizationsSupported = ["CONTINUED_PRE_TRAINING", "DISTILLATION"] };

        var ex = Assert.Throws<BaseModelNotCustomizableException>(() => BaseModelCheck.EnsureFineTunable(ModelProfiles.NovaCanvas, model, Service));

        Assert.Contains("customizations offered: CONTINUED_PRE_TRAINING, DISTILLATION", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fine-tuning is available in us-east-1 only", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--dataset-only", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureFineTunable_WhenTheCatalogDoesNotOfferTheModel_ShouldThrowNotAvailable()
    {
        var ex = Assert.Throws<BaseModelNotAvailableException>(() => BaseModelCheck.EnsureFineTunable(ModelProfiles.NovaCanvas, null, "Amazon Bedrock (eu-central-1)"));

        Assert.Contains("is not offered by Amazon Bedrock (eu-central-1)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--dataset-only", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureFineTunableAsync_ShouldAskTheCatalogForTheProfilesBaseModel()
    {
        var catalog = new OneModelCatalog(Canvas(FoundationModelLifecycleStatus.Legacy));

        await Assert.ThrowsAsync<BaseModelRetiredException>(() => BaseModelCheck.EnsureFineTunableAsync(catalog, ModelProfiles.NovaCanvas));

        Assert.Equal([ModelProfiles.NovaCanvasId], catalog.Asked);
    }

    private static FoundationModelInfo Canvas(string status) =>
        new(ModelProfiles.NovaCanvasId, status, [FoundationModelInfo.FineTuning], ["TEXT", "IMAGE"], ["IMAGE"]);

    private sealed class OneModelCatalog(FoundationModelInfo model) : IFoundationModelCatalog
    {
        public List<string> Asked { get; } = [];

        public string ServiceName => Service;

        public Task<FoundationModelInfo?> DescribeAsync(string modelId, CancellationToken cancellationToken = default)
        {
            Asked.Add(modelId);
            return Task.FromResult<FoundationModelInfo?>(modelId == model.ModelId ? model : null);
        }
    }
}
