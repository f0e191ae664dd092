using Storyboard.Core.Vision;

namespace Storyboard.Local.Tests.TestSupport;

/// <param name="IsCharacter">False for extras and look-alikes, which must not be detected.</param>
internal sealed record TruthObject(string Name, bool IsCharacter, double VisibleFraction, RelativeBox Box);
