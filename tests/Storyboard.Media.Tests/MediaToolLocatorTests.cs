using Storyboard.Core.Media;

namespace Storyboard.Media.Tests;

public sealed class MediaToolLocatorTests
{
    [Fact]
    public void Ffmpeg_WhenEnvironmentVariableIsSet_ShouldUseItAsIs()
    {
        var locator = new MediaToolLocator(new MediaToolsOptions(), name => name == "FFMPEG_PATH" ? "/custom/ffmpeg" : null);

        Assert.Equal("/custom/ffmpeg", locator.Ffmpeg);
    }

    [Fact]
    public void Ffprobe_WhenConfiguredFolderHoldsIt_ShouldPreferItOverPath()
    {
        var folder = Directory.CreateTempSubdirectory("storyboard-tools-").FullName;
        try
        {
            var fake = Path.Combine(folder, OperatingSystem.IsWindows() ? "ffprobe.exe" : "ffprobe");
            File.WriteAllText(fake, string.Empty);
            var locator = new MediaToolLocator(new MediaToolsOptions { ToolsFolder = folder }, Environment.GetEnvironmentVariable);

            Assert.Equal(fake, locator.Ffprobe);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Ffmpeg_WhenOnPath_ShouldFindIt()
    {
        var locator = new MediaToolLocator(new MediaToolsOptions(), name => name == "PATH" ? Environment.GetEnvironmentVariable("PATH") : null);

        Assert.True(File.Exists(locator.Ffmpeg));
    }

    [Fact]
    public void Ffmpeg_WhenNowhereToBeFound_ShouldThrowFfmpegMissingListingWhereItLooked()
    {
        var empty = Directory.CreateTempSubdirectory("storyboard-empty-").FullName;
        try
        {
            var locator = new MediaToolLocator(new MediaToolsOptions { ToolsFolder = empty }, name => name == "PATH" ? empty : null);

            var error = Assert.Throws<FfmpegMissingException>(() => locator.Ffmpeg);

            Assert.Contains(empty, error.Message, StringComparison.Ordinal);
            Assert.Contains("FFMPEG_PATH", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
