using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state FilterFrames: Drops black, blurry and near-identical frames.</summary>
public sealed class FilterFramesHandler
{
    private readonly FilterFramesStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public FilterFramesHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public FilterFramesHandler(StoryboardServices services)
    {
        step = new FilterFramesStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.FilterFramesInput, FilterFramesStep.State).ConfigureAwait(false);
        var run = Require.Run(request.Run, FilterFramesStep.State);
        var output = await step.RunAsync(run, Require.Field(request.Frames, FilterFramesStep.State, "frames").Segments, CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.FilterFramesOutput);
    }
}
