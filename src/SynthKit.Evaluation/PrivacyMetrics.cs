using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace SynthKit.Evaluation;

/// <summary>Privacy metrics, exact: every query row against every reference row, pruned only where the result cannot change.</summary>
internal static class PrivacyMetrics
{
    private const int HistogramBins = 20;

    public static PrivacyReport Compute(EvalContext context, EvaluationOptions options)
    {
        var real = context.Real;
        var syn = context.Synthetic;
        var holdout = context.Holdout;
        var space = new DistanceSpace(context);
        var realRows = space.Encode(real);
        var synRows = space.Encode(syn);
        var holdoutRows = holdout is null ? null : space.Encode(holdout);

        var (synToReal, synToReal2, realToSyn) = Cross(synRows, realRows, secondForA: true, wantB: holdoutRows is not null, context.Parallel);
        var randomRows = space.Encode(RandomBaseline.Create(context, options.Seed));
        var (randomToReal, _, _) = Cross(randomRows, realRows, secondForA: false, wantB: false, context.Parallel);
        double synMedian = Median(synToReal), randomMedian = Median(randomToReal);

        double[]? synToHoldout = null;
        MembershipInference? attack = null;
        if (holdoutRows is not null)
        {
            var (toHoldout, _, holdoutToSyn) = Cross(synRows, holdoutRows, secondForA: false, wantB: true, context.Parallel);
            synToHoldout = toHoldout;
            attack = Attack(realToSyn!, holdoutToSyn!);
        }

        var copies = new ExactRows(context, real);
        int copied = copies.CountIn(syn);
        return new PrivacyReport
        {
            ExactMatches = new ExactMatches
            {
                Count = copied,
                Share = (double)copied / syn.RowCount,
                HoldoutShare = holdout is null ? null : (double)copies.CountIn(holdout) / holdout.RowCount,
            },
            NewRowSynthesis = NewRows.Share(context),
            Dcr = new DcrSummary
            {
                SyntheticToTrainingMedian = synMedian,
                SyntheticToTrainingMean = synToReal.Average(),
                SyntheticToHoldoutMedian = synToHoldout is null ? null : Median(synToHoldout),
                SyntheticToHoldoutMean = synToHoldout?.Average(),
                RandomToTrainingMedian = randomMedian,
                TrainingHistogram = Histogram(synToReal),
                HoldoutHistogram = synToHoldout is null ? null : Histogram(synToHoldout),
            },
            DcrBaselineProtection = randomMedian == 0 ? null : Math.Min(synMedian / randomMedian, 1),
            DcrOverfittingProtection = synToHoldout is null ? null : Math.Min(2 * (1 - CloserShare(synToReal, synToHoldout, tiesCount: 0)), 1),
            DcrShare = synToHoldout is null ? null : CloserShare(synToReal, synToHoldout, tiesCount: 0.5),
            Nndr = Quantile(Ratios(synToReal, synToReal2!), 0.1),
            MembershipInference = attack,
            AttributeDisclosure = options.Known.Count > 0 && options.Sensitive.Count > 0 ? Disclosure.Cap(context, options.Known, options.Sensitive) : null,
        };
    }

    /// <summary>For each query row, the distance to its nearest reference row (and, if asked, the second nearest), exactly.</summary>
    internal static (double[] First, double[]? Second) Nearest(DistanceRows query, DistanceRows reference, bool second, ParallelOptions parallel)
    {
        var (first, next, _) = Cross(query, reference, second, wantB: false, parallel);
        return (first, next);
    }

