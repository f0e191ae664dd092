using System.Text.Json.Serialization;
using Storyboard.Core.Planning;

namespace Storyboard.Functions.Contracts;

/// <summary>One ItemBatcher batch: <c>{Items: [segment...], run}</c>.</summary>
public sealed record ExtractFramesInput(
    [property: JsonPropertyName("Items")] IReadOnlyList<Segment>? Items,
    RunContext? Run);
