using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state BuildDataset: Writes and validates the training dataset, its export and the report.</summary>
public sealed class BuildDatasetHandler
{
    private readonly BuildDatasetStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public BuildDatasetHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public BuildDatasetHandler(StoryboardServices services)
    {
        step = new BuildDatasetStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.RunInput, BuildDatasetStep.State).ConfigureAwait(false);
        var output = await step.RunAsync(Require.Run(request.Run, BuildDatasetStep.State), CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.BuildDatasetOutput);
    }
}
