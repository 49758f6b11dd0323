using System;

namespace SynthKit;

/// <summary>
/// Base class of the attributes that say how a member's values are made. A member carries at most one of them;
/// <see cref="PiiAttribute"/> supplies a default rule that an explicit generation attribute overrides.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public abstract class GenerationAttribute : Attribute
{
    private protected GenerationAttribute()
    {
    }
}

/// <summary>Normal (Gaussian) distribution. On integer members values are rounded to the nearest integer.</summary>
public sealed class NormalAttribute : GenerationAttribute
{
    /// <summary>Normal distribution with the given mean and standard deviation.</summary>
    /// <param name="mean">The mean.</param>
    /// <param name="standardDeviation">The standard deviation; must be positive.</param>
    public NormalAttribute(double mean, double standardDeviation)
    {
        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation.</summary>
    public double StandardDeviation { get; }
}

/// <summary>Log-normal distribution: <c>exp(X)</c> where <c>X ~ Normal(mu, sigma)</c>. Suits incomes, prices, durations.</summary>
public sealed class LogNormalAttribute : GenerationAttribute
{
    /// <summary>Log-normal distribution with the given log-scale parameters.</summary>
    /// <param name="mu">The mean of the logarithm.</param>
    /// <param name="sigma">The standard deviation of the logarithm; must be positive.</param>
    public LogNormalAttribute(double mu, double sigma)
    {
        Mu = mu;
        Sigma = sigma;
    }

    /// <summary>The mean of the logarithm.</summary>
    public double Mu { get; }

    /// <summary>The standard deviation of the logarithm.</summary>
    public double Sigma { get; }
}

/// <summary>
/// Uniform distribution. Integer members draw from <c>[Min, Max]</c> inclusive; floating-point and decimal members from
/// <c>[Min, Max)</c>; <see cref="TimeSpan"/> members take the bounds in seconds.
/// </summary>
public sealed class UniformAttribute : GenerationAttribute
{
    /// <summary>Uniform distribution between the bounds.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound; not less than <paramref name="min"/>.</param>
    public UniformAttribute(double min, double max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>The lower bound.</summary>
    public double Min { get; }

    /// <summary>The upper bound.</summary>
    public double Max { get; }
}

/// <summary>Exponential distribution with the given rate (mean <c>1 / rate</c>): waiting times, inter-arrival gaps.</summary>
public sealed class ExponentialAttribute : GenerationAttribute
{
    /// <summary>Exponential distribution.</summary>
    /// <param name="rate">The rate λ; must be positive.</param>
    public ExponentialAttribute(double rate) => Rate = rate;

    /// <summary>The rate λ.</summary>
    public double Rate { get; }
}

/// <summary>Poisson distribution of counts with the given mean.</summary>
public sealed class PoissonAttribute : GenerationAttribute
{
    /// <summary>Poisson distribution.</summary>
    /// <param name="lambda">The mean λ; must be positive.</param>
    public PoissonAttribute(double lambda) => Lambda = lambda;

    /// <summary>The mean λ.</summary>
    public double Lambda { get; }
}

/// <summary>
/// Zipf distribution over the ranks <c>1 … Count</c>: rank <c>k</c> has probability proportional to <c>1 / k^Exponent</c>.
/// Long tails: word frequencies, product popularity, city sizes.
/// </summary>
public sealed class ZipfAttribute : GenerationAttribute
{
    /// <summary>Zipf distribution.</summary>
    /// <param name="exponent">The exponent s; must be positive.</param>
    /// <param name="count">The number of ranks; must be positive.</param>
    public ZipfAttribute(double exponent, int count)
    {
        Exponent = exponent;
        Count = count;
    }

    /// <summary>The exponent s.</summary>
    public double Exponent { get; }

    /// <summary>The number of ranks.</summary>
    public int Count { get; }
}

/// <summary>Gamma distribution with the given shape and rate (mean <c>shape / rate</c>).</summary>
public sealed class GammaAttribute : GenerationAttribute
{
    /// <summary>Gamma distribution.</summary>
    /// <param name="shape">The shape k; must be positive.</param>
    /// <param name="rate">The rate β; must be positive.</param>
    public GammaAttribute(double shape, double rate)
    {
        Shape = shape;
        Rate = rate;
    }

