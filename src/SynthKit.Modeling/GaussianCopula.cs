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
        var (marginals, positions, skipped) = Marginals.FitAll(table, options);
        var scores = positions.Select(u => u.Select(v => Normal.InvCDF(0, 1, Math.Clamp(v, Edge, 1 - Edge))).ToArray()).ToList();
        return new GaussianCopula(new ModelData
        {
            Kind = "copula",
            Table = table.Spec.Name,
            Rows = table.RowCount,
            MinimumCount = options.MinimumCount,
            Marginals = marginals,
            NotLearned = skipped,
            Correlation = Correlation(scores),
        });
    }

    /// <inheritdoc />
    public override void Draw(ColumnModelContext context, ColumnBatch batch, int row)
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
            Marginals.Set(m, _cumulative[j], column, row, p);
        }
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

                double c = sd[i] == 0 || sd[j] == 0 ? 0 : Marginals.Round12(sum / n / (sd[i] * sd[j]));
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
}
