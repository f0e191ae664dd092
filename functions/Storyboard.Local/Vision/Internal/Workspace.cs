namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// Scratch buffers of one detection call: a frame is compared thousands of times with templates
/// of a handful of sizes, so one patch per size is reused instead of allocating arrays for each
/// comparison. Owned by a single call, never shared between threads.
/// </summary>
internal sealed class Workspace
{
    private readonly Dictionary<(int Width, int Height), Patch> patches = [];

    public Patch PatchOf(int width, int height)
    {
        if (!patches.TryGetValue((width, height), out var patch))
        {
            patch = new Patch(width, height);
            patches.Add((width, height), patch);
        }

        return patch;
    }
}
