using System;

namespace SynthKit.Tests.Schemas;

public enum Weekday
{
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
}

/// <summary>One member per rule, with parameters the statistical tests check against.</summary>
[SyntheticSchema]
public sealed class Distributions
{
    [Normal(10, 3)] public double Normal { get; set; }
    [LogNormal(1, 0.5)] public double LogNormal { get; set; }
    [Uniform(-5, 15)] public double Uniform { get; set; }
    [Exponential(0.5)] public double Exponential { get; set; }
    [Gamma(2, 0.5)] public double Gamma { get; set; }
    [Beta(2, 5)] public double Beta { get; set; }
    [Triangular(0, 3, 10)] public double Triangular { get; set; }
    [Poisson(3.5)] public int Poisson { get; set; }
    [Zipf(1.1, 20)] public int Zipf { get; set; }
    [Uniform(1, 6)] public int Die { get; set; }
    [Normal(50, 10), Clamp(40, 60)] public int ClampedNormal { get; set; }
    [System.ComponentModel.DataAnnotations.Range(100, 110)] public int Ranged { get; set; }
    [Categorical("a", "b", "c", "d", Weights = new[] { 0.1, 0.2, 0.3, 0.4 })] public string Weighted { get; set; } = "";
    [Categorical(10, 20, 30)] public int UniformCategory { get; set; }
    [Categorical(Weekday.Monday, Weekday.Friday, Weights = new[] { 3.0, 1.0 })] public Weekday WeightedDay { get; set; }
    public Weekday AnyDay { get; set; }
    [Probability(0.2)] public bool Rare { get; set; }
    [NullRate(0.25)] public int? Sometimes { get; set; }
    [DateRange("2020-01-01", "2020-01-10")] public DateOnly Day { get; set; }
    [DateRange("2024-01-01T00:00:00", "2024-01-01T00:00:10")] public DateTime Second { get; set; }
    [Pattern("#?*-\\#")] public string Code { get; set; } = "";
    [LogNormal(2, 0.8), Round(2)] public decimal Money { get; set; }
    [System.ComponentModel.DataAnnotations.StringLength(12, MinimumLength = 5)] public string Bounded { get; set; } = "";
    [System.ComponentModel.DataAnnotations.MaxLength(4)] public string Short { get; set; } = "";
    [System.ComponentModel.DataAnnotations.EmailAddress] public string Contact { get; set; } = "";
}

/// <summary>[Unique] members over small domains, so exhaustion is testable.</summary>
[SyntheticSchema]
public sealed class Uniques
{
    [Unique, Uniform(1, 200)] public int Small { get; set; }
    [Unique] public long Id { get; set; }
    [Unique, Pattern("??#")] public string Code { get; set; } = "";
    [Unique, Pii(PiiKind.Email)] public string Email { get; set; } = "";
    [Unique, DateRange("2024-01-01", "2024-12-31")] public DateOnly Day { get; set; }
    [Unique] public Guid Key { get; set; }
}

/// <summary>[Unique] over an enum of five values.</summary>
[SyntheticSchema]
public sealed class UniqueDays
{
    [Unique] public Weekday Day { get; set; }
}
