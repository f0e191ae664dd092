using Storyboard.Aws.Bedrock;
using Storyboard.Aws.BedrockRuntime;
using Storyboard.Aws.Http;
using Storyboard.Aws.Rekognition;
using Storyboard.Aws.StepFunctions;

namespace Storyboard.Aws;

/// <summary>
/// The AWS clients, composed once over one <see cref="AwsClientContext"/> (one HttpClient, one
/// credential source, one region). <c>AwsClients.Create()</c> uses the SDK's default chains.
/// </summary>
public sealed class AwsClients
{
    public AwsClients(AwsClientContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        Rekognition = new RekognitionClient(context);
        Bedrock = new BedrockClient(context);
        BedrockRuntime = new BedrockRuntimeClient(context);
        StepFunctions = new StepFunctionsClient(context);
    }

    public AwsClientContext Context { get; }

    public IRekognitionApi Rekognition { get; }

    public IBedrockApi Bedrock { get; }

    public IBedrockRuntimeApi BedrockRuntime { get; }

    public IStepFunctionsApi StepFunctions { get; }

    public static AwsClients Create(AwsClientOptions? options = null) => new(new AwsClientContext(options ?? new AwsClientOptions()));
}
