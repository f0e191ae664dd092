using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Handlers;

/// <summary>The ReleaseThroughput Task state: Deletes the run's provisioned throughput; a run without one is not an error.</summary>
public sealed class ReleaseThroughputHandler
{
    private const string State = "ReleaseThroughput";
    private readonly ModelServices? _services;

    /// <summary>For the Lambda runtime: services are composed once per process, on first use.</summary>
    public ReleaseThroughputHandler()
    {
    }

    public ReleaseThroughputHandler(ModelServices services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    private ModelServices Services => _services ?? ModelServices.Shared;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var payload = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.ReleaseThroughputInput, State).ConfigureAwait(false);
        var output = await new ThroughputStep(Services).ReleaseAsync(
            StepJson.Require(payload.Run, State, "run")).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.ReleaseThroughputOutput);
    }
}
