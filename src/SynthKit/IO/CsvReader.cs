using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace SynthKit.IO;

/// <summary>
/// Reads RFC 4180 CSV (UTF-8, with or without a byte-order mark; <c>\n</c> or <c>\r\n</c> line ends) and reports
/// malformed input as <see cref="SynthKitException"/> with the file, line and column. An unquoted empty field reads
/// as <see langword="null"/>, a quoted one (<c>""</c>) as the empty string.
/// </summary>
/// <remarks>
/// Hand-written to mirror <see cref="CsvWriter"/> exactly and to give every error a line and column; generated
/// synthesizers read typed fields from it without reflection.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code
public sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[1 << 16];
    private readonly List<Field> _fields = new();
    private char[] _text = new char[1024];
    private int _textLength;
    private int _bufferLength;
    private int _bufferPosition;
    private int _line = 1;
    private int _column = 1;
    private string[] _header = Array.Empty<string>();
    private int[] _columnOfField = Array.Empty<int>();
    private string[] _expectedColumns = Array.Empty<string>();

    /// <summary>Creates a reader.</summary>
    /// <param name="source">The stream to read; left open.</param>
    /// <param name="path">The file name to report in errors, if any.</param>
    public CsvReader(Stream source, string? path = null)
    {
        _reader = new StreamReader(source ?? throw new ArgumentNullException(nameof(source)), new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        Path = path;
    }

    /// <summary>The file name reported in errors.</summary>
    public string? Path { get; }

    /// <summary>The line on which the current record starts.</summary>
    public int RecordLine { get; private set; }

    /// <summary>The number of fields in the current record.</summary>
    public int FieldCount => _fields.Count;

    /// <summary>The header's column names, once <see cref="ReadHeader"/> has run.</summary>
    public IReadOnlyList<string> Header => _header;

    /// <summary>
    /// Reads the header row and maps each expected column to its field index. Columns the schema does not know are
    /// ignored; every expected column must be present.
    /// </summary>
    /// <param name="expectedColumns">The columns the caller reads, in the caller's order.</param>
    /// <returns>For each expected column, the index of its field.</returns>
    /// <exception cref="SynthKitException">SK4004: the input is empty or lacks a column; SK4002: the header is malformed.</exception>
    public int[] ReadHeader(IReadOnlyList<string> expectedColumns)
    {
        if (!ReadRecordCore())
        {
            throw new SynthKitException(ErrorCodes.MissingColumn, "The input is empty; a CSV file starts with a header row of column names.", Path, 1, 1);
        }

        if (_fields.Count >= 1 && Span(0).StartsWith(Provenance.Disclosure.CommentPrefix, StringComparison.Ordinal) && !ReadRecordCore())
        {
            // SynthKit's disclosure comment (--disclose comment) precedes the header.
            throw new SynthKitException(ErrorCodes.MissingColumn, "The input has a disclosure comment but no header row.", Path, 2, 1);
        }

        _header = new string[_fields.Count];
        for (int i = 0; i < _fields.Count; i++)
        {
            _header[i] = new string(Span(i));
        }

        var map = new int[expectedColumns.Count];
        var missing = new List<string>();
        _columnOfField = new int[_header.Length];
        _columnOfField.AsSpan().Fill(-1);
        for (int c = 0; c < expectedColumns.Count; c++)
        {
            map[c] = Array.IndexOf(_header, expectedColumns[c]);
            if (map[c] < 0)
            {
                missing.Add(expectedColumns[c]);
            }
            else
            {
                _columnOfField[map[c]] = c;
            }
        }

        if (missing.Count > 0)
        {
            throw new SynthKitException(
                ErrorCodes.MissingColumn,
                $"The header lacks the column(s) {Shown(missing)}; it has {Shown(_header)}.",
                Path,
                RecordLine,
                1);
        }

        _expectedColumns = new string[expectedColumns.Count];
        for (int i = 0; i < _expectedColumns.Length; i++)
        {
            _expectedColumns[i] = expectedColumns[i];
        }

        return map;
    }

    /// <summary>Reads the next record.</summary>
    /// <returns><see langword="false"/> at the end of the input.</returns>
    /// <exception cref="SynthKitException">SK4002: the record is malformed or has a different number of fields than the header.</exception>
    public bool ReadRecord()
    {
        if (!ReadRecordCore())
        {
            return false;
        }

        if (_header.Length != 0 && _fields.Count != _header.Length)
        {
            throw Malformed(RecordLine, 1, $"This record has {_fields.Count} field(s) but the header has {_header.Length}.");
        }

        return true;
    }

    /// <summary>Whether a field is null: empty and unquoted.</summary>
    /// <param name="field">The field index.</param>
    /// <returns>Whether the field is null.</returns>
    public bool IsNull(int field) => _fields[field] is { Length: 0, Quoted: false };

    /// <summary>Whether every field of a run of mapped columns is null (a nested object that was null when written).</summary>
    /// <param name="map">Column-to-field map from <see cref="ReadHeader"/>.</param>
    /// <param name="offset">The first column.</param>
    /// <param name="count">The number of columns.</param>
    /// <returns>Whether all are null.</returns>
    public bool AllNull(int[] map, int offset, int count)
    {
        for (int i = offset; i < offset + count; i++)
        {
            if (!IsNull(map[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The raw text of a field.</summary>
    /// <param name="field">The field index.</param>
    /// <returns>The unquoted text.</returns>
    public ReadOnlySpan<char> Span(int field)
    {
        var f = _fields[field];
        return _text.AsSpan(f.Start, f.Length);
    }

    /// <summary>A string field: <see langword="null"/> when empty and unquoted.</summary>
    /// <param name="field">The field index.</param>
    /// <returns>The value.</returns>
    public string? GetString(int field) => IsNull(field) ? null : new string(Span(field));

    /// <summary>A single-character field.</summary>
    /// <param name="field">The field index.</param>
    /// <returns>The value.</returns>
    public char GetChar(int field)
    {
        var span = Required(field, "Char");
        return span.Length == 1 ? span[0] : throw Invalid(field, "Char");
    }

    /// <summary>A field parsed with the invariant culture.</summary>
    /// <typeparam name="T">A numeric type, <see cref="bool"/> or <see cref="Guid"/>.</typeparam>
    /// <param name="field">The field index.</param>
    /// <returns>The value.</returns>
    public T Get<T>(int field)
        where T : ISpanParsable<T>
    {
        var span = Required(field, typeof(T).Name);
        return IsoFormat.TryParseNumber<T>(span, out var value) ? value : throw Invalid(field, typeof(T).Name);
    }

    /// <summary>An ISO 8601 timestamp field.</summary>
    /// <param name="field">The field index.</param>
    /// <returns>The value.</returns>
    public DateTime GetDateTime(int field) =>
        IsoFormat.TryParse(Required(field, "DateTime"), out DateTime value) ? value : throw Invalid(field, "DateTime");

    /// <summary>An ISO 8601 timestamp-with-offset field.</summary>
    /// <param name="field">The field index.</param>
    /// <returns>The value.</returns>
    public DateTimeOffset GetDateTimeOffset(int field) =>
        IsoFormat.TryParse(Required(field, "DateTimeOffset"), out DateTimeOffset value) ? value : throw Invalid(field, "DateTimeOffset");

    /// <summary>An ISO 8601 date field (<c>yyyy-MM-dd</c>).</summary>
    /// <param name="field">The field index.</param>
    /// <returns>The value.</returns>
    public DateOnly GetDateOnly(int field) =>
        IsoFormat.TryParse(Required(field, "DateOnly"), out DateOnly value) ? value : throw Invalid(field, "DateOnly");

    /// <summary>An ISO 8601 time-of-day field.</summary>
    /// <param name="field">The field index.</param>
    /// <returns>The value.</returns>
    public TimeOnly GetTimeOnly(int field) =>
        IsoFormat.TryParse(Required(field, "TimeOnly"), out TimeOnly value) ? value : throw Invalid(field, "TimeOnly");

    /// <summary>A time-span field in the invariant <c>c</c> format.</summary>
    /// <param name="field">The field index.</param>
    /// <returns>The value.</returns>
    public TimeSpan GetTimeSpan(int field) =>
        IsoFormat.TryParse(Required(field, "TimeSpan"), out TimeSpan value) ? value : throw Invalid(field, "TimeSpan");

    /// <summary>An enum field, by member name.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="field">The field index.</param>
    /// <returns>The value.</returns>
    public TEnum GetEnum<TEnum>(int field)
        where TEnum : struct, Enum =>
        IsoFormat.TryParseName(Required(field, typeof(TEnum).Name), out TEnum value) ? value : throw Invalid(field, typeof(TEnum).Name);

    /// <summary>An error at a field, for callers that validate values themselves.</summary>
    /// <param name="field">The field index.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The exception to throw.</returns>
    public SynthKitException Error(int field, string message)
    {
        var f = _fields[field];
        return Malformed(f.Line, f.Column, message);
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private ReadOnlySpan<char> Required(int field, string typeName)
    {
        if (IsNull(field))
        {
            var f = _fields[field];
            throw new SynthKitException(ErrorCodes.UnexpectedNull, $"Column '{ColumnName(field)}' is empty, but its member is a non-nullable {typeName}.", Path, f.Line, f.Column);
        }

        return Span(field);
    }

    private SynthKitException Invalid(int field, string typeName)
    {
        var text = Span(field);
        string shown = text.Length > 40 ? string.Concat(text.Slice(0, 40), "…") : text.ToString();
        return Error(field, $"'{shown}' is not a valid {typeName} for column '{ColumnName(field)}'.");
    }

    private string ColumnName(int field) =>
        field < _columnOfField.Length && _columnOfField[field] >= 0 ? _expectedColumns[_columnOfField[field]]
        : field < _header.Length ? _header[field]
        : "#" + (field + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>At most 20 names of at most 40 characters each: a message never grows with hostile input.</summary>
    private static string Shown(IReadOnlyCollection<string> names)
    {
        var shown = names.Take(20).Select(n => "'" + (n.Length > 40 ? n.Substring(0, 40) + "…" : n) + "'");
        return string.Join(", ", shown) + (names.Count > 20 ? $" and {names.Count - 20:N0} more" : string.Empty);
    }

    private SynthKitException Malformed(int line, int column, string message) =>
        new(ErrorCodes.MalformedInput, message, Path, line, column);

    private bool ReadRecordCore()
    {
        _fields.Clear();
        _textLength = 0;
        if (Peek() < 0)
        {
            return false;
        }

        RecordLine = _line;
        while (true)
        {
            int line = _line;
            int column = _column;
            int start = _textLength;
            bool quoted = false;
            int c = Read();
            if (c == '"')
            {
                quoted = true;
                while (true)
                {
                    c = Read();
                    if (c < 0)
                    {
                        throw Malformed(line, column, "The input ends inside the quoted field that starts here; close it with a quote.");
                    }

                    if (c == '"')
                    {
                        if (Peek() != '"')
                        {
                            break;
                        }

                        Read();
                    }

                    Append((char)c);
                }

                int afterLine = _line;
                int afterColumn = _column;
                c = Read();
                if (c is not (',' or '\n' or '\r' or < 0))
                {
                    throw Malformed(afterLine, afterColumn, "Unexpected character after a closing quote; inside a quoted field write a quote twice (\"\").");
                }
            }
            else
            {
                while (c is not (',' or '\n' or '\r' or < 0))
                {
                    if (c == '"')
                    {
                        throw Malformed(_line, _column - 1, "A quote inside an unquoted field; quote the whole field and write the quote twice (\"\").");
                    }

                    Append((char)c);
                    c = Read();
                }
            }

            _fields.Add(new Field(start, _textLength - start, quoted, line, column));
            if (c == ',')
            {
                // Stop at the first field past the header's count (or past any sane header), so a record of commas
                // costs memory in proportion to the header, not to itself.
                if (_header.Length != 0 ? _fields.Count >= _header.Length : _fields.Count >= MaxColumns)
                {
                    throw Malformed(RecordLine, _column, _header.Length != 0
                        ? $"This record has more fields than the header's {_header.Length}."
                        : $"The header has more than {MaxColumns:N0} columns.");
                }

                continue;
            }

            if (c == '\r' && Peek() == '\n')
            {
                Read();
            }

            return true;
        }
    }

    private int Peek()
    {
        if (_bufferPosition == _bufferLength && !Fill())
        {
            return -1;
        }

        return _buffer[_bufferPosition];
    }

    private int Read()
    {
        if (_bufferPosition == _bufferLength && !Fill())
        {
            return -1;
        }

        char c = _buffer[_bufferPosition++];
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        return c;
    }

    private bool Fill()
    {
        _bufferLength = _reader.Read(_buffer, 0, _buffer.Length);
        _bufferPosition = 0;
        return _bufferLength > 0;
    }

    /// <summary>The longest record the reader holds: 256 Mi characters. Longer input is SK4002, not an exhausted process.</summary>
    public const int MaxRecordLength = 1 << 28;

    /// <summary>The most fields a header may have.</summary>
    public const int MaxColumns = 65_536;

    private void Append(char c)
    {
        if (_textLength == _text.Length)
        {
            if (_text.Length >= MaxRecordLength)
            {
                throw Malformed(RecordLine, 1, $"This record is longer than {MaxRecordLength:N0} characters, the most SynthKit reads in one record.");
            }

            Array.Resize(ref _text, Math.Min(_text.Length * 2, MaxRecordLength));
        }

        _text[_textLength++] = c;
    }

    private readonly record struct Field(int Start, int Length, bool Quoted, int Line, int Column);
}
