using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state SelectCrops: Drops near-duplicates across the run and writes the caption batches.</summary>
public sealed class SelectCropsHandler
{
    private readonly SelectCropsStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public SelectCropsHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public SelectCropsHandler(StoryboardServices services)
    {
        step = new SelectCropsStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.SelectCropsInput, SelectCropsStep.State).ConfigureAwait(false);
        var output = await step.RunAsync(Require.Run(request.Run, SelectCropsStep.State), request.Segments, CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.SelectCropsOutput);
    }
}