    /// <summary>
    /// Every row of <paramref name="a"/> against every row of <paramref name="b"/>, once: the nearest (and, if asked,
    /// second-nearest) distance of each <paramref name="a"/> row and, since the distance is symmetric, of each
    /// <paramref name="b"/> row too. Nothing is skipped or sampled; four pairs at a time go through SIMD lanes, rows of
    /// <paramref name="a"/> are split between cores, and the per-core minima of <paramref name="b"/> are merged by
    /// <c>min</c>, which does not depend on the order — so the result does not depend on the thread count.
    /// </summary>
    internal static (double[] AFirst, double[]? ASecond, double[]? BFirst) Cross(DistanceRows a, DistanceRows b, bool secondForA, bool wantB, ParallelOptions parallel)
    {
        var first = new double[a.Count];
        var second = secondForA ? new double[a.Count] : null;
        double[]? bFirst = null;
        if (wantB)
        {
            bFirst = new double[b.Count];
            Array.Fill(bFirst, double.PositiveInfinity);
        }

        int width = a.Width;
        const int Rows = 32;
        int tasks = (a.Count + Rows - 1) / Rows;
        var gate = new object();
        Parallel.For(
            0,
            tasks,
            parallel,
            () => wantB ? Filled(b.Count) : null,
            (t, _, local) =>
            {
                int end = Math.Min(a.Count, (t + 1) * Rows);
                for (int q = t * Rows; q < end; q++)
                {
                    var (best, best2) = Row(a, q, b, local);
                    first[q] = best / width;
                    if (second is not null)
                    {
                        second[q] = best2 / width;
                    }
                }

                return local;
            },
            local =>
            {
                if (local is null)
                {
                    return;
                }

                lock (gate)
                {
                    for (int i = 0; i < local.Length; i++)
                    {
                        bFirst![i] = Math.Min(bFirst[i], local[i]);
                    }
                }
            });

        if (bFirst is not null)
        {
            for (int i = 0; i < bFirst.Length; i++)
            {
                bFirst[i] /= width;
            }
        }

        return (first, second, bFirst);
    }

    private static double[] Filled(int count)
    {
        var values = new double[count];
        Array.Fill(values, double.PositiveInfinity);
        return values;
    }

    /// <summary>One row of <paramref name="a"/> against all of <paramref name="b"/>: its two smallest sums, and <paramref name="bMin"/> lowered where it is closer.</summary>
    private static (double Best, double Best2) Row(DistanceRows a, int q, DistanceRows b, double[]? bMin)
    {
        int width = b.Width, categorical = b.Categorical, count = b.Count;
        Span<double> point = stackalloc double[width];
        for (int c = 0; c < width; c++)
        {
            point[c] = a.Columns[c][q];
        }

        double best = double.PositiveInfinity, best2 = double.PositiveInfinity;
        var columns = b.Columns;

        // Eight pairs at a time where the machine has 512-bit vectors, else Vector<double>'s width; each lane adds its
        // columns in the same order as the scalar tail, so every path gives the same sums.
        int vectorEnd = Use512
            ? Row512(point, categorical, columns, count, bMin, ref best, ref best2)
            : RowVector(point, categorical, columns, count, bMin, ref best, ref best2);

        for (int i = vectorEnd; i < count; i++)
        {
            double sum = 0;
            for (int c = 0; c < categorical; c++)
            {
                sum += columns[c][i] == point[c] ? 0 : 1;
            }

            for (int c = categorical; c < width; c++)
            {
                sum += Math.Min(Math.Abs(columns[c][i] - point[c]), 1);
            }

            if (bMin is not null)
            {
                bMin[i] = Math.Min(bMin[i], sum);
            }

            Keep(sum, ref best, ref best2);
        }

        return (best, best2);
    }

    /// <summary>Whether the 512-bit kernel runs (where the hardware has it); a test turns it off to check both kernels agree.</summary>
    internal static bool Use512 { get; set; } = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;

    private static int RowVector(ReadOnlySpan<double> point, int categorical, double[][] columns, int count, double[]? bMin, ref double best, ref double best2)
    {
        int width = point.Length, lanes = System.Numerics.Vector<double>.Count;
        Span<System.Numerics.Vector<double>> q = stackalloc System.Numerics.Vector<double>[width];
        for (int c = 0; c < width; c++)
        {
            q[c] = new System.Numerics.Vector<double>(point[c]);
        }

        var one = System.Numerics.Vector<double>.One;
        var zero = System.Numerics.Vector<double>.Zero;
        int vectorEnd = count - (count % lanes);
        for (int i = 0; i < vectorEnd; i += lanes)
        {
            var sum = zero;
            for (int c = 0; c < categorical; c++)
            {
                var v = System.Numerics.Vector.LoadUnsafe(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(columns[c]), (nuint)i);
                sum += System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.Equals(v, q[c]), zero, one);
            }

            for (int c = categorical; c < width; c++)
            {
                var v = System.Numerics.Vector.LoadUnsafe(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(columns[c]), (nuint)i);
                sum += System.Numerics.Vector.Min(System.Numerics.Vector.Abs(v - q[c]), one);
            }

            if (bMin is not null)
            {
                ref var lane = ref System.Runtime.CompilerServices.Unsafe.As<double, System.Numerics.Vector<double>>(ref System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(bMin), i));
                lane = System.Numerics.Vector.Min(lane, sum);
            }

