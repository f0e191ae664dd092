using Storyboard.Aws.BedrockRuntime.Model;

namespace Storyboard.Aws.BedrockRuntime;

/// <summary>Model inference: InvokeModel with a model's native JSON, and the model-neutral Converse.</summary>
public interface IBedrockRuntimeApi
{
    Task<InvokeModelResponse> InvokeModelAsync(InvokeModelRequest request, CancellationToken cancellationToken = default);

    Task<ConverseResponse> ConverseAsync(ConverseRequest request, CancellationToken cancellationToken = default);
}
