using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Storyboard.Aws.Signing;

/// <summary>A growable char buffer on the array pool, so building a canonical request allocates nothing.</summary>
internal struct PooledTextBuilder : IDisposable
{
    private char[] _buffer;

    public PooledTextBuilder(int capacity)
    {
        _buffer = ArrayPool<char>.Shared.Rent(Math.Max(capacity, 16));
        Length = 0;
    }

    public int Length { get; set; }

    public void Append(char c)
    {
        if (Length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[Length++] = c;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (Length + text.Length > _buffer.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_buffer.AsSpan(Length));
        Length += text.Length;
    }

    public readonly ReadOnlySpan<char> Slice(int start, int length) => _buffer.AsSpan(start, length);

    public readonly void HashUtf8(Span<byte> destination)
    {
        var text = _buffer.AsSpan(0, Length);
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(max);
        try
        {
            var count = Encoding.UTF8.GetBytes(text, bytes);
            SHA256.HashData(bytes.AsSpan(0, count), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public override readonly string ToString() => new(_buffer, 0, Length);

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, Length + needed));
        _buffer.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
