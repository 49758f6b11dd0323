using System;
using System.Linq;
using MathNet.Numerics.Distributions;
using SynthKit.Tests.Schemas;
using SynthKit.Tests.Support;

namespace SynthKit.Tests;

/// <summary>
/// Each rule's values follow its parameters: Kolmogorov–Smirnov for continuous distributions, chi-square for discrete
/// ones, at seed 2024 with n = 20,000 and significance <see cref="Stats.Alpha"/> (0.001). A wrong mean, spread, weight
/// or range shifts the statistic far past the critical value, so each test fails if its rule is broken.
/// </summary>
public class DistributionTests
{
    private const int N = 20_000;
    private static readonly Distributions[] s_rows = new DistributionsSynthesizer(seed: 2024).Generate(N).ToArray();

    [Theory]
    [InlineData("Normal")]
    [InlineData("LogNormal")]
    [InlineData("Uniform")]
    [InlineData("Exponential")]
    [InlineData("Gamma")]
    [InlineData("Beta")]
    [InlineData("Triangular")]
    public void Continuous_distributions_pass_Kolmogorov_Smirnov(string member)
    {
        (Func<Distributions, double> value, Func<double, double> cdf) = member switch
        {
            "Normal" => ((Func<Distributions, double>)(r => r.Normal), (Func<double, double>)(x => Normal.CDF(10, 3, x))),
            "LogNormal" => (r => r.LogNormal, x => LogNormal.CDF(1, 0.5, x)),
            "Uniform" => (r => r.Uniform, x => ContinuousUniform.CDF(-5, 15, x)),
            "Exponential" => (r => r.Exponential, x => Exponential.CDF(0.5, x)),
            "Gamma" => (r => r.Gamma, x => Gamma.CDF(2, 0.5, x)),
            "Beta" => (r => r.Beta, x => Beta.CDF(2, 5, x)),
            _ => (r => r.Triangular, x => Triangular.CDF(0, 10, 3, x)),
        };

        var (d, p) = Stats.KolmogorovSmirnov(s_rows.Select(value), cdf);

        Assert.True(p > Stats.Alpha, $"{member}: KS D = {d:F5}, p = {p:G3} ≤ {Stats.Alpha}");
    }

    [Fact]
    public void A_wrongly_parameterised_reference_is_rejected_so_the_KS_check_has_power()
    {
        // The same sample against Normal(10.2, 3) — a 0.07 sd shift in the mean — must fail.
        var (_, p) = Stats.KolmogorovSmirnov(s_rows.Select(r => r.Normal), x => Normal.CDF(10.2, 3, x));

        Assert.True(p < Stats.Alpha, $"p = {p}");
    }

