namespace Storyboard.Functions.Artifacts;

/// <summary><c>captions/batch-NNNN.json</c>: one batch's captions and rejections, with the service that wrote them.</summary>
public sealed record CaptionsFile(string BatchKey, string Service, IReadOnlyList<CaptionEntry> Captioned, IReadOnlyList<CaptionRejection> Rejected);
