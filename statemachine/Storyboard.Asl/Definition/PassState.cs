using System.Text.Json.Nodes;

namespace Storyboard.Asl.Definition;

public sealed record PassState : ResultState
{
    /// <summary>The fixed result; when absent the (Parameters-processed) input is the result.</summary>
    public JsonNode? Result { get; init; }

    public bool HasResult { get; init; }

    public override string TypeName => "Pass";
}
