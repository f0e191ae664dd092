using System.Globalization;
using Storyboard.Aws.S3;

namespace Storyboard.Functions.Composition;

/// <summary>
/// What the <c>aws</c> composition needs beyond credentials and region (which come from the SDK's
/// default chains): the stack passes these to every function as environment variables.
/// </summary>
/// <param name="Bucket">The run bucket (<c>STORYBOARD_BUCKET</c>).</param>
/// <param name="CollectionId">The Rekognition collection of the reference faces (<c>STORYBOARD_COLLECTION_ID</c>).</param>
public sealed record AwsSettings(string Bucket, string CollectionId)
{
    public const string DefaultEmbeddingModelId = "amazon.titan-embed-image-v1";
    public const string DefaultCaptionModelId = "amazon.nova-pro-v1:0";

    /// <summary><c>STORYBOARD_EMBEDDING_MODEL_ID</c>.</summary>
    public string EmbeddingModelId { get; init; } = DefaultEmbeddingModelId;

    /// <summary><c>STORYBOARD_EMBEDDING_DIMENSIONS</c>: 256, 384 or 1024 (Titan's choices).</summary>
    public int EmbeddingDimensions { get; init; } = 1024;

    /// <summary><c>STORYBOARD_CAPTION_MODEL_ID</c>.</summary>
    public string CaptionModelId { get; init; } = DefaultCaptionModelId;

    /// <summary>
    /// <c>STORYBOARD_MANAGE_COLLECTION=true</c>: this process may create the collection and index or
    /// delete reference faces (the stack grants that to PrepareCharacters only); otherwise it only
    /// reads the collection.
    /// </summary>
    public bool ManageCollection { get; init; }

    /// <summary>
    /// <c>STORYBOARD_CUSTOM_LABELS_PROJECT_VERSION_ARN</c>: a running Rekognition Custom Labels model
    /// whose labels are the character names; when set it finds the characters instead of the faces.
    /// </summary>
    public string? CustomLabelsProjectVersionArn { get; init; }

    /// <summary><c>STORYBOARD_FRAME_TAG</c> (<c>key=value</c>): written on frames so the lifecycle rule expires them.</summary>
    public ObjectTag? FrameTag { get; init; }

    /// <exception cref="ServicesNotAvailableException">A required variable is missing or a value is unusable; the message names it.</exception>
    public static AwsSettings FromEnvironment(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        string Required(string name, string what) =>
            variables(name) is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : throw new ServicesNotAvailableException($"{name} is not set: the aws services need {what}. The stack sets it on every function; for a hybrid run pass the matching option.");
        string Optional(string name, string fallback) => variables(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : fallback;

        var settings = new AwsSettings(Required("STORYBOARD_BUCKET", "the run bucket"), Required("STORYBOARD_COLLECTION_ID", "the Rekognition collection of the character references"))
        {
            EmbeddingModelId = Optional("STORYBOARD_EMBEDDING_MODEL_ID", DefaultEmbeddingModelId),
            CaptionModelId = Optional("STORYBOARD_CAPTION_MODEL_ID", DefaultCaptionModelId),
            ManageCollection = string.Equals(Optional("STORYBOARD_MANAGE_COLLECTION", "false"), "true", StringComparison.OrdinalIgnoreCase),
            CustomLabelsProjectVersionArn = Optional("STORYBOARD_CUSTOM_LABELS_PROJECT_VERSION_ARN", string.Empty) is { Length: > 0 } arn ? arn : null,
        };
        var dimensions = Optional("STORYBOARD_EMBEDDING_DIMENSIONS", "1024");
        if (!int.TryParse(dimensions, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length is not (256 or 384 or 1024))
        {
            throw new ServicesNotAvailableException($"STORYBOARD_EMBEDDING_DIMENSIONS is '{dimensions}'; Titan Multimodal Embeddings returns 256, 384 or 1024 dimensions.");
        }

        ObjectTag? tag = null;
        if (variables("STORYBOARD_FRAME_TAG") is { Length: > 0 } tagText)
        {
            try
            {
                tag = ObjectTag.Parse(tagText);
            }
            catch (FormatException e)
            {
                throw new ServicesNotAvailableException($"STORYBOARD_FRAME_TAG: {e.Message}", e);
            }
        }

        return settings with { EmbeddingDimensions = length, FrameTag = tag };
    }
}
