namespace Storyboard.Core.Models;

/// <summary>
/// Everything that depends on the base model, in one value: Bedrock retires models (DESIGN §6),
/// so the base model is configuration and every validator takes a profile instead of constants.
/// </summary>
/// <param name="Id">Registry id; the Bedrock model id, so the config names one thing one way.</param>
/// <param name="BaseModelId">The Bedrock foundation model fine-tuned and invoked.</param>
/// <param name="ReservedCaptionWords">Whole words a training caption must not contain (case-insensitive).</param>
public sealed record ModelProfile(
    string Id,
    string BaseModelId,
    string DisplayName,
    DatasetLimits Dataset,
    HyperparameterRanges Hyperparameters,
    InferenceRules Inference,
    IReadOnlyList<string> ReservedCaptionWords);
