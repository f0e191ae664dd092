namespace Storyboard.Core.Selection;

/// <summary>A dropped crop and the kept crop that stands in for it, so a report can show them side by side.</summary>
/// <param name="Similarity">Cosine similarity between the two.</param>
public sealed record Replacement(string RejectedId, string KeptId, double Similarity, ReplacementReason Reason);
