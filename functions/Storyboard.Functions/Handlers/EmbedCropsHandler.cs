using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state EmbedCrops: Embeds the crops for near-duplicate removal.</summary>
public sealed class EmbedCropsHandler
{
    private readonly EmbedCropsStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public EmbedCropsHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public EmbedCropsHandler(StoryboardServices services)
    {
        step = new EmbedCropsStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.EmbedCropsInput, EmbedCropsStep.State).ConfigureAwait(false);
        var run = Require.Run(request.Run, EmbedCropsStep.State);
        var output = await step.RunAsync(run, Require.Field(request.Crops, EmbedCropsStep.State, "crops").Segments, CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.EmbedCropsOutput);
    }
}
