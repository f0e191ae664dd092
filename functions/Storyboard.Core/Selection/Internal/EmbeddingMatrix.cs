using System.Numerics.Tensors;

namespace Storyboard.Core.Selection.Internal;

/// <summary>Unit-length rows in one contiguous array, so dot products are cosine similarities and stay cache-friendly.</summary>
internal sealed class EmbeddingMatrix
{
    private readonly float[] _data;

    public EmbeddingMatrix(int rows, int dimensions)
    {
        Rows = rows;
        Dimensions = dimensions;
        _data = new float[(long)rows * dimensions];
    }

    public int Rows { get; }

    public int Dimensions { get; }

    public ReadOnlySpan<float> Row(int index) => _data.AsSpan(index * Dimensions, Dimensions);

    public Span<float> MutableRow(int index) => _data.AsSpan(index * Dimensions, Dimensions);

    public float Similarity(int a, int b) => TensorPrimitives.Dot(Row(a), Row(b));

    /// <summary>
    /// Writes the unit vector of <paramref name="source"/> into <paramref name="target"/>; false for a zero or
    /// non-finite vector. Scales by the largest magnitude first so huge components do not overflow the norm.
    /// </summary>
    public static bool TryNormalize(ReadOnlySpan<float> source, Span<float> target)
    {
        if (source.Length == 0)
        {
            return false;
        }

        var largest = Math.Abs(TensorPrimitives.MaxMagnitude(source));
        if (!float.IsFinite(largest) || largest == 0f)
        {
            return false;
        }

        TensorPrimitives.Divide(source, largest, target);
        var norm = TensorPrimitives.Norm(target);
        if (!float.IsFinite(norm) || norm == 0f)
        {
            return false;
        }

        TensorPrimitives.Divide(target, norm, target);
        return true;
    }
}
