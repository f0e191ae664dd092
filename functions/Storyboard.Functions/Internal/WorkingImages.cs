using Storyboard.Core.Imaging;
using Storyboard.Core.Media;
using Storyboard.Core.Storage;
using Storyboard.Functions.Artifacts;
using Storyboard.Functions.Composition;

namespace Storyboard.Functions.Internal;

/// <summary>
/// Pixels of frames and crops for the offline steps. Starting an ffmpeg process costs more than
/// the work it does on one small image, so PNGs (frame working copies, crops) are decoded
/// in-process with Core's decoder and shrunk by area averaging; only a frame without a working
/// copy (a run extracted before they existed) is scaled by ffmpeg from its JPEG.
/// </summary>
internal static class WorkingImages
{
    /// <summary>The frame fitted inside <paramref name="size"/> (aspect kept).</summary>
    public static async Task<RgbImage> FrameAsync(StoryboardServices services, FrameEntry frame, ThumbnailSize size, Scratch scratch, string segment, CancellationToken cancellationToken)
    {
        if (frame.WorkingKey is { } working)
        {
            return Fit(await ReadPngAsync(services.Store, working, cancellationToken).ConfigureAwait(false), size);
        }

        var path = scratch.PathFor(segment, Path.GetFileName(frame.Key));
        await StoreFiles.DownloadAsync(services.Store, frame.Key, path, cancellationToken).ConfigureAwait(false);
        try
        {
            return await services.Thumbnails.FromImageAsync(path, size, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A stored image fitted inside <paramref name="size"/>: decoded in-process when it is a PNG, by ffmpeg otherwise.</summary>
    public static async Task<RgbImage> ImageAsync(StoryboardServices services, string key, ThumbnailSize size, Scratch scratch, string segment, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(services.Store, key, cancellationToken).ConfigureAwait(false);
        if (PngDecoder.IsPng(bytes.Span))
        {
            return Fit(PngDecoder.DecodeRgb(bytes.Span), size);
        }

        var path = scratch.PathFor(segment, Path.GetFileName(key));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
        try
        {
            return await services.Thumbnails.FromImageAsync(path, size, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Shrinks to fit (as ffmpeg's <c>force_original_aspect_ratio=decrease</c> would size it), or stretches when the size does not keep the aspect.</summary>
    public static RgbImage Fit(RgbImage image, ThumbnailSize size)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(size);
        var (width, height) = size.KeepAspect
            ? AreaResampler.FitInside(image.Width, image.Height, size.Width, size.Height)
            : (size.Width, size.Height);
        return AreaResampler.Resize(image, width, height);
    }

    private static async Task<RgbImage> ReadPngAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        var bytes = await ReadAllAsync(store, key, cancellationToken).ConfigureAwait(false);
        return PngDecoder.DecodeRgb(bytes.Span);
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        await using var source = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (source.CanSeek && source.Length is > 0 and < int.MaxValue)
        {
            // A file or a downloaded object knows its size: one read into one array, no regrowing.
            var bytes = new byte[source.Length];
            await source.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return bytes;
        }

        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
