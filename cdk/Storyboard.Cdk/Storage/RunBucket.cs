using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Storage;

/// <summary>
/// The one bucket: uploads, character references and run folders. Private, encrypted, TLS only, and
/// sending its events to EventBridge (the upload trigger listens there). Versioned: an overwritten
/// dataset or model record stays recoverable, and every "Object Created" event carries the
/// version-id the trigger passes on (EventBridge leaves a variable out when its path is missing).
/// </summary>
public sealed class RunBucket : Construct
{
    public RunBucket(Construct scope, string id, DeploymentSettings settings)
        : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Versioned = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "ExpireFrames",
                    Prefix = RunLayout.RunsPrefix,
                    TagFilters = new Dictionary<string, object> { [RunLayout.FrameTagKey] = RunLayout.FrameTagValue },
                    Expiration = Duration.Days(settings.FrameRetentionDays),
                    NoncurrentVersionExpiration = Duration.Days(1),
                },
                new LifecycleRule
                {
                    // Overwritten or deleted objects stay recoverable for a while, then stop being billed.
                    Id = "ExpireOldVersions",
                    NoncurrentVersionExpiration = Duration.Days(settings.NoncurrentVersionDays),
                    ExpiredObjectDeleteMarker = true,
                },
                new LifecycleRule
                {
                    // The Distributed Map's ResultWriter uploads in parts; a failed run must not leave them billed.
                    Id = "AbortIncompleteUploads",
                    AbortIncompleteMultipartUploadAfter = Duration.Days(7),
                },
            ],
            RemovalPolicy = settings.RetainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            AutoDeleteObjects = !settings.RetainData,
        });

        // EventBridge delivery set on the CloudFormation resource itself. The L2 EventBridgeEnabled flag
        // does the same through a deploy-time custom-resource Lambda whose policy allows
        // s3:PutBucketNotification on "*"; the native property needs neither.
        var cfnBucket = (CfnBucket)Bucket.Node.DefaultChild!;
        cfnBucket.NotificationConfiguration = new CfnBucket.NotificationConfigurationProperty
        {
            EventBridgeConfiguration = new CfnBucket.EventBridgeConfigurationProperty { EventBridgeEnabled = true },
        };
    }

    public IBucket Bucket { get; }
}
