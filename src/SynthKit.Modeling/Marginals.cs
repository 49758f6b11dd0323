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

    /// <summary>
    /// Fits every learnable column of <paramref name="table"/>: the marginals, and per column each row's position in
    /// probability — with <paramref name="jittered"/> its tie-spread position (the copula's normal scores), and always its
    /// value's midpoint (<see cref="Midpoint"/>), which depends on the value alone, so the network's bins are the same
    /// whether the rows are counted at once or partition by partition (<see cref="FitStatistics"/>).
    /// </summary>
    public static FittedColumns FitAll(ColumnBatch table, ModelOptions options, bool jittered)
    {
        if (table.RowCount == 0)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, "the table has no rows");
        }

        var fitted = new FittedColumns();
        ulong scope = SynthRandom.ScopeOf(options.Seed);
        var random = new SynthRandom();
        foreach (var (column, reason, kind) in Screen(table))
        {
            if (reason is not null)
            {
                fitted.Skipped.Add(new NotLearned { Column = column.Name, Reason = reason });
                if (kind is { } detected)
                {
                    fitted.Detected[column.Name] = detected.Kind;
                }

                continue;
            }

            ulong key = SynthRandom.KeyOf("copula.fit." + column.Name);
            double Jitter(int row)
            {
                random.Reset(scope, key, row);
                return random.NextDouble();
            }

            var (marginal, u, mid) = IsCategorical(column) ? FitCategorical(column, options, jittered ? Jitter : null) : FitNumeric(column, options, jittered ? Jitter : null);
            fitted.Marginals.Add(marginal);
            fitted.Positions.Add(u);
            fitted.Midpoints.Add(mid);
        }

        if (fitted.Marginals.Count == 0)
        {
            throw NothingToLearn(fitted.Skipped);
        }

        fitted.Spec = PersonalData.Rewrite(table.Spec, fitted.Detected);
        return fitted;
    }

    /// <summary>Every column with why it is not learned (null when it is) and, for personal data found in it, what was found.</summary>
    public static IEnumerable<(Column Column, string? Reason, (PiiKind? Kind, string How)? Found)> Screen(ColumnBatch table)
    {
        foreach (var column in table.Columns)
        {
            if (Excluded(column) is { } reason)
            {
                yield return (column, reason, null);
            }
            else if (PersonalData.Detect(column) is { } found)
            {
                yield return (column, $"personal data ({found.How})", found);
            }
            else
            {
                yield return (column, null, null);
            }
        }
    }

    public static SynthKitException NothingToLearn(IEnumerable<NotLearned> skipped) =>
        new(ModelingErrorCodes.CannotFit, "no column can be learned (every column is personal data, an identifier or text): " + string.Join(", ", skipped.Select(s => $"{s.Column}: {s.Reason}")));

    /// <summary>Whether a learned column is fitted as categories (categorical, boolean or text-stored) rather than numbers.</summary>
    public static bool IsCategorical(Column column) => column.Spec.Kind is StatisticalKind.Categorical or StatisticalKind.Boolean || ColumnValues.IsText(column);

    /// <summary>A value's midpoint in probability: the middle of its interval [F(x−), F(x)) among the non-null values, shifted past the nulls.</summary>
    public static double Midpoint(double nullShare, long below, long atOrBelow, long present) =>
        nullShare + ((1 - nullShare) * ((below + atOrBelow) / 2.0 / present));

    private static (Marginal, double[]?, double[]) FitNumeric(Column column, ModelOptions options, Func<int, double>? jitter)
    {
        int n = column.Count;
        var values = ColumnValues.Numbers(column);
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(present);
        var counts = NumericCounts.OfSorted(present);
        var marginal = Numeric(column.Name, counts, n - present.Length, n, options);
        double nullShare = (double)(n - present.Length) / n;

        // Each value's probability interval among the non-null values [F(x−), F(x)), shifted past the nulls; ties spread
        // over their interval by a seeded jitter, so a point mass keeps its correlation with the other columns.
        var u = jitter is null ? null : new double[n];
        var mid = new double[n];
        for (int r = 0; r < n; r++)
        {
            if (double.IsNaN(values[r]))
            {
                if (u is not null)
                {
                    u[r] = nullShare * jitter!(r);
                }

                continue;
            }

            var (below, atOrBelow) = counts.Range(values[r]);
            mid[r] = Midpoint(nullShare, below, atOrBelow, present.Length);
            if (u is not null)
            {
                double p = (below + ((atOrBelow - below) * jitter!(r))) / present.Length;
                u[r] = nullShare + ((1 - nullShare) * p);
            }
        }

        return (marginal, u, mid);
    }

    /// <summary>A numeric marginal from the exact counts of its values: knots at equal probability steps, or a family's quantiles.</summary>
    public static Marginal Numeric(string name, NumericCounts counts, long nulls, long n, ModelOptions options)
    {
        long present = counts.Present;
        double nullShare = (double)nulls / n;
        int k = (int)Math.Max(1, Math.Min(options.Knots, present / Math.Max(1, options.MinimumCount)));
        var knots = new double[present == 0 ? 0 : k + 1];
        bool integral = counts.AllIntegral;
        var family = options.Marginals == MarginalKind.Parametric && present > 0 ? Scaffold.Fit(counts.Expand(), integral) : null;
        for (int i = 0; i < knots.Length; i++)
        {
            if (family is not null)
            {
                // The family's quantiles, clamped to the real range, whose ends stay the real minimum and maximum.
                double p = Math.Clamp((double)i / k, 1e-9, 1 - 1e-9);
                knots[i] = Round12(i == 0 ? counts.Min : i == k ? counts.Max : Math.Clamp(family.Quantile(p), counts.Min, counts.Max));
                continue;
            }

            double position = (double)i / k * (present - 1);
            long lo = (long)Math.Floor(position);
            long hi = Math.Min(lo + 1, present - 1);
            double low = counts.At(lo);
            knots[i] = Round12(low + ((position - lo) * (counts.At(hi) - low)));
        }

        return new Marginal { Column = name, Kind = "numeric", NullShare = Round12(nullShare), Knots = knots, Integral = integral, Family = family?.Rule };
    }

    private static (Marginal, double[]?, double[]) FitCategorical(Column column, ModelOptions options, Func<int, double>? jitter)
    {
        int n = column.Count;
        var labels = ColumnValues.Labels(column);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
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

        var (marginal, start) = Categorical(column.Name, counts, nulls, n, options);
        double nullShare = (double)nulls / n;
        var u = jitter is null ? null : new double[n];
        var mid = new double[n];
        for (int r = 0; r < n; r++)
        {
            if (labels[r] is not { } label)
            {
                if (u is not null)
                {
                    u[r] = nullShare * jitter!(r);
                }

                continue;
            }

            var (s, w) = start[label];
            mid[r] = nullShare + ((1 - nullShare) * (s + (w / 2)));
            if (u is not null)
            {
                u[r] = nullShare + ((1 - nullShare) * (s + (w * jitter!(r))));
            }
        }

        return (marginal, u, mid);
    }

    /// <summary>
    /// A categorical marginal from the exact counts of its labels (most frequent first; those under the minimum count merged
    /// into the most frequent), with every label's interval [start, start + width) among the non-null values.
    /// </summary>
    public static (Marginal Marginal, Dictionary<string, (double Start, double Width)> Intervals) Categorical(string name, IReadOnlyDictionary<string, long> counts, long nulls, long n, ModelOptions options)
    {
        var ordered = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var kept = ordered.Where((c, i) => i == 0 || c.Value >= options.MinimumCount).ToList();
        long merged = ordered.Skip(kept.Count).Sum(c => c.Value);
        long present = n - nulls;
        var shares = kept.Select((c, i) => (double)(c.Value + (i == 0 ? merged : 0)) / Math.Max(present, 1)).ToArray();
        var start = new Dictionary<string, (double Start, double Width)>(StringComparer.Ordinal);
        double at = 0;
        for (int i = 0; i < kept.Count; i++)
        {
            start[kept[i].Key] = (at, shares[i]);
            at += shares[i];
        }

        foreach (var rare in ordered.Skip(kept.Count))
        {
            start[rare.Key] = start[kept[0].Key];
        }

        double nullShare = (double)nulls / n;
        return (new Marginal { Column = name, Kind = "categorical", NullShare = Round12(nullShare), Categories = kept.Select(c => c.Key).ToArray(), Shares = shares.Select(Round12).ToArray() }, start);
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

    /// <summary>Rounds to 12 significant digits, so model files do not carry floating-point noise.</summary>
    public static double Round12(double v) => v == 0 || !double.IsFinite(v) ? v : double.Parse(v.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}

/// <summary>What <see cref="Marginals.FitAll"/> found: the learned columns' marginals and positions, what was not learned, and the spec to sample under.</summary>
internal sealed class FittedColumns
{
    public List<Marginal> Marginals { get; } = [];

    /// <summary>Each learned column's tie-spread positions (null unless asked for).</summary>
    public List<double[]?> Positions { get; } = [];

    /// <summary>Each learned column's value midpoints (0 for nulls).</summary>
    public List<double[]> Midpoints { get; } = [];

    public List<NotLearned> Skipped { get; } = [];

    public Dictionary<string, PiiKind?> Detected { get; } = new(StringComparer.Ordinal);

    public TableSpec Spec { get; set; } = null!;
}

/// <summary>The exact counts of a numeric column's non-null values: its distinct values in order and how many rows hold each.</summary>
internal sealed class NumericCounts
{
    private readonly double[] _values;
    private readonly long[] _cumulative;

    public NumericCounts(double[] sortedDistinct, long[] counts)
    {
        _values = sortedDistinct;
        _cumulative = new long[counts.Length];
        long sum = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            sum += counts[i];
            _cumulative[i] = sum;
        }
    }

    /// <summary>The counts of a sorted array of values.</summary>
    public static NumericCounts OfSorted(double[] sorted)
    {
        var values = new List<double>();
        var counts = new List<long>();
        foreach (double v in sorted)
        {
            if (values.Count > 0 && values[^1] == v)
            {
                counts[^1]++;
            }
            else
            {
                values.Add(v);
                counts.Add(1);
            }
        }

        return new NumericCounts(values.ToArray(), counts.ToArray());
    }

    public IReadOnlyList<double> Values => _values;

    public long Present => _cumulative.Length == 0 ? 0 : _cumulative[^1];

    public double Min => _values[0];

    public double Max => _values[^1];

    public bool AllIntegral => _values.All(v => v == Math.Floor(v));

    /// <summary>How many rows hold the <paramref name="i"/>-th distinct value.</summary>
    public long Count(int i) => _cumulative[i] - (i == 0 ? 0 : _cumulative[i - 1]);

    /// <summary>The value at position <paramref name="index"/> of the sorted non-null values.</summary>
    public double At(long index)
    {
        int i = Array.BinarySearch(_cumulative, index);
        i = i < 0 ? ~i : i + 1;
        return _values[i];
    }

    /// <summary>How many non-null values lie below <paramref name="v"/>, and at or below it.</summary>
    public (long Below, long AtOrBelow) Range(double v)
    {
        int i = Array.BinarySearch(_values, v);
        if (i < 0)
        {
            long before = ~i == 0 ? 0 : _cumulative[~i - 1];
            return (before, before);
        }

        return (i == 0 ? 0 : _cumulative[i - 1], _cumulative[i]);
    }

    /// <summary>Every value, as often as it occurs (for fitting a family).</summary>
    public double[] Expand()
    {
        var all = new double[Present];
        int at = 0;
        for (int i = 0; i < _values.Length; i++)
        {
            for (long c = Count(i); c > 0; c--)
            {
                all[at++] = _values[i];
            }
        }

        return all;
    }
}
