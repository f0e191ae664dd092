using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;

namespace Storyboard.Cdk.Settings;

/// <summary>
/// Everything a deployment can choose, read once from the CDK context (cdk.json, then
/// <c>cdk deploy -c key=value</c>). Defaults give a working deployment in us-east-1.
/// </summary>
/// <param name="Architecture">CPU of every function and of the ffmpeg layer (context <c>architecture</c>: x86_64 | arm64).</param>
/// <param name="RetainData">
/// Keep the bucket (datasets, models, storyboards) when the stack is deleted (context <c>retainData</c>).
/// False empties and deletes it, which is handy for trials.
/// </param>
/// <param name="AlarmEmail">Optional address subscribed to the alarm topic (context <c>alarmEmail</c>).</param>
/// <param name="LogRetentionDays">Retention of every log group (context <c>logRetentionDays</c>).</param>
/// <param name="FrameRetentionDays">Days before tagged frames expire (context <c>frameRetentionDays</c>).</param>
/// <param name="NoncurrentVersionDays">Days an overwritten or deleted object version is kept (context <c>noncurrentVersionDays</c>).</param>
/// <param name="FfmpegLayerDirectory">Folder with bin/ffmpeg and bin/ffprobe (context <c>ffmpegLayerDir</c>).</param>
/// <param name="BaseModelId">Foundation model that is fine-tuned (context <c>baseModelId</c>).</param>
/// <param name="EmbeddingModelId">Model that embeds crops for near-duplicate removal (context <c>embeddingModelId</c>).</param>
/// <param name="CaptionModelId">Model or inference profile that captions crops (context <c>captionModelId</c>).</param>
/// <param name="CustomLabelsProjectVersionArn">
/// Optional Rekognition Custom Labels model whose labels are the character names (context
/// <c>customLabelsProjectVersionArn</c>); when set, DetectCharacters asks it instead of the face collection.
/// </param>
public sealed record DeploymentSettings(
    Architecture Architecture,
    bool RetainData,
    string? AlarmEmail,
    int LogRetentionDays,
    int FrameRetentionDays,
    int NoncurrentVersionDays,
    string FfmpegLayerDirectory,
    string BaseModelId,
    string EmbeddingModelId,
    string CaptionModelId,
    string? CustomLabelsProjectVersionArn = null)
{
    /// <summary>The runtime identifier <c>dotnet publish</c> targets for <see cref="Architecture"/>.</summary>
    public string RuntimeIdentifier => Architecture.Name == Architecture.ARM_64.Name ? "linux-arm64" : "linux-x64";

    /// <summary>
    /// <see cref="LogRetentionDays"/> as CDK's enum (its members are declared in the order of the allowed
    /// day counts; the reader has already rejected any other count).
    /// </summary>
    public RetentionDays LogRetention => (RetentionDays)Array.IndexOf(DeploymentSettingsReader.AllowedRetentionDays, LogRetentionDays);
}
