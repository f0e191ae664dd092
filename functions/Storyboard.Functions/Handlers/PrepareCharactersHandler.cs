using Storyboard.Functions.Composition;
using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>Task state PrepareCharacters: Indexes the characters' reference images.</summary>
public sealed class PrepareCharactersHandler
{
    private readonly PrepareCharactersStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public PrepareCharactersHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public PrepareCharactersHandler(StoryboardServices services)
    {
        step = new PrepareCharactersStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        var request = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.RunInput, PrepareCharactersStep.State).ConfigureAwait(false);
        var output = await step.RunAsync(Require.Run(request.Run, PrepareCharactersStep.State), CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.PrepareCharactersOutput);
    }
}
