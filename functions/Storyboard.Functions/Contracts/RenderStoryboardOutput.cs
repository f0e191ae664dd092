namespace Storyboard.Functions.Contracts;

/// <summary>RenderStoryboard's result (<c>$.storyboard.result</c>): keys only, never image bytes.</summary>
/// <param name="SheetKey">Null when no scenes are configured.</param>
/// <param name="Service">What made the panels (a model, or the offline previews).</param>
public sealed record RenderStoryboardOutput(
    IReadOnlyList<StoryboardPanelOutput> Panels,
    string? SheetKey,
    string IndexKey,
    string Service);
