using System;
using System.Globalization;
using System.Text.Json;

namespace SynthKit.IO;

/// <summary>
/// Reads and writes the JSON forms of SynthKit's value types — the same text as in CSV (ISO 8601 dates, invariant
/// numbers). Generated synthesizers call these; a value of the wrong JSON type raises an error with its position.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code
public static class JsonValues
{
    /// <summary>Writes an ISO 8601 timestamp.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTime value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteString(name, buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes an ISO 8601 timestamp with offset.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteString(name, buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes an ISO 8601 date.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, DateOnly value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteString(name, buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes an ISO 8601 time of day.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, TimeOnly value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteString(name, buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes a time span in the invariant <c>c</c> format.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, TimeSpan value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteString(name, buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes a single character as a one-character string.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The property name.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, JsonEncodedText name, char value)
    {
        Span<char> one = stackalloc char[1];
        one[0] = value;
        writer.WriteString(name, one);
    }

    /// <summary>Writes an ISO 8601 timestamp as an array element.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue(Utf8JsonWriter writer, DateTime value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteStringValue(buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes an ISO 8601 timestamp with offset as an array element.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteStringValue(buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes an ISO 8601 date as an array element.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue(Utf8JsonWriter writer, DateOnly value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteStringValue(buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes an ISO 8601 time of day as an array element.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue(Utf8JsonWriter writer, TimeOnly value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteStringValue(buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes a time span in the invariant <c>c</c> format as an array element.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue(Utf8JsonWriter writer, TimeSpan value)
    {
        Span<byte> buffer = stackalloc byte[IsoFormat.MaxLength];
        writer.WriteStringValue(buffer.Slice(0, IsoFormat.Write(value, buffer)));
    }

    /// <summary>Writes a single character as a one-character string array element.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void WriteValue(Utf8JsonWriter writer, char value)
    {
        Span<char> one = stackalloc char[1];
        one[0] = value;
        writer.WriteStringValue(one);
    }

    /// <summary>Whether the current token is JSON <c>null</c>.</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>Whether it is null.</returns>
    public static bool IsNull(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null;

    /// <summary>Reads a string value (or null).</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static string? ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => reader.GetString(),
            _ => throw Expected(ref reader, "a string"),
        };

    /// <summary>Reads a one-character string.</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static char ReadChar(ref Utf8JsonReader reader)
    {
        string? text = ReadString(ref reader);
        return text is { Length: 1 } ? text[0] : throw Expected(ref reader, "a one-character string");
    }

    /// <summary>Reads a boolean.</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static bool ReadBoolean(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.True or JsonTokenType.False ? reader.GetBoolean() : throw Expected(ref reader, "true or false");

    /// <summary>Reads a number parsed as <typeparamref name="T"/> (invariant culture).</summary>
    /// <typeparam name="T">A numeric type.</typeparam>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static T ReadNumber<T>(ref Utf8JsonReader reader)
        where T : IUtf8SpanParsable<T>
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw Expected(ref reader, "a number");
        }

        // A JSON number never means infinity: 1e400 read into a double would otherwise become one silently.
        return reader.HasValueSequence || !T.TryParse(reader.ValueSpan, CultureInfo.InvariantCulture, out var value)
            || (value is double d && !double.IsFinite(d)) || (value is float f && !float.IsFinite(f))
            ? throw Expected(ref reader, "a " + typeof(T).Name + " in its range")
            : value;
    }

    /// <summary>Reads a GUID string.</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static Guid ReadGuid(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var value) ? value : throw Expected(ref reader, "a GUID string");

    /// <summary>Reads an ISO 8601 timestamp string.</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static DateTime ReadDateTime(ref Utf8JsonReader reader) =>
        IsoFormat.TryParse(Text(ref reader, "an ISO 8601 timestamp"), out DateTime value) ? value : throw Expected(ref reader, "an ISO 8601 timestamp");

    /// <summary>Reads an ISO 8601 timestamp-with-offset string.</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader) =>
        IsoFormat.TryParse(Text(ref reader, "an ISO 8601 timestamp"), out DateTimeOffset value) ? value : throw Expected(ref reader, "an ISO 8601 timestamp with offset");

    /// <summary>Reads an ISO 8601 date string.</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader) =>
        IsoFormat.TryParse(Text(ref reader, "an ISO 8601 date"), out DateOnly value) ? value : throw Expected(ref reader, "an ISO 8601 date (yyyy-MM-dd)");

    /// <summary>Reads an ISO 8601 time-of-day string.</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static TimeOnly ReadTimeOnly(ref Utf8JsonReader reader) =>
        IsoFormat.TryParse(Text(ref reader, "an ISO 8601 time"), out TimeOnly value) ? value : throw Expected(ref reader, "an ISO 8601 time of day");

    /// <summary>Reads a time-span string in the invariant <c>c</c> format.</summary>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static TimeSpan ReadTimeSpan(ref Utf8JsonReader reader) =>
        IsoFormat.TryParse(Text(ref reader, "a time span"), out TimeSpan value) ? value : throw Expected(ref reader, "a time span ([-][d.]hh:mm:ss[.fffffff])");

    /// <summary>Reads an enum member name.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="reader">The reader, on a value token.</param>
    /// <returns>The value.</returns>
    public static TEnum ReadEnum<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, Enum =>
        IsoFormat.TryParseName(Text(ref reader, "a " + typeof(TEnum).Name + " name"), out TEnum value) ? value : throw Expected(ref reader, "a " + typeof(TEnum).Name + " name");

    /// <summary>Moves to the next token, failing at the end of input.</summary>
    /// <param name="reader">The reader.</param>
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON object is not complete.", null, 0, reader.BytesConsumed);
        }
    }

    /// <summary>The error for a missing property whose member cannot be null (the object ends at the reader's position).</summary>
    /// <param name="reader">The reader, at the object's end.</param>
    /// <param name="name">The property.</param>
    /// <returns>The exception to throw; the JSON Lines reader turns it into SK4002 with the line and column.</returns>
    public static JsonException Missing(ref Utf8JsonReader reader, string name) =>
        new($"The object has no property '{name}', whose member cannot be null; SynthKit writes every member.", null, 0, reader.TokenStartIndex);

    /// <summary>The error for an unexpected token.</summary>
    /// <param name="reader">The reader, at the token.</param>
    /// <param name="what">What was expected.</param>
    /// <returns>The exception to throw.</returns>
    public static JsonException Expected(ref Utf8JsonReader reader, string what) =>
        new($"Expected {what} but found {Describe(ref reader)}.", null, 0, reader.TokenStartIndex);

    private static ReadOnlySpan<char> Text(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw Expected(ref reader, what);
        }

        return reader.GetString().AsSpan();
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "the string \"" + Shorten(reader.GetString()) + "\"",
        JsonTokenType.Number => "the number " + System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        var other => other.ToString(),
    };

    private static string? Shorten(string? text) => text is { Length: > 40 } ? text.Substring(0, 40) + "…" : text;
}
