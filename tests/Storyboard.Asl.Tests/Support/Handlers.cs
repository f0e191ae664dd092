using System.Text;
using System.Text.Json.Nodes;

namespace Storyboard.Asl.Tests.Support;

/// <summary>Small Stream-in/Stream-out task handlers built from functions over JSON.</summary>
public static class Handlers
{
    public static Func<Stream, CancellationToken, Task<Stream>> Json(Func<JsonNode?, JsonNode?> function) =>
        async (input, cancellationToken) =>
        {
            var node = await JsonNode.ParseAsync(input, cancellationToken: cancellationToken);
            var output = function(node);
            return new MemoryStream(Encoding.UTF8.GetBytes(output?.ToJsonString() ?? "null"));
        };

    public static Func<Stream, CancellationToken, Task<Stream>> Echo() => Json(n => n);
}