    /// <summary>The shape k.</summary>
    public double Shape { get; }

    /// <summary>The rate β.</summary>
    public double Rate { get; }
}

/// <summary>Beta distribution on <c>[0, 1]</c>: proportions and rates.</summary>
public sealed class BetaAttribute : GenerationAttribute
{
    /// <summary>Beta distribution.</summary>
    /// <param name="alpha">The shape α; must be positive.</param>
    /// <param name="beta">The shape β; must be positive.</param>
    public BetaAttribute(double alpha, double beta)
    {
        Alpha = alpha;
        Beta = beta;
    }

    /// <summary>The shape α.</summary>
    public double Alpha { get; }

    /// <summary>The shape β.</summary>
    public double Beta { get; }
}

/// <summary>Triangular distribution between <c>Min</c> and <c>Max</c> peaking at <c>Mode</c>.</summary>
public sealed class TriangularAttribute : GenerationAttribute
{
    /// <summary>Triangular distribution.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="mode">The most likely value, between the bounds.</param>
    /// <param name="max">The upper bound.</param>
    public TriangularAttribute(double min, double mode, double max)
    {
        Min = min;
        Mode = mode;
        Max = max;
    }

    /// <summary>The lower bound.</summary>
    public double Min { get; }

    /// <summary>The most likely value.</summary>
    public double Mode { get; }

    /// <summary>The upper bound.</summary>
    public double Max { get; }
}

/// <summary>
/// Draws from a fixed list of values, uniformly or with <see cref="Weights"/>. Values are constants of the member's
/// type: strings, enum members, numbers or booleans.
/// </summary>
/// <example><c>[Categorical("F", "M", "X", Weights = new[] { 0.49, 0.49, 0.02 })]</c></example>
public sealed class CategoricalAttribute : GenerationAttribute
{
    /// <summary>Draws from the given values.</summary>
    /// <param name="values">The values; at least one.</param>
    public CategoricalAttribute(params object[] values) => Values = values;

    /// <summary>The values.</summary>
    public object[] Values { get; }

    /// <summary>
    /// Relative weights, one per value, non-negative with a positive sum (they need not sum to 1). Uniform when omitted.
    /// </summary>
    public double[]? Weights { get; set; }
}

/// <summary>Boolean members: <see langword="true"/> with the given probability.</summary>
public sealed class ProbabilityAttribute : GenerationAttribute
{
    /// <summary>True with the given probability.</summary>
    /// <param name="probability">The probability of <see langword="true"/>, in <c>[0, 1]</c>.</param>
    public ProbabilityAttribute(double probability) => Probability = probability;

    /// <summary>The probability of <see langword="true"/>.</summary>
    public double Probability { get; }
}

/// <summary>
/// Uniform dates between two ISO 8601 bounds. <c>DateOnly</c> members include both bounds; <c>DateTime</c> and
/// <c>DateTimeOffset</c> members draw whole seconds from <c>[Min, Max)</c>.
/// </summary>
/// <example><c>[DateRange("2023-01-01", "2025-01-01")]</c></example>
public sealed class DateRangeAttribute : GenerationAttribute
{
    /// <summary>Uniform dates between the bounds.</summary>
    /// <param name="min">The lower bound, ISO 8601 (<c>yyyy-MM-dd</c> or <c>yyyy-MM-ddTHH:mm:ss</c>).</param>
    /// <param name="max">The upper bound, ISO 8601.</param>
    public DateRangeAttribute(string min, string max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>The lower bound.</summary>
    public string Min { get; }

    /// <summary>The upper bound.</summary>
    public string Max { get; }
}

/// <summary>
/// Strings that follow a pattern: <c>#</c> a digit, <c>?</c> an upper-case letter, <c>*</c> a digit or upper-case letter,
/// <c>\</c> escapes the next character; every other character is literal.
/// </summary>
/// <example><c>[Pattern("###-??")]</c> makes values such as <c>042-KQ</c>.</example>
public sealed class PatternAttribute : GenerationAttribute
{
    /// <summary>Strings that follow the pattern.</summary>
    /// <param name="pattern">The pattern.</param>
    public PatternAttribute(string pattern) => Pattern = pattern;

