using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Handlers;

/// <summary>The StartFineTuning Task state: Starts (or finds) the run's model customization job.</summary>
public sealed class StartFineTuningHandler
{
    private const string State = "StartFineTuning";
    private readonly ModelServices? _services;

    /// <summary>For the Lambda runtime: services are composed once per process, on first use.</summary>
    public StartFineTuningHandler()
    {
    }

    public StartFineTuningHandler(ModelServices services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    private ModelServices Services => _services ?? ModelServices.Shared;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var payload = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.StartFineTuningInput, State).ConfigureAwait(false);
        var output = await new FineTuningStep(Services).StartAsync(
            StepJson.Require(payload.Run, State, "run"),
            StepJson.Require(payload.Dataset, State, "dataset")).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.FineTuningJobOutput);
    }
}
