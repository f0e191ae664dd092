namespace Storyboard.Core.Selection;

/// <summary>A crop selection could not judge (zero or non-finite embedding, no character); never kept.</summary>
public sealed record InvalidCandidate(string Id, string Reason);
