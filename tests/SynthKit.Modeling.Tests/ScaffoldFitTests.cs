using System;
using System.Linq;
using MathNet.Numerics.Distributions;

namespace SynthKit.Modeling.Tests;

/// <summary>The scaffolder's choice of distribution: samples of each supported family (fixed seeds) are given back their family.</summary>
public sealed class ScaffoldFitTests
{
    [Theory]
    [InlineData("Normal", false)]
    [InlineData("LogNormal", false)]
    [InlineData("Uniform", false)]
    [InlineData("Exponential", false)]
    [InlineData("Poisson", true)]
    public void Each_family_is_recognised_from_its_own_sample(string family, bool integral)
    {
        var random = new Random(11);
        double[] values = Enumerable.Range(0, 3_000).Select(_ => family switch
        {
            "Normal" => Normal.Sample(random, 50, 8),
            "LogNormal" => LogNormal.Sample(random, 1, 0.9),
            "Uniform" => ContinuousUniform.Sample(random, -3, 7),
            "Exponential" => Exponential.Sample(random, 0.4),
            _ => Poisson.Sample(random, 1.2),
        }).ToArray();

        var (rule, distance) = Scaffold.BestFit(values, integral);

        Assert.StartsWith(family + "(", rule, StringComparison.Ordinal);
        Assert.True(distance < 0.05, $"{rule}: KS {distance}");
    }
}

/// <summary>Parametric marginals (<see cref="MarginalKind.Parametric"/>): knots from the fitted family, as SDV's marginals — and what they cost.</summary>
public sealed class ParametricMarginalTests
{
    private static readonly TableSpec Spec = new()
    {
        Name = "m",
        Columns = [new ColumnSpec { Name = "x", Type = StorageType.Float64, Kind = StatisticalKind.Numerical }],
    };

    private static ColumnBatch Table(Func<Random, double> draw, int seed, int rows = 3_000)
    {
        var random = new Random(seed);
        var batch = new ColumnBatch(Spec, rows) { RowCount = rows };
        for (int r = 0; r < rows; r++)
        {
            batch.Get<double>("x")[r] = draw(random);
        }

        return batch;
    }

    private static double[] Sample(SynthModel model) => new SpecSynthesizer(Spec, 4, [model]).ToBatch(0, 3_000).Get<double>("x").Values.ToArray().Order().ToArray();

    [Theory]
    [InlineData(ModelKind.GaussianCopula)]
    [InlineData(ModelKind.BayesianNetwork)]
    public void A_normal_column_gets_the_normal_family_and_samples_follow_it(ModelKind kind)
    {
        var model = SynthModel.Fit(Table(r => Normal.Sample(r, 50, 8), 1), new ModelOptions { Kind = kind, Marginals = MarginalKind.Parametric });

        Assert.StartsWith("Normal(", model.Data.Marginals[0].Family, StringComparison.Ordinal);
        var x = Sample(model);
        double d = x.Select((v, i) => Math.Max(Math.Abs(((i + 1.0) / x.Length) - Normal.CDF(50, 8, v)), Math.Abs(Normal.CDF(50, 8, v) - ((double)i / x.Length)))).Max();
        Assert.True(d < 1.949 / Math.Sqrt(x.Length), $"KS D = {d}");
    }

    [Fact]
    public void A_bimodal_column_is_kept_by_empirical_knots_and_lost_by_a_family()
    {
        static double Mixture(Random r) => r.NextDouble() < 0.5 ? Normal.Sample(r, 0, 1) : Normal.Sample(r, 10, 1);
        var real = Table(Mixture, 1);
        var independent = Table(Mixture, 2).Get<double>("x").Values.ToArray().Order().ToArray();
        var empirical = Sample(SynthModel.Fit(real));
        var parametric = Sample(SynthModel.Fit(real, new ModelOptions { Marginals = MarginalKind.Parametric }));

        double critical = 1.949 * Math.Sqrt(2.0 / 3_000);
        Assert.True(KnownProcessTests.Ks(independent, empirical) < critical, $"empirical KS {KnownProcessTests.Ks(independent, empirical)}");
        Assert.True(KnownProcessTests.Ks(independent, parametric) > critical, $"parametric KS {KnownProcessTests.Ks(independent, parametric)}");
        Assert.Null(SynthModel.Fit(real).Data.Marginals[0].Family);
    }
}
