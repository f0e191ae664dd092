using System.Text.Json.Serialization;

namespace Storyboard.Aws.Tests.Json;

[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
