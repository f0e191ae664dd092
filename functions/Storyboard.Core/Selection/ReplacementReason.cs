using System.Text.Json.Serialization;

namespace Storyboard.Core.Selection;

[JsonConverter(typeof(JsonStringEnumConverter<ReplacementReason>))]
public enum ReplacementReason
{
    /// <summary>At or above the similarity threshold of a better crop.</summary>
    NearDuplicate,

    /// <summary>Distinct, but dropped to meet the per-character target; the most similar kept crop is named.</summary>
    Diversity,
}
