using Storyboard.Asl.Tasks;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Handlers;
using Storyboard.Functions.Model;

namespace Storyboard.Cli.Workflow;

/// <summary>
/// The Task states of statemachine/storyboard.asl.json and the handler class behind each: the
/// same classes Lambda runs, composed here once with the run's services.
/// </summary>
internal static class WorkflowHandlers
{
    /// <summary>Each <c>${&lt;State&gt;FunctionArn}</c> placeholder resolves to the state's own name locally.</summary>
    public static IReadOnlyDictionary<string, string> Substitutions { get; } =
        States().ToDictionary(s => s.Name + "FunctionArn", s => s.Name, StringComparer.Ordinal);

    public static void Register(TaskHandlerRegistry registry, StoryboardServices services, ModelServices model)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (name, create) in States())
        {
            var handle = create(services, model);
            registry.RegisterFunction(name, (input, _) => handle(input));
        }
    }

    private static IEnumerable<(string Name, Func<StoryboardServices, ModelServices, Func<Stream, Task<Stream>>> Create)> States()
    {
        yield return ("PrepareRun", (s, _) => new PrepareRunHandler(s).HandleAsync);
        yield return ("PrepareCharacters", (s, _) => new PrepareCharactersHandler(s).HandleAsync);
        yield return ("ExtractFrames", (s, _) => new ExtractFramesHandler(s).HandleAsync);
        yield return ("FilterFrames", (s, _) => new FilterFramesHandler(s).HandleAsync);
        yield return ("DetectCharacters", (s, _) => new DetectCharactersHandler(s).HandleAsync);
        yield return ("CropCharacters", (s, _) => new CropCharactersHandler(s).HandleAsync);
        yield return ("EmbedCrops", (s, _) => new EmbedCropsHandler(s).HandleAsync);
        yield return ("SelectCrops", (s, _) => new SelectCropsHandler(s).HandleAsync);
        yield return ("CaptionBatch", (s, _) => new CaptionBatchHandler(s).HandleAsync);
        yield return ("BuildDataset", (s, _) => new BuildDatasetHandler(s).HandleAsync);
        yield return ("ReviewDataset", (_, m) => new ReviewDatasetHandler(m).HandleAsync);
        yield return ("StartFineTuning", (_, m) => new StartFineTuningHandler(m).HandleAsync);
        yield return ("CheckFineTuning", (_, m) => new CheckFineTuningHandler(m).HandleAsync);
        yield return ("ProvisionThroughput", (_, m) => new ProvisionThroughputHandler(m).HandleAsync);
        yield return ("CheckThroughput", (_, m) => new CheckThroughputHandler(m).HandleAsync);
        yield return ("RenderStoryboard", (_, m) => new RenderStoryboardHandler(m).HandleAsync);
        yield return ("ReleaseThroughput", (_, m) => new ReleaseThroughputHandler(m).HandleAsync);
    }
}
