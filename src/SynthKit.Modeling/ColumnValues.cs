using System;
using System.Collections.Generic;
using System.Globalization;

namespace SynthKit.Modeling;

/// <summary>Reading a column's values as numbers or labels, and writing sampled ones back, by storage type.</summary>
internal static class ColumnValues
{
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    public static bool IsSupported(Column column) => column.Type switch
    {
        StorageType.Guid or StorageType.Char or StorageType.Time or StorageType.DateTimeOffset => false,
        _ => true,
    };

    /// <summary>Text-stored columns are learned as categories whatever their kind says.</summary>
    public static bool IsText(Column column) => column.Type is StorageType.String or StorageType.Enum;

    public static double[] Numbers(Column column)
    {
        if (!IsNumeric(column))
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, $"column '{column.Name}' of type {column.Type} cannot be read as numbers");
        }

        // One type test per column, not per row: the same conversions as Number.
        var values = new double[column.Count];
        switch (column)
        {
            case Column<sbyte> c: Each(c, values, v => v); break;
            case Column<byte> c: Each(c, values, v => v); break;
            case Column<short> c: Each(c, values, v => v); break;
            case Column<ushort> c: Each(c, values, v => v); break;
            case Column<int> c: Each(c, values, v => v); break;
            case Column<uint> c: Each(c, values, v => v); break;
            case Column<long> c: Each(c, values, v => v); break;
            case Column<ulong> c: Each(c, values, v => v); break;
            case Column<float> c: Each(c, values, v => v); break;
            case Column<double> c: Each(c, values, v => v); break;
            case Column<decimal> c: Each(c, values, v => (double)v); break;
            case Column<DateOnly> c: Each(c, values, v => v.DayNumber); break;
            case Column<DateTime> c: Each(c, values, v => (v.Ticks - EpochTicks) / (double)TimeSpan.TicksPerSecond); break;
            case Column<TimeSpan> c: Each(c, values, v => v.Ticks / (double)TimeSpan.TicksPerSecond); break;
            case Column<bool> c: Each(c, values, v => v ? 1 : 0); break;
        }

        for (int r = 0; r < values.Length; r++)
        {
            if (column.IsNull(r))
            {
                values[r] = double.NaN;
            }
        }

        return values;
    }

    private static void Each<T>(Column<T> column, double[] values, Func<T, double> convert)
        where T : struct
    {
        for (int r = 0; r < values.Length; r++)
        {
            values[r] = convert(column[r]);
        }
    }

    private static bool IsNumeric(Column column) => column is Column<sbyte> or Column<byte> or Column<short> or Column<ushort> or Column<int> or Column<uint>
        or Column<long> or Column<ulong> or Column<float> or Column<double> or Column<decimal> or Column<DateOnly> or Column<DateTime> or Column<TimeSpan> or Column<bool>;

    /// <summary>One row's value as a number (null when null).</summary>
    public static double? Number(Column column, int row) => column.IsNull(row) ? null : column switch
    {
        Column<sbyte> c => c[row],
        Column<byte> c => c[row],
        Column<short> c => c[row],
        Column<ushort> c => c[row],
        Column<int> c => c[row],
        Column<uint> c => c[row],
        Column<long> c => c[row],
        Column<ulong> c => c[row],
        Column<float> c => c[row],
        Column<double> c => c[row],
        Column<decimal> c => (double)c[row],
        Column<DateOnly> c => c[row].DayNumber,
        Column<DateTime> c => (c[row].Ticks - EpochTicks) / (double)TimeSpan.TicksPerSecond,
        Column<TimeSpan> c => c[row].Ticks / (double)TimeSpan.TicksPerSecond,
        Column<bool> c => c[row] ? 1 : 0,
        _ => null,
    };

    /// <summary>One row's value as a label (null when null).</summary>
    public static string? Label(Column column, int row) => column.IsNull(row) ? null : column switch
    {
        CategoricalColumn c => c[row],
        StringColumn c => c[row],
        Column<bool> c => c[row] ? "True" : "False",
        _ => Convert.ToString(column.GetValue(row), CultureInfo.InvariantCulture),
    };

    public static void SetNumber(Column column, int row, double v)
    {
        column.SetNull(row, false);
        switch (column)
        {
            case Column<sbyte> c: c[row] = (sbyte)Math.Clamp(Math.Round(v), sbyte.MinValue, sbyte.MaxValue); break;
            case Column<byte> c: c[row] = (byte)Math.Clamp(Math.Round(v), byte.MinValue, byte.MaxValue); break;
            case Column<short> c: c[row] = (short)Math.Clamp(Math.Round(v), short.MinValue, short.MaxValue); break;
            case Column<ushort> c: c[row] = (ushort)Math.Clamp(Math.Round(v), ushort.MinValue, ushort.MaxValue); break;
            case Column<int> c: c[row] = (int)Math.Clamp(Math.Round(v), int.MinValue, int.MaxValue); break;
            case Column<uint> c: c[row] = (uint)Math.Clamp(Math.Round(v), uint.MinValue, uint.MaxValue); break;
            case Column<long> c: c[row] = (long)Math.Clamp(Math.Round(v), long.MinValue, long.MaxValue); break;
            case Column<ulong> c: c[row] = (ulong)Math.Clamp(Math.Round(v), 0, ulong.MaxValue); break;
            case Column<float> c: c[row] = (float)v; break;
            case Column<double> c: c[row] = v; break;
            case Column<decimal> c: c[row] = (decimal)v; break;
            case Column<DateOnly> c: c[row] = DateOnly.FromDayNumber((int)Math.Clamp(Math.Round(v), DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber)); break;
            case Column<DateTime> c: c[row] = new DateTime(EpochTicks + (long)Math.Round(v * TimeSpan.TicksPerSecond), DateTimeKind.Unspecified); break;
            case Column<TimeSpan> c: c[row] = new TimeSpan((long)Math.Round(v * TimeSpan.TicksPerSecond)); break;
            case Column<bool> c: c[row] = v >= 0.5; break;
            default: throw new SynthKitException(ModelingErrorCodes.InvalidModel, $"column '{column.Name}' of type {column.Type} cannot take numbers");
        }
    }

    /// <summary>
    /// Every row's label as a code into a list of the column's distinct labels (−1 for null): the labels <see cref="Label"/>
    /// gives, made once per distinct value rather than once per row for categories, integers and booleans.
    /// </summary>
    public static (int[] Codes, IReadOnlyList<string> Labels) LabelCodes(Column column)
    {
        var codes = new int[column.Count];
        switch (column)
        {
            case CategoricalColumn c:
                c.Codes.CopyTo(codes);
                MarkNulls(column, codes);
                return (codes, c.Categories);
            case Column<sbyte> c: return Typed(c, codes);
            case Column<byte> c: return Typed(c, codes);
            case Column<short> c: return Typed(c, codes);
            case Column<ushort> c: return Typed(c, codes);
            case Column<int> c: return Typed(c, codes);
            case Column<uint> c: return Typed(c, codes);
            case Column<long> c: return Typed(c, codes);
            case Column<ulong> c: return Typed(c, codes);
            case Column<bool> c: return Typed(c, codes);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<string>();
        for (int r = 0; r < codes.Length; r++)
        {
            if (Label(column, r) is not { } label)
            {
                codes[r] = -1;
            }
            else if (!index.TryGetValue(label, out codes[r]))
            {
                codes[r] = index[label] = labels.Count;
                labels.Add(label);
            }
        }

        return (codes, labels);
    }

    private static (int[] Codes, IReadOnlyList<string> Labels) Typed<T>(Column<T> column, int[] codes)
        where T : struct
    {
        var index = new Dictionary<T, int>();
        var labels = new List<string>();
        for (int r = 0; r < codes.Length; r++)
        {
            if (column.IsNull(r))
            {
                codes[r] = -1;
            }
            else if (!index.TryGetValue(column[r], out codes[r]))
            {
                codes[r] = index[column[r]] = labels.Count;
                labels.Add(Label(column, r)!);
            }
        }

        return (codes, labels);
    }

    private static void MarkNulls(Column column, int[] codes)
    {
        for (int r = 0; r < codes.Length; r++)
        {
            if (column.IsNull(r))
            {
                codes[r] = -1;
            }
        }
    }

    public static string?[] Labels(Column column)
    {
        var labels = new string?[column.Count];
        for (int r = 0; r < labels.Length; r++)
        {
            labels[r] = Label(column, r);
        }

        return labels;
    }

    public static void SetLabel(Column column, int row, string label)
    {
        column.SetNull(row, false);
        switch (column)
        {
            case CategoricalColumn c: c.Set(row, label); break;
            case StringColumn c: c.Set(row, label); break;
            case Column<bool> c: c[row] = label == "True"; break;
            default: SetNumber(column, row, double.Parse(label, NumberStyles.Float, CultureInfo.InvariantCulture)); break;
        }
    }
}
