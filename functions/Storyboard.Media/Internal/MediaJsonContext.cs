using System.Text.Json.Serialization;

namespace Storyboard.Media.Internal;

[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ProbeOutput))]
internal sealed partial class MediaJsonContext : JsonSerializerContext;
