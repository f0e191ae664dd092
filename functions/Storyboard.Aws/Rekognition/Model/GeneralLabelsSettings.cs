namespace Storyboard.Aws.Rekognition.Model;

public sealed record GeneralLabelsSettings(
    IReadOnlyList<string>? LabelInclusionFilters = null,
    IReadOnlyList<string>? LabelExclusionFilters = null,
    IReadOnlyList<string>? LabelCategoryInclusionFilters = null,
    IReadOnlyList<string>? LabelCategoryExclusionFilters = null);
