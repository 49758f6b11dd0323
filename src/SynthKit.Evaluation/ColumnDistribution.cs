using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SynthKit.Evaluation;

/// <summary>One column's real and synthetic distribution, binned for a plot (kept with the report, not in its JSON).</summary>
internal sealed class ColumnDistribution
{
    private const int Bins = 30;
    private const int MaxCategories = 30;

    public ColumnDistribution(string column, bool numeric, IReadOnlyList<string> labels, double[] real, double[] synthetic)
    {
        Column = column;
        Numeric = numeric;
        Labels = labels;
        Real = real;
        Synthetic = synthetic;
    }

    public string Column { get; }

    public bool Numeric { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Shares of the real rows per label.</summary>
    public double[] Real { get; }

    /// <summary>Shares of the synthetic rows per label.</summary>
    public double[] Synthetic { get; }

    public static List<ColumnDistribution> Of(EvalContext context)
    {
        var result = new List<ColumnDistribution>();
        for (int c = 0; c < context.Real.Columns.Count; c++)
        {
            var column = context.Real.Columns[c];
            if (column.IsContinuous)
            {
                result.Add(Numbers(context, c));
            }
            else if (column.IsDiscrete)
            {
                result.Add(Categories(context, c));
            }
        }

        return result;
    }

    private static ColumnDistribution Numbers(EvalContext context, int c)
    {
        var real = context.Sorted(context.Real, c);
        var syn = context.Sorted(context.Synthetic, c);
        double min = Math.Min(real.Length > 0 ? real[0] : double.PositiveInfinity, syn.Length > 0 ? syn[0] : double.PositiveInfinity);
        double max = Math.Max(real.Length > 0 ? real[^1] : double.NegativeInfinity, syn.Length > 0 ? syn[^1] : double.NegativeInfinity);
        if (double.IsInfinity(min))
        {
            min = max = 0;
        }

        double width = max > min ? (max - min) / Bins : 1;
        var labels = Enumerable.Range(0, Bins).Select(i => (min + ((i + 0.5) * width)).ToString("G4", CultureInfo.InvariantCulture)).ToArray();
        return new ColumnDistribution(context.Real.Columns[c].Name, true, labels, Histogram(real, min, width, context.Real.RowCount), Histogram(syn, min, width, context.Synthetic.RowCount));
    }

    private static double[] Histogram(double[] values, double min, double width, int rows)
    {
        var shares = new double[Bins];
        foreach (double v in values)
        {
            shares[Math.Clamp((int)((v - min) / width), 0, Bins - 1)] += 1.0 / rows;
        }

        return shares;
    }

    private static ColumnDistribution Categories(EvalContext context, int c)
    {
        var labels = context.Categories[c].Labels;
        var realCounts = Counts(context.Real.Columns[c].Codes!, labels.Count);
        var synCounts = Counts(context.Synthetic.Columns[c].Codes!, labels.Count);
        var shown = Enumerable.Range(0, labels.Count).Where(k => realCounts[k + 1] + synCounts[k + 1] > 0)
            .OrderByDescending(k => realCounts[k + 1]).ThenBy(k => labels[k], StringComparer.Ordinal).Take(MaxCategories).ToList();
        var names = shown.Select(k => labels[k]).ToList();
        var real = shown.Select(k => realCounts[k + 1] / context.Real.RowCount).ToList();
        var syn = shown.Select(k => synCounts[k + 1] / context.Synthetic.RowCount).ToList();
        double otherReal = 1 - real.Sum() - (realCounts[0] / context.Real.RowCount), otherSyn = 1 - syn.Sum() - (synCounts[0] / context.Synthetic.RowCount);
        if (shown.Count < labels.Count && (otherReal > 1e-12 || otherSyn > 1e-12))
        {
            names.Add("(other)");
            real.Add(Math.Max(otherReal, 0));
            syn.Add(Math.Max(otherSyn, 0));
        }

        if (realCounts[0] + synCounts[0] > 0)
        {
            names.Add("(null)");
            real.Add(realCounts[0] / context.Real.RowCount);
            syn.Add(synCounts[0] / context.Synthetic.RowCount);
        }

        return new ColumnDistribution(context.Real.Columns[c].Name, false, names, real.ToArray(), syn.ToArray());
    }

    private static double[] Counts(int[] codes, int size)
    {
        var counts = new double[size + 1];
        foreach (int code in codes)
        {
            counts[code + 1]++;
        }

        return counts;
    }
}
