using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Storyboard.Local.Vision.Internal;

/// <summary>
/// Scratch of one detection call: a frame is compared thousands of times with templates of a
/// handful of sizes, so one patch per size is reused instead of allocating arrays for each
/// comparison, and every comparison's score is kept so a window measured before is not measured
/// again. Owned by a single call (one frame), never shared between threads; handed back when
/// the call ends, so the next call reuses its arrays (emptied: no score or pixel of an earlier
/// frame survives) instead of allocating them again.
/// </summary>
internal sealed class Workspace : IDisposable
{
    private static readonly ConcurrentBag<Workspace> Idle = [];

    private readonly Dictionary<(int Width, int Height), Patch> patches = [];
    private readonly Dictionary<(ReferenceTemplate Template, double Cx, double Cy, double H), MatchScore?> scores = [];

    /// <summary>
    /// The score kept for this comparison, or a slot to keep it in (one look-up either way).
    /// The reference is only good until the next call.
    /// </summary>
    public ref MatchScore? Recall(ReferenceTemplate template, double cx, double cy, double h) =>
        ref CollectionsMarshal.GetValueRefOrAddDefault(scores, (template, cx, cy, h), out _);

    /// <summary>An empty workspace for one call; dispose it to hand it back.</summary>
    public static Workspace Rent()
    {
        if (!Idle.TryTake(out var workspace))
        {
            return new Workspace();
        }

        workspace.scores.Clear();
        foreach (var patch in workspace.patches.Values)
        {
            patch.Window = null; // its next sampling starts from nothing
        }

        return workspace;
    }

    public void Dispose() => Idle.Add(this);

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
