using System.Text.Json;

namespace Storyboard.Aws.Tests.Conformance;

/// <summary>A botocore service-2.json, read with JsonDocument (tests only; the product never reads models).</summary>
internal sealed class ApiModel
{
    private static readonly Dictionary<string, ApiModel> Cache = new(StringComparer.Ordinal);

    private ApiModel(JsonDocument document)
    {
        Document = document;
        Metadata = document.RootElement.GetProperty("metadata");
        Operations = document.RootElement.GetProperty("operations");
        Shapes = document.RootElement.GetProperty("shapes");
    }

    public JsonDocument Document { get; }

    public JsonElement Metadata { get; }

    public JsonElement Operations { get; }

    public JsonElement Shapes { get; }

    public string Protocol => Metadata.GetProperty("protocol").GetString()!;

    public static ApiModel Load(string modelName)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(modelName, out var model))
            {
                model = new ApiModel(JsonDocument.Parse(File.ReadAllBytes(SharedFiles.ModelPath(modelName))));
                Cache[modelName] = model;
            }

            return model;
        }
    }

    public JsonElement Shape(string name) => Shapes.GetProperty(name);

    public string? MetadataString(string name) => Metadata.TryGetProperty(name, out var value) ? value.GetString() : null;
}
