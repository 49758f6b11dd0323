using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace SynthKit.IO;

/// <summary>Reads one row from a JSON reader positioned on the row's <c>StartObject</c> token.</summary>
/// <typeparam name="T">The row type.</typeparam>
/// <param name="reader">The reader.</param>
/// <returns>The row.</returns>
public delegate T JsonRowReader<T>(ref Utf8JsonReader reader);

/// <summary>
/// Reads JSON Lines (UTF-8, one JSON object per line; blank lines are skipped) and reports malformed input as
/// <see cref="SynthKitException"/> with the file, line and byte column.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code
public static class JsonLinesReader
{
    /// <summary>The longest JSON Lines record the reader holds: 256 MiB. Longer input is SK4002.</summary>
    public const int MaxLineLength = 1 << 28;

    /// <summary>Streams the rows of a JSON Lines input.</summary>
    /// <typeparam name="T">The row type.</typeparam>
    /// <param name="source">The stream; left open.</param>
    /// <param name="readRow">Reads one row; generated synthesizers supply it.</param>
    /// <param name="path">The file name to report in errors, if any.</param>
    /// <returns>The rows, read lazily.</returns>
    public static IEnumerable<T> Read<T>(Stream source, JsonRowReader<T> readRow, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(readRow);
        return ReadCore(source, readRow, path);
    }

    private static IEnumerable<T> ReadCore<T>(Stream source, JsonRowReader<T> readRow, string? path)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            int start = 0;
            int length = 0;
            int lineNumber = 0;
            bool atEnd = false;
            bool first = true;
            while (true)
            {
                int newline = buffer.AsSpan(start, length - start).IndexOf((byte)'\n');
                if (newline < 0 && !atEnd)
                {
                    // Move the partial line to the front, grow if one line fills the buffer, and read more.
                    int partial = length - start;
                    if (partial == buffer.Length)
                    {
                        if (buffer.Length >= MaxLineLength)
                        {
                            throw new SynthKitException(ErrorCodes.MalformedInput, $"Line {lineNumber + 1} is longer than {MaxLineLength:N0} bytes, the most SynthKit reads in one JSON Lines record.", path, lineNumber + 1, 1);
                        }

                        var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxLineLength));
                        buffer.AsSpan(start, partial).CopyTo(bigger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    else
                    {
                        buffer.AsSpan(start, partial).CopyTo(buffer);
                    }

                    start = 0;
                    length = partial;
                    int read = source.Read(buffer, length, buffer.Length - length);
                    if (read == 0)
                    {
                        atEnd = true;
                    }

                    length += read;
                    continue;
                }

                int end = newline < 0 ? length : start + newline;
                if (newline < 0 && start == length)
                {
                    yield break;
                }

                lineNumber++;
                int lineStart = start;
                if (first)
                {
                    first = false;
                    if (buffer.AsSpan(lineStart, end - lineStart).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        lineStart += 3;
                    }
                }

                int lineEnd = end > lineStart && buffer[end - 1] == (byte)'\r' ? end - 1 : end;
                start = newline < 0 ? length : end + 1;
                if (buffer.AsSpan(lineStart, lineEnd - lineStart).Trim(" \t"u8).IsEmpty)
                {
                    continue;
                }

                yield return ParseLine(buffer.AsSpan(lineStart, lineEnd - lineStart), readRow, path, lineNumber);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static T ParseLine<T>(ReadOnlySpan<byte> line, JsonRowReader<T> readRow, string? path, int lineNumber)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new SynthKitException(ErrorCodes.MalformedInput, "Each line of a JSON Lines file must be one JSON object.", path, lineNumber, (int)reader.TokenStartIndex + 1);
            }

            T row = readRow(ref reader);
            var rest = line.Slice((int)reader.BytesConsumed);
            int trailing = rest.IndexOfAnyExcept(" \t\r"u8);
            if (trailing >= 0)
            {
                throw new SynthKitException(ErrorCodes.MalformedInput, "Unexpected content after the line's JSON object; write one object per line.", path, lineNumber, (int)reader.BytesConsumed + trailing + 1);
            }

            return row;
        }
        catch (JsonException ex)
        {
            throw new SynthKitException(ErrorCodes.MalformedInput, "Malformed JSON: " + StripPosition(ex.Message), path, lineNumber, (int)(ex.BytePositionInLine ?? 0) + 1, ex);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException)
        {
            throw new SynthKitException(ErrorCodes.MalformedInput, ex.Message, path, lineNumber, (int)reader.TokenStartIndex + 1, ex);
        }
    }

    private static string StripPosition(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message.Substring(0, at);
    }
}