            if (System.Numerics.Vector.LessThanAny(sum, new System.Numerics.Vector<double>(best2)))
            {
                for (int l = 0; l < lanes; l++)
                {
                    Keep(sum[l], ref best, ref best2);
                }
            }
        }

        return vectorEnd;
    }

    private static int Row512(ReadOnlySpan<double> point, int categorical, double[][] columns, int count, double[]? bMin, ref double best, ref double best2)
    {
        const int Lanes = 8;
        int width = point.Length;
        Span<System.Runtime.Intrinsics.Vector512<double>> q = stackalloc System.Runtime.Intrinsics.Vector512<double>[width];
        for (int c = 0; c < width; c++)
        {
            q[c] = System.Runtime.Intrinsics.Vector512.Create(point[c]);
        }

        var one = System.Runtime.Intrinsics.Vector512<double>.One;
        var zero = System.Runtime.Intrinsics.Vector512<double>.Zero;
        int vectorEnd = count - (count % Lanes);
        for (int i = 0; i < vectorEnd; i += Lanes)
        {
            var sum = zero;
            for (int c = 0; c < categorical; c++)
            {
                var v = System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(columns[c]), (nuint)i);
                sum += System.Runtime.Intrinsics.Vector512.ConditionalSelect(System.Runtime.Intrinsics.Vector512.Equals(v, q[c]), zero, one);
            }

            for (int c = categorical; c < width; c++)
            {
                var v = System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(columns[c]), (nuint)i);
                sum += System.Runtime.Intrinsics.Vector512.Min(System.Runtime.Intrinsics.Vector512.Abs(v - q[c]), one);
            }

            if (bMin is not null)
            {
                ref var lane = ref System.Runtime.CompilerServices.Unsafe.As<double, System.Runtime.Intrinsics.Vector512<double>>(ref System.Runtime.CompilerServices.Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(bMin), i));
                lane = System.Runtime.Intrinsics.Vector512.Min(lane, sum);
            }

            if (System.Runtime.Intrinsics.Vector512.LessThanAny(sum, System.Runtime.Intrinsics.Vector512.Create(best2)))
            {
                for (int l = 0; l < Lanes; l++)
                {
                    Keep(System.Runtime.Intrinsics.Vector512.GetElement(sum, l), ref best, ref best2);
                }
            }
        }

        return vectorEnd;
    }

    private static void Keep(double d, ref double best, ref double best2)
    {
        if (d < best)
        {
            best2 = best;
            best = d;
        }
        else if (d < best2)
        {
            best2 = d;
        }
    }

    /// <summary>The share of synthetic rows strictly closer to training than to holdout, ties counting <paramref name="tiesCount"/>.</summary>
    private static double CloserShare(double[] toTraining, double[] toHoldout, double tiesCount)
    {
        double closer = 0;
        for (int i = 0; i < toTraining.Length; i++)
        {
            closer += toTraining[i] < toHoldout[i] ? 1 : toTraining[i] == toHoldout[i] ? tiesCount : 0;
        }

        return closer / toTraining.Length;
    }

    /// <summary>Members (training rows) are predicted by a smaller distance to the synthetic data.</summary>
    internal static MembershipInference Attack(double[] members, double[] nonMembers)
    {
        var m = (double[])members.Clone();
        var h = (double[])nonMembers.Clone();
        Array.Sort(m);
        Array.Sort(h);

        // AUC = P(member closer) + ½ P(tie), by a merge over the sorted distances.
        double wins = 0;
        int lower = 0;
        for (int i = 0; i < m.Length; i++)
        {
            while (lower < h.Length && h[lower] < m[i])
            {
                lower++;
            }

            int upper = lower;
            while (upper < h.Length && h[upper] == m[i])
            {
                upper++;
            }

            wins += (h.Length - upper) + (0.5 * (upper - lower));
        }

        double auc = wins / ((double)m.Length * h.Length);

        // The best threshold that flags at most 1% of holdout rows: just below the (allowed + 1)-th smallest holdout
        // distance; TPR is the share of training rows below it.
        int allowed = (int)Math.Floor(0.01 * h.Length);
        double tpr = allowed >= h.Length ? 1 : (double)CountBelow(m, h[allowed]) / m.Length;
        return new MembershipInference { Auc = auc, TprAt1PctFpr = tpr };
    }

    private static int CountBelow(double[] sorted, double value)
    {
        int i = Array.BinarySearch(sorted, value);
        if (i < 0)
        {
            return ~i;
        }

        while (i > 0 && sorted[i - 1] == value)
        {
            i--;
        }

        return i;
    }

    private static double[] Ratios(double[] first, double[] second)
    {
        var ratios = new double[first.Length];
        for (int i = 0; i < first.Length; i++)
        {
            ratios[i] = second[i] == 0 || double.IsPositiveInfinity(second[i]) ? 0 : first[i] / second[i];
        }

        return ratios;
    }

    private static int[] Histogram(double[] distances)
    {
        var bins = new int[HistogramBins];
        foreach (double d in distances)
        {
            bins[Math.Clamp((int)(d * HistogramBins), 0, HistogramBins - 1)]++;
        }

        return bins;
    }

    /// <summary>numpy's median: the mean of the two middle values for an even count.</summary>
    internal static double Median(double[] values) => Quantile(values, 0.5);

    /// <summary>numpy's default (linear) quantile.</summary>
    internal static double Quantile(double[] values, double q)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        double position = q * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}

