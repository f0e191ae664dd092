namespace Storyboard.Cdk.Functions;

/// <summary>
/// Names of the environment variables every function receives; the handlers' composition root reads
/// the same names.
/// </summary>
public static class FunctionEnvironment
{
    public const string Bucket = "STORYBOARD_BUCKET";
    public const string CollectionId = "STORYBOARD_COLLECTION_ID";

    /// <summary>
    /// <c>true</c> only for steps with <see cref="StepAccess.IndexCharacterFaces"/>: they create,
    /// index and tidy the collection; every other step only reads it.
    /// </summary>
    public const string ManageCollection = "STORYBOARD_MANAGE_COLLECTION";

    /// <summary>Only for steps with <see cref="StepAccess.SearchCharacterFaces"/>, when a Custom Labels model is configured.</summary>
    public const string CustomLabelsProjectVersionArn = "STORYBOARD_CUSTOM_LABELS_PROJECT_VERSION_ARN";

    /// <summary><c>aws</c> on Lambda; the local runner uses <c>local</c>.</summary>
    public const string Services = "STORYBOARD_SERVICES";

    public const string BaseModelId = "STORYBOARD_BASE_MODEL_ID";
    public const string EmbeddingModelId = "STORYBOARD_EMBEDDING_MODEL_ID";
    public const string CaptionModelId = "STORYBOARD_CAPTION_MODEL_ID";
    public const string FfmpegPath = "FFMPEG_PATH";
    public const string FfprobePath = "FFPROBE_PATH";

    /// <summary>Only for steps with <see cref="StepAccess.StartCustomization"/>: the role Bedrock assumes.</summary>
    public const string CustomizationRoleArn = "STORYBOARD_CUSTOMIZATION_ROLE_ARN";


    /// <summary>Tag key and value frames are written with, so the lifecycle rule can expire them.</summary>
    public const string FrameTagHint = "STORYBOARD_FRAME_TAG";
}
