using Storyboard.Functions.Composition;
using Storyboard.Local.Captions;
using Storyboard.Storage;

namespace Storyboard.Functions.Tests.Composition;

public sealed class ServicesFromEnvironmentTests
{
    [Fact]
    public void Create_WhenLocalWithAnOutputFolder_ShouldComposeTheOfflineStandIns()
    {
        var folder = Path.Combine(Path.GetTempPath(), "storyboard-env-" + Guid.NewGuid().ToString("N"));
        var variables = new Dictionary<string, string> { ["STORYBOARD_OUTPUT"] = folder, ["STORYBOARD_BUCKET"] = "my-bucket" };

        var services = ServicesFromEnvironment.Create(variables.GetValueOrDefault);

        Assert.Equal("local", services.Name);
        Assert.Equal("my-bucket", services.Bucket);
        Assert.Equal(Path.GetFullPath(folder), Path.GetFullPath(Assert.IsType<LocalFolderObjectStore>(services.Store).Root));
        Assert.Equal(TemplateCaptioner.ServiceName, services.Captioner.Service);
    }

    [Theory]
    [InlineData("local", null, "STORYBOARD_OUTPUT is not set")]
    [InlineData("aws", "/tmp/x", "STORYBOARD_SERVICES=local")]
    [InlineData("gcp", "/tmp/x", "use 'local' or 'aws'")]
    public void Create_WhenTheEnvironmentIsIncomplete_ShouldSayWhatToSet(string services, string? output, string advice)
    {
        var variables = new Dictionary<string, string?> { ["STORYBOARD_SERVICES"] = services, ["STORYBOARD_OUTPUT"] = output };

        var ex = Assert.Throws<ServicesNotAvailableException>(() => ServicesFromEnvironment.Create(variables.GetValueOrDefault));

        Assert.Contains(advice, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenTheBucketNameIsInvalid_ShouldRefuseIt()
    {
        Assert.Throws<ArgumentException>(() => LocalServices.Create(Path.GetTempPath(), "Not_A_Bucket"));
    }
}