    /// <summary>The pattern.</summary>
    public string Pattern { get; }
}

/// <summary>Kinds of fake values that are not personal data.</summary>
/// <remarks>Values are fixed numbers: compiled models store them, so they never change meaning.</remarks>
public enum FakeKind
{
    /// <summary>A company name.</summary>
    Company = 1,
    /// <summary>A company catch phrase.</summary>
    CatchPhrase = 2,
    /// <summary>A job title.</summary>
    JobTitle = 3,
    /// <summary>A product name.</summary>
    ProductName = 4,
    /// <summary>A commerce department.</summary>
    Department = 5,
    /// <summary>A colour name.</summary>
    Color = 6,
    /// <summary>One lorem-ipsum word.</summary>
    Word = 7,
    /// <summary>Two to five lorem-ipsum words.</summary>
    Words = 8,
    /// <summary>A lorem-ipsum sentence.</summary>
    Sentence = 9,
    /// <summary>A lorem-ipsum paragraph.</summary>
    Paragraph = 10,
    /// <summary>A URL.</summary>
    Url = 11,
    /// <summary>A domain name.</summary>
    DomainName = 12,
    /// <summary>An ISO 4217 currency code.</summary>
    CurrencyCode = 13,
    /// <summary>A country name.</summary>
    Country = 14,
    /// <summary>An ISO 3166 alpha-2 country code.</summary>
    CountryCode = 15,
    /// <summary>A city name.</summary>
    City = 16,
    /// <summary>A state or region name.</summary>
    State = 17,
}

/// <summary>Fake values of a non-personal kind (company names, products, lorem text …).</summary>
public sealed class FakeAttribute : GenerationAttribute
{
    /// <summary>Fake values of the given kind.</summary>
    /// <param name="kind">What to fake.</param>
    public FakeAttribute(FakeKind kind) => Kind = kind;

    /// <summary>What to fake.</summary>
    public FakeKind Kind { get; }
}

/// <summary>
/// Sequential keys, unique by construction: row <c>i</c> gets <c>Start + i × Step</c>. On a string member the number is
/// formatted with <see cref="Format"/> (a composite format such as <c>"ORD-{0:D6}"</c>, invariant culture).
/// </summary>
/// <example><c>[Sequence(Start = 1)] public int Id { get; init; }</c> gives 1, 2, 3 … in every slice.</example>
public sealed class SequenceAttribute : GenerationAttribute
{
    /// <summary>The first row's number.</summary>
    public long Start { get; set; } = 1;

    /// <summary>The difference between consecutive rows; not zero.</summary>
    public long Step { get; set; } = 1;

    /// <summary>For string members: a composite format of the number (<c>{0}</c>); the plain number when omitted.</summary>
    public string? Format { get; set; }
}

/// <summary>
/// A navigation list of child rows: every row of <see cref="Child"/> whose <see cref="ReferencesAttribute"/> names this
/// row, in child-row order — exactly the rows the child's own synthesizer makes at those indices (same seed, same
/// locale), so the list and the child table agree on every foreign key. The child's reference must lay its children
/// out per parent (<see cref="ChildCount.Fixed"/> or <see cref="ChildCount.Poisson"/>), the child needs a synthesizer
/// of its own (<c>[SyntheticSchema]</c>) (SK3014 otherwise). Parent rows past the reference's <c>Parents</c> have no
/// children. On a nested object (which is no parent table row) the list is drawn as any nested list.
/// </summary>
/// <example><c>[Children(typeof(Order))] public List&lt;Order&gt; Orders { get; init; } = new();</c></example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class ChildrenAttribute : Attribute
{
    /// <summary>Lists the rows of <paramref name="child"/> that reference this row.</summary>
    /// <param name="child">The child schema.</param>
    public ChildrenAttribute(Type child) => Child = child;

    /// <summary>The child schema.</summary>
    public Type Child { get; }
}

/// <summary>
/// A member computed from the rest of the row by a method of the schema type, which the generated code calls (no
/// reflection): an instance method with no parameters (<c>decimal ComputeTotal() =&gt; Price * Quantity;</c>) or a
/// static method taking the row (<c>static decimal ComputeTotal(Order o)</c>), returning the member's type. It runs
/// after every drawn member, in declaration order among derived members (each sees the ones before), and sees the row
/// with this member still at its default. A method that does not exist or does not fit is SK3014.
/// </summary>
/// <example><c>[Derived(nameof(ComputeTotal))] public decimal Total { get; init; }</c></example>
public sealed class DerivedAttribute : GenerationAttribute
{
    /// <summary>Names the method that computes the member.</summary>
    /// <param name="method">The method's name; use <c>nameof</c>.</param>
    public DerivedAttribute(string method) => Method = method;

