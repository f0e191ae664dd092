using Storyboard.Core.Imaging;
using Storyboard.Core.Vision;
using Storyboard.Local.Vision.Internal;

namespace Storyboard.Local.Vision;

/// <summary>
/// Offline stand-in for Rekognition: finds the indexed characters by their colours, then checks
/// each candidate's shape (gradient descriptor), colours and shading under the reference's mask
/// (as drawn, mirrored and tilted), refining position and scale. Deterministic, single-threaded
/// and stateless, so one instance can serve concurrent calls.
/// See the Storyboard.Local README for how it works and where it fails.
/// </summary>
public sealed class ReferenceCharacterDetector : ICharacterDetector
{
    public const string ServiceName = "local:reference-detector v1";

    /// <summary>Side length of the copy of the frame the colour search runs on.</summary>
    private const int SearchSide = 320;

    private static readonly double[] StartScales = [0.8, 1.0, 1.3, 1.7];

    /// <summary>How many of the best starting windows are refined.</summary>
    private const int RefinedStarts = 2;

    /// <summary>
    /// A start scoring below this is not refined. True characters start well above it even when
    /// the blob is off by half its size; look-alikes and background rarely reach it.
    /// </summary>
    private const double StartFloor = 0.3;

    /// <summary>Most moves one climb takes (it stops sooner when its steps become finer than 2.5% of the height).</summary>
    private const int MaxMoves = 48;

    /// <summary>A match this good is not looked for again from other candidates inside it.</summary>
    private const double SureMatch = 0.8;

    private readonly ReferenceDetectorOptions options;

    public ReferenceCharacterDetector(ReferenceDetectorOptions? options = null)
    {
        this.options = options ?? new ReferenceDetectorOptions();
    }

    public string Service => ServiceName;

    public Task<IReadOnlyList<CharacterDetection>> DetectAsync(RgbImage frame, ICharacterReferenceIndex index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (index is not LocalCharacterReferenceIndex local)
        {
            throw new ArgumentException($"{ServiceName} needs an index built by {nameof(LocalCharacterReferenceIndexBuilder)}, not {index?.GetType().Name ?? "null"}.", nameof(index));
        }

        var found = Detect(frame, local, cancellationToken);
        var detections = found
            .Select(f => new CharacterDetection(
                f.Character,
                new RelativeBox(f.Window.X / frame.Width, f.Window.Y / frame.Height, f.Window.W / frame.Width, f.Window.H / frame.Height).ClampToFrame(),
                Math.Round(f.Confidence, 4),
                ServiceName))
            .ToList();
        return Task.FromResult<IReadOnlyList<CharacterDetection>>(detections);
    }

    internal List<(string Character, Candidate Window, double Confidence, MatchScore Score)> Detect(RgbImage frame, LocalCharacterReferenceIndex index, CancellationToken cancellationToken)
    {
        using var pyramid = new FramePyramid(frame, 24);
        var level = 0;
        while (level + 1 < pyramid.LevelCount && Math.Max(pyramid.Level(level).Width, pyramid.Level(level).Height) > SearchSide)
        {
            level++;
        }

        using var workspace = Workspace.Rent();
        var search = new ColourSearch(pyramid.Level(level), (double)frame.Width / pyramid.Level(level).Width);
        var results = new List<(string Character, Candidate Window, double Confidence, MatchScore Score)>();
        foreach (var model in index.Models)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidates = search.Find(model, options.MinCharacterHeight * frame.Height, options.MaxCharacterHeight * frame.Height, options.MinVisible, options.CandidatesPerCharacter);
            var accepted = new List<Candidate>();
            foreach (var candidate in candidates)
            {
                var centreX = candidate.X + (candidate.W / 2);
                var centreY = candidate.Y + (candidate.H / 2);
                if (accepted.Exists(a => centreX > a.X && centreX < a.X + a.W && centreY > a.Y && centreY < a.Y + a.H))
                {
                    continue; // part of a character already found
                }

                var refined = Refine(pyramid, workspace, model, candidate);
                if (refined is null)
                {
                    continue;
                }

                var (window, score) = refined.Value;
                if (score.Combined >= SureMatch)
                {
                    accepted.Add(window);
                }

                if (score.Visible >= options.MinVisible && score.Shape >= options.MinShape && score.Combined >= options.Threshold)
                {
                    results.Add((model.Name, window, Confidence(score.Combined), score));
                }
            }
        }

