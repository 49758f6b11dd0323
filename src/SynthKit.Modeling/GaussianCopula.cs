using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace SynthKit.Modeling;

/// <summary>
/// A Gaussian copula fitted to a table: each learned column's empirical marginal (quantile knots with point masses,
/// categories by frequency, nulls as part of the marginal so null-ness correlates with the rest) and one correlation of
/// normal scores. It keeps monotone dependencies only; <see cref="BayesianNetwork"/> keeps categorical and non-monotone
/// ones too.
/// </summary>
public sealed class GaussianCopula : SynthModel
{
    private const double Edge = 1e-9;
    private readonly Marginal[] _marginals;
    private readonly double[,] _cholesky;
    private readonly double[][] _cumulative;

    internal GaussianCopula(ModelData model)
        : base(model)
    {
        _marginals = model.Marginals.ToArray();
        int d = _marginals.Length;
        var correlation = Matrix<double>.Build.Dense(d, d, (i, j) => model.Correlation![i][j]);
        _cholesky = Cholesky(correlation);
        _cumulative = _marginals.Select(m => m.Shares is { } s ? Marginals.Cumulative(s) : []).ToArray();
    }

    /// <inheritdoc />
    public override string Key => "copula";

    /// <summary>Fits a copula to a table (read under its spec).</summary>
    /// <param name="table">The real rows.</param>
    /// <param name="options">Options, or null for the defaults (<see cref="ModelOptions.Kind"/> is ignored).</param>
    /// <returns>The fitted copula.</returns>
    /// <exception cref="SynthKitException">SK6000: no rows, or no column to learn.</exception>
    public static new GaussianCopula Fit(ColumnBatch table, ModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new ModelOptions();
        var fitted = Marginals.FitAll(table, options, jittered: true);
        var (marginals, skipped, spec) = (fitted.Marginals, fitted.Skipped, fitted.Spec);
        var scores = fitted.Positions.Select(u => u!.Select(v => Normal.InvCDF(0, 1, Math.Clamp(v, Edge, 1 - Edge))).ToArray()).ToList();
        return new GaussianCopula(new ModelData
        {
            Kind = "copula",
            Table = table.Spec.Name,
            Rows = table.RowCount,
            MinimumCount = options.MinimumCount,
            Spec = SynthModel.SpecElement(spec),
            Constraints = Marginals.Declared(options, table.Spec) is { Count: > 0 } declared ? BoundConstraints.Fit(declared, marginals, table, options.MinimumCount).Data : null,
            Marginals = marginals,
            NotLearned = skipped,
            Correlation = Correlation(scores),
        });
    }

    private protected override void DrawRow(SynthRandom random, ColumnBatch batch, int row)
    {
        int d = _marginals.Length;
        Span<double> e = stackalloc double[d];
        StandardNormals(random, e);

        for (int j = 0; j < d; j++)
        {
            double z = 0;
            for (int k = 0; k <= j; k++)
            {
                z += _cholesky[j, k] * e[k];
            }

            Write(j, Normal.CDF(0, 1, z), batch, row);
        }
    }

    internal override RowSampler Sampler(IReadOnlyList<Evidence> evidence, double boost) => new CopulaSampler(this, evidence);

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

