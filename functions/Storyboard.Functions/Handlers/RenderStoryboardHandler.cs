using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Handlers;

/// <summary>The RenderStoryboard Task state: Renders every scene and composes storyboard/sheet.png and storyboard/index.html.</summary>
public sealed class RenderStoryboardHandler
{
    private const string State = "RenderStoryboard";
    private readonly ModelServices? _services;

    /// <summary>For the Lambda runtime: services are composed once per process, on first use.</summary>
    public RenderStoryboardHandler()
    {
    }

    public RenderStoryboardHandler(ModelServices services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    private ModelServices Services => _services ?? ModelServices.Shared;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var payload = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.RenderStoryboardInput, State).ConfigureAwait(false);
        var output = await new StoryboardStep(Services).RenderAsync(
            StepJson.Require(payload.Run, State, "run"),
            StepJson.Require(payload.Throughput, State, "throughput")).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.RenderStoryboardOutput);
    }
}
