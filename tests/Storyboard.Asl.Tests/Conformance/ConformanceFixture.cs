using System.Text.Json.Nodes;

namespace Storyboard.Asl.Tests.Conformance;

/// <summary>
/// One conformance case (a JSON file in this folder): a definition, an input, optional mocked task
/// responses, and the expected output, runtime error or load error. Cases come from the States Language
/// specification and the Step Functions Developer Guide wherever those give an example.
/// </summary>
public sealed record ConformanceFixture(string Name, JsonObject Json)
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Conformance");

    public JsonNode Definition => Json["definition"]!;

    /// <summary>False for cases that test load errors and are therefore invalid ASL too.</summary>
    public bool Valid => Json["valid"]?.GetValue<bool>() ?? Json["expectLoadError"] is null;

    public static IEnumerable<ConformanceFixture> All() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(f => new ConformanceFixture(Path.GetFileNameWithoutExtension(f), (JsonObject)JsonNode.Parse(File.ReadAllText(f))!));

    public override string ToString() => Name;
}
