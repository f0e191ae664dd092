using Storyboard.Core.Requests;

namespace Storyboard.Core.Rendering;

/// <summary>One TEXT_IMAGE call for one storyboard scene.</summary>
/// <param name="ModelId">What to invoke: the provisioned throughput ARN of the custom model.</param>
/// <param name="DatasetItemsKey">The run's <c>dataset/items.jsonl</c>: what the model was trained on (the offline previews draw from it).</param>
public sealed record ImageGenerationRequest(string ModelId, string DatasetItemsKey, TextImageRequest Parameters);
