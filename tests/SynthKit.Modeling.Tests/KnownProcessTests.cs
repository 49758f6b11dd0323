using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;

namespace SynthKit.Modeling.Tests;

/// <summary>
/// Fit → sample round trips on a process written here: a non-monotone categorical dependency (the flag is likely only for
/// the middle colour) and a zero-inflated amount whose non-zero part shifts with the colour. Samples are compared with an
/// independent sample of the same process — never with the fitted rows — by chi-square and Kolmogorov–Smirnov tests at
/// fixed seeds and a significance of 0.001.
/// </summary>
public sealed class KnownProcessTests
{
    private const int Rows = 6_000;
    private static readonly TableSpec Spec = new()
    {
        Name = "process",
        Columns =
        [
            new ColumnSpec { Name = "color", Type = StorageType.String, Kind = StatisticalKind.Categorical },
            new ColumnSpec { Name = "flag", Type = StorageType.Boolean, Kind = StatisticalKind.Boolean },
            new ColumnSpec { Name = "amount", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
        ],
    };

    private static readonly string[] Colors = ["a", "b", "c"];

    /// <summary>colour uniform; flag with P = 0.9 for b, 0.1 otherwise; amount 0 with P = 0.4, else N(100 + 50·[b], 10).</summary>
    private static ColumnBatch Process(int seed, int rows)
    {
        var random = new Random(seed);
        var batch = new ColumnBatch(Spec, rows) { RowCount = rows };
        for (int r = 0; r < rows; r++)
        {
            int color = random.Next(3);
            ((CategoricalColumn)batch["color"]).Set(r, Colors[color]);
            batch.Get<bool>("flag")[r] = random.NextDouble() < (color == 1 ? 0.9 : 0.1);
            batch.Get<double>("amount")[r] = random.NextDouble() < 0.4 ? 0 : Normal.Sample(random, 100 + (50 * (color == 1 ? 1 : 0)), 10);
        }

        return batch;
    }

    private static ColumnBatch Sample(SynthModel model, int rows) => new SpecSynthesizer(Spec, 5).WithColumnModel(model).ToBatch(0, rows);

    [Fact]
    public void The_network_keeps_a_non_monotone_categorical_dependency()
    {
        var model = SynthModel.Fit(Process(1, Rows));
        var synthetic = Sample(model, Rows);
        var independent = Process(2, Rows);

        // Homogeneity of the colour × flag table between the samples: chi-square with 5 degrees of freedom.
        double p = Homogeneity(Cells(synthetic), Cells(independent));
        Assert.True(p > 0.001, $"chi-square p = {p}");
    }

    [Fact]
    public void The_copula_cannot_keep_it_and_the_test_tells_them_apart()
    {
        // The same check rejects the copula, whose dependencies are monotone: so the test above has power.
        var copula = SynthModel.Fit(Process(1, Rows), new ModelOptions { Kind = ModelKind.GaussianCopula });
        double p = Homogeneity(Cells(Sample(copula, Rows)), Cells(Process(2, Rows)));
        Assert.True(p < 0.001, $"chi-square p = {p}");
    }

    [Fact]
    public void A_zero_inflated_amount_keeps_its_point_mass_and_its_shift_within_the_category()
    {
        var model = SynthModel.Fit(Process(1, Rows));
        var synthetic = Sample(model, Rows);
        var independent = Process(3, Rows);

        // The share of zeros: binomial standard error at 6,000 rows is 0.0063; 0.03 is beyond four of them for two samples.
        Assert.Equal(Zeros(independent), Zeros(synthetic), 0.03);

        // The non-zero amounts of colour b (mean 150) and of the rest (mean 100): two-sample KS at α = 0.001.
        foreach (bool b in new[] { true, false })
        {
            var s = Amounts(synthetic, b);
            var i = Amounts(independent, b);
            double d = Ks(s, i), critical = 1.949 * Math.Sqrt((s.Length + i.Length) / (double)(s.Length * i.Length));
            Assert.True(d < critical, $"colour {(b ? "b" : "a/c")}: KS D = {d}, critical {critical}");
        }
    }

    [Fact]
    public void A_chow_liu_tree_is_a_network_with_one_parent_each()
    {
        var model = BayesianNetwork.Fit(Process(1, Rows), new ModelOptions { MaxParents = 1 });
        Assert.All(model.Data.Network!, n => Assert.True(n.Parents.Count <= 1));
        Assert.Equal(2, model.Data.Network!.Count(n => n.Parents.Count == 1));
        Assert.True(Homogeneity(Cells(Sample(model, Rows)), Cells(Process(2, Rows))) > 0.001);
    }

    [Fact]
    public void Bad_options_are_SK6000()
    {
        Assert.Equal(ModelingErrorCodes.CannotFit, Assert.Throws<SynthKitException>(() => BayesianNetwork.Fit(Process(1, 10), new ModelOptions { Bins = 0 })).Code);
        Assert.Equal(ModelingErrorCodes.CannotFit, Assert.Throws<SynthKitException>(() => BayesianNetwork.Fit(Process(1, 10), new ModelOptions { MaxParents = -1 })).Code);
    }

    private static double[] Cells(ColumnBatch batch)
    {
        var cells = new double[6];
        for (int r = 0; r < batch.RowCount; r++)
        {
            int color = Array.IndexOf(Colors, ((CategoricalColumn)batch["color"])[r]);
            cells[(color * 2) + (batch.Get<bool>("flag")[r] ? 1 : 0)]++;
        }

        return cells;
    }

    private static double Homogeneity(double[] a, double[] b)
    {
        double na = a.Sum(), nb = b.Sum(), chi = 0;
        for (int k = 0; k < a.Length; k++)
        {
            double pooled = (a[k] + b[k]) / (na + nb);
            chi += (Math.Pow(a[k] - (pooled * na), 2) / (pooled * na)) + (Math.Pow(b[k] - (pooled * nb), 2) / (pooled * nb));
        }

        return 1 - ChiSquared.CDF(a.Length - 1, chi);
    }

    private static double Zeros(ColumnBatch batch) => Enumerable.Range(0, batch.RowCount).Count(r => batch.Get<double>("amount")[r] == 0) / (double)batch.RowCount;

    private static double[] Amounts(ColumnBatch batch, bool colorB) => Enumerable.Range(0, batch.RowCount)
        .Where(r => batch.Get<double>("amount")[r] != 0 && (((CategoricalColumn)batch["color"])[r] == "b") == colorB)
        .Select(r => batch.Get<double>("amount")[r]).Order().ToArray();

    internal static double Ks(double[] a, double[] b)
    {
        int i = 0, j = 0;
        double d = 0;
        while (i < a.Length && j < b.Length)
        {
            double v = Math.Min(a[i], b[j]);
            while (i < a.Length && a[i] <= v)
            {
                i++;
            }

            while (j < b.Length && b[j] <= v)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(((double)i / a.Length) - ((double)j / b.Length)));
        }

        return d;
    }
}
