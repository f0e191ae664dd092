using Storyboard.Core.Models;

namespace Storyboard.Functions.Tests.TestSupport;

/// <summary>The foundation model catalog port's in-memory adapter: answers from a fixed set of models and records what was asked.</summary>
internal sealed class InMemoryFoundationModelCatalog(params FoundationModelInfo[] models) : IFoundationModelCatalog
{
    public List<string> Asked { get; } = [];

    public string ServiceName => "in-memory catalog";

    public Task<FoundationModelInfo?> DescribeAsync(string modelId, CancellationToken cancellationToken = default)
    {
        Asked.Add(modelId);
        return Task.FromResult(models.FirstOrDefault(m => m.ModelId == modelId));
    }

    public static InMemoryFoundationModelCatalog NovaCanvas(string lifecycleStatus) => new(
        new FoundationModelInfo(ModelProfiles.NovaCanvasId, lifecycleStatus, [FoundationModelInfo.FineTuning], ["TEXT", "IMAGE"], ["IMAGE"]));
}
