namespace Storyboard.Functions.Composition;

/// <summary>
/// The composition the parameterless handler constructors use: read once per process from
/// environment variables, so a warm Lambda reuses its adapters and caches.
/// <list type="bullet">
/// <item><c>STORYBOARD_SERVICES</c>: <c>local</c> (default) or <c>aws</c> (what the stack sets).</item>
/// <item><c>STORYBOARD_OUTPUT</c>: the folder that plays the bucket (local).</item>
/// <item><c>STORYBOARD_BUCKET</c>: the bucket name (local default <c>storyboard-local</c>; required for aws).</item>
/// <item><c>STORYBOARD_SCRATCH</c>: working space (default: the temp folder).</item>
/// <item>aws only: <c>STORYBOARD_COLLECTION_ID</c> (required), <c>STORYBOARD_EMBEDDING_MODEL_ID</c>,
/// <c>STORYBOARD_EMBEDDING_DIMENSIONS</c>, <c>STORYBOARD_CAPTION_MODEL_ID</c>, <c>STORYBOARD_FRAME_TAG</c>
/// (see <see cref="AwsSettings"/>); credentials and region from the SDK's default chains.</item>
/// </list>
/// </summary>
public static class ServicesFromEnvironment
{
    private static readonly Lazy<StoryboardServices> SharedServices = new(() => Create(Environment.GetEnvironmentVariable), LazyThreadSafetyMode.ExecutionAndPublication);

    public static StoryboardServices Shared => SharedServices.Value;

    public static StoryboardServices Create(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var services = variables("STORYBOARD_SERVICES") is { Length: > 0 } s ? s.Trim().ToLowerInvariant() : LocalServices.Name;
        var bucket = variables("STORYBOARD_BUCKET") is { Length: > 0 } b ? b : LocalServices.DefaultBucket;
        var scratch = variables("STORYBOARD_SCRATCH") is { Length: > 0 } t ? t : null;
        switch (services)
        {
            case LocalServices.Name:
                var output = variables("STORYBOARD_OUTPUT");
                if (string.IsNullOrEmpty(output))
                {
                    throw new ServicesNotAvailableException("STORYBOARD_OUTPUT is not set: a local run needs the folder that plays the bucket (it holds uploads/, characters/ and runs/).");
                }

                return LocalServices.Create(output, bucket, scratch);
            case AwsComposition.Name:
                var settings = AwsSettings.FromEnvironment(variables);
                var clients = AwsComposition.ClientsFrom(variables);
                return AwsComposition.Create(settings, clients, AwsComposition.BucketStore(settings.Bucket, clients, settings.FrameTag, variables), scratch);
            default:
                throw new ServicesNotAvailableException($"STORYBOARD_SERVICES is '{services}'; use 'local' or 'aws'.");
        }
    }
}
