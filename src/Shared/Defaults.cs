namespace SynthKit.CodeAnalysis;

/// <summary>
/// What members without a generation rule get. Fixed values, never "now": a default must not change with the date
/// a fixture is regenerated.
/// </summary>
internal static class Defaults
{
    /// <summary>Integers: uniform over 0 … 1000 (within the type's range).</summary>
    public const long IntegerMax = 1000;

    /// <summary>Floating-point and decimal numbers: uniform over [0, 1000); decimals rounded to cents.</summary>
    public const double RealMax = 1000;

    public const int DecimalDigits = 2;

    /// <summary>Timestamps: whole seconds in [2020-01-01, 2026-01-01).</summary>
    public const long DateTimeMinSeconds = 63_713_433_600L; // 2020-01-01T00:00:00 in seconds since 0001-01-01

    public const long DateTimeMaxSeconds = 63_902_822_400L; // 2026-01-01T00:00:00

    /// <summary>Dates: 2000-01-01 … 2029-12-31 inclusive, as day numbers.</summary>
    public const long DateOnlyMinDay = 730_119; // 2000-01-01

    public const long DateOnlyMaxDay = 741_076; // 2029-12-31

    /// <summary>Times of day and time spans: whole seconds in 0 … 86 399.</summary>
    public const long SecondsPerDay = 86_400;

    /// <summary>List members: 1 … 3 elements.</summary>
    public const int CountMin = 1;

    public const int CountMax = 3;

    /// <summary>A version of the generation algorithms; part of every fingerprint so that a change to how values are made marks fixtures stale.</summary>
    public const string AlgorithmVersion = "2";
}