/// <summary>Rows laid out for distances, column by column: categories (as codes) first, then numbers scaled by the training range.</summary>
internal sealed class DistanceRows
{
    public DistanceRows(int count, int numeric, int categorical)
    {
        Count = count;
        Categorical = categorical;
        Width = categorical + numeric;
        Columns = new double[Width][];
        for (int c = 0; c < Width; c++)
        {
            Columns[c] = new double[count];
        }
    }

    public int Count { get; }

    /// <summary>How many leading columns are categories.</summary>
    public int Categorical { get; }

    /// <summary>How many columns there are in all.</summary>
    public int Width { get; }

    public double[][] Columns { get; }
}

/// <summary>
/// SDMetrics' DCR distance as coordinates: a number becomes (x − min) / range of the training column, so |a − b| capped
/// at 1 is its distance; a constant training column makes every difference count 1; a null sits far from every number
/// (distance 1) and at 0 from another null. Categories compare by code (null is its own code).
/// </summary>
internal sealed class DistanceSpace : ScaledColumns
{
    private const double Far = 1e15;
    private const double Limit = 1e12;

    public DistanceSpace(EvalContext context)
        : base(context, Limit)
    {
    }

    public DistanceRows Encode(EvalTable table)
    {
        var rows = new DistanceRows(table.RowCount, Numeric.Length, Categorical.Length);
        for (int i = 0; i < Categorical.Length; i++)
        {
            var codes = table.Columns[Categorical[i]].Codes!;
            var target = rows.Columns[i];
            for (int r = 0; r < table.RowCount; r++)
            {
                target[r] = codes[r];
            }
        }

        for (int i = 0; i < Numeric.Length; i++)
        {
            var values = table.Columns[Numeric[i]].Values!;
            var target = rows.Columns[Categorical.Length + i];
            for (int r = 0; r < table.RowCount; r++)
            {
                double v = values[r];
                target[r] = double.IsNaN(v) ? Far : Math.Clamp((v - Offset[i]) * Scale[i], -Limit, Limit);
            }
        }

        return rows;
    }
}
