using Storyboard.Aws.BedrockRuntime;
using Storyboard.Aws.BedrockRuntime.Model;

namespace Storyboard.Aws.Tests.Support;

/// <summary>A runtime for tests that must fail before any call: calling it fails the test.</summary>
internal sealed class UnusedRuntime : IBedrockRuntimeApi
{
    public Task<InvokeModelResponse> InvokeModelAsync(InvokeModelRequest request, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("No model call was expected.");

    public Task<ConverseResponse> ConverseAsync(ConverseRequest request, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("No model call was expected.");
}
