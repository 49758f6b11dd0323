using System;
using System.Buffers;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SynthKit.IO;

/// <summary>
/// Writes JSON Lines: one compact UTF-8 JSON object per line, <c>\n</c> line ends, no byte-order mark. Generated
/// synthesizers write each row's properties through <see cref="Json"/> and end it with <see cref="EndRow"/>.
/// </summary>
public sealed class JsonLinesWriter : IDisposable
{
    private const int FlushThreshold = 1 << 16;
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);
    private readonly Utf8JsonWriter _json;
    private bool _disposed;

    /// <summary>Creates a writer.</summary>
    /// <param name="destination">The stream to write to.</param>
    /// <param name="leaveOpen">Whether to leave the stream open when the writer is disposed.</param>
    public JsonLinesWriter(Stream destination, bool leaveOpen = true)
    {
        _stream = destination ?? throw new ArgumentNullException(nameof(destination));
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions
        {
            // Keep non-ASCII text (names, right-to-left scripts) readable in fixtures; escaping stays valid JSON.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = false,
            SkipValidation = true,
        });
    }

    /// <summary>The JSON writer for the current row.</summary>
    public Utf8JsonWriter Json => _json;

    /// <summary>Ends the current row with <c>\n</c>.</summary>
    public void EndRow()
    {
        _json.Flush();
        _json.Reset();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            FlushBuffer();
        }
    }

    /// <summary>Writes buffered bytes to the stream and flushes it.</summary>
    public void Flush()
    {
        _json.Flush();
        FlushBuffer();
        _stream.Flush();
    }

    /// <summary>Flushes and releases the writer.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _json.Dispose();
        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void FlushBuffer()
    {
        if (_buffer.WrittenCount > 0)
        {
            _stream.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }
}
