using System;
using System.ComponentModel;
using System.Globalization;
using MathNet.Numerics.Distributions;
using SynthKit.Generation;

namespace SynthKit;

/// <summary>
/// What each generation rule does: the one place its meaning lives. <see cref="SpecSynthesizer"/> calls these; generated
/// synthesizers compute the same values (a parity test over every rule kind holds them to the same bytes).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Advanced)]
public static class RuleFunctions
{
    /// <summary>Integers with no rule: uniform over 0 … 1000 (within the type's range).</summary>
    public const long DefaultIntegerMax = 1000;

    /// <summary>Real numbers with no rule: uniform over [0, 1000).</summary>
    public const double DefaultRealMax = 1000;

    /// <summary>Decimals with no rule are rounded to this many digits.</summary>
    public const int DefaultDecimalDigits = 2;

    /// <summary>Timestamps with no rule: whole seconds from 2020-01-01 …</summary>
    public const long DefaultDateTimeMinSeconds = 63_713_433_600L;

    /// <summary>… to before 2026-01-01.</summary>
    public const long DefaultDateTimeMaxSeconds = 63_902_822_400L;

    /// <summary>Dates with no rule: 2000-01-01 …</summary>
    public const long DefaultDateMinDay = 730_119;

    /// <summary>… to 2029-12-31 inclusive.</summary>
    public const long DefaultDateMaxDay = 741_076;

    /// <summary>Seconds in a day: times of day and default durations are whole seconds below it.</summary>
    public const long SecondsPerDay = 86_400;

    /// <summary>Normal(mean, sd) by MathNet.Numerics.</summary>
    /// <param name="random">The row's stream.</param>
    /// <param name="mean">The mean.</param>
    /// <param name="sd">The standard deviation.</param>
    /// <returns>A draw.</returns>
    public static double Normal(SynthRandom random, double mean, double sd) => MathNet.Numerics.Distributions.Normal.Sample(random, mean, sd);

    /// <summary>LogNormal(mu, sigma).</summary>
    /// <param name="random">The row's stream.</param>
    /// <param name="mu">The log-scale mean.</param>
    /// <param name="sigma">The log-scale standard deviation.</param>
    /// <returns>A draw.</returns>
    public static double LogNormal(SynthRandom random, double mu, double sigma) => MathNet.Numerics.Distributions.LogNormal.Sample(random, mu, sigma);

    /// <summary>Continuous uniform over [min, max).</summary>
    /// <param name="random">The row's stream.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>A draw.</returns>
    public static double Uniform(SynthRandom random, double min, double max) => ContinuousUniform.Sample(random, min, max);

    /// <summary>Exponential(rate).</summary>
    /// <param name="random">The row's stream.</param>
    /// <param name="rate">The rate.</param>
    /// <returns>A draw.</returns>
    public static double Exponential(SynthRandom random, double rate) => MathNet.Numerics.Distributions.Exponential.Sample(random, rate);

    /// <summary>Gamma(shape, rate).</summary>
    /// <param name="random">The row's stream.</param>
    /// <param name="shape">The shape.</param>
    /// <param name="rate">The rate.</param>
    /// <returns>A draw.</returns>
    public static double Gamma(SynthRandom random, double shape, double rate) => MathNet.Numerics.Distributions.Gamma.Sample(random, shape, rate);

    /// <summary>Beta(α, β).</summary>
    /// <param name="random">The row's stream.</param>
    /// <param name="alpha">α.</param>
    /// <param name="beta">β.</param>
    /// <returns>A draw.</returns>
    public static double Beta(SynthRandom random, double alpha, double beta) => MathNet.Numerics.Distributions.Beta.Sample(random, alpha, beta);

    /// <summary>Triangular(min, mode, max).</summary>
    /// <param name="random">The row's stream.</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="mode">The mode.</param>
    /// <param name="max">The upper bound.</param>
    /// <returns>A draw.</returns>
    public static double Triangular(SynthRandom random, double min, double mode, double max) => MathNet.Numerics.Distributions.Triangular.Sample(random, min, max, mode);

    /// <summary>Poisson(λ).</summary>
    /// <param name="random">The row's stream.</param>
    /// <param name="lambda">The mean.</param>
    /// <returns>A draw.</returns>
    public static long Poisson(SynthRandom random, double lambda) => MathNet.Numerics.Distributions.Poisson.Sample(random, lambda);

    /// <summary>Rounds away from zero when <paramref name="digits"/> is not negative, then clamps when bounds are given.</summary>
    /// <param name="x">The draw.</param>
    /// <param name="digits">Digits to keep, or -1.</param>
    /// <param name="clampMin">The lower bound, if clamped.</param>
    /// <param name="clampMax">The upper bound, if clamped.</param>
    /// <returns>The finished value.</returns>
    public static double FinishReal(double x, int digits, double? clampMin, double? clampMax)
    {
        if (digits >= 0)
        {
            x = Math.Round(x, digits, MidpointRounding.AwayFromZero);
        }

        if (clampMin is { } lo && clampMax is { } hi)
        {
            x = Math.Clamp(x, lo, hi);
        }

        return x;
    }

