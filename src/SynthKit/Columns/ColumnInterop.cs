using System;
using System.Collections.Generic;
using System.Globalization;
using Apache.Arrow;
using Microsoft.Data.Analysis;

namespace SynthKit;

/// <summary>
/// Adapters between <see cref="ColumnBatch"/> and Microsoft.Data.Analysis <see cref="DataFrame"/> / Apache Arrow
/// <see cref="RecordBatch"/>. Numbers, booleans and timestamps keep their types; dates, times, durations, GUIDs and
/// decimals (Arrow) are written as their invariant text where the target has no matching type.
/// </summary>
public static class ColumnInterop
{
    /// <summary>Copies a batch into a new DataFrame.</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>The DataFrame.</returns>
    public static DataFrame ToDataFrame(this ColumnBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var columns = new List<DataFrameColumn>(batch.Columns.Count);
        foreach (var column in batch.Columns)
        {
            columns.Add(column switch
            {
                Column<bool> c => Primitive(c),
                Column<sbyte> c => Primitive(c),
                Column<byte> c => Primitive(c),
                Column<short> c => Primitive(c),
                Column<ushort> c => Primitive(c),
                Column<int> c => Primitive(c),
                Column<uint> c => Primitive(c),
                Column<long> c => Primitive(c),
                Column<ulong> c => Primitive(c),
                Column<float> c => Primitive(c),
                Column<double> c => Primitive(c),
                Column<decimal> c => Primitive(c),
                Column<char> c => Primitive(c),
                Column<DateTime> c => Primitive(c),
                _ => Text(column),
            });
        }

        return new DataFrame(columns);
    }

    /// <summary>Loads a DataFrame into columns under a spec (columns by name; values converted invariantly).</summary>
    /// <param name="frame">The DataFrame.</param>
    /// <param name="spec">The table.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="SynthKitException">SK4004 (missing column), SK4005 (unexpected null), SK4002 (unconvertible value).</exception>
    public static ColumnBatch FromDataFrame(DataFrame frame, TableSpec spec)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(spec);
        int rows = checked((int)frame.Rows.Count);
        var batch = new ColumnBatch(spec, rows) { RowCount = rows };
        for (int c = 0; c < spec.Columns.Count; c++)
        {
            var source = Data.FrameValues.Require(frame, spec.Columns[c].Name);
            var target = batch[c];
            for (int row = 0; row < rows; row++)
            {
                object? value = source[row];
                if (value is null)
                {
                    if (!spec.Columns[c].Nullable && target.Type != StorageType.String)
                    {
                        throw new SynthKitException(ErrorCodes.UnexpectedNull, $"row {row} of column '{source.Name}' is null, but the column is not nullable");
                    }

                    target.SetNull(row);
                    continue;
                }

                Set(target, row, value, source.Name);
            }
        }

