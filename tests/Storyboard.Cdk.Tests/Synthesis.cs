using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Storyboard.Cdk.Layers;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Tests;

/// <summary>
/// Synthesizes the stack the way <c>cdk synth</c> does (same cdk.json context) but with bundling
/// skipped — nothing is published — and a stand-in ffmpeg layer.
/// </summary>
internal sealed class Synthesis : IDisposable
{
    private readonly TestLayer _layer;
    private readonly string _outdir;

    public Synthesis(IReadOnlyDictionary<string, object>? context = null)
    {
        Repository = RepositoryLayout.Find(AppContext.BaseDirectory);
        var architecture = context?.GetValueOrDefault("architecture") as string;
        _layer = new TestLayer(architecture == "arm64" ? ElfHeader.Aarch64 : ElfHeader.X86_64);
        _outdir = Path.Combine(Path.GetTempPath(), "storyboard-cdk-" + Guid.NewGuid().ToString("N"));

        var appContext = CdkJsonContext(Repository);
        appContext["aws:cdk:bundling-stacks"] = Array.Empty<string>();
        appContext["ffmpegLayerDir"] = _layer.Directory;
        foreach (var (key, value) in context ?? new Dictionary<string, object>())
        {
            appContext[key] = value;
        }

        var app = new App(new AppProps { Context = appContext, Outdir = _outdir });
        Stack = new StoryboardStack(app, "Storyboard", Repository);
        Template = Template.FromStack(Stack);
        Json = JsonNode.Parse(File.ReadAllText(Path.Combine(_outdir, Stack.TemplateFile)))!.AsObject();
    }

    public RepositoryLayout Repository { get; }

    public StoryboardStack Stack { get; }

    public Template Template { get; }

    /// <summary>The synthesized template as written to the cloud assembly.</summary>
    public JsonObject Json { get; }

    public JsonObject Resources => Json["Resources"]!.AsObject();

    public IEnumerable<(string LogicalId, JsonObject Resource)> ResourcesOfType(string type) =>
        Resources
            .Where(entry => (string?)entry.Value!["Type"] == type)
            .Select(entry => (entry.Key, entry.Value!.AsObject()));

    /// <summary>The logical id of the resource at a construct path such as Steps/PrepareRun/Function.</summary>
    public string LogicalIdOf(string constructPath)
    {
        var child = Stack.Node.FindChild(constructPath.Split('/')[0]);
        foreach (var part in constructPath.Split('/').Skip(1))
        {
            child = child.Node.FindChild(part);
        }

        var resource = child.Node.DefaultChild as CfnElement ?? (CfnElement)child;
        return Stack.GetLogicalId(resource);
    }

    /// <summary>Every statement of the AWS::IAM::Policy resources attached to a role.</summary>
    public IReadOnlyList<JsonObject> StatementsOfRole(string roleLogicalId) =>
        ResourcesOfType("AWS::IAM::Policy")
            .Where(policy => policy.Resource["Properties"]!["Roles"]!.AsArray().Any(role => (string?)role!["Ref"] == roleLogicalId))
            .SelectMany(policy => policy.Resource["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(statement => statement!.AsObject())
            .ToList();

    /// <summary>The statement with the given Sid among a role's policies.</summary>
    public JsonObject StatementOfRole(string roleLogicalId, string sid) =>
        StatementsOfRole(roleLogicalId).SingleOrDefault(statement => (string?)statement["Sid"] == sid)
        ?? throw new Xunit.Sdk.XunitException($"Role {roleLogicalId} has no statement {sid}.");

    /// <summary>A JSON value that may be a single item or an array, as a list.</summary>
    public static IReadOnlyList<JsonNode> AsList(JsonNode? node) =>
        node switch
        {
            null => [],
            JsonArray array => array.Select(item => item!).ToList(),
            _ => [node],
        };

    public void Dispose()
    {
        _layer.Dispose();
        if (Directory.Exists(_outdir))
        {
            Directory.Delete(_outdir, recursive: true);
        }
    }

    private static Dictionary<string, object> CdkJsonContext(RepositoryLayout repository)
    {
        var cdkJson = JsonNode.Parse(File.ReadAllText(Path.Combine(repository.Root, "cdk.json")))!;
        var context = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in cdkJson["context"]!.AsObject())
        {
            context[key] = ToClr(value!);
        }

        return context;
    }

    private static object ToClr(JsonNode node) =>
        node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when node.AsValue().TryGetValue<int>(out var number) => number,
            JsonValueKind.Number => node.GetValue<double>(),
            JsonValueKind.Array => node.AsArray().Select(item => ToClr(item!)).ToArray(),
            _ => node.ToJsonString(),
        };
}
