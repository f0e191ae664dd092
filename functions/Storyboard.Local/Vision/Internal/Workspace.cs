namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// Scratch of one detection call: a frame is compared thousands of times with templates of a
/// handful of sizes, so one patch per size is reused instead of allocating arrays for each
/// comparison, and every comparison's score is kept so a window measured before is not measured
/// again. Owned by a single call (one frame), never shared between threads.
/// </summary>
internal sealed class Workspace
{
    private readonly Dictionary<(int Width, int Height), Patch> patches = [];
    private readonly Dictionary<(ReferenceTemplate Template, double Cx, double Cy, double H), MatchScore> scores = [];

    public bool TryRecall(ReferenceTemplate template, double cx, double cy, double h, out MatchScore score) =>
        scores.TryGetValue((template, cx, cy, h), out score);

    public void Remember(ReferenceTemplate template, double cx, double cy, double h, MatchScore score) =>
        scores[(template, cx, cy, h)] = score;

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
