namespace Storyboard.Functions.Contracts;

/// <summary>Captions written for one batch (the ASL selects <c>captioned</c> and <c>rejected</c>).</summary>
public sealed record CaptionBatchOutput(int Captioned, int Rejected, string CaptionsKey);
