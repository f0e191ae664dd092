using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Handlers;

/// <summary>The CheckThroughput Task state: Reads the throughput's status for the ThroughputStatus Choice and records it in model/throughput.json.</summary>
public sealed class CheckThroughputHandler
{
    private const string State = "CheckThroughput";
    private readonly ModelServices? _services;

    /// <summary>For the Lambda runtime: services are composed once per process, on first use.</summary>
    public CheckThroughputHandler()
    {
    }

    public CheckThroughputHandler(ModelServices services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    private ModelServices Services => _services ?? ModelServices.Shared;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var payload = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.CheckThroughputInput, State).ConfigureAwait(false);
        var output = await new ThroughputStep(Services).CheckAsync(
            StepJson.Require(payload.Run, State, "run"),
            StepJson.Require(payload.Throughput, State, "throughput")).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.ThroughputOutput);
    }
}
