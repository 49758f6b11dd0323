using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;

namespace SynthKit.Tests.Support;

/// <summary>
/// Goodness-of-fit tests for the statistical tests: one-sample Kolmogorov–Smirnov against a continuous CDF, and
/// Pearson's chi-square against expected cell probabilities. Tests call them at a fixed seed and reject at
/// <see cref="Alpha"/>.
/// </summary>
public static class Stats
{
    /// <summary>The significance level of every statistical assertion in this suite.</summary>
    public const double Alpha = 0.001;

    /// <summary>The KS statistic D = sup |F_n(x) - F(x)| and its asymptotic p-value.</summary>
    public static (double D, double P) KolmogorovSmirnov(IEnumerable<double> sample, Func<double, double> cdf)
    {
        var sorted = sample.OrderBy(x => x).ToArray();
        int n = sorted.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(f - ((double)i / n), ((double)(i + 1) / n) - f));
        }

        return (d, KolmogorovPValue(d, n));
    }

    /// <summary>
    /// P(D_n ≥ d) from the Kolmogorov distribution with Stephens' small-sample correction
    /// (λ = (√n + 0.12 + 0.11/√n)·d; Q(λ) = 2 Σ (-1)^{k-1} e^{-2k²λ²}).
    /// </summary>
    public static double KolmogorovPValue(double d, int n)
    {
        double sqrtN = Math.Sqrt(n);
        double lambda = (sqrtN + 0.12 + (0.11 / sqrtN)) * d;
        if (lambda < 1e-3)
        {
            return 1;
        }

        double sum = 0;
        for (int k = 1; k <= 100; k++)
        {
            double term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sum += (k % 2 == 1 ? 1 : -1) * term;
            if (term < 1e-12)
            {
                break;
            }
        }

        return Math.Clamp(2 * sum, 0, 1);
    }

    /// <summary>Pearson's chi-square statistic and p-value of observed counts against expected probabilities.</summary>
    public static (double ChiSquare, double P) ChiSquare(IReadOnlyList<long> observed, IReadOnlyList<double> probabilities)
    {
        long n = observed.Sum();
        double chi = 0;
        for (int i = 0; i < observed.Count; i++)
        {
            double expected = n * probabilities[i];
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }

        int dof = observed.Count - 1;
        return (chi, 1 - ChiSquared.CDF(dof, chi));
    }

    /// <summary>Chi-square of values against a probability mass function over the given support.</summary>
    public static (double ChiSquare, double P) ChiSquare<T>(IEnumerable<T> sample, IReadOnlyList<T> support, Func<T, double> pmf)
        where T : notnull
    {
        var counts = sample.GroupBy(x => x).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.All(counts.Keys, k => Assert.Contains(k, support));
        return ChiSquare(support.Select(s => counts.GetValueOrDefault(s)).ToList(), support.Select(pmf).ToList());
    }
}
