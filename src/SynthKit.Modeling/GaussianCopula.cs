using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace SynthKit.Modeling;

/// <summary>Options of a copula fit.</summary>
public sealed class CopulaOptions
{
    /// <summary>Quantile knots per numeric column (default 200): more follow the data more closely.</summary>
    public int Knots { get; init; } = 200;

    /// <summary>
    /// The fewest real rows a category or a quantile step may stand for (default 1). Raising it merges rarer categories into
    /// the most frequent one and coarsens the knots: less about any one person, less of the long tail.
    /// </summary>
    public int MinimumCount { get; init; } = 1;

    /// <summary>The seed of the jitter that spreads tied values over their probability interval while fitting (default 0).</summary>
    public long Seed { get; init; }
}

/// <summary>
/// A Gaussian copula fitted to a table: each learned column's empirical marginal (quantile knots with point masses,
/// categories by frequency, nulls as part of the marginal so null-ness correlates with the rest) and one correlation of
/// normal scores. Personal-data, identifier and text columns are never read; they keep their rules. Sampling is a
/// column model (<see cref="IColumnModel"/>): plug it into any synthesizer of the spec with
/// <c>synthesizer.WithColumnModel(copula)</c>; row <c>i</c> depends only on (model, seed, i).
/// </summary>
public sealed class GaussianCopula : IColumnModel
{
    private const double Edge = 1e-9;
    private readonly Marginal[] _marginals;
    private readonly double[,] _cholesky;
    private readonly double[][] _cumulative;

    private GaussianCopula(CopulaModel model)
    {
        Model = model;
        _marginals = model.Marginals.ToArray();
        int d = _marginals.Length;
        var correlation = Matrix<double>.Build.Dense(d, d, (i, j) => model.Correlation[i][j]);
        _cholesky = Cholesky(correlation);
        _cumulative = _marginals.Select(m => m.Shares is { } s ? Cumulative(s) : []).ToArray();
        Columns = _marginals.Select(m => m.Column).ToArray();
    }

    /// <summary>The fitted aggregates.</summary>
    public CopulaModel Model { get; }

    /// <inheritdoc />
    public string Key => "copula";

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <summary>A copula from a saved model.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The copula.</returns>
    public static GaussianCopula FromModel(CopulaModel model) => new(model ?? throw new ArgumentNullException(nameof(model)));

