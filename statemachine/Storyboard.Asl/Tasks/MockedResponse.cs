using System.Text.Json.Nodes;

namespace Storyboard.Asl.Tasks;

/// <summary>Either a result to return or an error to throw.</summary>
public sealed record MockedResponse(JsonNode? Return, string? Error, string? Cause)
{
    public bool Throws => Error is not null;
}
