using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SynthKit.IO;
using Xunit;

namespace SynthKit.Tests;

/// <summary>
/// CSV writes doubles with a Ryū formatter instead of the BCL's; these tests pin its bytes to the BCL's
/// <c>double.TryFormat(…, InvariantCulture)</c> so that switching changed no fixture.
/// </summary>
public sealed class ShortestDoubleTests
{
    public static TheoryData<double> EdgeCases => new()
    {
        0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 0.25, 100, 1e14, 1e15, 123456789012345,
        1234567890123456, 12345678901234567, 0.001, 0.0001, 0.00001, 0.000123, 1.5e-5, 9.999999999999999e14,
        9.999999999999998e15, 1e21, 1e22, 1e23, 5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308,
        double.MaxValue, double.MinValue, 9007199254740991, 9007199254740992, 1e16, 9e16, 1e17, 12345678901234568, 4503599627370496.5, 0.1 + 0.2, 43507.683907458304,
        1e-7, 1e-300, 1e300, 2e-323, 1.0000000000000002, 0.9999999999999999, 299792458, 6.02214076e23,
        double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Edge_cases_are_written_as_the_BCL_writes_them(double value) =>
        Assert.Equal(Bcl(value), Ryu(value));

    [Fact]
    public void Random_bit_patterns_of_every_exponent_are_written_as_the_BCL_writes_them()
    {
        // Every finite double is some bit pattern: uniform 64-bit patterns cover all exponents (and subnormals) evenly.
        var random = new SynthRandom();
        random.Reset(SynthRandom.ScopeOf(20261123), SynthRandom.KeyOf("bits"), 0);
        var mismatches = new List<string>();
        for (int i = 0; i < 2_000_000 && mismatches.Count < 10; i++)
        {
            double value = BitConverter.UInt64BitsToDouble(random.NextUInt64());
            Compare(value, mismatches);
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Values_of_the_kinds_synthesizers_make_are_written_as_the_BCL_writes_them()
    {
        // Log-normal incomes, uniform fractions, short decimals and integers as doubles: the values CSV fixtures hold,
        // including the ones with few digits, where Ryū takes its rarer trailing-zero path.
        var random = new SynthRandom();
        random.Reset(SynthRandom.ScopeOf(7), SynthRandom.KeyOf("kinds"), 0);
        var mismatches = new List<string>();
        for (int i = 0; i < 500_000 && mismatches.Count < 10; i++)
        {
            Compare(MathNet.Numerics.Distributions.LogNormal.Sample(random, 10.5, 0.6), mismatches);
            Compare(random.NextDouble(), mismatches);
            Compare(Math.Round(random.NextDouble() * 1000, 2), mismatches);
            Compare(random.Int64(-1_000_000_000_000, 1_000_000_000_000), mismatches);
            Compare(random.Int64(0, 1 << 20) / 1024.0, mismatches);
            Compare(Math.Pow(10, random.Int32(-320, 308)) * random.Int32(1, 9), mismatches);
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void The_output_parses_back_to_the_same_double()
    {
        var random = new SynthRandom();
        random.Reset(SynthRandom.ScopeOf(11), SynthRandom.KeyOf("roundtrip"), 0);
        for (int i = 0; i < 100_000; i++)
        {
            double value = BitConverter.UInt64BitsToDouble(random.NextUInt64());
            if (double.IsFinite(value))
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(Ryu(value), CultureInfo.InvariantCulture)));
            }
        }
    }

    private static void Compare(double value, List<string> mismatches)
    {
        string expected = Bcl(value);
        string actual = Ryu(value);
        if (expected != actual)
        {
            mismatches.Add($"{BitConverter.DoubleToInt64Bits(value):X16}: BCL {expected}, Ryu {actual}");
        }
    }

    private static string Bcl(double value)
    {
        Span<byte> bytes = stackalloc byte[64];
        Assert.True(value.TryFormat(bytes, out int written, default, CultureInfo.InvariantCulture));
        return Encoding.ASCII.GetString(bytes.Slice(0, written));
    }

    private static string Ryu(double value)
    {
        Span<byte> bytes = stackalloc byte[ShortestDouble.MaxLength];
        int written = ShortestDouble.Write(value, bytes);
        return Encoding.ASCII.GetString(bytes.Slice(0, written));
    }
}
