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

        var (synToReal, synToReal2) = Nearest(synRows, realRows, second: true, context.Parallel);
        var randomRows = space.Encode(RandomBaseline.Create(context, options.Seed));
        var (randomToReal, _) = Nearest(randomRows, realRows, second: false, context.Parallel);
        double synMedian = Median(synToReal), randomMedian = Median(randomToReal);

        double[]? synToHoldout = null;
        MembershipInference? attack = null;
        if (holdoutRows is not null)
        {
            synToHoldout = Nearest(synRows, holdoutRows, second: false, context.Parallel).First;
            var (realToSyn, _) = Nearest(realRows, synRows, second: false, context.Parallel);
            var (holdoutToSyn, _) = Nearest(holdoutRows, synRows, second: false, context.Parallel);
            attack = Attack(realToSyn, holdoutToSyn);
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

    /// <summary>For each query row, the distance to its nearest reference row (and, if asked, the second nearest).</summary>
    internal static (double[] First, double[]? Second) Nearest(DistanceRows query, DistanceRows reference, bool second, ParallelOptions parallel)
    {
        var first = new double[query.Count];
        var next = second ? new double[query.Count] : null;
        int numeric = query.Numeric, categorical = query.Categorical, width = numeric + categorical;
        const int Block = 64;
        int blocks = (query.Count + Block - 1) / Block;
        Parallel.For(0, blocks, parallel, b =>
        {
            int end = Math.Min(query.Count, (b + 1) * Block);
            for (int q = b * Block; q < end; q++)
            {
                var qNum = query.Numbers.AsSpan(q * numeric, numeric);
                var qCat = query.Codes.AsSpan(q * categorical, categorical);
                double best = double.PositiveInfinity, best2 = double.PositiveInfinity;
                for (int r = 0; r < reference.Count; r++)
                {
                    double bound = second ? best2 : best;
                    double sum = 0;
                    var rCat = reference.Codes.AsSpan(r * categorical, categorical);
                    int c = 0;
                    for (; c < categorical && sum < bound; c++)
                    {
                        sum += qCat[c] == rCat[c] ? 0 : 1;
                    }

                    if (sum >= bound)
                    {
                        continue;
                    }

                    var rNum = reference.Numbers.AsSpan(r * numeric, numeric);
                    for (int n = 0; n < numeric && sum < bound; n++)
                    {
                        sum += Math.Min(Math.Abs(qNum[n] - rNum[n]), 1);
                    }

                    if (sum >= bound)
                    {
                        continue;
                    }

                    if (sum < best)
                    {
                        best2 = best;
                        best = sum;
                    }
                    else
                    {
                        best2 = sum;
                    }
                }

                first[q] = best / width;
                if (next is not null)
                {
                    next[q] = best2 / width;
                }
            }
        });
        return (first, next);
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

/// <summary>Rows laid out for distances: numbers scaled by the training range, categories as codes, row-major.</summary>
internal sealed class DistanceRows
{
    public DistanceRows(int count, int numeric, int categorical)
    {
        Count = count;
        Numeric = numeric;
        Categorical = categorical;
        Numbers = new double[count * numeric];
        Codes = new int[count * categorical];
    }

    public int Count { get; }

    public int Numeric { get; }

    public int Categorical { get; }

    public double[] Numbers { get; }

    public int[] Codes { get; }
}

/// <summary>
/// SDMetrics' DCR distance as coordinates: a number becomes (x − min) / range of the training column, so |a − b| capped
/// at 1 is its distance; a constant training column makes every difference count 1; a null sits far from every number
/// (distance 1) and at 0 from another null. Categories compare by code (null is its own code).
/// </summary>
internal sealed class DistanceSpace
{
    private const double Far = 1e15;
    private const double Limit = 1e12;
    private readonly int[] _numeric;
    private readonly int[] _categorical;
    private readonly double[] _offset;
    private readonly double[] _scale;

    public DistanceSpace(EvalContext context)
    {
        var real = context.Real;
        var evaluated = Enumerable.Range(0, real.Columns.Count).Where(c => real.Columns[c].Kind != EvalKind.Excluded).ToArray();
        _numeric = evaluated.Where(c => real.Columns[c].IsContinuous).ToArray();

        // Categories with many labels first: they end most comparisons soonest.
        _categorical = evaluated.Where(c => real.Columns[c].IsDiscrete).OrderByDescending(c => context.Categories[c].Labels.Count).ThenBy(c => c).ToArray();
        _offset = new double[_numeric.Length];
        _scale = new double[_numeric.Length];
        for (int i = 0; i < _numeric.Length; i++)
        {
            var sorted = context.Sorted(real, _numeric[i]);
            double min = sorted.Length == 0 ? 0 : sorted[0], range = sorted.Length == 0 ? 0 : sorted[^1] - min;
            _offset[i] = min;
            _scale[i] = range > 0 ? 1 / range : Limit;
        }
    }

    public DistanceRows Encode(EvalTable table)
    {
        var rows = new DistanceRows(table.RowCount, _numeric.Length, _categorical.Length);
        for (int i = 0; i < _numeric.Length; i++)
        {
            var values = table.Columns[_numeric[i]].Values!;
            for (int r = 0; r < table.RowCount; r++)
            {
                double v = values[r];
                rows.Numbers[(r * _numeric.Length) + i] = double.IsNaN(v) ? Far : Math.Clamp((v - _offset[i]) * _scale[i], -Limit, Limit);
            }
        }

        for (int i = 0; i < _categorical.Length; i++)
        {
            var codes = table.Columns[_categorical[i]].Codes!;
            for (int r = 0; r < table.RowCount; r++)
            {
                rows.Codes[(r * _categorical.Length) + i] = codes[r];
            }
        }

        return rows;
    }
}
