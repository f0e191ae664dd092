using System.Text.Json.Serialization;

namespace Storyboard.Core.Dataset;

/// <summary>
/// One line of the portable export's <c>metadata.jsonl</c> (the image-folder convention many
/// image-model trainers read): the image file beside it and its caption.
/// </summary>
public sealed record ExportMetadataLine(
    [property: JsonPropertyName("file_name")] string FileName,
    [property: JsonPropertyName("text")] string Text);
