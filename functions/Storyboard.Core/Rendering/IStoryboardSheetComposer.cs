namespace Storyboard.Core.Rendering;

/// <summary>Lays panels out on one PNG sheet.</summary>
public interface IStoryboardSheetComposer
{
    Task<StoryboardSheet> ComposeAsync(IReadOnlyList<SheetPanel> panels, SheetLayout layout, CancellationToken cancellationToken = default);
}
