using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Storyboard.Core.Selection.Internal;

/// <summary>
/// Dot products of vector heads. <see cref="Dot4"/> reads one row against four leaders at once, so the
/// row is loaded once per four products; <see cref="Dot"/> performs exactly the same per-lane
/// operations for one pair, so both give bit-identical results for the same pair. Hot methods here
/// and in the clustering are compiled optimised from the first call: selection runs once per
/// process, so there is no second call for tiered compilation to speed up.
/// </summary>
internal static class HeadKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> a)
    {
        var width = Vector<float>.Count;
        var length = x.Length;
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ra = ref MemoryMarshal.GetReference(a);
        var sa = Vector<float>.Zero;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            sa = Vector.FusedMultiplyAdd(Vector.LoadUnsafe(ref rx, (nuint)i), Vector.LoadUnsafe(ref ra, (nuint)i), sa);
        }

        var result = Vector.Sum(sa);
        for (; i < length; i++)
        {
            result = MathF.FusedMultiplyAdd(x[i], a[i], result);
        }

        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Dot4(
        ReadOnlySpan<float> x,
        ReadOnlySpan<float> a,
        ReadOnlySpan<float> b,
        ReadOnlySpan<float> c,
        ReadOnlySpan<float> d,
        out float da,
        out float db,
        out float dc,
        out float dd)
    {
        var width = Vector<float>.Count;
        var length = x.Length;
        ref var rx = ref MemoryMarshal.GetReference(x);
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        ref var rc = ref MemoryMarshal.GetReference(c);
        ref var rd = ref MemoryMarshal.GetReference(d);
        Vector<float> sa = Vector<float>.Zero, sb = Vector<float>.Zero, sc = Vector<float>.Zero, sd = Vector<float>.Zero;
        var i = 0;
        for (; i <= length - width; i += width)
        {
            var xv = Vector.LoadUnsafe(ref rx, (nuint)i);
            sa = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref ra, (nuint)i), sa);
            sb = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref rb, (nuint)i), sb);
            sc = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref rc, (nuint)i), sc);
            sd = Vector.FusedMultiplyAdd(xv, Vector.LoadUnsafe(ref rd, (nuint)i), sd);
        }

        da = Vector.Sum(sa);
        db = Vector.Sum(sb);
        dc = Vector.Sum(sc);
        dd = Vector.Sum(sd);
        for (; i < length; i++)
        {
            da = MathF.FusedMultiplyAdd(x[i], a[i], da);
            db = MathF.FusedMultiplyAdd(x[i], b[i], db);
            dc = MathF.FusedMultiplyAdd(x[i], c[i], dc);
            dd = MathF.FusedMultiplyAdd(x[i], d[i], dd);
        }
    }
}
