using Storyboard.Core.Config;
using Storyboard.Core.Models;

namespace Storyboard.Core.Captions;

/// <summary>The caption limits of one run: the model profile's, narrowed by the run config.</summary>
public sealed record CaptionRuleSet(int MinLength, int MaxLength, IReadOnlyList<string> ReservedWords)
{
    public static CaptionRuleSet For(ModelProfile profile, CaptionConfig config)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(config);
        var limits = profile.Dataset.CaptionLength;
        return new((int)limits.Min, (int)Math.Min(limits.Max, config.MaxLength), profile.ReservedCaptionWords);
    }
}