                double c = sd[i] == 0 || sd[j] == 0 ? 0 : Marginals.Round12(sum / n / (sd[i] * sd[j]));
                result[i][j] = result[j][i] = Math.Clamp(c, -1, 1);
            }
        }

        return result;
    }

    /// <summary>
    /// Sampling under evidence through the conditional normal: numeric conditions fix their normal score; categorical ones
    /// bound it to the category's interval, drawn from the truncated conditional normal (the first exactly; each further
    /// interval weights the draw by its probability, accepted in proportion — exact, and rarely repeated); the other
    /// columns then follow the normal conditional on the evidence's scores.
    /// </summary>
    private sealed class CopulaSampler : RowSampler
    {
        private readonly GaussianCopula _copula;
        private readonly Evidence[] _evidence;
        private readonly (double Lo, double Hi)[] _bounds;
        private readonly double[][] _beta;
        private readonly double[] _sigma;
        private readonly int[] _rest;
        private readonly double[,] _restBeta;
        private readonly double[,] _restCholesky;
        private readonly int _firstInterval;

        public CopulaSampler(GaussianCopula copula, IReadOnlyList<Evidence> evidence)
        {
            _copula = copula;
            _evidence = evidence.OrderBy(e => e.Number is null ? 1 : 0).ToArray();
            int d = copula._marginals.Length, m = _evidence.Length;
            var r = Matrix<double>.Build.Dense(d, d, (i, j) => copula.Data.Correlation![i][j]);
            _bounds = _evidence.Select(e => Bounds(e, copula._cumulative[e.Index])).ToArray();
            _firstInterval = Array.FindIndex(_evidence, e => e.Number is null);
            _beta = new double[m][];
            _sigma = new double[m];
            for (int k = 0; k < m; k++)
            {
                var prev = _evidence.Take(k).Select(e => e.Index).ToArray();
                var (beta, residual) = Regress(r, [_evidence[k].Index], prev);
                _beta[k] = Enumerable.Range(0, prev.Length).Select(j => beta[0, j]).ToArray();
                _sigma[k] = Math.Sqrt(Math.Max(0, residual[0, 0]));
            }

            var given = _evidence.Select(e => e.Index).ToArray();
            _rest = Enumerable.Range(0, d).Where(i => !given.Contains(i)).ToArray();
            var (restBeta, restCovariance) = Regress(r, _rest, given);
            _restBeta = restBeta;
            _restCholesky = _rest.Length == 0 ? new double[0, 0] : Cholesky(Matrix<double>.Build.DenseOfArray(restCovariance), normalize: false);
        }

        /// <summary>The normal-score interval of a condition (a point for a number).</summary>
        private static (double Lo, double Hi) Bounds(Evidence e, double[] cumulative)
        {
            double ns = e.Marginal.NullShare;
            if (e.Number is not null)
            {
                double z = Normal.InvCDF(0, 1, Math.Clamp(ns + ((1 - ns) * e.P), Edge, 1 - Edge));
                return (z, z);
            }

            double lo = ns + ((1 - ns) * (e.Category == 0 ? 0 : cumulative[e.Category - 1]));
            double hi = ns + ((1 - ns) * cumulative[e.Category]);
            if (hi <= lo)
            {
                throw new SynthKitException(ModelingErrorCodes.CannotSample, $"'{e.Text}' has no probability in the model of '{e.Marginal.Column}'");
            }

            return (lo <= 0 ? double.NegativeInfinity : Normal.InvCDF(0, 1, lo), hi >= 1 ? double.PositiveInfinity : Normal.InvCDF(0, 1, hi));
        }

        /// <summary>The regression of the <paramref name="target"/> scores on the <paramref name="given"/> ones: coefficients and residual covariance.</summary>
        private static (double[,] Beta, double[,] Residual) Regress(Matrix<double> r, int[] target, int[] given)
        {
            var tt = Matrix<double>.Build.Dense(target.Length, target.Length, (i, j) => r[target[i], target[j]]);
            if (given.Length == 0)
            {
                return (new double[target.Length, 0], tt.ToArray());
            }

            var tg = Matrix<double>.Build.Dense(target.Length, given.Length, (i, j) => r[target[i], given[j]]);
            var gg = Matrix<double>.Build.Dense(given.Length, given.Length, (i, j) => r[given[i], given[j]]);
            var inverse = (gg + (Matrix<double>.Build.DenseIdentity(given.Length) * 1e-9)).Inverse();
            var beta = tg * inverse;
            return (beta.ToArray(), (tt - (beta * tg.Transpose())).ToArray());
        }

        public override void Draw(SynthRandom random, ColumnBatch batch, int row)
        {
            int m = _evidence.Length;
            Span<double> given = stackalloc double[m];
            for (int attempt = 0; ; attempt++)
            {
                if (attempt == MaxAttempts)
                {
                    throw new SynthKitException(ModelingErrorCodes.CannotSample, $"the conditions were not met in {MaxAttempts:N0} attempts for one row: they are too rare together under the model");
                }

                double weight = 1;
                for (int k = 0; k < m; k++)
                {
                    double mu = 0;
                    for (int j = 0; j < k; j++)
                    {
                        mu += _beta[k][j] * given[j];
                    }

                    var (lo, hi) = _bounds[k];
                    if (lo == hi)
                    {
                        given[k] = lo;
                        continue;
                    }

                    double sigma = Math.Max(_sigma[k], 1e-12);
                    double a = Normal.CDF(0, 1, (lo - mu) / sigma), b = Normal.CDF(0, 1, (hi - mu) / sigma), q = b - a;
                    double u = random.NextDouble();
                    given[k] = q <= 0 ? Math.Clamp(mu, lo, hi) : mu + (sigma * Normal.InvCDF(0, 1, Math.Clamp(a + (u * q), Edge, 1 - Edge)));
                    if (k != _firstInterval)
                    {
                        weight *= q;
                    }
                }

                if (weight >= 1 || random.NextDouble() < weight)
                {
                    break;
                }
            }

            int d = _rest.Length;
            Span<double> e = stackalloc double[d];
            StandardNormals(random, e);

            for (int k = 0; k < m; k++)
            {
                _evidence[k].Write(batch[_evidence[k].Marginal.Column], row);
            }

            for (int j = 0; j < d; j++)
            {
                double z = 0;
                for (int k = 0; k < m; k++)
                {
                    z += _restBeta[j, k] * given[k];
                }

                for (int k = 0; k <= j; k++)
                {
                    z += _restCholesky[j, k] * e[k];
                }

                int i = _rest[j];
                _copula.Write(i, Normal.CDF(0, 1, z), batch, row);
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="e"/> with independent standard normals by Marsaglia's polar method, keeping both values of each
    /// pair (MathNet's <c>Normal.Sample</c> draws the same pair and returns one, which made it the copula's largest cost).
    /// </summary>
    private static void StandardNormals(SynthRandom random, Span<double> e)
    {
        for (int j = 0; j < e.Length; j += 2)
        {
            double u, v, s;
            do
            {
                u = (2 * random.NextDouble()) - 1;
                v = (2 * random.NextDouble()) - 1;
                s = (u * u) + (v * v);
            }
            while (s >= 1 || s == 0);

            double f = Math.Sqrt(-2 * Math.Log(s) / s);
            e[j] = u * f;
            if (j + 1 < e.Length)
            {
                e[j + 1] = v * f;
            }
        }
    }

    /// <summary>Writes column <paramref name="j"/>'s value at probability <paramref name="u"/> of its marginal, nulls first.</summary>
    private void Write(int j, double u, ColumnBatch batch, int row)
    {
        var m = _marginals[j];
        var column = batch[m.Column];
        if (u < m.NullShare)
        {
            column.SetNull(row);
            return;
        }

        double p = m.NullShare >= 1 ? 0 : (u - m.NullShare) / (1 - m.NullShare);
        Marginals.Set(m, _cumulative[j], column, row, p);
    }

    /// <summary>The lower Cholesky factor; a matrix that is not positive definite gets a growing ridge until it is.</summary>
    private static double[,] Cholesky(Matrix<double> correlation, bool normalize = true)
    {
        for (double ridge = 0; ; ridge = ridge == 0 ? 1e-9 : ridge * 10)
        {
            var m = correlation + Matrix<double>.Build.DenseIdentity(correlation.RowCount) * ridge;
            if (normalize)
            {
                m /= 1 + ridge;
            }

            try
            {
                return m.Cholesky().Factor.ToArray();
            }
            catch (ArgumentException) when (ridge < 1)
            {
            }
        }
    }
}
