using System.Text.Json;
using System.Text.Json.Nodes;
using Storyboard.Functions.Composition;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Steps;

namespace Storyboard.Functions.Handlers;

/// <summary>
/// RecordFailure: writes <c>runs/&lt;runId&gt;/error.json</c> for a failed, timed-out or aborted run. It is not a
/// state of the workflow (a caught error would end the run in a Fail state, where a redrive would restart):
/// the execution's status-change event invokes it, and a local run calls it the same way.
/// </summary>
public sealed class RecordFailureHandler
{
    private readonly RecordFailureStep step;

    /// <summary>For the Lambda runtime: services composed once per process from the environment.</summary>
    public RecordFailureHandler()
        : this(ServicesFromEnvironment.Shared)
    {
    }

    public RecordFailureHandler(StoryboardServices services)
    {
        step = new RecordFailureStep(services);
    }

    public async Task<Stream> HandleAsync(Stream input)
    {
        JsonNode? state;
        try
        {
            state = await JsonNode.ParseAsync(input).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Recording must not fail on its input: an unreadable state is recorded as an unknown error.
            state = null;
        }

        var output = await step.RunAsync(state, CancellationToken.None).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.RecordFailureOutput);
    }
}
