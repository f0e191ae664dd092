using Storyboard.Functions.Contracts;
using Storyboard.Functions.Internal;
using Storyboard.Functions.Model;

namespace Storyboard.Functions.Handlers;

/// <summary>The ReviewDataset Task state: Writes review.json with the task token; the state then waits for SendTaskSuccess (or storyboard approve|reject).</summary>
public sealed class ReviewDatasetHandler
{
    private const string State = "ReviewDataset";
    private readonly ModelServices? _services;

    /// <summary>For the Lambda runtime: services are composed once per process, on first use.</summary>
    public ReviewDatasetHandler()
    {
    }

    public ReviewDatasetHandler(ModelServices services) => _services = services ?? throw new ArgumentNullException(nameof(services));

    private ModelServices Services => _services ?? ModelServices.Shared;

    public async Task<Stream> HandleAsync(Stream input)
    {
        var payload = await HandlerIo.ReadAsync(input, FunctionsJsonContext.Default.ReviewDatasetInput, State).ConfigureAwait(false);
        var output = await new ReviewStep(Services).RequestAsync(
            StepJson.Require(payload.Run, State, "run"),
            StepJson.Require(payload.Dataset, State, "dataset"),
            StepJson.Require(payload.TaskToken, State, "taskToken")).ConfigureAwait(false);
        return HandlerIo.Write(output, FunctionsJsonContext.Default.ReviewDatasetOutput);
    }
}
