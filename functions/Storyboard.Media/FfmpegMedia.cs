using Storyboard.Core.Media;

namespace Storyboard.Media;

/// <summary>The media ports over ffmpeg/ffprobe, composed once at the edge of a function or the CLI.</summary>
public sealed class FfmpegMedia
{
    public FfmpegMedia(MediaToolsOptions? options = null)
    {
        Options = options ?? new MediaToolsOptions();
        Locator = new MediaToolLocator(Options);
        Runner = new MediaProcessRunner(Options.ProcessStarted);
        Probe = new FfprobeVideoProbe(Locator, Runner, Options);
        Frames = new FfmpegFrameExtractor(Locator, Runner, Options);
        Crops = new FfmpegCropCutter(Locator, Runner, Options);
        Thumbnails = new FfmpegThumbnailer(Locator, Runner, Options);
    }

    public MediaToolsOptions Options { get; }

    public MediaToolLocator Locator { get; }

    public MediaProcessRunner Runner { get; }

    public IVideoProbe Probe { get; }

    public IFrameExtractor Frames { get; }

    public ICropCutter Crops { get; }

    public IThumbnailer Thumbnails { get; }
}
