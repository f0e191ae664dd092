using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Tests.Settings;

public sealed class DeploymentSettingsReaderTests
{
    private static readonly RepositoryLayout Repository = RepositoryLayout.Find(AppContext.BaseDirectory);

    private static DeploymentSettings Read(Dictionary<string, object> context) =>
        DeploymentSettingsReader.Read(new App(new AppProps { Context = context }).Node, Repository);

    [Fact]
    public void Read_WhenContextIsEmpty_ShouldUseTheDefaults()
    {
        var settings = Read([]);

        Assert.Equal(Architecture.X86_64.Name, settings.Architecture.Name);
        Assert.Equal("linux-x64", settings.RuntimeIdentifier);
        Assert.True(settings.RetainData);
        Assert.Null(settings.AlarmEmail);
        Assert.Equal(RetentionDays.ONE_MONTH, settings.LogRetention);
        Assert.Equal(Path.Combine(Repository.Root, "layers", "ffmpeg", "build"), settings.FfmpegLayerDirectory);
        Assert.Equal("amazon.nova-canvas-v1:0", settings.BaseModelId);
    }

    [Fact]
    public void Read_WhenValuesComeFromTheCommandLineAsStrings_ShouldParseThem()
    {
        var settings = Read(new Dictionary<string, object>
        {
            ["architecture"] = "arm64",
            ["retainData"] = "false",
            ["logRetentionDays"] = "365",
            ["frameRetentionDays"] = "2",
            ["alarmEmail"] = "ops@example.com",
            ["captionModelId"] = "us.amazon.nova-pro-v1:0",
        });

        Assert.Equal("linux-arm64", settings.RuntimeIdentifier);
        Assert.False(settings.RetainData);
        Assert.Equal(RetentionDays.ONE_YEAR, settings.LogRetention);
        Assert.Equal(2, settings.FrameRetentionDays);
        Assert.Equal("ops@example.com", settings.AlarmEmail);
        Assert.Equal("us.amazon.nova-pro-v1:0", settings.CaptionModelId);
    }

    [Theory]
    [InlineData("architecture", "amd64", "x86_64 or arm64")]
    [InlineData("logRetentionDays", "10", "CloudWatch Logs accepts")]
    [InlineData("frameRetentionDays", "0", "at least 1")]
    [InlineData("noncurrentVersionDays", "0", "at least 1")]
    [InlineData("retainData", "maybe", "true or false")]
    [InlineData("alarmEmail", "not-an-address", "not an e-mail address")]
    [InlineData("baseModelId", "Nova Canvas", "Bedrock model id")]
    [InlineData("customLabelsProjectVersionArn", "arn:aws:rekognition:us-east-1:123456789012:collection/x", "project version ARN")]
    public void Read_WhenAValueIsUnusable_ShouldSayWhichAndWhatIsAccepted(string key, string value, string hint)
    {
        var exception = Assert.Throws<InvalidDeploymentSettingsException>(() => Read(new Dictionary<string, object> { [key] = value }));

        Assert.Contains($"'{key}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(hint, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LogRetention_ForEveryAllowedDayCount_ShouldMapToTheMatchingCdkMember()
    {
        Assert.Equal(DeploymentSettingsReader.AllowedRetentionDays.Length, Enum.GetValues<RetentionDays>().Length - 1); // INFINITE is not a day count
        Assert.Equal(RetentionDays.ONE_DAY, Read(new Dictionary<string, object> { ["logRetentionDays"] = 1 }).LogRetention);
        Assert.Equal(RetentionDays.TEN_YEARS, Read(new Dictionary<string, object> { ["logRetentionDays"] = 3653 }).LogRetention);
    }
}
