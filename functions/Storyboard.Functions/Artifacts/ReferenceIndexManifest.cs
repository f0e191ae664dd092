namespace Storyboard.Functions.Artifacts;

/// <summary><c>characters.json</c>: the reference images an index was built from; its fingerprint keys the per-process index cache.</summary>
public sealed record ReferenceIndexManifest(string Service, string Fingerprint, IReadOnlyList<string> Characters, IReadOnlyList<ReferenceEntry> References);
