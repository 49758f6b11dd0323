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
