using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthKit.Modeling;

/// <summary>
/// Arrays of numbers on one line each: a model holds thousands of knots and counts, and System.Text.Json's indented
/// writer would put every number on its own line. Numbers are written in their shortest round-trip form, as the
/// serializer itself writes them.
/// </summary>
internal abstract class CompactList<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("expected an array of numbers");
        }

        var list = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(ReadItem(ref reader));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        var text = new StringBuilder("[");
        Append(text, value);
        writer.WriteRawValue(text.Append(']').ToString(), skipInputValidation: true);
    }

    internal static void Append(StringBuilder text, IReadOnlyList<T> value)
    {
        for (int i = 0; i < value.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Format(value[i]));
        }
    }

    protected abstract T ReadItem(ref Utf8JsonReader reader);

    private static string Format(T item) => item switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        _ => Convert.ToString(item, CultureInfo.InvariantCulture)!,
    };
}

internal sealed class CompactDoubles : CompactList<double>
{
    protected override double ReadItem(ref Utf8JsonReader reader) => reader.GetDouble();
}

internal sealed class CompactInts : CompactList<int>
{
    protected override int ReadItem(ref Utf8JsonReader reader) => reader.GetInt32();
}

internal sealed class CompactLongs : CompactList<long>
{
    protected override long ReadItem(ref Utf8JsonReader reader) => reader.GetInt64();
}

/// <summary>A matrix as one array per line.</summary>
internal sealed class CompactMatrix : JsonConverter<IReadOnlyList<IReadOnlyList<double>>>
{
    private static readonly CompactDoubles Row = new();

    public override IReadOnlyList<IReadOnlyList<double>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("expected an array of arrays of numbers");
        }

        var rows = new List<IReadOnlyList<double>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            rows.Add(Row.Read(ref reader, typeof(IReadOnlyList<double>), options));
        }

        return rows;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<IReadOnlyList<double>> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var row in value)
        {
            Row.Write(writer, row, options);
        }

        writer.WriteEndArray();
    }
}
