namespace Storyboard.Aws.Http;

/// <summary>The services this project calls, as their API models describe them (see <see cref="ServiceMetadata"/>).</summary>
public static class AwsServices
{
    public static readonly ServiceMetadata Rekognition = new(
        "Rekognition", "rekognition", "2016-06-27", "rekognition", "rekognition", AwsProtocol.Json, "1.1", "RekognitionService");

    public static readonly ServiceMetadata Bedrock = new(
        "Bedrock", "bedrock", "2023-04-20", "bedrock", "bedrock", AwsProtocol.RestJson, null, null);

    /// <summary>Note the signing name: Bedrock Runtime is signed as "bedrock".</summary>
    public static readonly ServiceMetadata BedrockRuntime = new(
        "Bedrock Runtime", "bedrock-runtime", "2023-09-30", "bedrock-runtime", "bedrock", AwsProtocol.RestJson, null, null);

    public static readonly ServiceMetadata StepFunctions = new(
        "SFN", "stepfunctions", "2016-11-23", "states", "states", AwsProtocol.Json, "1.0", "AWSStepFunctions");

    public static IReadOnlyList<ServiceMetadata> All { get; } = [Rekognition, Bedrock, BedrockRuntime, StepFunctions];
}
