using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Handlers;

/// <summary>The CheckFineTuning Task state: Reads the job's status for the FineTuningStatus Choice and records it in model/customization-job.json.</summary>
public sealed class CheckFineTuningHandler
{
    private const string State = "CheckFineTuning";
    private readonly ModelServices? _services;

    /// <summary>For the Lambda runtime: services are composed once per process, on first use.</summary>
    public CheckFineTuningHandler()
    {
    }

    public CheckFineTuningHandler(ModelServices services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    private ModelServices Services => _services ?? ModelServices.Shared;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var payload = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.CheckFineTuningInput, State).ConfigureAwait(false);
        var output = await new FineTuningStep(Services).CheckAsync(
            StepJson.Require(payload.Run, State, "run"),
            StepJson.Require(payload.Job, State, "job")).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.FineTuningJobOutput);
    }
}
