using Storyboard.Core.Models;

namespace Storyboard.Core.Dataset;

/// <summary>What the validator needs to know about one training image.</summary>
public sealed record ImageFacts(ImageFormat Format, int Width, int Height, long Bytes);
