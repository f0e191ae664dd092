using Storyboard.Aws.Tests.Support;

namespace Storyboard.Aws.Tests.Customization;

/// <summary>Responses shaped like Bedrock's own (restJson1: the error name in x-amzn-ErrorType, ISO-8601 timestamps).</summary>
internal static class BedrockBodies
{
    public const string Account = "123456789012";
    public const string RunId = "pattern-3f9a1c2b7d4e";
    public const string JobName = "sb-" + RunId + "-ft";
    public const string ModelName = "sb-" + RunId + "-model";
    public const string ThroughputName = "sb-" + RunId + "-pt";
    public const string JobToken = RunId + "-0123456789abcdef";
    public const string ThroughputToken = RunId + "-pt";
    public const string RoleArn = "arn:aws:iam::" + Account + ":role/StoryboardBedrock";
    public const string JobArn = "arn:aws:bedrock:us-east-1:" + Account + ":model-customization-job/amazon.nova-canvas-v1:0/a1b2c3d4e5f6";
    public const string CustomModelArn = "arn:aws:bedrock:us-east-1:" + Account + ":custom-model/amazon.nova-canvas-v1:0/0f1e2d3c4b5a";
    public const string ThroughputArn = "arn:aws:bedrock:us-east-1:" + Account + ":provisioned-model/9z8y7x6w5v4u";
    public const string TrainS3Uri = "s3://storyboard-bucket/runs/" + RunId + "/dataset/train.jsonl";

    public static ScriptedResponse Created(string body) => new(201, body, new Dictionary<string, string> { ["x-amzn-RequestId"] = "req-created" });

    public static ScriptedResponse Error(int status, string code, string message) => new(
        status,
        $$"""{"message":"{{message}}"}""",
        new Dictionary<string, string>
        {
            ["x-amzn-ErrorType"] = code + ":http://internal.amazon.com/coral/com.amazon.bedrock/",
            ["x-amzn-RequestId"] = "req-" + code,
        });

    public static ScriptedResponse NotFound(string what) => Error(404, "ResourceNotFoundException", what + " not found.");

    public static string Job(string status, string? failureMessage = null, string token = JobToken)
    {
        var completed = status == "Completed";
        var failure = failureMessage is null ? string.Empty : $",\"failureMessage\":\"{failureMessage}\"";
        var output = completed ? $",\"outputModelArn\":\"{CustomModelArn}\"" : string.Empty;
        var end = status is "Completed" or "Failed" or "Stopped" ? ",\"endTime\":\"2026-11-22T05:41:09.512Z\"" : string.Empty;
        return $$$"""
            {"jobArn":"{{{JobArn}}}","jobName":"{{{JobName}}}","outputModelName":"{{{ModelName}}}"{{{output}}},
             "clientRequestToken":"{{{token}}}","roleArn":"{{{RoleArn}}}","status":"{{{status}}}"{{{failure}}},
             "creationTime":"2026-11-22T03:12:44.071Z","lastModifiedTime":"2026-11-22T03:20:02.5Z"{{{end}}},
             "baseModelArn":"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-canvas-v1:0",
             "hyperParameters":{"batchSize":"8","learningRate":"0.00001","stepCount":"500"},
             "trainingDataConfig":{"s3Uri":"{{{TrainS3Uri}}}"},
             "validationDataConfig":{"validators":[]},
             "outputDataConfig":{"s3Uri":"s3://storyboard-bucket/runs/{{{RunId}}}/model/output/"},
             "customizationType":"FINE_TUNING",
             "statusDetails":{"validationDetails":{"status":"Completed","creationTime":"2026-11-22T03:12:44.071Z","lastModifiedTime":"2026-11-22T03:15:00Z"},
                              "dataProcessingDetails":{"status":"Completed","creationTime":"2026-11-22T03:15:00Z","lastModifiedTime":"2026-11-22T03:19:00Z"},
                              "trainingDetails":{"status":"{{{status}}}","creationTime":"2026-11-22T03:19:00Z","lastModifiedTime":"2026-11-22T03:20:02.5Z"}} }
            """;
    }

    public static string Throughput(string status, string? failureMessage = null, string modelArn = CustomModelArn)
    {
        var failure = failureMessage is null ? string.Empty : $",\"failureMessage\":\"{failureMessage}\"";
        return $$"""
            {"modelUnits":1,"desiredModelUnits":1,"provisionedModelName":"{{ThroughputName}}","provisionedModelArn":"{{ThroughputArn}}",
             "modelArn":"{{modelArn}}","desiredModelArn":"{{modelArn}}",
             "foundationModelArn":"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-canvas-v1:0",
             "status":"{{status}}","creationTime":"2026-11-22T06:01:00Z","lastModifiedTime":"2026-11-22T06:09:30Z"{{failure}}}
            """;
    }

    public static string ThroughputSummary(string name, string arn, string status = "InService", string modelArn = CustomModelArn) => $$"""
        {"provisionedModelName":"{{name}}","provisionedModelArn":"{{arn}}","modelArn":"{{modelArn}}","desiredModelArn":"{{modelArn}}",
         "foundationModelArn":"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-canvas-v1:0","modelUnits":1,"desiredModelUnits":1,
         "status":"{{status}}","creationTime":"2026-11-22T06:01:00Z","lastModifiedTime":"2026-11-22T06:09:30Z"}
        """;

    public static string FoundationModel(string lifecycle, string customizations = "\"FINE_TUNING\"", string lifecycleTimes = "") => $$$"""
        {"modelDetails":{"modelArn":"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-canvas-v1:0","modelId":"amazon.nova-canvas-v1:0",
         "modelName":"Nova Canvas","providerName":"Amazon","inputModalities":["TEXT","IMAGE"],"outputModalities":["IMAGE"],
         "responseStreamingSupported":false,"customizationsSupported":[{{{customizations}}}],"inferenceTypesSupported":["ON_DEMAND","PROVISIONED"],
         "modelLifecycle":{"status":"{{{lifecycle}}}"{{{lifecycleTimes}}} }} }
        """;
}
