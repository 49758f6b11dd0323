using System;

namespace SynthKit.Tests.Schemas;

public enum Color
{
    Red,
    Green,
    Blue,
}

/// <summary>Every supported scalar type, plain and nullable, with default rules.</summary>
[SyntheticSchema]
public sealed class AllTypes
{
    public bool Bool { get; set; }
    public char Char { get; set; }
    public sbyte SByte { get; set; }
    public byte Byte { get; set; }
    public short Int16 { get; set; }
    public ushort UInt16 { get; set; }
    public int Int32 { get; set; }
    public uint UInt32 { get; set; }
    public long Int64 { get; set; }
    public ulong UInt64 { get; set; }
    public float Single { get; set; }
    public double Double { get; set; }
    public decimal Decimal { get; set; }
    public string String { get; set; } = "";
    public DateTime DateTime { get; set; }
    public DateTimeOffset DateTimeOffset { get; set; }
    public DateOnly DateOnly { get; set; }
    public TimeOnly TimeOnly { get; set; }
    public TimeSpan TimeSpan { get; set; }
    public Guid Guid { get; set; }
    public Color Color { get; set; }

    [NullRate(0.3)] public bool? NullableBool { get; set; }
    [NullRate(0.3)] public int? NullableInt32 { get; set; }
    [NullRate(0.3)] public double? NullableDouble { get; set; }
    [NullRate(0.3)] public decimal? NullableDecimal { get; set; }
    [NullRate(0.3)] public string? NullableString { get; set; }
    [NullRate(0.3)] public DateTime? NullableDateTime { get; set; }
    [NullRate(0.3)] public DateOnly? NullableDateOnly { get; set; }
    [NullRate(0.3)] public TimeSpan? NullableTimeSpan { get; set; }
    [NullRate(0.3)] public Guid? NullableGuid { get; set; }
    [NullRate(0.3)] public Color? NullableColor { get; set; }

    /// <summary>Nullable but with no null rate: never null.</summary>
    public string? NeverNull { get; set; }

    /// <summary>Public field rather than property.</summary>
    public int Field;

    /// <summary>Computed: not a member.</summary>
    public int Computed => Int32 * 2;

    [SynthIgnore]
    public string Ignored { get; set; } = "untouched";
}
