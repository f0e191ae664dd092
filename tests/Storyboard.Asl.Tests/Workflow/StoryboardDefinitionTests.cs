using Storyboard.Asl.Definition;
using Storyboard.Asl.Tests.Support;

namespace Storyboard.Asl.Tests.Workflow;

/// <summary>
/// The product's own workflow file must load in the local executor exactly as it deploys: every
/// field understood, every placeholder filled, every state reachable.
/// </summary>
public sealed class StoryboardDefinitionTests
{
    [Fact]
    public async Task LoadFileAsync_WhenEveryPlaceholderIsFilled_ShouldAcceptTheWorkflow()
    {
        var path = Path.Combine(Repository.Root, "statemachine", "storyboard.asl.json");
        var placeholders = Repository.Placeholder().Matches(await File.ReadAllTextAsync(path)).Select(m => m.Groups[1].Value).Distinct().ToList();

        var definition = await DefinitionLoader.LoadFileAsync(path, placeholders.ToDictionary(p => p, p => p.Replace("FunctionArn", string.Empty, StringComparison.Ordinal)));

        Assert.NotNull(definition);
        Assert.Contains("PrepareRunFunctionArn", placeholders);
    }

    [Fact]
    public async Task LoadFileAsync_WhenAPlaceholderIsMissing_ShouldNameIt()
    {
        var path = Path.Combine(Repository.Root, "statemachine", "storyboard.asl.json");

        var ex = await Assert.ThrowsAsync<InvalidDefinitionException>(() => DefinitionLoader.LoadFileAsync(path, new Dictionary<string, string>()));

        Assert.Contains("PrepareRunFunctionArn", ex.Message, StringComparison.Ordinal);
    }
}
