using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state DetectCharacters: Finds the characters in the kept frames.</summary>
public sealed class DetectCharactersHandler
{
    private readonly DetectCharactersStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public DetectCharactersHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public DetectCharactersHandler(StoryboardServices services)
    {
        step = new DetectCharactersStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.DetectCharactersInput, DetectCharactersStep.State).ConfigureAwait(false);
        var run = Require.Run(request.Run, DetectCharactersStep.State);
        var output = await step.RunAsync(run, Require.Field(request.Frames, DetectCharactersStep.State, "frames").Segments, CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.DetectCharactersOutput);
    }
}
