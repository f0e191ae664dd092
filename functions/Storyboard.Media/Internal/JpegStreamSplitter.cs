namespace Storyboard.Media.Internal;

/// <summary>
/// Cuts a stream of back-to-back JPEG images (ffmpeg's <c>image2pipe</c> + <c>mjpeg</c>) into
/// single images by walking the marker segments: header segments are skipped by their length,
/// and inside entropy-coded data every 0xFF is followed by 0x00 or a restart marker, so the
/// first other marker there ends the scan.
/// </summary>
internal sealed class JpegStreamSplitter(Stream source)
{
    private readonly byte[] _buffer = new byte[128 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next whole image, or null at a clean end of stream.</summary>
    public async ValueTask<byte[]?> ReadNextAsync(CancellationToken cancellationToken)
    {
        using var image = new MemoryStream();
        if (!await EnsureAsync(1, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (!await EnsureAsync(2, cancellationToken).ConfigureAwait(false) || _buffer[_start] != 0xFF || _buffer[_start + 1] != 0xD8)
        {
            throw new InvalidDataException("ffmpeg's output is not a JPEG stream (no start-of-image marker).");
        }

        Take(image, 2);
        while (true)
        {
            await RequireAsync(2, cancellationToken).ConfigureAwait(false);
            if (_buffer[_start] != 0xFF)
            {
                throw new InvalidDataException("Malformed JPEG in ffmpeg's output: expected a marker.");
            }

            var marker = _buffer[_start + 1];
            if (marker == 0xFF)
            {
                Take(image, 1); // fill byte
                continue;
            }

            if (marker == 0xD9)
            {
                Take(image, 2);
                return image.ToArray();
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                Take(image, 2);
                continue;
            }

            await RequireAsync(4, cancellationToken).ConfigureAwait(false);
            var length = (_buffer[_start + 2] << 8) | _buffer[_start + 3];
            await CopyAsync(image, 2 + length, cancellationToken).ConfigureAwait(false);
            if (marker == 0xDA)
            {
                await CopyEntropyDataAsync(image, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CopyEntropyDataAsync(MemoryStream image, CancellationToken cancellationToken)
    {
        while (true)
        {
            await RequireAsync(2, cancellationToken).ConfigureAwait(false);
            var span = _buffer.AsSpan(_start, _end - _start);
            var i = 0;
            while (i < span.Length - 1)
            {
                if (span[i] == 0xFF && span[i + 1] != 0x00 && span[i + 1] is not (>= 0xD0 and <= 0xD7))
                {
                    Take(image, i);
                    return;
                }

                i += span[i] == 0xFF ? 2 : 1;
            }

            // Keep a trailing 0xFF for the next round: its partner byte decides what it is.
            Take(image, i);
        }
    }

    private async Task CopyAsync(MemoryStream image, int count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            await RequireAsync(1, cancellationToken).ConfigureAwait(false);
            var n = Math.Min(count, _end - _start);
            Take(image, n);
            count -= n;
        }
    }

    private void Take(MemoryStream image, int count)
    {
        image.Write(_buffer, _start, count);
        _start += count;
    }

    private async ValueTask RequireAsync(int count, CancellationToken cancellationToken)
    {
        if (!await EnsureAsync(count, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidDataException("ffmpeg's JPEG output ended in the middle of an image.");
        }
    }

    private async ValueTask<bool> EnsureAsync(int count, CancellationToken cancellationToken)
    {
        if (_end - _start >= count)
        {
            return true;
        }

        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end - _start < count)
        {
            var read = await source.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }
}
