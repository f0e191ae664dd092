using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state PrepareRun: Validates the execution input and config, probes the video and plans the segments; output is <c>$.run</c>.</summary>
public sealed class PrepareRunHandler
{
    private readonly PrepareRunStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public PrepareRunHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public PrepareRunHandler(StoryboardServices services)
    {
        step = new PrepareRunStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.PrepareRunInput, PrepareRunStep.State).ConfigureAwait(false);
        var output = await step.RunAsync(request, CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.RunContext);
    }
}
