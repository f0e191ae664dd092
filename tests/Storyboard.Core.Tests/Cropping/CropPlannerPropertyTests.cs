using FsCheck;
using FsCheck.Fluent;
using Storyboard.Core.Cropping;
using Storyboard.Core.Models;

namespace Storyboard.Core.Tests.Cropping;

/// <summary>Invariants that must hold for every box and frame, checked on generated inputs.</summary>
public class CropPlannerPropertyTests
{
    private static readonly DatasetLimits Limits = ModelProfiles.NovaCanvas.Dataset;

    public sealed record Case(BoundingBox Box, int FrameWidth, int FrameHeight, CropPolicy Policy);

    private static readonly Gen<double> Ratio = Gen.Choose(-500, 1500).Select(i => i / 1000.0);
    private static readonly Gen<double> Size = Gen.Choose(0, 1500).Select(i => i / 1000.0);

    private static readonly Gen<Case> Cases =
        from frameWidth in Gen.Choose(1, 6000)
        from frameHeight in Gen.Choose(1, 6000)
        from left in Ratio
        from top in Ratio
        from width in Size
        from height in Size
        from padding in Gen.Choose(0, 100).Select(i => i / 100.0)
        from minSource in Gen.Choose(16, 600)
        from outMin in Gen.Choose(512, 1024)
        from outMax in Gen.Choose(1024, 4096)
        select new Case(new BoundingBox(left, top, width, height), frameWidth, frameHeight, new CropPolicy(padding, minSource, outMin, outMax));

    private static readonly FsCheck.Config Many = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3000);

    private static void ForAll(Func<Case, bool> property) =>
        Check.One(Many, Prop.ForAll(Arb.From(Cases), property));

    private static CropResult Plan(Case c) => CropPlanner.Plan(c.Box, c.FrameWidth, c.FrameHeight, c.Policy, Limits);

    [Fact]
    public void Plan_ForAnyInput_ShouldKeepTheSourceInsideTheFrame() => ForAll(c =>
        Plan(c) is not CropPlan p
        || (p.Source.X >= 0 && p.Source.Y >= 0 && p.Source.Width > 0 && p.Source.Height > 0
            && p.Source.Right <= c.FrameWidth && p.Source.Bottom <= c.FrameHeight));

    [Fact]
    public void Plan_ForAnyInput_ShouldKeepTheSourceAspectWithinBounds() => ForAll(c =>
        Plan(c) is not CropPlan p
        || Math.Max(p.Source.Width, p.Source.Height) <= Math.Min(p.Source.Width, p.Source.Height) * Limits.MaxAspect);

    [Fact]
    public void Plan_ForAnyInput_ShouldProduceAnOutputMeetingEveryModelLimit() => ForAll(c =>
        Plan(c) is not CropPlan p
        || (CropPlanner.OutputProblem(p.OutputWidth, p.OutputHeight, Limits) is null
            && p.OutputWidth % 2 == 0 && p.OutputHeight % 2 == 0
            && p.Scale > 0 && double.IsFinite(p.Scale)));

    [Fact]
    public void Plan_ForAnyInput_ShouldNeverKeepASourceBelowTheMinimum() => ForAll(c =>
        Plan(c) switch
        {
            CropPlan p => Math.Min(p.Source.Width, p.Source.Height) >= c.Policy.MinSourceSide,
            CropRejection r => r.Reason.Length > 0,
            _ => false,
        });

    [Fact]
    public void Plan_ForAnyInput_ShouldBeDeterministic() => ForAll(c => Plan(c) == Plan(c));

    [Fact]
    public void Plan_WhenFrameAspectIsWithinBounds_ShouldContainTheVisiblePartOfTheBox() => ForAll(c =>
    {
        var frameAspect = (double)Math.Max(c.FrameWidth, c.FrameHeight) / Math.Min(c.FrameWidth, c.FrameHeight);
        if (frameAspect > Limits.MaxAspect || Plan(c) is not CropPlan p)
        {
            return true;
        }

        var x0 = Math.Clamp(c.Box.Left * c.FrameWidth, 0, c.FrameWidth);
        var y0 = Math.Clamp(c.Box.Top * c.FrameHeight, 0, c.FrameHeight);
        var x1 = Math.Clamp((c.Box.Left + c.Box.Width) * c.FrameWidth, 0, c.FrameWidth);
        var y1 = Math.Clamp((c.Box.Top + c.Box.Height) * c.FrameHeight, 0, c.FrameHeight);
        const double slack = 1e-6;
        return p.Source.X <= x0 + slack && p.Source.Y <= y0 + slack && p.Source.Right >= x1 - slack && p.Source.Bottom >= y1 - slack;
    });
}
