namespace Storyboard.Local.Tests.TestSupport;

internal sealed record TruthSample(double TimeSeconds, IReadOnlyList<TruthObject> Objects);
