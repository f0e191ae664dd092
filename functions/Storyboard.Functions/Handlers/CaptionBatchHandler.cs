using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state CaptionBatch: Captions one batch of selected crops.</summary>
public sealed class CaptionBatchHandler
{
    private readonly CaptionBatchStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public CaptionBatchHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public CaptionBatchHandler(StoryboardServices services)
    {
        step = new CaptionBatchStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.CaptionBatchInput, CaptionBatchStep.State).ConfigureAwait(false);
        var run = Require.Run(request.Run, CaptionBatchStep.State);
        var output = await step.RunAsync(run, Require.Field(request.BatchKey, CaptionBatchStep.State, "batchKey"), CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.CaptionBatchOutput);
    }
}
