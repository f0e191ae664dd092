using System.Text.RegularExpressions;

namespace Storyboard.Aws.Vision;

/// <summary>
/// How the Rekognition character detector and its reference index behave. Confidence values are
/// in Rekognition's percent scale (0–100); appearance similarities are 0–1.
/// </summary>
/// <param name="CollectionId">The face collection the references are indexed into (the stack sets it as <c>STORYBOARD_COLLECTION_ID</c>).</param>
public sealed partial record RekognitionVisionOptions(string CollectionId)
{
    /// <summary>
    /// Labels whose instances can be a character: a label counts when its name, an alias or a
    /// parent is in <see cref="CandidateLabels"/> ("Animal" covers "Penguin", "Dog", …).
    /// Only labels Rekognition returns with instances (boxes) can be used.
    /// </summary>
    public static IReadOnlyList<string> DefaultCandidateLabels { get; } = ["Person", "Animal", "Toy", "Teddy Bear", "Doll", "Robot"];

    /// <summary>Lowest SearchFacesByImage similarity (percent) that names a face.</summary>
    public double FaceMatchThreshold { get; init; } = 80;

    /// <summary>DetectFaces confidence (percent) below which a face is not searched (saves a paid call on shapes that are barely faces).</summary>
    public double MinFaceConfidence { get; init; } = 80;

    /// <summary>DetectLabels MinConfidence (percent).</summary>
    public double MinLabelConfidence { get; init; } = 55;

    /// <inheritdoc cref="DefaultCandidateLabels"/>
    public IReadOnlyList<string> CandidateLabels { get; init; } = DefaultCandidateLabels;

    /// <summary>Most faces searched per frame, largest first: each search is one paid call.</summary>
    public int MaxFacesPerFrame { get; init; } = 5;

    /// <summary>SearchFacesByImage MaxFaces: enough that faces of other characters sharing the collection cannot crowd out this run's.</summary>
    public int MaxMatchesPerFace { get; init; } = 10;

    /// <summary>Context added around a face before it is cut out for the search, as a share of the face's size on each side.</summary>
    public double FaceCropMargin { get; init; } = 0.5;

    /// <summary>
    /// True: building the index makes sure the collection exists and holds exactly the current
    /// references' faces (needs rekognition:DescribeCollection, ListFaces, IndexFaces, DeleteFaces,
    /// and CreateCollection when the collection may be missing). False: read-only, trusting an
    /// earlier build (e.g. PrepareCharacters) to have indexed them: one ListFaces walk learns which
    /// characters have faces; without rekognition:ListFaces the index goes on not knowing (every
    /// frame then pays for DetectFaces), so searching needs only rekognition:SearchFacesByImage.
    /// </summary>
    public bool ManageCollection { get; init; } = true;

    /// <summary>IndexFaces QualityFilter for references; NONE, because references are chosen by the user and drawn faces often score as low quality.</summary>
    public string ReferenceQualityFilter { get; init; } = "NONE";

    /// <summary>Name label instances in which no indexed face matched by comparing their colours with the references (see the README).</summary>
    public bool MatchByAppearance { get; init; } = true;

    /// <summary>Lowest Bhattacharyya coefficient (0–1) between an instance's and a reference's colour distribution that names the instance.</summary>
    public double MinAppearanceSimilarity { get; init; } = 0.8;

    /// <summary>How far the best character must lead the second best, so an instance that looks like two characters is named neither.</summary>
    public double AppearanceMargin { get; init; } = 0.05;

    /// <summary>A running Rekognition Custom Labels model version whose label names are the character names; when set it replaces faces and labels.</summary>
    public string? CustomLabelsProjectVersionArn { get; init; }

    /// <summary>DetectCustomLabels MinConfidence (percent).</summary>
    public double CustomLabelsMinConfidence { get; init; } = 50;

    /// <summary>Throws when a value is outside what Rekognition accepts, before any paid call.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(CollectionId) || CollectionId.Length > 255 || !CollectionIdPattern().IsMatch(CollectionId))
        {
            throw new ArgumentException($"Rekognition collection id '{CollectionId}' is not valid: use 1-255 letters, digits, '_', '.' or '-' (check STORYBOARD_COLLECTION_ID).", nameof(CollectionId));
        }

        CheckRange(FaceMatchThreshold, 0, 100, nameof(FaceMatchThreshold));
        CheckRange(MinFaceConfidence, 0, 100, nameof(MinFaceConfidence));
        CheckRange(MinLabelConfidence, 0, 100, nameof(MinLabelConfidence));
        CheckRange(CustomLabelsMinConfidence, 0, 100, nameof(CustomLabelsMinConfidence));
        CheckRange(MinAppearanceSimilarity, 0, 1, nameof(MinAppearanceSimilarity));
        CheckRange(AppearanceMargin, 0, 1, nameof(AppearanceMargin));
        CheckRange(FaceCropMargin, 0, 4, nameof(FaceCropMargin));
        CheckRange(MaxFacesPerFrame, 1, 100, nameof(MaxFacesPerFrame));
        CheckRange(MaxMatchesPerFace, 1, 4096, nameof(MaxMatchesPerFace));
        if (CandidateLabels is null || CandidateLabels.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("CandidateLabels must be a list of Rekognition label names.", nameof(CandidateLabels));
        }
    }

    private static void CheckRange(double value, double min, double max, string name)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_.\\-]+$")]
    private static partial Regex CollectionIdPattern();
}
