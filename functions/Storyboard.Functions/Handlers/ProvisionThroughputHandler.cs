using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Handlers;

/// <summary>The ProvisionThroughput Task state: Buys (or finds) provisioned throughput for the custom model.</summary>
public sealed class ProvisionThroughputHandler
{
    private const string State = "ProvisionThroughput";
    private readonly ModelServices? _services;

    /// <summary>For the Lambda runtime: services are composed once per process, on first use.</summary>
    public ProvisionThroughputHandler()
    {
    }

    public ProvisionThroughputHandler(ModelServices services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    private ModelServices Services => _services ?? ModelServices.Shared;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var payload = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.ProvisionThroughputInput, State).ConfigureAwait(false);
        var output = await new ThroughputStep(Services).ProvisionAsync(
            StepJson.Require(payload.Run, State, "run"),
            StepJson.Require(payload.Job, State, "job")).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.ThroughputOutput);
    }
}