        // One object, one name: overlapping detections keep the best match, whichever character it is.
        results.Sort((a, b) => b.Score.Combined.CompareTo(a.Score.Combined) is var c and not 0 ? c : string.CompareOrdinal(a.Character, b.Character));
        var kept = new List<(string Character, Candidate Window, double Confidence, MatchScore Score)>();
        foreach (var r in results)
        {
            if (kept.TrueForAll(k => k.Window.IntersectionOverUnion(r.Window) < 0.3 && Containment(k.Window, r.Window) < 0.6))
            {
                kept.Add(r);
            }
        }

        return kept;
    }

    /// <summary>Maps the combined score so the threshold is 0.5 and a perfect match approaches 1.</summary>
    private double Confidence(double combined)
    {
        var t = options.Threshold;
        return combined >= t ? 0.5 + (0.5 * Math.Min(1, (combined - t) / (0.95 - t))) : 0.5 * combined / t;
    }

    private static double Containment(Candidate a, Candidate b)
    {
        var iw = Math.Min(a.X + a.W, b.X + b.W) - Math.Max(a.X, b.X);
        var ih = Math.Min(a.Y + a.H, b.Y + b.H) - Math.Max(a.Y, b.Y);
        return iw <= 0 || ih <= 0 ? 0 : iw * ih / Math.Min(a.W * a.H, b.W * b.H);
    }

    /// <summary>
    /// Colour blobs often cover only the most typical part of a character, so refinement starts
    /// from several heights around the blob (anchored at its centre and at its top), keeps the
    /// best few starts, and runs a pattern search over centre and height from each (see
    /// <see cref="Climb"/>), then tries the other templates where it ended.
    /// </summary>
    /// <returns>Null when no start looks enough like the character to be worth refining.</returns>
    private static (Candidate Window, MatchScore Score)? Refine(FramePyramid pyramid, Workspace workspace, CharacterModel model, Candidate start)
    {
        // Most candidates are background: reject them on the upright templates alone, with a
        // little slack for leaning characters, before trying the tilted ones.
        var starts = UprightStarts(pyramid, workspace, model, start);
        if (starts[0].S.Combined < StartFloor - 0.05)
        {
            return null;
        }

        // Tilted templates are tried only where the upright ones fitted best.
        var tiltedStarts = new List<(ReferenceTemplate T, double Cx, double Cy, double H, MatchScore S)>();
        foreach (var (_, scx, scy, sh, _) in starts.Take(2))
        {
            foreach (var t in model.Templates)
            {
                if (t.Tilt != 0)
                {
                    tiltedStarts.Add((t, scx, scy, sh, Evaluate(pyramid, workspace, t, scx, scy, sh)));
                }
            }
        }

        starts = [.. starts.Concat(tiltedStarts).OrderByDescending(x => x.S.Combined)];
        if (starts[0].S.Combined < StartFloor)
        {
            return null;
        }

        // Tilted templates compete only among themselves (one start per lean direction), so a
        // tilted template that half-fits never crowds out the upright search.
        var chosen = starts.Where(s => s.T.Tilt == 0).Take(RefinedStarts)
            .Concat(starts.Where(s => s.T.Tilt != 0).GroupBy(s => Math.Sign(s.T.Tilt) * (s.T.Flipped ? -1 : 1)).Select(g => g.First()));
        (ReferenceTemplate T, double Cx, double Cy, double H, MatchScore S)? best = null;
        foreach (var s in chosen)
        {
            var r = Settle(pyramid, workspace, model, Climb(pyramid, workspace, s.T, s.Cx, s.Cy, s.H, s.S, 0.12));
            if (best is null || r.S.Combined > best.Value.S.Combined)
            {
                best = r;
            }
        }

        var (template, cx, cy, h, score) = best!.Value;
        var w = h * template.Aspect;
        return (new Candidate(cx - (w / 2), cy - (h / 2), w, h, score.Combined), score);
    }

    /// <returns>Every (height, anchor, upright template) start, best first.</returns>
    private static List<(ReferenceTemplate T, double Cx, double Cy, double H, MatchScore S)> UprightStarts(FramePyramid pyramid, Workspace workspace, CharacterModel model, Candidate start)
    {
        var starts = new List<(ReferenceTemplate T, double Cx, double Cy, double H, MatchScore S)>();
        var cx = start.X + (start.W / 2);
        foreach (var factor in StartScales)
        {
            foreach (var anchorTop in new[] { false, true })
            {
                var h = start.H * factor;
                var cy = anchorTop ? start.Y + (h / 2) : start.Y + (start.H / 2);
                foreach (var t in model.Templates)
                {
                    if (t.Tilt == 0)
                    {
                        starts.Add((t, cx, cy, h, Evaluate(pyramid, workspace, t, cx, cy, h)));
                    }
                }
            }
        }

        starts.Sort((a, b) => b.S.Combined.CompareTo(a.S.Combined));
        return starts;
    }

    /// <summary>
    /// Pattern search over height and centre with one template: take the first move that improves,
    /// halve the steps when none does. Size moves come first: a start taken from a colour blob is
    /// most often wrong in size.
    /// </summary>
    private static (ReferenceTemplate T, double Cx, double Cy, double H, MatchScore S) Climb(FramePyramid pyramid, Workspace workspace, ReferenceTemplate template, double cx, double cy, double h, MatchScore score, double step)
    {
        var scaleStep = 1 + (step * 1.25);
        var back = -1;
        for (var round = 0; round < MaxMoves && step > 0.025; round++)
        {
            var taken = -1;
            for (var m = 0; m < 6 && taken < 0; m++)
            {
                // Undoing the last move leads back to where it started, which scored lower than
                // where it went: it cannot win, so it is not measured again.
                if (m == back)
                {
                    continue;
                }

                // The first move that improves is taken at once: measuring the others to pick the
                // best of them costs more evaluations than the extra rounds it saves.
                var (mx, my, mh) = m switch
                {
                    0 => (cx, cy, h * scaleStep),
                    1 => (cx, cy, h / scaleStep),
                    2 => (cx, cy + (step * h), h),
                    3 => (cx, cy - (step * h), h),
                    4 => (cx + (step * h * template.Aspect), cy, h),
                    _ => (cx - (step * h * template.Aspect), cy, h),
                };
                var s = Evaluate(pyramid, workspace, template, mx, my, mh);
                if (s.Combined > score.Combined + 1e-6)
                {
                    (cx, cy, h, score, taken) = (mx, my, mh, s, m);
                }
            }

            // Moves come in opposite pairs (0-1, 2-3, 4-5); the steps stay the same after a move.
            back = taken < 0 ? -1 : taken ^ 1;
            if (taken < 0)
            {
                step /= 2;
                scaleStep = Math.Sqrt(scaleStep);
            }
        }

        return (template, cx, cy, h, score);
    }

    /// <summary>
    /// Another template (mirrored, tilted) may fit better once the window is right; if so, it is
    /// settled with a finer search of its own.
    /// </summary>
    private static (ReferenceTemplate T, double Cx, double Cy, double H, MatchScore S) Settle(FramePyramid pyramid, Workspace workspace, CharacterModel model, (ReferenceTemplate T, double Cx, double Cy, double H, MatchScore S) found)
    {
        var (template, cx, cy, h, score) = found;
        foreach (var t in model.Templates)
        {
            if (ReferenceEquals(t, found.T))
            {
                continue; // its score here is the one the search ended with
            }

            var s = Evaluate(pyramid, workspace, t, cx, cy, h);
            if (s.Combined > score.Combined)
            {
                (template, score) = (t, s);
            }
        }

        if (!ReferenceEquals(found.T, template))
        {
            return Climb(pyramid, workspace, template, cx, cy, h, score, 0.05);
        }

        return (template, cx, cy, h, score);
    }

    internal static MatchScore Evaluate(FramePyramid pyramid, Workspace workspace, ReferenceTemplate t, double cx, double cy, double h)
    {
        // Searches from neighbouring candidates and starts meet at the same windows (about one
        // comparison in eight is a repeat); a comparison depends only on these inputs.
        ref var known = ref workspace.Recall(t, cx, cy, h);
        if (known is { } score)
        {
            return score;
        }

        var w = h * t.Aspect;
        var patch = pyramid.Sample(cx - (w / 2), cy - (h / 2), w, h, workspace.PatchOf(t.Width, t.Height), t.Needed);
        score = TemplateMatcher.Score(t, patch);
        known = score;
        return score;
    }
}
