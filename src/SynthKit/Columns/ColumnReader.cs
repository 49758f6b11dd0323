using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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
        // Size the columns once from the input's length (fields average at least ~8 bytes), so a large file does not
        // grow every column array through a dozen copies.
        int capacity = source.CanSeek ? (int)Math.Clamp((source.Length - source.Position) / (8L * Math.Max(1, spec.Columns.Count)), 1024, 1 << 24) : 1024;
        var batch = new ColumnBatch(spec, capacity);
        Provenance.Disclosure.SkipComment(source);
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
                    throw new SynthKitException(ErrorCodes.MissingColumn, $"the header has no column '{spec.Columns[c].Name}' (it has: {string.Join(", ", names.Take(20))}{(names.Count > 20 ? $" and {names.Count - 20:N0} more" : string.Empty)})", path, 1, 1);
                }
            }

            var parsers = new FieldParser[map.Length];
            for (int c = 0; c < map.Length; c++)
            {
                parsers[c] = FieldParser.For(batch[c]);
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

                    if (record.ColCount != names.Count)
                    {
                        throw new SynthKitException(ErrorCodes.MalformedInput, $"the record has {record.ColCount} field(s) but the header has {names.Count}", path, record.LineNumberFrom, 1);
                    }

                    for (int c = 0; c < map.Length; c++)
                    {
                        var field = record[map[c]].Span;
                        string? problem = parsers[c].Parse(field, row);
                        if (problem is not null)
                        {
                            int column = (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetReference(record.Span), ref MemoryMarshal.GetReference(field)) / sizeof(char)) + 1;
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

            batch.CommitRows(row);
        }

        return batch;
    }

    private static string Unquote(string name) =>
        name.Length >= 2 && name[0] == '"' && name[^1] == '"' ? name.Substring(1, name.Length - 2).Replace("\"\"", "\"", StringComparison.Ordinal) : name;

    /// <summary>Parses one column's fields into its typed array; one sealed subclass per storage type, so a field costs one virtual call.</summary>
    private abstract class FieldParser
    {
        protected FieldParser(Column column)
        {
            Column = column;
            Nullable = column.Spec.Nullable;
        }

        protected Column Column { get; }

        private bool Nullable { get; }

        public static FieldParser For(Column column)
        {
            string? format = column.Spec.DatetimeFormat is { } f ? Strftime.ToDotNet(f) : null;
            return column switch
            {
                StringColumn s => new TextParser(s),
                CategoricalColumn k => new CategoryParser(k),
                Column<bool> c => new Parser<bool>(c, (ReadOnlySpan<char> t, out bool v) => bool.TryParse(t, out v)),
                Column<char> c => new Parser<char>(c, (ReadOnlySpan<char> t, out char v) => (v = t.Length == 1 ? t[0] : default) != default || t.Length == 1),
                Column<sbyte> c => new Number<sbyte>(c, NumberStyles.Integer),
                Column<byte> c => new Number<byte>(c, NumberStyles.Integer),
                Column<short> c => new Number<short>(c, NumberStyles.Integer),
                Column<ushort> c => new Number<ushort>(c, NumberStyles.Integer),
                Column<int> c => new Number<int>(c, NumberStyles.Integer),
                Column<uint> c => new Number<uint>(c, NumberStyles.Integer),
                Column<long> c => new Number<long>(c, NumberStyles.Integer),
                Column<ulong> c => new Number<ulong>(c, NumberStyles.Integer),
                Column<float> c => new Number<float>(c, NumberStyles.Float),
                Column<double> c => new Number<double>(c, NumberStyles.Float),
                Column<decimal> c => new Number<decimal>(c, NumberStyles.Float),
                Column<DateOnly> c => new Parser<DateOnly>(c, format is null
                    ? (ReadOnlySpan<char> t, out DateOnly v) => IsoFormat.TryParse(t, out v)
                    : (ReadOnlySpan<char> t, out DateOnly v) => DateOnly.TryParseExact(t, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out v)),
                Column<DateTime> c => new Parser<DateTime>(c, format is null
                    ? (ReadOnlySpan<char> t, out DateTime v) => IsoFormat.TryParse(t, out v)
                    : (ReadOnlySpan<char> t, out DateTime v) => DateTime.TryParseExact(t, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out v)),
                Column<DateTimeOffset> c => new Parser<DateTimeOffset>(c, (ReadOnlySpan<char> t, out DateTimeOffset v) => IsoFormat.TryParse(t, out v)),
                Column<TimeOnly> c => new Parser<TimeOnly>(c, (ReadOnlySpan<char> t, out TimeOnly v) => IsoFormat.TryParse(t, out v)),
                Column<TimeSpan> c => new Parser<TimeSpan>(c, (ReadOnlySpan<char> t, out TimeSpan v) => IsoFormat.TryParse(t, out v)),
                Column<Guid> c => new Parser<Guid>(c, (ReadOnlySpan<char> t, out Guid v) => Guid.TryParse(t, out v)),
                _ => throw new InvalidOperationException($"Column '{column.Name}' has no CSV form."),
            };
        }

        public string? Parse(ReadOnlySpan<char> field, int row)
        {
            bool quoted = field.Length >= 2 && field[0] == '"' && field[^1] == '"';
            if (field.Length == 0 && !quoted)
            {
                if (!Nullable && Column.Type != StorageType.String)
                {
                    return "null (an empty field) in a column that is not nullable";
                }

                Column.SetNull(row);
                return null;
            }

            if (quoted)
            {
                field = field[1..^1];
                if (field.Contains('"'))
                {
                    field = field.ToString().Replace("\"\"", "\"", StringComparison.Ordinal);
                }
            }

            return ParseValue(field, row) ? null : $"'{Shorten(field)}' is not a {Column.Type} value";
        }

        protected abstract bool ParseValue(ReadOnlySpan<char> field, int row);

        private static string Shorten(ReadOnlySpan<char> field) => field.Length > 40 ? string.Concat(field[..40], "…") : field.ToString();
    }

    private delegate bool TryParseSpan<T>(ReadOnlySpan<char> text, out T value);

    private sealed class Parser<T>(Column<T> column, TryParseSpan<T> parse) : FieldParser(column)
        where T : struct
    {
        protected override bool ParseValue(ReadOnlySpan<char> field, int row)
        {
            if (!parse(field, out var value))
            {
                return false;
            }

            column.Set(row, value);
            return true;
        }
    }

    private sealed class Number<T>(Column<T> column, NumberStyles style) : FieldParser(column)
        where T : struct, System.Numerics.INumberBase<T>
    {
        protected override bool ParseValue(ReadOnlySpan<char> field, int row)
        {
            if (!T.TryParse(field, style, CultureInfo.InvariantCulture, out var value) || (!T.IsFinite(value) && field is not ("NaN" or "Infinity" or "-Infinity")))
            {
                return false;
            }

            column.Set(row, value);
            return true;
        }
    }

    private sealed class TextParser(StringColumn column) : FieldParser(column)
    {
        protected override bool ParseValue(ReadOnlySpan<char> field, int row)
        {
            column.SetUtf16(row, field);
            return true;
        }
    }

    private sealed class CategoryParser : FieldParser
    {
        private readonly CategoricalColumn _column;
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
#endif

        public CategoryParser(CategoricalColumn column)
            : base(column)
        {
            _column = column;
            for (int i = 0; i < column.Categories.Count; i++)
            {
                _codes[column.Categories[i]] = i;
            }
#if NET9_0_OR_GREATER
            _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        }

        protected override bool ParseValue(ReadOnlySpan<char> field, int row)
        {
#if NET9_0_OR_GREATER
            if (!_lookup.TryGetValue(field, out int code))
#else
            if (!_codes.TryGetValue(field.ToString(), out int code))
#endif
            {
                string text = field.ToString();
                code = _column.Code(text);
                _codes[text] = code;
            }

            _column.SetCode(row, code);
            return true;
        }
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
