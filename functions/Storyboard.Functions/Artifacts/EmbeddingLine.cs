namespace Storyboard.Functions.Artifacts;

/// <summary>One line of <c>embeddings/&lt;segment&gt;.jsonl</c>.</summary>
public sealed record EmbeddingLine(string Key, string Service, float[] Vector);
