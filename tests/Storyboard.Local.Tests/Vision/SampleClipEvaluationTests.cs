using Storyboard.Core.Vision;
using Storyboard.Local.Tests.TestSupport;
using Storyboard.Local.Vision;
using Xunit.Abstractions;

namespace Storyboard.Local.Tests.Vision;

/// <summary>Precision and recall of the detector on the demo clip at 1 fps, against the script's ground truth.</summary>
public class SampleClipEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task DetectAsync_WhenRunOnTheSampleClipAtOneFps_ShouldReachRecallAndPrecisionFloors()
    {
        var clip = await SampleClip.BuildAsync();
        var index = await clip.IndexAsync();
        var detector = new ReferenceCharacterDetector();
        int truePositives = 0, falsePositives = 0, expected = 0, found = 0;
        foreach (var (time, frame) in await clip.FramesAsync(0.5, 30))
        {
            var truth = clip.Samples.Single(s => Math.Abs(s.TimeSeconds - time) < 1e-6).Objects;
            var detections = await detector.DetectAsync(frame, index, CancellationToken.None);
            var required = truth.Where(o => o.IsCharacter && o.VisibleFraction >= 0.5).ToList();
            expected += required.Count;
            found += required.Count(o => detections.Any(d => d.Character == o.Name && d.Box.IntersectionOverUnion(o.Box) >= 0.5));
            foreach (var d in detections)
            {
                output.WriteLine(FormattableString.Invariant($"t={time}: {d.Character} {d.Box.Left:R} {d.Box.Top:R} {d.Box.Width:R} {d.Box.Height:R} {d.Confidence:R}"));
                var ok = truth.Any(o => o.IsCharacter && o.Name == d.Character && d.Box.IntersectionOverUnion(o.Box) >= 0.5);
                truePositives += ok ? 1 : 0;
                falsePositives += ok ? 0 : 1;
                if (!ok)
                {
                    output.WriteLine($"t={time}: false {d.Character} {d.Box} {d.Confidence}");
                }
            }

            foreach (var o in required.Where(o => !detections.Any(d => d.Character == o.Name && d.Box.IntersectionOverUnion(o.Box) >= 0.5)))
            {
                output.WriteLine($"t={time}: missed {o.Name} {o.Box} vis {o.VisibleFraction}; got {string.Join("; ", detections.Select(d => $"{d.Character} {d.Box} {d.Confidence}"))}");
            }
        }

        var recall = (double)found / expected;
        var precision = truePositives + falsePositives == 0 ? 1 : (double)truePositives / (truePositives + falsePositives);
        output.WriteLine($"recall {recall:F3} ({found}/{expected}), precision {precision:F3} ({truePositives}/{truePositives + falsePositives})");
        Assert.True(recall >= 0.9, $"recall {recall:F3}");
        Assert.True(precision >= 0.9, $"precision {precision:F3}");
    }
}
