using System.Buffers.Binary;
using System.Diagnostics;
using Storyboard.Core.Rendering;
using Storyboard.Media.Rendering;

namespace Storyboard.Media.Tests.Rendering;

public sealed class FfmpegStoryboardSheetComposerTests
{
    private readonly FfmpegMedia _media = new();

    [Theory]
    [InlineData(1, 384, 384)]
    [InlineData(4, 3 * 384, 2 * 384)]
    public async Task ComposeAsync_ShouldMakeAPngOfTheLayoutsSize(int count, int width, int height)
    {
        var panels = new List<SheetPanel>();
        for (var i = 0; i < count; i++)
        {
            panels.Add(new SheetPanel(await PngAsync($"testsrc2=s={100 + (40 * i)}x{80 + (20 * i)}"), $"Scene {i + 1}"));
        }

        var sheet = await Composer().ComposeAsync(panels, SheetLayout.For(count));

        Assert.Equal((width, height), (sheet.Width, sheet.Height));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(sheet.Png.Span[16..20]));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(sheet.Png.Span[20..24]));
        Assert.Equal(File.Exists(FfmpegStoryboardSheetComposer.DefaultFonts[0]) || File.Exists(FfmpegStoryboardSheetComposer.DefaultFonts[1]), sheet.Labelled);
    }

    [Fact]
    public async Task ComposeAsync_WhenNoFontIsInstalled_ShouldStillComposeUnlabelled()
    {
        var composer = new FfmpegStoryboardSheetComposer(_media.Locator, _media.Runner, _media.Options, fontFile: "/nonexistent/font.ttf");

        var sheet = await composer.ComposeAsync([new SheetPanel(await PngAsync("color=c=red:s=64x64"), "Scene 1"), new SheetPanel(await PngAsync("color=c=blue:s=64x64"), "Scene 2")], new SheetLayout(2, 128, 64));

        Assert.Null(composer.Font);
        Assert.False(sheet.Labelled);
        Assert.Equal((256, 64), (sheet.Width, sheet.Height));
    }

    [Fact]
    public async Task ComposeAsync_WhenAPanelIsNotPng_ShouldThrowInvalidPanelImage()
    {
        var error = await Assert.ThrowsAsync<InvalidPanelImageException>(() => Composer().ComposeAsync([new SheetPanel("not an image"u8.ToArray(), "Scene 1")], SheetLayout.For(1)));

        Assert.Contains("Scene 1", error.Message, StringComparison.Ordinal);
    }

    private FfmpegStoryboardSheetComposer Composer() => new(_media.Locator, _media.Runner, _media.Options);

    private static async Task<byte[]> PngAsync(string source)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-hide_banner", "-nostdin", "-v", "error", "-f", "lavfi", "-i", source, "-frames:v", "1", "-c:v", "png", "-f", "image2pipe", "-" })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await copy;
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.ToArray() : throw new InvalidOperationException(await errors);
    }
}
