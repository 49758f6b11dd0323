using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace SynthKit.IO;

/// <summary>
/// Writes RFC 4180 CSV as UTF-8 (no byte-order mark) into a pooled buffer: invariant culture, ISO 8601 dates,
/// <c>\n</c> line ends, fields quoted only when they hold a comma, quote, CR or LF. A <see langword="null"/> is an
/// empty field and an empty string is <c>""</c>, so the two survive a round trip through <see cref="CsvReader"/>.
/// </summary>
/// <remarks>
/// Hand-written rather than CsvHelper because generated synthesizers write typed fields straight into UTF-8 bytes
/// with no reflection, boxing or per-row allocation; CsvHelper's writer works on UTF-16 text through a class map.
/// </remarks>
public sealed class CsvWriter : IDisposable
{
    private const int MaxScalarLength = 64;
    private static readonly SearchValues<char> s_needsQuoting = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<byte> s_needsQuotingUtf8 = SearchValues.Create(",\"\r\n"u8);

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private byte[] _buffer;
    private int _position;
    private bool _fieldWritten;

    /// <summary>Creates a writer.</summary>
    /// <param name="destination">The stream to write to.</param>
    /// <param name="leaveOpen">Whether to leave the stream open when the writer is disposed.</param>
    /// <param name="bufferSize">The size of the pooled buffer, in bytes.</param>
    public CsvWriter(Stream destination, bool leaveOpen = true, int bufferSize = 1 << 16)
    {
        _stream = destination ?? throw new ArgumentNullException(nameof(destination));
        _leaveOpen = leaveOpen;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferSize, 1024));
    }

    /// <summary>Writes a header row of column names.</summary>
    /// <param name="names">The column names.</param>
    public void WriteHeader(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            Write(name);
        }

        EndRow();
    }

    /// <summary>Writes a string field, quoting it when needed.</summary>
    /// <param name="value">The value; <see langword="null"/> writes an empty field.</param>
    public void Write(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }

        ReadOnlySpan<char> chars = value;
        var span = BeginField((chars.Length * 3) + 2);
        if (chars.Length is > 0 and <= 32 && TryWritePlainAscii(chars, span))
        {
            // Short printable ASCII with no comma or quote — names, codes, categories — byte by byte: cheaper than
            // a vectorised search plus a transcoder call on strings this short.
            _position += chars.Length;
            return;
        }

        if (chars.Length != 0 && chars.IndexOfAny(s_needsQuoting) < 0)
        {
            Utf8.FromUtf16(chars, span, out _, out int written);
            _position += written;
            return;
        }

        int position = 0;
        span[position++] = (byte)'"';
        while (true)
        {
            int quote = chars.IndexOf('"');
            var segment = quote < 0 ? chars : chars.Slice(0, quote);
            Utf8.FromUtf16(segment, span.Slice(position), out _, out int written);
            position += written;
            if (quote < 0)
            {
                break;
            }

            span[position++] = (byte)'"';
            span[position++] = (byte)'"';
            chars = chars.Slice(quote + 1);
        }

        span[position++] = (byte)'"';
        _position += position;
    }

    /// <summary>Writes a text field given as UTF-8, quoting it exactly when <see cref="Write(string)"/> would.</summary>
    /// <param name="utf8">The text's UTF-8 bytes.</param>
    public void WriteText(ReadOnlySpan<byte> utf8)
    {
        var span = BeginField((utf8.Length * 2) + 2);
        if (utf8.Length != 0 && utf8.IndexOfAny(s_needsQuotingUtf8) < 0)
        {
            utf8.CopyTo(span);
            _position += utf8.Length;
            return;
        }

        int position = 0;
        span[position++] = (byte)'"';
        while (true)
        {
            int quote = utf8.IndexOf((byte)'"');
            var segment = quote < 0 ? utf8 : utf8.Slice(0, quote);
            segment.CopyTo(span.Slice(position));
            position += segment.Length;
            if (quote < 0)
            {
                break;
            }

            span[position++] = (byte)'"';
            span[position++] = (byte)'"';
            utf8 = utf8.Slice(quote + 1);
        }

        span[position++] = (byte)'"';
        _position += position;
    }

    /// <summary>Writes a single-character field.</summary>
    /// <param name="value">The value.</param>
    public void Write(char value)
    {
        Span<char> one = stackalloc char[1];
        one[0] = value;
        Write(new string(one));
    }

    /// <summary>Writes an empty (null) field.</summary>
    public void WriteNull() => BeginField(0);

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    /// <param name="value">The value.</param>
    public void Write(bool value) => WriteUtf8(value ? "true"u8 : "false"u8);

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The value.</param>
    public void Write(int value) => WriteFormattable(value, default);

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The value.</param>
    public void Write(long value) => WriteFormattable(value, default);

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The value.</param>
    public void Write(short value) => WriteFormattable(value, default);

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The value.</param>
    public void Write(byte value) => WriteFormattable(value, default);

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The value.</param>
    public void Write(sbyte value) => WriteFormattable(value, default);

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The value.</param>
    public void Write(ushort value) => WriteFormattable(value, default);

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The value.</param>
    public void Write(uint value) => WriteFormattable(value, default);

    /// <summary>Writes an integer.</summary>
    /// <param name="value">The value.</param>
    public void Write(ulong value) => WriteFormattable(value, default);

    /// <summary>Writes a number in its shortest round-trippable form.</summary>
    /// <param name="value">The value.</param>
    public void Write(double value)
    {
        // The BCL's bytes, by Ryū: full-precision doubles are the costliest field of a typical row otherwise.
        var span = BeginField(ShortestDouble.MaxLength);
        _position += ShortestDouble.Write(value, span);
    }

    /// <summary>Writes a number in its shortest round-trippable form.</summary>
    /// <param name="value">The value.</param>
    public void Write(float value) => WriteFormattable(value, default);

    /// <summary>Writes a decimal number.</summary>
    /// <param name="value">The value.</param>
    public void Write(decimal value) => WriteFormattable(value, default);

    /// <summary>Writes a GUID in its <c>D</c> format.</summary>
    /// <param name="value">The value.</param>
    public void Write(Guid value) => WriteFormattable(value, "D");

    /// <summary>Writes an ISO 8601 timestamp.</summary>
    /// <param name="value">The value.</param>
    public void Write(DateTime value)
    {
        var span = BeginField(IsoFormat.MaxLength);
        _position += IsoFormat.Write(value, span);
    }

    /// <summary>Writes an ISO 8601 timestamp with offset.</summary>
    /// <param name="value">The value.</param>
    public void Write(DateTimeOffset value)
    {
        var span = BeginField(IsoFormat.MaxLength);
        _position += IsoFormat.Write(value, span);
    }

    /// <summary>Writes an ISO 8601 date.</summary>
    /// <param name="value">The value.</param>
    public void Write(DateOnly value)
    {
        var span = BeginField(IsoFormat.MaxLength);
        _position += IsoFormat.Write(value, span);
    }

    /// <summary>Writes an ISO 8601 time of day.</summary>
    /// <param name="value">The value.</param>
    public void Write(TimeOnly value)
    {
        var span = BeginField(IsoFormat.MaxLength);
        _position += IsoFormat.Write(value, span);
    }

    /// <summary>Writes a time span in the invariant <c>c</c> format.</summary>
    /// <param name="value">The value.</param>
    public void Write(TimeSpan value)
    {
        var span = BeginField(IsoFormat.MaxLength);
        _position += IsoFormat.Write(value, span);
    }

    /// <summary>Ends the current row with <c>\n</c>.</summary>
    public void EndRow()
    {
        if (_buffer.Length - _position < 1)
        {
            FlushBuffer();
        }

        _buffer[_position++] = (byte)'\n';
        _fieldWritten = false;
        if (_position > _buffer.Length - 4096)
        {
            FlushBuffer();
        }
    }

    /// <summary>Writes buffered bytes to the stream and flushes it.</summary>
    public void Flush()
    {
        FlushBuffer();
        _stream.Flush();
    }

    /// <summary>Flushes and returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = Array.Empty<byte>();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryWritePlainAscii(ReadOnlySpan<char> chars, Span<byte> span)
    {
        var target = span.Slice(0, chars.Length);
        for (int i = 0; i < target.Length; i++)
        {
            uint c = chars[i];
            if (c - 0x20 > 0x7E - 0x20 || c == ',' || c == '"')
            {
                return false;
            }

            target[i] = (byte)c;
        }

        return true;
    }

    private void WriteUtf8(ReadOnlySpan<byte> utf8)
    {
        var span = BeginField(utf8.Length);
        utf8.CopyTo(span);
        _position += utf8.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void WriteFormattable<T>(T value, ReadOnlySpan<char> format)
        where T : IUtf8SpanFormattable
    {
        // BeginField moves _position (the separator), so take the span before adding to it.
        var span = BeginField(MaxScalarLength);
        value.TryFormat(span, out int written, format, CultureInfo.InvariantCulture);
        _position += written;
    }

    /// <summary>Writes the separator if needed and returns room for at least <paramref name="maxBytes"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> BeginField(int maxBytes)
    {
        if (_buffer.Length - _position < maxBytes + 1)
        {
            MakeRoom(maxBytes + 1);
        }

        if (_fieldWritten)
        {
            _buffer[_position++] = (byte)',';
        }

        _fieldWritten = true;
        return _buffer.AsSpan(_position);
    }

    private void MakeRoom(int bytes)
    {
        FlushBuffer();
        if (_buffer.Length < bytes)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }

    private void FlushBuffer()
    {
        if (_position > 0)
        {
            _stream.Write(_buffer, 0, _position);
            _position = 0;
        }
    }
}
