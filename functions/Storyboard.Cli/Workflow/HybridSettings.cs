using System.Globalization;

namespace Storyboard.Cli.Workflow;

/// <summary>
/// A hybrid run: the workflow runs on this machine, the AI services are the real ones in the
/// caller's account. Kept in the execution's metadata, so a redrive composes the same services.
/// </summary>
/// <param name="Bucket">Where the dataset is copied for Bedrock to read; null for a dataset-only run (images travel as bytes).</param>
/// <param name="CollectionId">The Rekognition collection the references are indexed in (created when missing).</param>
/// <param name="RoleArn">The role Bedrock assumes to read the bucket; needed only to fine-tune.</param>
/// <param name="ModelUnits">Provisioned throughput units to buy for rendering.</param>
/// <param name="CustomLabelsArn">A running Rekognition Custom Labels model that names the characters instead of the faces.</param>
internal sealed record HybridSettings(string? Bucket, string CollectionId, string? RoleArn, int ModelUnits = 1, string? CustomLabelsArn = null)
{
    public const string DefaultCollectionId = "storyboard-characters";

    private const string ServicesKey = "services";
    private const string BucketKey = "bucket";
    private const string CollectionKey = "collection";
    private const string RoleKey = "roleArn";
    private const string UnitsKey = "modelUnits";
    private const string CustomLabelsKey = "customLabels";

    public void WriteTo(IDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        metadata[ServicesKey] = "aws";
        metadata[CollectionKey] = CollectionId;
        metadata[UnitsKey] = ModelUnits.ToString(CultureInfo.InvariantCulture);
        if (Bucket is not null)
        {
            metadata[BucketKey] = Bucket;
        }

        if (RoleArn is not null)
        {
            metadata[RoleKey] = RoleArn;
        }

        if (CustomLabelsArn is not null)
        {
            metadata[CustomLabelsKey] = CustomLabelsArn;
        }
    }

    /// <returns>Null for a run with the offline stand-ins.</returns>
    public static HybridSettings? ReadFrom(IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.GetValueOrDefault(ServicesKey) != "aws"
            ? null
            : new HybridSettings(
                metadata.GetValueOrDefault(BucketKey),
                metadata.GetValueOrDefault(CollectionKey) ?? DefaultCollectionId,
                metadata.GetValueOrDefault(RoleKey),
                int.Parse(metadata.GetValueOrDefault(UnitsKey) ?? "1", CultureInfo.InvariantCulture),
                metadata.GetValueOrDefault(CustomLabelsKey));
    }
}
