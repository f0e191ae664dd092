using Storyboard.Core.Cropping;

namespace Storyboard.Functions.Artifacts;

/// <summary>A detection that did not become a crop, and why.</summary>
public sealed record CropRejectionEntry(string SourceFrame, double TimeSeconds, string Character, BoundingBox Box, string Reason);