        return batch;
    }

    private static void Set(Column target, int row, object value, string name)
    {
        var inv = CultureInfo.InvariantCulture;
        try
        {
            switch (target)
            {
                case StringColumn s: s.Set(row, value is IFormattable f ? f.ToString(null, inv) : value.ToString()); break;
                case CategoricalColumn k: k.Set(row, value is IFormattable f2 ? f2.ToString(null, inv) : value.ToString()); break;
                case Column<bool> c: c.Set(row, value is string t ? bool.Parse(t) : Convert.ToBoolean(value, inv)); break;
                case Column<char> c: c.Set(row, value is string t2 ? t2[0] : Convert.ToChar(value, inv)); break;
                case Column<sbyte> c: c.Set(row, value is string t3 ? sbyte.Parse(t3, inv) : Convert.ToSByte(value, inv)); break;
                case Column<byte> c: c.Set(row, value is string t4 ? byte.Parse(t4, inv) : Convert.ToByte(value, inv)); break;
                case Column<short> c: c.Set(row, value is string t5 ? short.Parse(t5, inv) : Convert.ToInt16(value, inv)); break;
                case Column<ushort> c: c.Set(row, value is string t6 ? ushort.Parse(t6, inv) : Convert.ToUInt16(value, inv)); break;
                case Column<int> c: c.Set(row, value is string t7 ? int.Parse(t7, inv) : Convert.ToInt32(value, inv)); break;
                case Column<uint> c: c.Set(row, value is string t8 ? uint.Parse(t8, inv) : Convert.ToUInt32(value, inv)); break;
                case Column<long> c: c.Set(row, value is string t9 ? long.Parse(t9, inv) : Convert.ToInt64(value, inv)); break;
                case Column<ulong> c: c.Set(row, value is string ta ? ulong.Parse(ta, inv) : Convert.ToUInt64(value, inv)); break;
                case Column<float> c: c.Set(row, value is string tb ? float.Parse(tb, inv) : Convert.ToSingle(value, inv)); break;
                case Column<double> c: c.Set(row, value is string tc ? double.Parse(tc, inv) : Convert.ToDouble(value, inv)); break;
                case Column<decimal> c: c.Set(row, value is string td ? decimal.Parse(td, NumberStyles.Float, inv) : Convert.ToDecimal(value, inv)); break;
                case Column<DateTime> c: c.Set(row, value is DateTime dt ? dt : DateTime.Parse(value.ToString()!, inv, DateTimeStyles.RoundtripKind)); break;
                case Column<DateTimeOffset> c: c.Set(row, value is DateTime dt2 ? new DateTimeOffset(DateTime.SpecifyKind(dt2, DateTimeKind.Utc)) : DateTimeOffset.Parse(value.ToString()!, inv)); break;
                case Column<DateOnly> c: c.Set(row, value is DateTime dt3 ? DateOnly.FromDateTime(dt3) : DateOnly.Parse(value.ToString()!, inv)); break;
                case Column<TimeOnly> c: c.Set(row, TimeOnly.Parse(value.ToString()!, inv)); break;
                case Column<TimeSpan> c: c.Set(row, value is TimeSpan ts ? ts : TimeSpan.Parse(value.ToString()!, inv)); break;
                case Column<Guid> c: c.Set(row, value is Guid g ? g : Guid.Parse(value.ToString()!)); break;
            }
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw new SynthKitException(ErrorCodes.MalformedInput, $"row {row} of column '{name}' holds '{value}' ({value.GetType().Name}), which is not a {target.Type}", innerException: e);
        }
    }

    /// <summary>Copies a batch into an Arrow record batch (dictionary-encoded columns become Arrow string arrays).</summary>
    /// <param name="batch">The batch.</param>
    /// <returns>The record batch.</returns>
    public static RecordBatch ToRecordBatch(this ColumnBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var fields = new List<Field>();
        var arrays = new List<IArrowArray>();
        foreach (var column in batch.Columns)
        {
            IArrowArray array = column switch
            {
                Column<bool> c => Build(c, new BooleanArray.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<sbyte> c => Build(c, new Int8Array.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<byte> c => Build(c, new UInt8Array.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<short> c => Build(c, new Int16Array.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<ushort> c => Build(c, new UInt16Array.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<int> c => Build(c, new Int32Array.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<uint> c => Build(c, new UInt32Array.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<long> c => Build(c, new Int64Array.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<ulong> c => Build(c, new UInt64Array.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<float> c => Build(c, new FloatArray.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<double> c => Build(c, new DoubleArray.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<DateTime> c => Build(c, new TimestampArray.Builder(), (b, v) => b.Append(new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc))), b => b.AppendNull(), b => b.Build()),
                Column<DateTimeOffset> c => Build(c, new TimestampArray.Builder(), (b, v) => b.Append(v), b => b.AppendNull(), b => b.Build()),
                Column<DateOnly> c => Build(c, new Date32Array.Builder(), (b, v) => b.Append(v.ToDateTime(TimeOnly.MinValue)), b => b.AppendNull(), b => b.Build()),
                _ => StringArray(column),
            };
            fields.Add(new Field(column.Name, array.Data.DataType, column.Spec.Nullable));
            arrays.Add(array);
        }

        return new RecordBatch(new Schema(fields, null), arrays, batch.RowCount);
    }

    private static IArrowArray Build<T, TBuilder>(Column<T> column, TBuilder builder, Action<TBuilder, T> append, Action<TBuilder> appendNull, Func<TBuilder, IArrowArray> build)
        where T : struct
    {
        for (int row = 0; row < column.Count; row++)
        {
            if (column.IsNull(row))
            {
                appendNull(builder);
            }
            else
            {
                append(builder, column[row]);
            }
        }

        return build(builder);
    }

    private static IArrowArray StringArray(Column column)
    {
        var builder = new StringArray.Builder();
        for (int row = 0; row < column.Count; row++)
        {
            if (Text(column, row) is { } text)
            {
                builder.Append(text);
            }
            else
            {
                builder.AppendNull();
            }
        }

        return builder.Build();
    }

    private static PrimitiveDataFrameColumn<T> Primitive<T>(Column<T> column)
        where T : unmanaged
    {
        var result = new PrimitiveDataFrameColumn<T>(column.Name, column.Count);
        for (int row = 0; row < column.Count; row++)
        {
            result[row] = column.IsNull(row) ? null : column[row];
        }

        return result;
    }

    private static StringDataFrameColumn Text(Column column)
    {
        var result = new StringDataFrameColumn(column.Name, column.Count);
        for (int row = 0; row < column.Count; row++)
        {
            result[row] = Text(column, row);
        }

        return result;
    }

    private static string? Text(Column column, int row) => column.IsNull(row) ? null : column switch
    {
        StringColumn s => s[row],
        CategoricalColumn k => k[row],
        _ => column.GetValue(row) is IFormattable f ? Format(f) : column.GetValue(row)?.ToString(),
    };

    private static string Format(IFormattable value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        TimeSpan ts => ts.ToString("c", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("O", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        _ => value.ToString(null, CultureInfo.InvariantCulture),
    };
}