    /// <summary>Fits a copula to a table (read under its spec).</summary>
    /// <param name="table">The real rows.</param>
    /// <param name="options">Options, or null for the defaults.</param>
    /// <returns>The fitted copula.</returns>
    /// <exception cref="SynthKitException">SK6000: no rows, or no column to learn.</exception>
    public static GaussianCopula Fit(ColumnBatch table, CopulaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new CopulaOptions();
        int n = table.RowCount;
        if (n == 0)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, "the table has no rows");
        }

        var marginals = new List<Marginal>();
        var scores = new List<double[]>();
        var skipped = new List<NotLearned>();
        ulong scope = SynthRandom.ScopeOf(options.Seed);
        var random = new SynthRandom();
        foreach (var column in table.Columns)
        {
            var spec = column.Spec;
            string? reason = spec.IsPersonalData ? "personal data"
                : spec.Kind == StatisticalKind.Identifier ? "identifier"
                : spec.Kind == StatisticalKind.Text ? "text"
                : !ColumnValues.IsSupported(column) ? "storage type" : null;
            if (reason is not null)
            {
                skipped.Add(new NotLearned { Column = spec.Name, Reason = reason });
                continue;
            }

            ulong key = SynthRandom.KeyOf("copula.fit." + spec.Name);
            double Jitter(int row)
            {
                random.Reset(scope, key, row);
                return random.NextDouble();
            }

            var (marginal, u) = spec.Kind is StatisticalKind.Categorical or StatisticalKind.Boolean || ColumnValues.IsText(column)
                ? FitCategorical(column, options, Jitter)
                : FitNumeric(column, options, Jitter);
            marginals.Add(marginal);
            scores.Add(u.Select(v => Normal.InvCDF(0, 1, Math.Clamp(v, Edge, 1 - Edge))).ToArray());
        }

        if (marginals.Count == 0)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, "no column can be learned (every column is personal data, an identifier or text)");
        }

        return new GaussianCopula(new CopulaModel
        {
            Table = table.Spec.Name,
            Rows = n,
            MinimumCount = options.MinimumCount,
            Marginals = marginals,
            NotLearned = skipped,
            Correlation = Correlation(scores),
        });
    }

    /// <inheritdoc />
    public void Draw(ColumnModelContext context, ColumnBatch batch, int row)
    {
        int d = _marginals.Length;
        Span<double> e = stackalloc double[d];
        for (int j = 0; j < d; j++)
        {
            e[j] = Normal.Sample(context.Random, 0, 1);
        }

        for (int j = 0; j < d; j++)
        {
            double z = 0;
            for (int k = 0; k <= j; k++)
            {
                z += _cholesky[j, k] * e[k];
            }

            double u = Normal.CDF(0, 1, z);
            var m = _marginals[j];
            var column = batch[m.Column];
            if (u < m.NullShare)
            {
                column.SetNull(row);
                continue;
            }

            double p = m.NullShare >= 1 ? 0 : (u - m.NullShare) / (1 - m.NullShare);
            if (m.Knots is { } knots)
            {
                double v = Quantile(knots, p);
                ColumnValues.SetNumber(column, row, m.Integral ? Math.Round(v, MidpointRounding.ToEven) : v);
            }
            else
            {
                int k = Array.BinarySearch(_cumulative[j], p);
                k = k < 0 ? ~k : k + 1;
                ColumnValues.SetLabel(column, row, m.Categories![Math.Min(k, m.Categories.Count - 1)]);
            }
        }
    }

    private static (Marginal, double[]) FitNumeric(Column column, CopulaOptions options, Func<int, double> jitter)
    {
        int n = column.Count;
        var values = ColumnValues.Numbers(column);
        var present = values.Where(v => !double.IsNaN(v)).ToArray();
        Array.Sort(present);
        double nullShare = (double)(n - present.Length) / n;
        int k = Math.Max(1, Math.Min(options.Knots, present.Length / Math.Max(1, options.MinimumCount)));
        var knots = new double[present.Length == 0 ? 0 : k + 1];
        for (int i = 0; i < knots.Length; i++)
        {
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

        return (new Marginal { Column = column.Name, Kind = "numeric", NullShare = Round12(nullShare), Knots = knots, Integral = present.All(v => v == Math.Floor(v)) }, u);
    }

    private static (Marginal, double[]) FitCategorical(Column column, CopulaOptions options, Func<int, double> jitter)
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

    private static double[][] Correlation(List<double[]> scores)
    {
        int d = scores.Count, n = scores[0].Length;
        var means = scores.Select(s => s.Average()).ToArray();
        var result = new double[d][];
        for (int i = 0; i < d; i++)
        {
            result[i] = new double[d];
        }

        var sd = new double[d];
        for (int i = 0; i < d; i++)
        {
            double sum = 0;
            for (int r = 0; r < n; r++)
            {
                double a = scores[i][r] - means[i];
                sum += a * a;
            }

            sd[i] = Math.Sqrt(sum / n);
        }

        for (int i = 0; i < d; i++)
        {
            result[i][i] = 1;
            for (int j = 0; j < i; j++)
            {
                double sum = 0;
                for (int r = 0; r < n; r++)
                {
                    sum += (scores[i][r] - means[i]) * (scores[j][r] - means[j]);
                }

                double c = sd[i] == 0 || sd[j] == 0 ? 0 : Round12(sum / n / (sd[i] * sd[j]));
                result[i][j] = result[j][i] = Math.Clamp(c, -1, 1);
            }
        }

        return result;
    }

    /// <summary>The lower Cholesky factor; a matrix that is not positive definite gets a growing ridge until it is.</summary>
    private static double[,] Cholesky(Matrix<double> correlation)
    {
        for (double ridge = 0; ; ridge = ridge == 0 ? 1e-9 : ridge * 10)
        {
            var m = correlation + Matrix<double>.Build.DenseIdentity(correlation.RowCount) * ridge;
            m /= 1 + ridge;
            try
            {
                return m.Cholesky().Factor.ToArray();
            }
            catch (ArgumentException) when (ridge < 1)
            {
            }
        }
    }

    private static double Quantile(IReadOnlyList<double> knots, double p)
    {
        if (knots.Count == 1)
        {
            return knots[0];
        }

        double position = Math.Clamp(p, 0, 1) * (knots.Count - 1);
        int lo = Math.Min((int)Math.Floor(position), knots.Count - 2);
        return knots[lo] + ((position - lo) * (knots[lo + 1] - knots[lo]));
    }

    private static double[] Cumulative(IReadOnlyList<double> shares)
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
    private static double Round12(double v) => v == 0 || !double.IsFinite(v) ? v : double.Parse(v.ToString("G12", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
