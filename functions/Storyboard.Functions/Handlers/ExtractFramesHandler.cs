using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state ExtractFrames: Samples the frames of one ItemBatcher batch of segments.</summary>
public sealed class ExtractFramesHandler
{
    private readonly ExtractFramesStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public ExtractFramesHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public ExtractFramesHandler(StoryboardServices services)
    {
        step = new ExtractFramesStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.ExtractFramesInput, ExtractFramesStep.State).ConfigureAwait(false);
        var run = Require.Run(request.Run, ExtractFramesStep.State);
        var output = await step.RunAsync(run, Require.Field(request.Items, ExtractFramesStep.State, "Items"), CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.ExtractFramesOutput);
    }
}
