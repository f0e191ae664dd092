using Amazon.CDK.Assertions;

namespace Storyboard.Cdk.Tests.Storage;

[Collection(SynthesizedStackCollection.Name)]
public sealed class RunBucketTests(SynthesizedStackFixture fixture)
{
    private readonly Synthesis _stack = fixture.Synthesis;

    [Fact]
    public void Bucket_ShouldBeEncryptedPrivateAndSendEventsToEventBridge()
    {
        _stack.Template.ResourceCountIs("AWS::S3::Bucket", 1);
        _stack.Template.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketEncryption"] = new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["ServerSideEncryptionByDefault"] = new Dictionary<string, object> { ["SSEAlgorithm"] = "AES256" },
                    },
                },
            },
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true,
                ["BlockPublicPolicy"] = true,
                ["IgnorePublicAcls"] = true,
                ["RestrictPublicBuckets"] = true,
            },
            ["VersioningConfiguration"] = new Dictionary<string, object> { ["Status"] = "Enabled" },
            ["NotificationConfiguration"] = new Dictionary<string, object>
            {
                ["EventBridgeConfiguration"] = new Dictionary<string, object> { ["EventBridgeEnabled"] = true },
            },
        });
    }

    [Fact]
    public void BucketPolicy_ShouldDenyEveryRequestWithoutTls()
    {
        _stack.Template.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(
                [
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["Action"] = "s3:*",
                        ["Principal"] = new Dictionary<string, object> { ["AWS"] = "*" },
                        ["Condition"] = new Dictionary<string, object>
                        {
                            ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
                        },
                    }),
                ]),
            },
        });
    }

    [Fact]
    public void Lifecycle_ShouldExpireFramesByTagUnderRunsAfterTheConfiguredDays()
    {
        var rules = _stack.ResourcesOfType("AWS::S3::Bucket").Single().Resource["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray();
        var frames = rules.Single(rule => (string?)rule!["Id"] == "ExpireFrames")!;

        Assert.Equal("Enabled", (string?)frames["Status"]);
        Assert.Equal("runs/", (string?)frames["Prefix"]);
        Assert.Equal(7, (int)frames["ExpirationInDays"]!);
        Assert.Equal(1, (int)frames["NoncurrentVersionExpiration"]!["NoncurrentDays"]!);
        var tag = Assert.Single(frames["TagFilters"]!.AsArray())!;
        Assert.Equal("storyboard:kind", (string?)tag["Key"]);
        Assert.Equal("frame", (string?)tag["Value"]);
    }

    [Fact]
    public void Lifecycle_ShouldExpireNoncurrentVersionsOfEveryObject()
    {
        var rules = _stack.ResourcesOfType("AWS::S3::Bucket").Single().Resource["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray();
        var versions = rules.Single(rule => (string?)rule!["Id"] == "ExpireOldVersions")!;

        Assert.Equal(30, (int)versions["NoncurrentVersionExpiration"]!["NoncurrentDays"]!);
        Assert.True((bool)versions["ExpiredObjectDeleteMarker"]!);
        Assert.Null(versions["Prefix"]);
    }

    [Fact]
    public void Lifecycle_ShouldAbortIncompleteMultipartUploads()
    {
        var rules = _stack.ResourcesOfType("AWS::S3::Bucket").Single().Resource["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray();
        var abort = rules.Single(rule => (string?)rule!["Id"] == "AbortIncompleteUploads")!;

        Assert.Equal(7, (int)abort["AbortIncompleteMultipartUpload"]!["DaysAfterInitiation"]!);
        Assert.Null(abort["TagFilters"]);
    }

    [Fact]
    public void Bucket_ByDefault_ShouldBeRetainedWithTheStack()
    {
        var bucket = _stack.ResourcesOfType("AWS::S3::Bucket").Single().Resource;

        Assert.Equal("Retain", (string?)bucket["DeletionPolicy"]);
        _stack.Template.ResourceCountIs("Custom::S3AutoDeleteObjects", 0);
    }
}

/// <summary>The opt-out of data retention needs its own synthesis.</summary>
public sealed class RunBucketDisposableDataTests
{
    [Fact]
    public void Bucket_WhenRetainDataIsFalse_ShouldBeEmptiedAndDeletedWithTheStack()
    {
        using var stack = new Synthesis(new Dictionary<string, object> { ["retainData"] = "false", ["frameRetentionDays"] = "3" });

        var bucket = stack.ResourcesOfType("AWS::S3::Bucket").Single().Resource;
        Assert.Equal("Delete", (string?)bucket["DeletionPolicy"]);
        stack.Template.ResourceCountIs("Custom::S3AutoDeleteObjects", 1);
        var frames = bucket["Properties"]!["LifecycleConfiguration"]!["Rules"]!.AsArray().Single(rule => (string?)rule!["Id"] == "ExpireFrames")!;
        Assert.Equal(3, (int)frames["ExpirationInDays"]!);
    }
}
