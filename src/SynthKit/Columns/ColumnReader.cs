using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using nietras.SeparatedValues;
using SynthKit.IO;

namespace SynthKit;

/// <summary>
/// Loads real data into a <see cref="ColumnBatch"/> under a <see cref="TableSpec"/>: CSV (RFC 4180, UTF-8; an unquoted
/// empty field is null, <c>""</c> is the empty string) parsed by Sep, the fastest maintained .NET CSV reader.
/// Malformed input raises SK4002 (a value that does not parse), SK4004 (a missing column) or SK4005 (null in a
/// non-nullable column), each with the file, line and column.
/// </summary>
public static class ColumnReader
{
    /// <summary>Reads a CSV file into columns.</summary>
    /// <param name="path">The file.</param>
    /// <param name="spec">The table the file holds; columns the spec does not name are skipped.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="SynthKitException">SK4002, SK4004, SK4005 with the position.</exception>
    public static ColumnBatch ReadCsv(string path, TableSpec spec)
    {
        using var stream = File.OpenRead(path);
        return ReadCsv(stream, spec, path);
    }

    /// <summary>Reads CSV into columns.</summary>
    /// <param name="source">The stream; left open.</param>
    /// <param name="spec">The table the stream holds; columns the spec does not name are skipped.</param>
    /// <param name="path">The file name to report in errors, if any.</param>
    /// <returns>The batch.</returns>
    /// <exception cref="SynthKitException">SK4002, SK4004, SK4005 with the position.</exception>
    public static ColumnBatch ReadCsv(Stream source, TableSpec spec, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(spec);
        var batch = new ColumnBatch(spec, 1024);
        SepReader reader;
        try
        {
            reader = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = false, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture }).From(source);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            throw new SynthKitException(ErrorCodes.MalformedInput, "the CSV header cannot be read: " + e.Message, path, 1, 1, e);
        }

        using (reader)
        {
            if (reader.Header.IsEmpty && !reader.HasRows)
            {
                throw new SynthKitException(ErrorCodes.MissingColumn, "the file is empty; it needs a header row naming the columns", path, 1, 1);
            }

            var map = new int[spec.Columns.Count];
            var names = reader.Header.ColNames;
            for (int c = 0; c < map.Length; c++)
            {
                map[c] = -1;
                for (int h = 0; h < names.Count; h++)
                {
                    if (Unquote(names[h]) == spec.Columns[c].Name)
                    {
                        map[c] = h;
                        break;
                    }
                }

                if (map[c] < 0)
                {
                    throw new SynthKitException(ErrorCodes.MissingColumn, $"the header has no column '{spec.Columns[c].Name}' (it has: {string.Join(", ", names)})", path, 1, 1);
                }
            }

            var parsers = new FieldParser[map.Length];
            for (int c = 0; c < map.Length; c++)
            {
                parsers[c] = new FieldParser(batch[c]);
            }

            int row = 0;
            try
            {
                foreach (var record in reader)
                {
                    if (row == batch.Capacity)
                    {
                        batch.EnsureCapacity(row + 1);
                    }

                    batch.RowCount = row + 1;
                    if (record.ColCount != names.Count)
                    {
                        throw new SynthKitException(ErrorCodes.MalformedInput, $"the record has {record.ColCount} field(s) but the header has {names.Count}", path, record.LineNumberFrom, 1);
                    }

                    var line = record.Span;
                    for (int c = 0; c < map.Length; c++)
                    {
                        var field = record[map[c]].Span;
                        string? problem = parsers[c].Parse(field, row);
                        if (problem is not null)
                        {
                            int column = (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(line), ref MemoryMarshal.GetReference(field)) / sizeof(char)) + 1;
                            string code = problem.StartsWith("null", StringComparison.Ordinal) ? ErrorCodes.UnexpectedNull : ErrorCodes.MalformedInput;
                            throw new SynthKitException(code, $"column '{spec.Columns[c].Name}': {problem}", path, record.LineNumberFrom, Math.Max(1, column));
                        }
                    }

                    row++;
                }
            }
            catch (InvalidDataException e)
            {
                throw new SynthKitException(ErrorCodes.MalformedInput, e.Message, path, 0, 0, e);
            }
        }

        return batch;
    }

    private static string Unquote(string name) =>
        name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? name.Substring(1, name.Length - 2).Replace("\"\"", "\"", StringComparison.Ordinal) : name;

    /// <summary>Parses one column's fields into its typed array.</summary>
    private sealed class FieldParser
    {
        private readonly Column _column;
        private readonly bool _nullable;
        private readonly string? _format;
#if NET9_0_OR_GREATER
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif
        private readonly Dictionary<string, int>? _codes;

        public FieldParser(Column column)
        {
            _column = column;
            _nullable = column.Spec.Nullable;
            _format = column.Spec.DatetimeFormat is { } f ? Strftime.ToDotNet(f) : null;
            if (column is CategoricalColumn k)
            {
                _codes = new Dictionary<string, int>(StringComparer.Ordinal);
                for (int i = 0; i < k.Categories.Count; i++)
                {
                    _codes[k.Categories[i]] = i;
                }
#if NET9_0_OR_GREATER
                _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
            }
        }

        public string? Parse(ReadOnlySpan<char> field, int row)
        {
            bool quoted = field.Length >= 2 && field[0] == '"' && field[^1] == '"';
            if (field.Length == 0 && !quoted)
            {
                if (!_nullable && _column.Type != StorageType.String)
                {
                    return "null (an empty field) in a column that is not nullable";
                }

                _column.SetNull(row);
                return null;
            }

            string? unescaped = null;
            if (quoted)
            {
                field = field[1..^1];
                if (field.Contains('"'))
                {
                    unescaped = field.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
                    field = unescaped;
                }
            }

            var inv = CultureInfo.InvariantCulture;
            switch (_column)
            {
                case StringColumn s:
                    s.Set(row, unescaped ?? field.ToString());
                    return null;
                case CategoricalColumn k:
                    {
                        int code;
#if NET9_0_OR_GREATER
                        if (!_lookup.TryGetValue(field, out code))
#else
                        if (!_codes!.TryGetValue(unescaped ??= field.ToString(), out code))
#endif
                        {
                            string text = unescaped ?? field.ToString();
                            code = k.Code(text);
                            _codes![text] = code;
                        }

                        k.SetCode(row, code);
                        return null;
                    }

                case Column<bool> b when bool.TryParse(field, out var v): b.Set(row, v); return null;
                case Column<char> ch when field.Length == 1: ch.Set(row, field[0]); return null;
                case Column<sbyte> c when sbyte.TryParse(field, NumberStyles.Integer, inv, out var v): c.Set(row, v); return null;
                case Column<byte> c when byte.TryParse(field, NumberStyles.Integer, inv, out var v): c.Set(row, v); return null;
                case Column<short> c when short.TryParse(field, NumberStyles.Integer, inv, out var v): c.Set(row, v); return null;
                case Column<ushort> c when ushort.TryParse(field, NumberStyles.Integer, inv, out var v): c.Set(row, v); return null;
                case Column<int> c when int.TryParse(field, NumberStyles.Integer, inv, out var v): c.Set(row, v); return null;
                case Column<uint> c when uint.TryParse(field, NumberStyles.Integer, inv, out var v): c.Set(row, v); return null;
                case Column<long> c when long.TryParse(field, NumberStyles.Integer, inv, out var v): c.Set(row, v); return null;
                case Column<ulong> c when ulong.TryParse(field, NumberStyles.Integer, inv, out var v): c.Set(row, v); return null;
                case Column<float> c when float.TryParse(field, NumberStyles.Float, inv, out var v): c.Set(row, v); return null;
                case Column<double> c when double.TryParse(field, NumberStyles.Float, inv, out var v): c.Set(row, v); return null;
                case Column<decimal> c when decimal.TryParse(field, NumberStyles.Float, inv, out var v): c.Set(row, v); return null;
                case Column<DateOnly> c when _format is not null ? DateOnly.TryParseExact(field, _format, inv, DateTimeStyles.None, out var v) : IsoFormat.TryParse(field, out v): c.Set(row, v); return null;
                case Column<DateTime> c when _format is not null ? DateTime.TryParseExact(field, _format, inv, DateTimeStyles.None, out var v) : IsoFormat.TryParse(field, out v): c.Set(row, v); return null;
                case Column<DateTimeOffset> c when IsoFormat.TryParse(field, out DateTimeOffset v): c.Set(row, v); return null;
                case Column<TimeOnly> c when IsoFormat.TryParse(field, out TimeOnly v): c.Set(row, v); return null;
                case Column<TimeSpan> c when IsoFormat.TryParse(field, out TimeSpan v): c.Set(row, v); return null;
                case Column<Guid> c when Guid.TryParse(field, out var v): c.Set(row, v); return null;
                default:
                    return $"'{Shorten(field)}' is not a {_column.Type} value";
            }
        }

        private static string Shorten(ReadOnlySpan<char> field) => field.Length > 40 ? string.Concat(field[..40], "…") : field.ToString();
    }
}

/// <summary>Turns SDV's strftime-style <c>datetime_format</c> into a .NET custom format.</summary>
internal static class Strftime
{
    public static string ToDotNet(string format)
    {
        var result = new System.Text.StringBuilder();
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '%' && i + 1 < format.Length)
            {
                result.Append(format[++i] switch
                {
                    'Y' => "yyyy",
                    'y' => "yy",
                    'm' => "MM",
                    'd' => "dd",
                    'H' => "HH",
                    'I' => "hh",
                    'M' => "mm",
                    'S' => "ss",
                    'f' => "ffffff",
                    'p' => "tt",
                    'b' => "MMM",
                    'B' => "MMMM",
                    'z' => "zzz",
                    '%' => "%",
                    char other => "\\" + other,
                });
            }
            else if (char.IsLetter(c) || c == '\\' || c == '\'' || c == '"')
            {
                result.Append('\\').Append(c);
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
