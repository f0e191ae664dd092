using Amazon.CDK;
using Storyboard.Cdk.Layers;
using Storyboard.Cdk.Settings;

namespace Storyboard.Cdk.Tests;

public sealed class StoryboardStackLayerTests
{
    [Fact]
    public void Constructor_WhenTheLayerIsNotBuilt_ShouldFailNamingTheBuildScript()
    {
        var missing = Path.Combine(Path.GetTempPath(), "storyboard-no-layer-" + Guid.NewGuid().ToString("N"));
        var app = new App(new AppProps
        {
            Context = new Dictionary<string, object> { ["ffmpegLayerDir"] = missing, ["aws:cdk:bundling-stacks"] = Array.Empty<string>() },
        });

        var exception = Assert.Throws<FfmpegLayerMissingException>(() => new StoryboardStack(app, "Storyboard", RepositoryLayout.Find(AppContext.BaseDirectory)));

        Assert.Contains("layers/ffmpeg/build.sh", exception.Message, StringComparison.Ordinal);
    }
}
