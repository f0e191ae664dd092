using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state CropCharacters: Cuts a padded crop per detection.</summary>
public sealed class CropCharactersHandler
{
    private readonly CropCharactersStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public CropCharactersHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public CropCharactersHandler(StoryboardServices services)
    {
        step = new CropCharactersStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.CropCharactersInput, CropCharactersStep.State).ConfigureAwait(false);
        var run = Require.Run(request.Run, CropCharactersStep.State);
        var output = await step.RunAsync(run, Require.Field(request.Detections, CropCharactersStep.State, "detections").Segments, CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.CropCharactersOutput);
    }
}