    /// <summary>Clamps an integer draw to the modifier's bounds (rounded inwards), when given.</summary>
    /// <param name="n">The draw.</param>
    /// <param name="clampMin">The lower bound, if clamped.</param>
    /// <param name="clampMax">The upper bound, if clamped.</param>
    /// <returns>The finished value.</returns>
    public static long FinishWhole(long n, double? clampMin, double? clampMax)
    {
        if (clampMin is { } lo && clampMax is { } hi)
        {
            n = Math.Clamp(n, (long)Math.Ceiling(Math.Max(lo, -9.2233720368547748E18)), (long)Math.Floor(Math.Min(hi, 9.2233720368547748E18)));
        }

        return n;
    }

    /// <summary>The whole-seconds duration of an integer draw, clamped to what a <see cref="TimeSpan"/> holds.</summary>
    /// <param name="seconds">The seconds.</param>
    /// <returns>The duration.</returns>
    public static TimeSpan Seconds(long seconds) => new(Math.Clamp(seconds, -922337203685L, 922337203685L) * TimeSpan.TicksPerSecond);

    /// <summary>The whole-seconds duration of a real draw, clamped to what a <see cref="TimeSpan"/> holds.</summary>
    /// <param name="seconds">The seconds.</param>
    /// <returns>The duration.</returns>
    public static TimeSpan Seconds(double seconds) => new((long)Math.Clamp(seconds, -922337203685d, 922337203685d) * TimeSpan.TicksPerSecond);

    /// <summary>A timestamp of whole seconds since 0001-01-01.</summary>
    /// <param name="seconds">The seconds.</param>
    /// <returns>The timestamp.</returns>
    public static DateTime Timestamp(long seconds) => new(seconds * TimeSpan.TicksPerSecond);

    /// <summary>A time of day: whole seconds in 0 … 86 399.</summary>
    /// <param name="random">The row's stream.</param>
    /// <returns>The time.</returns>
    public static TimeOnly TimeOfDay(SynthRandom random) => new(random.Int64(0L, SecondsPerDay - 1) * TimeSpan.TicksPerSecond);

    /// <summary>A letter a … z.</summary>
    /// <param name="random">The row's stream.</param>
    /// <returns>The letter.</returns>
    public static char Letter(SynthRandom random) => (char)('a' + random.Below(26));

    /// <summary>The <paramref name="index"/>-th value of a permutation of 0 … domain − 1 keyed by the column: no repeats.</summary>
    /// <param name="index">The row index (within its object).</param>
    /// <param name="domain">The domain size.</param>
    /// <param name="scope">The row's scope.</param>
    /// <param name="key">The column key.</param>
    /// <param name="keyName">The column key's name, for the error when the domain is exhausted.</param>
    /// <returns>The ordinal.</returns>
    public static ulong Unique(long index, ulong domain, ulong scope, ulong key, string keyName) => UniquePermutation.Permute(index, domain, scope ^ key, keyName);

    /// <summary>Seconds since 0001-01-01 of an ISO 8601 date or timestamp (invariant culture).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The seconds.</returns>
    /// <exception cref="FormatException">Not a date.</exception>
    public static long ParseSeconds(string text) =>
        SpecValidator.TryDate(text, out long seconds) ? seconds : throw new FormatException($"'{text}' is not an ISO 8601 date (yyyy-MM-dd) or timestamp (yyyy-MM-ddTHH:mm:ss).");

    /// <summary>A timestamp moved by whole seconds, kept within <see cref="DateTime"/>'s range ([After]).</summary>
    /// <param name="value">The timestamp it follows.</param>
    /// <param name="seconds">The offset in seconds.</param>
    /// <returns>The moved timestamp.</returns>
    public static DateTime AddSeconds(DateTime value, long seconds) =>
        new(Math.Clamp(value.Ticks + Math.Clamp(seconds, -315_537_897_600L, 315_537_897_600L) * TimeSpan.TicksPerSecond, 0L, DateTime.MaxValue.Ticks), value.Kind);

    /// <summary>A timestamp with offset moved by whole seconds, kept within range ([After]).</summary>
    /// <param name="value">The timestamp it follows.</param>
    /// <param name="seconds">The offset in seconds.</param>
    /// <returns>The moved timestamp, with the same offset from UTC.</returns>
    public static DateTimeOffset AddSeconds(DateTimeOffset value, long seconds) =>
        new(AddSeconds(value.DateTime, seconds), value.Offset);

    /// <summary>A date moved by whole days, kept within <see cref="DateOnly"/>'s range ([After]).</summary>
    /// <param name="value">The date it follows.</param>
    /// <param name="days">The offset in days.</param>
    /// <returns>The moved date.</returns>
    public static DateOnly AddDays(DateOnly value, long days) =>
        DateOnly.FromDayNumber((int)Math.Clamp(value.DayNumber + Math.Clamp(days, -4_000_000L, 4_000_000L), 0L, DateOnly.MaxValue.DayNumber));

    /// <summary>The text of a sequence number ([Sequence] and [References] on strings): the format, or the plain number.</summary>
    /// <param name="format">A composite format of one number, or null.</param>
    /// <param name="number">The number.</param>
    /// <returns>The text, in the invariant culture.</returns>
    public static string SequenceText(string? format, long number) =>
        format is null ? number.ToString(CultureInfo.InvariantCulture) : string.Format(CultureInfo.InvariantCulture, format, number);
}
