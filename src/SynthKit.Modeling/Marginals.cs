using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SynthKit.Modeling;

/// <summary>
/// Fitting one column's marginal, shared by every model: the aggregates (quantile knots or category shares, null share)
/// and each real row's position in probability — its interval under the marginal, ties spread over it by a seeded jitter.
/// Positions never leave the fit; the copula turns them into normal scores, the network into bins.
/// </summary>
internal static class Marginals
{
    /// <summary>Why a column is not learned, or null when it is.</summary>
    public static string? Excluded(Column column)
    {
        var spec = column.Spec;
        return spec.IsPersonalData ? "personal data"
            : spec.Kind == StatisticalKind.Identifier ? "identifier"
            : spec.Kind == StatisticalKind.Text ? "text"
            : !ColumnValues.IsSupported(column) ? "storage type" : null;
    }

    /// <summary>The constraints of a fit: the spec's (<c>[Constraint]</c>) and the options', each once.</summary>
    public static IReadOnlyList<string> Declared(ModelOptions options, TableSpec spec) =>
        (spec.Constraints ?? []).Concat(options.Constraints).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Fits every learnable column of <paramref name="table"/>.</summary>
    public static (List<Marginal> Marginals, List<double[]> Positions, List<NotLearned> Skipped, TableSpec Spec) FitAll(ColumnBatch table, ModelOptions options)
    {
        if (table.RowCount == 0)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, "the table has no rows");
        }

        var marginals = new List<Marginal>();
        var positions = new List<double[]>();
        var skipped = new List<NotLearned>();
        ulong scope = SynthRandom.ScopeOf(options.Seed);
        var random = new SynthRandom();
        var detected = new Dictionary<string, PiiKind?>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            if (Excluded(column) is { } reason)
            {
                skipped.Add(new NotLearned { Column = column.Name, Reason = reason });
                continue;
            }

            if (PersonalData.Detect(column) is { } found)
            {
                detected[column.Name] = found.Kind;
                skipped.Add(new NotLearned { Column = column.Name, Reason = $"personal data ({found.How})" });
                continue;
            }

            ulong key = SynthRandom.KeyOf("copula.fit." + column.Name);
            double Jitter(int row)
            {
                random.Reset(scope, key, row);
                return random.NextDouble();
            }

            var (marginal, u) = column.Spec.Kind is StatisticalKind.Categorical or StatisticalKind.Boolean || ColumnValues.IsText(column)
                ? FitCategorical(column, options, Jitter)
                : FitNumeric(column, options, Jitter);
            marginals.Add(marginal);
            positions.Add(u);
        }

        if (marginals.Count == 0)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, "no column can be learned (every column is personal data, an identifier or text): " + string.Join(", ", skipped.Select(s => $"{s.Column}: {s.Reason}")));
        }

        return (marginals, positions, skipped, PersonalData.Rewrite(table.Spec, detected));
    }

    private static (Marginal, double[]) FitNumeric(Column column, ModelOptions options, Func<int, double> jitter)
    {
        int n = column.Count;
        var values = ColumnValues.Numbers(column);
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(present);
        double nullShare = (double)(n - present.Length) / n;
        int k = Math.Max(1, Math.Min(options.Knots, present.Length / Math.Max(1, options.MinimumCount)));
        var knots = new double[present.Length == 0 ? 0 : k + 1];
        bool integral = present.All(v => v == Math.Floor(v));
        var family = options.Marginals == MarginalKind.Parametric && present.Length > 0 ? Scaffold.Fit(present, integral) : null;
        for (int i = 0; i < knots.Length; i++)
        {
            if (family is not null)
            {
                // The family's quantiles, clamped to the real range, whose ends stay the real minimum and maximum.
                double p = Math.Clamp((double)i / k, 1e-9, 1 - 1e-9);
                knots[i] = Round12(i == 0 ? present[0] : i == k ? present[^1] : Math.Clamp(family.Quantile(p), present[0], present[^1]));
                continue;
            }

            double position = (double)i / k * (present.Length - 1);
            int lo = (int)Math.Floor(position);
            int hi = Math.Min(lo + 1, present.Length - 1);
            knots[i] = Round12(present[lo] + ((position - lo) * (present[hi] - present[lo])));
        }

        // Each value's probability interval among the non-null values [F(x−), F(x)), shifted past the nulls; ties spread
        // over their interval by a seeded jitter, so a point mass keeps its correlation with the other columns.
        var u = new double[n];
        for (int r = 0; r < n; r++)
        {
            if (double.IsNaN(values[r]))
            {
                u[r] = nullShare * jitter(r);
                continue;
            }

            int below = LowerBound(present, values[r]), atOrBelow = UpperBound(present, values[r]);
            double p = (below + ((atOrBelow - below) * jitter(r))) / present.Length;
            u[r] = nullShare + ((1 - nullShare) * p);
        }

        return (new Marginal { Column = column.Name, Kind = "numeric", NullShare = Round12(nullShare), Knots = knots, Integral = integral, Family = family?.Rule }, u);
    }

    private static (Marginal, double[]) FitCategorical(Column column, ModelOptions options, Func<int, double> jitter)
    {
        int n = column.Count;
        var labels = ColumnValues.Labels(column);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int nulls = 0;
        foreach (var label in labels)
        {
            if (label is null)
            {
                nulls++;
            }
            else
            {
                counts[label] = counts.GetValueOrDefault(label) + 1;
            }
        }

        var ordered = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var kept = ordered.Where((c, i) => i == 0 || c.Value >= options.MinimumCount).ToList();
        int merged = ordered.Except(kept).Sum(c => c.Value);
        int present = n - nulls;
        var shares = kept.Select((c, i) => (double)(c.Value + (i == 0 ? merged : 0)) / Math.Max(present, 1)).ToArray();
        var start = new Dictionary<string, (double Start, double Width)>(StringComparer.Ordinal);
        double at = 0;
        for (int i = 0; i < kept.Count; i++)
        {
            start[kept[i].Key] = (at, shares[i]);
            at += shares[i];
        }

        double nullShare = (double)nulls / n;
        var u = new double[n];
        for (int r = 0; r < n; r++)
        {
            if (labels[r] is not { } label)
            {
                u[r] = nullShare * jitter(r);
                continue;
            }

            var (s, w) = start.TryGetValue(label, out var interval) ? interval : start[kept[0].Key];
            u[r] = nullShare + ((1 - nullShare) * (s + (w * jitter(r))));
        }

        return (new Marginal { Column = column.Name, Kind = "categorical", NullShare = Round12(nullShare), Categories = kept.Select(c => c.Key).ToArray(), Shares = shares.Select(Round12).ToArray() }, u);
    }

    /// <summary>The value at probability <paramref name="p"/> between the knots.</summary>
    public static double Quantile(IReadOnlyList<double> knots, double p)
    {
        if (knots.Count == 1)
        {
            return knots[0];
        }

        double position = Math.Clamp(p, 0, 1) * (knots.Count - 1);
        int lo = Math.Min((int)Math.Floor(position), knots.Count - 2);
        return knots[lo] + ((position - lo) * (knots[lo + 1] - knots[lo]));
    }

    public static double[] Cumulative(IReadOnlyList<double> shares)
    {
        var c = new double[shares.Count];
        double sum = 0;
        for (int i = 0; i < c.Length; i++)
        {
            sum += shares[i];
            c[i] = sum;
        }

        return c;
    }

    /// <summary>Writes a value at probability <paramref name="p"/> (among the non-null values) of the marginal.</summary>
    public static void Set(Marginal m, double[] cumulative, Column column, int row, double p)
    {
        if (m.Knots is { } knots)
        {
            double v = Quantile(knots, p);
            ColumnValues.SetNumber(column, row, m.Integral ? Math.Round(v, MidpointRounding.ToEven) : v);
        }
        else
        {
            ColumnValues.SetLabel(column, row, m.Categories![Category(cumulative, p, m.Categories.Count)]);
        }
    }

    /// <summary>The category whose cumulative range holds <paramref name="p"/>.</summary>
    public static int Category(double[] cumulative, double p, int count)
    {
        int k = Array.BinarySearch(cumulative, p);
        k = k < 0 ? ~k : k + 1;
        return Math.Min(k, count - 1);
    }

    private static int LowerBound(double[] sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int UpperBound(double[] sorted, double v)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Rounds to 12 significant digits, so model files do not carry floating-point noise.</summary>
    public static double Round12(double v) => v == 0 || !double.IsFinite(v) ? v : double.Parse(v.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
