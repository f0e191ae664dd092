using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Storyboard.Aws.Bedrock;
using Storyboard.Aws.BedrockRuntime;
using Storyboard.Aws.Rekognition;
using Storyboard.Aws.StepFunctions;

namespace Storyboard.Aws.Tests.Conformance;

/// <summary>
/// Every JSON member of every request and response record exists in the model shape it stands
/// for, recursively, with a compatible type. The wire conformance test covers what the samples
/// set; this covers every declared member, and responses, where a misspelled name would
/// silently read as null.
/// </summary>
public sealed class RecordShapeTests
{
    public static TheoryData<string, string, string, string> Records()
    {
        var data = new TheoryData<string, string, string, string>();
        void Add(string model, string operation, string direction, Type type) => data.Add(model, operation, direction, type.AssemblyQualifiedName!);

        foreach (var (op, request, response) in new[]
        {
            ("CreateCollection", typeof(Aws.Rekognition.Model.CreateCollectionRequest), typeof(Aws.Rekognition.Model.CreateCollectionResponse)),
            ("DescribeCollection", typeof(Aws.Rekognition.Model.DescribeCollectionRequest), typeof(Aws.Rekognition.Model.DescribeCollectionResponse)),
            ("IndexFaces", typeof(Aws.Rekognition.Model.IndexFacesRequest), typeof(Aws.Rekognition.Model.IndexFacesResponse)),
            ("ListFaces", typeof(Aws.Rekognition.Model.ListFacesRequest), typeof(Aws.Rekognition.Model.ListFacesResponse)),
            ("DeleteFaces", typeof(Aws.Rekognition.Model.DeleteFacesRequest), typeof(Aws.Rekognition.Model.DeleteFacesResponse)),
            ("DetectLabels", typeof(Aws.Rekognition.Model.DetectLabelsRequest), typeof(Aws.Rekognition.Model.DetectLabelsResponse)),
            ("DetectFaces", typeof(Aws.Rekognition.Model.DetectFacesRequest), typeof(Aws.Rekognition.Model.DetectFacesResponse)),
            ("SearchFacesByImage", typeof(Aws.Rekognition.Model.SearchFacesByImageRequest), typeof(Aws.Rekognition.Model.SearchFacesByImageResponse)),
            ("DetectCustomLabels", typeof(Aws.Rekognition.Model.DetectCustomLabelsRequest), typeof(Aws.Rekognition.Model.DetectCustomLabelsResponse)),
        })
        {
            Add("rekognition", op, "input", request);
            Add("rekognition", op, "output", response);
        }

        Add("bedrock", "GetFoundationModel", "output", typeof(Aws.Bedrock.Model.GetFoundationModelResponse));
        Add("bedrock", "CreateModelCustomizationJob", "input", typeof(Aws.Bedrock.Model.CreateModelCustomizationJobRequest));
        Add("bedrock", "CreateModelCustomizationJob", "output", typeof(Aws.Bedrock.Model.CreateModelCustomizationJobResponse));
        Add("bedrock", "GetModelCustomizationJob", "output", typeof(Aws.Bedrock.Model.GetModelCustomizationJobResponse));
        Add("bedrock", "ListModelCustomizationJobs", "output", typeof(Aws.Bedrock.Model.ListModelCustomizationJobsResponse));
        Add("bedrock", "CreateProvisionedModelThroughput", "input", typeof(Aws.Bedrock.Model.CreateProvisionedModelThroughputRequest));
        Add("bedrock", "CreateProvisionedModelThroughput", "output", typeof(Aws.Bedrock.Model.CreateProvisionedModelThroughputResponse));
        Add("bedrock", "GetProvisionedModelThroughput", "output", typeof(Aws.Bedrock.Model.GetProvisionedModelThroughputResponse));
        Add("bedrock", "ListProvisionedModelThroughputs", "output", typeof(Aws.Bedrock.Model.ListProvisionedModelThroughputsResponse));
        Add("bedrock-runtime", "Converse", "input", typeof(Aws.BedrockRuntime.Model.ConverseRequest));
        Add("bedrock-runtime", "Converse", "output", typeof(Aws.BedrockRuntime.Model.ConverseResponse));
        Add("stepfunctions", "StartExecution", "input", typeof(Aws.StepFunctions.Model.StartExecutionRequest));
        Add("stepfunctions", "StartExecution", "output", typeof(Aws.StepFunctions.Model.StartExecutionResponse));
        Add("stepfunctions", "DescribeExecution", "input", typeof(Aws.StepFunctions.Model.DescribeExecutionRequest));
        Add("stepfunctions", "DescribeExecution", "output", typeof(Aws.StepFunctions.Model.DescribeExecutionResponse));
        Add("stepfunctions", "RedriveExecution", "input", typeof(Aws.StepFunctions.Model.RedriveExecutionRequest));
        Add("stepfunctions", "RedriveExecution", "output", typeof(Aws.StepFunctions.Model.RedriveExecutionResponse));
        Add("stepfunctions", "SendTaskSuccess", "input", typeof(Aws.StepFunctions.Model.SendTaskSuccessRequest));
        Add("stepfunctions", "SendTaskFailure", "input", typeof(Aws.StepFunctions.Model.SendTaskFailureRequest));
        return data;
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void Record_WhenComparedWithItsModelShape_ShouldOnlyDeclareMembersTheModelHas(string modelName, string operation, string direction, string typeName)
    {
        var model = ApiModel.Load(modelName);
        var type = Type.GetType(typeName, throwOnError: true)!;
        var context = ContextFor(modelName);
        var shapeName = model.Operations.GetProperty(operation).GetProperty(direction).GetProperty("shape").GetString()!;
        var problems = new List<string>();

        Compare(model, context, type, shapeName, $"{operation}.{direction}", problems, new HashSet<(Type, string)>());

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static JsonSerializerContext ContextFor(string modelName) => modelName switch
    {
        "rekognition" => RekognitionJsonContext.Default,
        "bedrock" => BedrockJsonContext.Default,
        "bedrock-runtime" => BedrockRuntimeJsonContext.Default,
        _ => StepFunctionsJsonContext.Default,
    };

    private static void Compare(ApiModel model, JsonSerializerContext context, Type type, string shapeName, string path, List<string> problems, HashSet<(Type, string)> seen)
    {
        if (!seen.Add((type, shapeName)))
        {
            return;
        }

        var shape = model.Shape(shapeName);
        var kind = shape.GetProperty("type").GetString();
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
        {
            Expect(kind is "string" || (kind == "timestamp" && ProtocolOf(model) != "json"), $"{path}: string vs {kind} {shapeName}", problems);
        }
        else if (underlying == typeof(byte[]) || underlying == typeof(ReadOnlyMemory<byte>))
        {
            Expect(kind == "blob", $"{path}: bytes vs {kind} {shapeName}", problems);
        }
        else if (underlying == typeof(bool))
        {
            Expect(kind == "boolean", $"{path}: bool vs {kind} {shapeName}", problems);
        }
        else if (underlying == typeof(int) || underlying == typeof(long))
        {
            Expect(kind is "integer" or "long", $"{path}: integer vs {kind} {shapeName}", problems);
        }
        else if (underlying == typeof(double) || underlying == typeof(float))
        {
            Expect(kind is "float" or "double", $"{path}: number vs {kind} {shapeName}", problems);
        }
        else if (underlying == typeof(DateTimeOffset))
        {
            Expect(kind == "timestamp", $"{path}: timestamp vs {kind} {shapeName}", problems);
        }
        else if (underlying == typeof(JsonElement))
        {
            Expect(kind == "structure" && shape.TryGetProperty("document", out _), $"{path}: JSON document vs {kind} {shapeName}", problems);
        }
        else if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            Expect(kind == "map", $"{path}: map vs {kind} {shapeName}", problems);
            if (kind == "map")
            {
                Compare(model, context, underlying.GetGenericArguments()[1], shape.GetProperty("value").GetProperty("shape").GetString()!, path + "[]", problems, seen);
            }
        }
        else if (underlying.IsArray || (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)))
        {
            Expect(kind == "list", $"{path}: list vs {kind} {shapeName}", problems);
            if (kind == "list")
            {
                var element = underlying.IsArray ? underlying.GetElementType()! : underlying.GetGenericArguments()[0];
                Compare(model, context, element, shape.GetProperty("member").GetProperty("shape").GetString()!, path + "[]", problems, seen);
            }
        }
        else
        {
            Expect(kind is "structure" or "union", $"{path}: record {underlying.Name} vs {kind} {shapeName}", problems);
            if (kind is not ("structure" or "union"))
            {
                return;
            }

            var members = shape.GetProperty("members");
            var info = context.GetTypeInfo(underlying) ?? throw new InvalidOperationException($"{underlying.Name} is not in {context.GetType().Name}");
            foreach (var property in info.Properties)
            {
                if (property.Get is null || IsIgnored(underlying, property))
                {
                    continue;
                }

                if (!members.TryGetProperty(property.Name, out var member))
                {
                    problems.Add($"{path}: {underlying.Name} declares '{property.Name}', which {shapeName} does not have");
                    continue;
                }

                if (member.TryGetProperty("location", out _))
                {
                    problems.Add($"{path}.{property.Name}: bound to the {member.GetProperty("location")} in the model but serialized into the body");
                    continue;
                }

                Compare(model, context, property.PropertyType, member.GetProperty("shape").GetString()!, path + "." + property.Name, problems, seen);
            }
        }
    }

    private static bool IsIgnored(Type type, JsonPropertyInfo property) =>
        type.GetProperty(property.AttributeProvider is System.Reflection.MemberInfo m ? m.Name : property.Name)?.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).Length > 0;

    private static string ProtocolOf(ApiModel model) => model.Protocol;

    private static void Expect(bool condition, string problem, List<string> problems)
    {
        if (!condition)
        {
            problems.Add(problem);
        }
    }
}
