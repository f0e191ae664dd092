using System.Numerics.Tensors;

namespace Storyboard.Core.Selection.Internal;

/// <summary>
/// Unit-length rows, so dot products are cosine similarities, split into a head and a tail stored
/// in separate contiguous arrays. Dimensions are reordered by energy (mean square over the rows,
/// largest first; a reordering leaves every dot product unchanged) and the head holds the first
/// quarter. By Cauchy–Schwarz, head·head + |tailA|·|tailB| bounds the similarity from above, so a
/// pair that cannot reach the threshold is ruled out after reading a quarter of each vector.
/// </summary>
internal sealed class EmbeddingMatrix
{
    /// <summary>Below this many dimensions the split costs more than it saves.</summary>
    private const int MinDimensionsToSplit = 128;

    private float[] _heads;
    private float[] _tails;
    private readonly float[] _tailNorms;

    public EmbeddingMatrix(int rows, int dimensions)
    {
        Rows = rows;
        Dimensions = dimensions;
        HeadLength = dimensions;
        _heads = new float[(long)rows * dimensions];
        _tails = [];
        _tailNorms = new float[rows];
    }

    public int Rows { get; }

    public int Dimensions { get; }

    public int HeadLength { get; private set; }

    public int TailLength => Dimensions - HeadLength;

    /// <summary>Row storage while filling, before <see cref="Seal"/>.</summary>
    public Span<float> MutableRow(int index) => _heads.AsSpan(index * Dimensions, Dimensions);

    public ReadOnlySpan<float> Head(int index) => _heads.AsSpan(index * HeadLength, HeadLength);

    public ReadOnlySpan<float> Tail(int index) => _tails.AsSpan(index * TailLength, TailLength);

    public float TailNorm(int index) => _tailNorms[index];

    /// <summary>Cosine similarity; every caller uses this same arithmetic, so equal inputs give equal results.</summary>
    public float Similarity(int a, int b) =>
        TensorPrimitives.Dot(Head(a), Head(b)) + (TailLength == 0 ? 0f : TensorPrimitives.Dot(Tail(a), Tail(b)));

    /// <summary>Reorders dimensions by energy and splits rows into head and tail; call once after filling.</summary>
    public void Seal()
    {
        if (Dimensions < MinDimensionsToSplit || Rows == 0)
        {
            return;
        }

        var energy = new double[Dimensions];
        for (var r = 0; r < Rows; r++)
        {
            var row = MutableRow(r);
            for (var d = 0; d < Dimensions; d++)
            {
                energy[d] += (double)row[d] * row[d];
            }
        }

        var order = Enumerable.Range(0, Dimensions).OrderByDescending(d => energy[d]).ThenBy(d => d).ToArray();
        var head = Dimensions / 4;
        var tail = Dimensions - head;
        var heads = new float[(long)Rows * head];
        var tails = new float[(long)Rows * tail];
        for (var r = 0; r < Rows; r++)
        {
            var row = MutableRow(r);
            var h = heads.AsSpan(r * head, head);
            var t = tails.AsSpan(r * tail, tail);
            for (var i = 0; i < head; i++)
            {
                h[i] = row[order[i]];
            }

            for (var i = 0; i < tail; i++)
            {
                t[i] = row[order[head + i]];
            }

            _tailNorms[r] = TensorPrimitives.Norm(t);
        }

        HeadLength = head;
        _heads = heads;
        _tails = tails;
    }

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
