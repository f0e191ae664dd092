namespace Storyboard.Local.Vision;

/// <summary>Tuning of <see cref="ReferenceCharacterDetector"/>; the defaults were set on the sample clip and its look-alikes.</summary>
/// <param name="MinCharacterHeight">Smallest character height searched, as a share of the frame height.</param>
/// <param name="MaxCharacterHeight">Largest, as a share of the frame height (above 1 when characters overflow the frame).</param>
/// <param name="Threshold">Minimum combined match score (0..1; clean matches score 0.75-0.95, look-alikes below 0.5) to report a detection.</param>
/// <param name="MinShape">Minimum gradient-descriptor correlation: right colours in the wrong shape are not the character.</param>
/// <param name="MinVisible">Minimum share of the character that must be inside the frame.</param>
/// <param name="CandidatesPerCharacter">Colour candidates verified per character and frame.</param>
public sealed record ReferenceDetectorOptions(
    double MinCharacterHeight = 0.14,
    double MaxCharacterHeight = 1.25,
    double Threshold = 0.55,
    double MinShape = 0.4,
    double MinVisible = 0.35,
    int CandidatesPerCharacter = 6);
