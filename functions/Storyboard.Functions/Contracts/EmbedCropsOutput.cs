namespace Storyboard.Functions.Contracts;

/// <summary>The Map child's result (the ASL selects exactly these three fields).</summary>
/// <param name="EmbeddingsKey">The folder (<c>runs/&lt;runId&gt;/embeddings/</c>) holding one <c>&lt;segment&gt;.jsonl</c> of vectors per segment.</param>
public sealed record EmbedCropsOutput(IReadOnlyList<string> Segments, int Crops, string EmbeddingsKey);
