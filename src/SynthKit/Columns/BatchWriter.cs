using System;
using System.Collections.Generic;
using System.Text.Json;
using SynthKit.IO;

namespace SynthKit;

/// <summary>Writes the rows of a <see cref="ColumnBatch"/> as CSV and JSON Lines, with the bytes generated code writes.</summary>
internal static class BatchWriter
{
    public static void WriteCsvHeader(CsvWriter writer, TableSpec spec)
    {
        var names = new string[spec.Columns.Count];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = spec.Columns[i].Name;
        }

        writer.WriteHeader(names);
    }

    public static void WriteCsvRows(CsvWriter writer, ColumnBatch batch)
    {
        var columns = batch.Columns;
        for (int row = 0; row < batch.RowCount; row++)
        {
            for (int c = 0; c < columns.Count; c++)
            {
                WriteCsv(writer, columns[c], row);
            }

            writer.EndRow();
        }
    }

    private static void WriteCsv(CsvWriter writer, Column column, int row)
    {
        if (column.IsNull(row))
        {
            writer.WriteNull();
            return;
        }

        switch (column)
        {
            case StringColumn s: writer.WriteText(s.GetUtf8(row)); break;
            case CategoricalColumn k: writer.Write(k[row]); break;
            case Column<bool> b: writer.Write(b[row]); break;
            case Column<char> ch: writer.Write(ch[row]); break;
            case Column<sbyte> i8: writer.Write(i8[row]); break;
            case Column<byte> u8: writer.Write(u8[row]); break;
            case Column<short> i16: writer.Write(i16[row]); break;
            case Column<ushort> u16: writer.Write(u16[row]); break;
            case Column<int> i32: writer.Write(i32[row]); break;
            case Column<uint> u32: writer.Write(u32[row]); break;
            case Column<long> i64: writer.Write(i64[row]); break;
            case Column<ulong> u64: writer.Write(u64[row]); break;
            case Column<float> f32: writer.Write(f32[row]); break;
            case Column<double> f64: writer.Write(f64[row]); break;
            case Column<decimal> m: writer.Write(m[row]); break;
            case Column<DateOnly> d: writer.Write(d[row]); break;
            case Column<DateTime> dt: writer.Write(dt[row]); break;
            case Column<DateTimeOffset> dto: writer.Write(dto[row]); break;
            case Column<TimeOnly> t: writer.Write(t[row]); break;
            case Column<TimeSpan> ts: writer.Write(ts[row]); break;
            case Column<Guid> g: writer.Write(g[row]); break;
            default: throw new InvalidOperationException($"Column '{column.Name}' has no CSV form.");
        }
    }

    /// <summary>How flat columns nest back into JSON objects (<c>Home.Street</c> → <c>"Home": {"Street": …}</c>).</summary>
    internal sealed class JsonLayout
    {
        public JsonLayout(TableSpec spec)
        {
            var objects = SpecSynthesizer.ObjectPlan.Compile(spec);
            Root = new Node(null, -1);
            var byPrefix = new Dictionary<string, Node>(StringComparer.Ordinal) { [string.Empty] = Root };
            for (int c = 0; c < spec.Columns.Count; c++)
            {
                string name = spec.Columns[c].Name;
                var parent = Root;
                string prefix = string.Empty;
                int dot;
                int from = 0;
                while ((dot = name.IndexOf('.', from)) > 0)
                {
                    string next = name.Substring(0, dot + 1);
                    int obj = Array.FindIndex(objects, o => o.Prefix == next);
                    if (obj < 0)
                    {
                        break;
                    }

                    if (!byPrefix.TryGetValue(next, out var node))
                    {
                        node = new Node(JsonEncodedText.Encode(name.Substring(prefix.Length, dot - prefix.Length)), obj);
                        byPrefix[next] = node;
                        parent.Children.Add(node);
                    }

                    parent = node;
                    prefix = next;
                    from = dot + 1;
                }

                parent.Children.Add(new Node(JsonEncodedText.Encode(name.Substring(prefix.Length)), -1) { Column = c });
            }
        }

        public Node Root { get; }

        internal sealed class Node
        {
            public Node(JsonEncodedText? name, int obj)
            {
                Name = name;
                Object = obj;
            }

            public JsonEncodedText? Name { get; }

            public int Object { get; }

            public int Column { get; init; } = -1;

            public List<Node> Children { get; } = new();
        }
    }

    public static void WriteJsonRows(JsonLinesWriter writer, ColumnBatch batch, JsonLayout layout)
    {
        for (int row = 0; row < batch.RowCount; row++)
        {
            WriteObject(writer.Json, batch, layout.Root, row);
            writer.EndRow();
        }
    }

    private static void WriteObject(Utf8JsonWriter json, ColumnBatch batch, JsonLayout.Node node, int row)
    {
        json.WriteStartObject();
        foreach (var child in node.Children)
        {
            var name = child.Name!.Value;
            if (child.Column < 0)
            {
                if (batch.IsObjectNull(child.Object, row))
                {
                    json.WriteNull(name);
                }
                else
                {
                    json.WritePropertyName(name);
                    WriteObject(json, batch, child, row);
                }

                continue;
            }

            var column = batch[child.Column];
            if (column.IsNull(row))
            {
                json.WriteNull(name);
                continue;
            }

            switch (column)
            {
                case StringColumn s: json.WriteString(name, s.GetUtf8(row)); break;
                case CategoricalColumn k: json.WriteString(name, k[row]); break;
                case Column<bool> b: json.WriteBoolean(name, b[row]); break;
                case Column<char> ch: JsonValues.Write(json, name, ch[row]); break;
                case Column<sbyte> i8: json.WriteNumber(name, (int)i8[row]); break;
                case Column<byte> u8: json.WriteNumber(name, (int)u8[row]); break;
                case Column<short> i16: json.WriteNumber(name, (int)i16[row]); break;
                case Column<ushort> u16: json.WriteNumber(name, (int)u16[row]); break;
                case Column<int> i32: json.WriteNumber(name, i32[row]); break;
                case Column<uint> u32: json.WriteNumber(name, u32[row]); break;
                case Column<long> i64: json.WriteNumber(name, i64[row]); break;
                case Column<ulong> u64: json.WriteNumber(name, u64[row]); break;
                case Column<float> f32: json.WriteNumber(name, f32[row]); break;
                case Column<double> f64: json.WriteNumber(name, f64[row]); break;
                case Column<decimal> m: json.WriteNumber(name, m[row]); break;
                case Column<DateOnly> d: JsonValues.Write(json, name, d[row]); break;
                case Column<DateTime> dt: JsonValues.Write(json, name, dt[row]); break;
                case Column<DateTimeOffset> dto: JsonValues.Write(json, name, dto[row]); break;
                case Column<TimeOnly> t: JsonValues.Write(json, name, t[row]); break;
                case Column<TimeSpan> ts: JsonValues.Write(json, name, ts[row]); break;
                case Column<Guid> g: json.WriteString(name, g[row]); break;
                default: throw new InvalidOperationException($"Column '{column.Name}' has no JSON form.");
            }
        }

        json.WriteEndObject();
    }
}
