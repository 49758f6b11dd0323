using System;
using System.Collections.Generic;

namespace SynthKit.Evaluation;

/// <summary>
/// The statistics the quality report is made of, each written from its published definition (SDMetrics 0.29, scipy,
/// numpy) so that the figures agree to rounding: the two-sample Kolmogorov–Smirnov statistic, total variation,
/// Pearson's r, numpy's equal-width histogram edges and <c>digitize</c>, and Cramér's V.
/// </summary>
internal static class Statistics
{
    /// <summary>SDMetrics rounds floating values to <c>sys.float_info.dig - 1</c> = 14 decimals before the KS test.</summary>
    private const double Scale14 = 1e14;

    /// <summary>The non-null values, sorted; floating columns rounded to 14 decimals as numpy's <c>round</c> does.</summary>
    public static double[] SortedValues(EvalColumn column)
    {
        var values = column.Values!;
        var result = new List<double>(values.Length);
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                result.Add(column.Integral ? v : Math.Round(v * Scale14, MidpointRounding.ToEven) / Scale14);
            }
        }

        var array = result.ToArray();
        Array.Sort(array);
        return array;
    }

    /// <summary>The two-sample KS statistic D = max |F₁(x) − F₂(x)| of two sorted samples (scipy's exact D).</summary>
    public static double KolmogorovSmirnov(double[] a, double[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return double.NaN;
        }

        double n = a.Length, m = b.Length, d = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            double x = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= x)
            {
                i++;
            }

            while (j < b.Length && b[j] <= x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs((i / n) - (j / m)));
        }

        return d;
    }

    /// <summary>
    /// SDMetrics' TVComplement: 1 − ½ Σ |f_syn − f_real| over the non-null categories of either table; a category only
    /// the synthetic table has gets a pseudo-count of 1e-6 in the real one.
    /// </summary>
    public static double TvComplement(int[] real, int[] synthetic, int categories)
    {
        var realCounts = new double[categories];
        var synCounts = new double[categories];
        long realTotal = Count(real, realCounts), synTotal = Count(synthetic, synCounts);
        if (realTotal == 0 || synTotal == 0)
        {
            return double.NaN;
        }

        double realSum = realTotal;
        for (int c = 0; c < categories; c++)
        {
            if (synCounts[c] > 0 && realCounts[c] == 0)
            {
                realCounts[c] = 1e-6;
                realSum += 1e-6;
            }
        }

        double total = 0;
        for (int c = 0; c < categories; c++)
        {
            if (realCounts[c] > 0 || synCounts[c] > 0)
            {
                total += Math.Abs((synCounts[c] / synTotal) - (realCounts[c] / realSum));
            }
        }

        return 1 - (0.5 * total);
    }

    private static long Count(int[] codes, double[] counts)
    {
        long total = 0;
        foreach (int code in codes)
        {
            if (code >= 0)
            {
                counts[code]++;
                total++;
            }
        }

        return total;
    }

    /// <summary>Pearson's r over the rows where both values are present (scipy's <c>pearsonr</c>); NaN for a constant column.</summary>
    public static double Pearson(double[] x, double[] y)
    {
        double sumX = 0, sumY = 0;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                sumX += x[i];
                sumY += y[i];
                n++;
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double meanX = sumX / n, meanY = sumY / n, sxx = 0, syy = 0, sxy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                double dx = x[i] - meanX, dy = y[i] - meanY;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }

        if (sxx == 0 || syy == 0)
        {
            return double.NaN;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>
    /// numpy's <c>histogram_bin_edges(values.dropna())</c> with 10 equal-width bins, then <c>digitize</c>: a value's bin
    /// is the number of edges at or below it (1…10, the maximum and nulls 11), as SDMetrics' quality report bins each
    /// table's numbers with its own edges.
    /// </summary>
    public static int[] Digitize(double[] values, int bins = 10)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        var result = new int[values.Length];
        if (double.IsPositiveInfinity(min))
        {
            Array.Fill(result, bins + 1);
            return result;
        }

        if (min == max)
        {
            min -= 0.5;
            max += 0.5;
        }

        var edges = new double[bins + 1];
        double step = (max - min) / bins;
        for (int i = 0; i < bins; i++)
        {
            edges[i] = (i * step) + min;
        }

        edges[bins] = max;
        for (int r = 0; r < values.Length; r++)
        {
            double v = values[r];
            if (double.IsNaN(v))
            {
                result[r] = bins + 1;
                continue;
            }

            int bin = Array.BinarySearch(edges, v);
            if (bin >= 0)
            {
                while (bin + 1 < edges.Length && edges[bin + 1] == v)
                {
                    bin++;
                }

                result[r] = bin + 1;
            }
            else
            {
                result[r] = ~bin;
            }
        }

        return result;
    }

    /// <summary>
    /// ContingencySimilarity: 1 − ½ Σ |p_real − p_syn| over the joint cells of two discrete columns, nulls their own
    /// cells, shares of all rows.
    /// </summary>
    public static double ContingencySimilarity(int[] realA, int[] realB, int[] synA, int[] synB, int sizeA, int sizeB)
    {
        var real = JointCounts(realA, realB, sizeA, sizeB);
        var syn = JointCounts(synA, synB, sizeA, sizeB);
        double n = realA.Length, m = synA.Length, total = 0;
        for (int i = 0; i < real.Length; i++)
        {
            if (real[i] > 0 || syn[i] > 0)
            {
                total += Math.Abs((real[i] / n) - (syn[i] / m));
            }
        }

        return 1 - (total / 2);
    }

    /// <summary>Cramér's V of the real table's contingency (scipy's <c>association(…, 'cramer')</c>, no continuity correction).</summary>
    public static double CramersV(int[] a, int[] b, int sizeA, int sizeB)
    {
        var counts = JointCounts(a, b, sizeA, sizeB);
        int width = sizeB + 1;
        var rowSums = new double[sizeA + 1];
        var colSums = new double[width];
        double n = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            rowSums[i / width] += counts[i];
            colSums[i % width] += counts[i];
            n += counts[i];
        }

        int rows = 0, cols = 0;
        foreach (double s in rowSums)
        {
            rows += s > 0 ? 1 : 0;
        }

        foreach (double s in colSums)
        {
            cols += s > 0 ? 1 : 0;
        }

        if (n == 0 || Math.Min(rows, cols) < 2)
        {
            return double.NaN;
        }

        double chi2 = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            double expected = rowSums[i / width] * colSums[i % width] / n;
            if (expected > 0)
            {
                double d = counts[i] - expected;
                chi2 += d * d / expected;
            }
        }

        return Math.Sqrt(chi2 / n / Math.Min(rows - 1, cols - 1));
    }

    /// <summary>Joint counts of two code columns; code −1 (null) is cell index 0 of its axis.</summary>
    private static double[] JointCounts(int[] a, int[] b, int sizeA, int sizeB)
    {
        int width = sizeB + 1;
        var counts = new double[(sizeA + 1) * width];
        for (int r = 0; r < a.Length; r++)
        {
            counts[((a[r] + 1) * width) + b[r] + 1]++;
        }

        return counts;
    }
}
