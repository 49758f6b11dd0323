using System;

namespace SynthKit;

/// <summary>Clamps numeric values into <c>[Min, Max]</c> after they are drawn.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class ClampAttribute : Attribute
{
    /// <summary>Clamps values into the bounds.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound; not less than <paramref name="min"/>.</param>
    public ClampAttribute(double min, double max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>The lower bound.</summary>
    public double Min { get; }

    /// <summary>The upper bound.</summary>
    public double Max { get; }
}

/// <summary>
/// Rounds floating-point and decimal values to <see cref="Digits"/> decimal places (midpoints away from zero).
/// Integer members are always rounded to whole numbers.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class RoundAttribute : Attribute
{
    /// <summary>Rounds to the given number of decimal places.</summary>
    /// <param name="digits">Decimal places, 0 to 15.</param>
    public RoundAttribute(int digits = 0) => Digits = digits;

    /// <summary>Decimal places.</summary>
    public int Digits { get; }
}

/// <summary>On a nullable member: the share of rows in which it is <see langword="null"/>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class NullRateAttribute : Attribute
{
    /// <summary>Null in the given share of rows.</summary>
    /// <param name="rate">The share of null values, in <c>[0, 1]</c>.</param>
    public NullRateAttribute(double rate) => Rate = rate;

    /// <summary>The share of null values.</summary>
    public double Rate { get; }
}

/// <summary>
/// No two rows of one seed share the member's value. Integers, dates, enums, categorical values and patterns walk a
/// seeded permutation of their domain (so asking for more rows than the domain holds is an error); names, e-mail
/// addresses and other fakes carry the row number; GUIDs are random (122 bits).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class UniqueAttribute : Attribute
{
}

/// <summary>On a list or array of a nested schema type: how many elements each row gets, uniform in <c>[Min, Max]</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class CountAttribute : Attribute
{
    /// <summary>Element counts uniform in the bounds, inclusive.</summary>
    /// <param name="min">The fewest elements; not negative.</param>
    /// <param name="max">The most elements; not less than <paramref name="min"/>.</param>
    public CountAttribute(int min, int max)
    {
        Min = min;
        Max = max;
    }

    /// <summary>The fewest elements.</summary>
    public int Min { get; }

    /// <summary>The most elements.</summary>
    public int Max { get; }
}

/// <summary>
/// A conditional rule: the member has a value only in rows whose <see cref="Member"/> holds one of
/// <see cref="Values"/>, and is null in every other row (so the member must be nullable).
/// </summary>
/// <example><c>[OnlyWhen(nameof(Status), OrderStatus.Shipped, OrderStatus.Delivered)] public DateTime? ShippedDate { get; init; }</c></example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class OnlyWhenAttribute : Attribute
{
    /// <summary>A value only when <paramref name="member"/> holds one of <paramref name="values"/>.</summary>
    /// <param name="member">The member of the same type that decides (use <c>nameof</c>): a string, enum, boolean or integer.</param>
    /// <param name="values">The values of that member under which this one has a value; at least one.</param>
    public OnlyWhenAttribute(string member, params object[] values)
    {
        Member = member;
        Values = values;
    }

    /// <summary>The member that decides.</summary>
    public string Member { get; }

    /// <summary>The values under which this member has a value.</summary>
    public object[] Values { get; }
}