    /// <summary>The method's name.</summary>
    public string Method { get; }
}

/// <summary>
/// A date, timestamp or number drawn after another member of the same row: the other member's value plus an offset
/// uniform in <c>[Min, Max]</c>. For dates and timestamps the bounds are <see cref="System.TimeSpan"/> text
/// (<c>"1.00:00"</c> is one day, <c>"30"</c> thirty days; timestamps move by whole seconds, dates by whole days); for
/// numbers they are numbers. When the other member is null, so is this one.
/// </summary>
/// <example><c>[After(nameof(OrderDate), Min = "1.00:00", Max = "30.00:00")] public DateTime? ShippedDate { get; init; }</c></example>
public sealed class AfterAttribute : GenerationAttribute
{
    /// <summary>Draws the member after <paramref name="member"/>.</summary>
    /// <param name="member">The member of the same type it follows (use <c>nameof</c>).</param>
    public AfterAttribute(string member) => Member = member;

    /// <summary>The member it follows.</summary>
    public string Member { get; }

    /// <summary>The smallest offset (invariant culture); zero when omitted.</summary>
    public string Min { get; set; } = "0";

    /// <summary>The largest offset (invariant culture); thirty days, or 30, when omitted.</summary>
    public string Max { get; set; } = "30";
}

/// <summary>How many children each parent row gets under <see cref="ReferencesAttribute"/>.</summary>
/// <remarks>Values are fixed numbers: specs and models store them.</remarks>
public enum ChildCount
{
    /// <summary>Each child names a parent chosen uniformly (counts per parent are binomial, near Poisson(<c>Mean</c>)).</summary>
    Uniform = 1,
    /// <summary>Exactly <c>Mean</c> children per parent, in parent order.</summary>
    Fixed = 2,
    /// <summary>Poisson(<c>Mean</c>) children per parent (some have none), in parent order.</summary>
    Poisson = 3,
    /// <summary>A long tail: the parent of popularity rank <c>k</c> is named with probability ∝ <c>1 / k^Exponent</c>.</summary>
    Zipf = 4,
}

/// <summary>
/// A foreign key: the member names a row of another schema whose key is a <see cref="SequenceAttribute"/> member (or an
/// integer DataAnnotations <c>[Key]</c>, which is the sequence 1, 2, 3 …). Every value names one of the first
/// <see cref="Parents"/> rows of that table, whatever the slice, and the children per parent follow
/// <see cref="PerParent"/>.
/// </summary>
/// <example><c>[References(typeof(Customer), Parents = 1000, PerParent = ChildCount.Poisson, Mean = 3)] public int CustomerId { get; init; }</c></example>
public sealed class ReferencesAttribute : GenerationAttribute
{
    /// <summary>References rows of <paramref name="parent"/>.</summary>
    /// <param name="parent">The parent schema.</param>
    public ReferencesAttribute(Type parent) => Parent = parent;

    /// <summary>The parent schema.</summary>
    public Type Parent { get; }

    /// <summary>The number of parent rows the children are spread over; positive.</summary>
    public int Parents { get; set; } = 1000;

    /// <summary>The distribution of children per parent.</summary>
    public ChildCount PerParent { get; set; } = ChildCount.Uniform;

    /// <summary>The mean number of children per parent (a whole number for <see cref="ChildCount.Fixed"/>); positive.</summary>
    public double Mean { get; set; } = 1;

    /// <summary>For <see cref="ChildCount.Zipf"/>: the exponent; positive.</summary>
    public double Exponent { get; set; } = 1;
}