    [Fact]
    public void Poisson_matches_its_mass_function()
    {
        // Cells 0..9 and a tail cell ≥ 10.
        var observed = Enumerable.Range(0, 11).Select(k => (long)s_rows.Count(r => k < 10 ? r.Poisson == k : r.Poisson >= 10)).ToList();
        var expected = Enumerable.Range(0, 11).Select(k => k < 10 ? Poisson.PMF(3.5, k) : 1 - Poisson.CDF(3.5, 9)).ToList();

        var (chi, p) = Stats.ChiSquare(observed, expected);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Zipf_matches_its_mass_function()
    {
        var support = Enumerable.Range(1, 20).ToList();

        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.Zipf), support, k => Zipf.PMF(1.1, 20, k));

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Integer_uniform_covers_both_bounds_equally()
    {
        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.Die), Enumerable.Range(1, 6).ToList(), _ => 1.0 / 6);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void DataAnnotations_range_is_uniform_and_inclusive()
    {
        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.Ranged), Enumerable.Range(100, 11).ToList(), _ => 1.0 / 11);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Categorical_weights_hold()
    {
        var weights = new[] { 0.1, 0.2, 0.3, 0.4 };
        string[] support = ["a", "b", "c", "d"];

        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.Weighted), support, v => weights[Array.IndexOf(support, v)]);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Unweighted_categorical_numbers_are_uniform()
    {
        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.UniformCategory), [10, 20, 30], _ => 1.0 / 3);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Weighted_enum_categories_hold_and_others_never_appear()
    {
        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.WeightedDay), [Weekday.Monday, Weekday.Friday], d => d == Weekday.Monday ? 0.75 : 0.25);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Enums_without_a_rule_are_uniform_over_their_members()
    {
        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.AnyDay), Enum.GetValues<Weekday>(), _ => 0.2);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Probability_holds()
    {
        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.Rare), [true, false], b => b ? 0.2 : 0.8);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Null_rate_holds()
    {
        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.Sometimes is null), [true, false], isNull => isNull ? 0.25 : 0.75);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Date_ranges_are_uniform_and_DateOnly_includes_both_ends()
    {
        var days = Enumerable.Range(0, 10).Select(i => new DateOnly(2020, 1, 1).AddDays(i)).ToList();

        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.Day), days, _ => 0.1);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Timestamp_ranges_are_whole_seconds_and_exclude_the_upper_bound()
    {
        var seconds = Enumerable.Range(0, 10).Select(i => new DateTime(2024, 1, 1).AddSeconds(i)).ToList();

        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.Second), seconds, _ => 0.1);

        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Clamp_bounds_a_normal_and_piles_the_tails_onto_the_bounds()
    {
        var values = s_rows.Select(r => r.ClampedNormal).ToList();

        Assert.All(values, v => Assert.InRange(v, 40, 60));

        // P(X ≤ 40.5) for Normal(50, 10) after rounding: Φ(-0.95) ≈ 0.171; the mass at the bound must match it.
        double expectedAtMin = Normal.CDF(50, 10, 40.5);
        var (chi, p) = Stats.ChiSquare([values.Count(v => v == 40), values.Count(v => v != 40)], [expectedAtMin, 1 - expectedAtMin]);
        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Patterns_draw_digits_letters_and_literals()
    {
        Assert.All(s_rows, r => Assert.Matches("^[0-9][A-Z][0-9A-Z]-#$", r.Code));

        var (chi, p) = Stats.ChiSquare(s_rows.Select(r => r.Code[0]), "0123456789".ToList(), _ => 0.1);
        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
    }

    [Fact]
    public void Round_keeps_the_stated_decimal_places()
    {
        Assert.All(s_rows, r => Assert.Equal(decimal.Round(r.Money, 2), r.Money));
    }

    [Fact]
    public void String_lengths_respect_DataAnnotations()
    {
        Assert.All(s_rows, r => Assert.InRange(r.Bounded.Length, 5, 12));
        Assert.All(s_rows, r => Assert.InRange(r.Short.Length, 1, 4));

        // Bounded texts are whole lorem words (a word is cut only when none fits the room below the minimum) of lengths
        // spread over the bounds.
        var words = (Bogus.Bson.BArray)((Bogus.Bson.BObject)Bogus.Database.GetLocale("en")["lorem"])["words"];
        var lorem = Enumerable.Range(0, words.Count).Select(i => words[i].StringValue).ToHashSet(StringComparer.Ordinal);
        int whole = s_rows.Count(r => r.Bounded.Split(' ').All(lorem.Contains));
        Assert.True(whole >= s_rows.Length * 0.99, $"{whole} of {s_rows.Length} texts are whole words");
        Assert.All(s_rows, r => Assert.False(r.Bounded.EndsWith(' ') || r.Bounded.StartsWith(' ') || r.Bounded.Contains("  ", StringComparison.Ordinal), r.Bounded));
        Assert.True(s_rows.Select(r => r.Bounded.Length).Distinct().Count() >= 7);
    }

    [Fact]
    public void EmailAddress_annotation_makes_valid_addresses()
    {
        var validator = new System.ComponentModel.DataAnnotations.EmailAddressAttribute();

        Assert.All(s_rows.Take(2_000), r => Assert.True(validator.IsValid(r.Contact), r.Contact));
    }
}
