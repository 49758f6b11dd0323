using SynthKit.CodeAnalysis;
using System.Linq;
using SynthKit.Generators.Model;

namespace SynthKit.Generators.Emit;

internal sealed partial class SynthesizerEmitter
{
    private string NotFlatMessage(string format) =>
        Str($"The schema '{_model.SchemaName}' has list members ({string.Join(", ", CollectionsOf(_model.Root, string.Empty).Select(c => c.Path))}), which {format} cannot carry; write JSON Lines instead, or mark the lists [SynthIgnore].");

    /// <summary>
    /// On a schema with list members, the flat-format methods are marked obsolete-as-error with SK4001, so a call is a
    /// compile-time error with the same code and message the run time would throw (the interface still reaches them).
    /// </summary>
    private string NotFlatObsolete(string format) => _model.HasCollections
        ? $"[global::System.Obsolete({NotFlatMessage(format)}, true, DiagnosticId = \"SK4001\", UrlFormat = \"https://github.com/synthkit/synthkit/blob/main/docs/diagnostics/{{0}}.md\")] "
        : string.Empty;

    private void EmitCsv()
    {
        bool flat = !_model.HasCollections;
        string obsolete = NotFlatObsolete("CSV");
        var columns = flat ? Flatten(_model.Root) : new System.Collections.Generic.List<FlatColumn>();
        _w.WriteLine($"private static readonly string[] s_csvColumns = {{ {string.Join(", ", columns.Select(c => Str(c.Path)))} }};");
        _w.WriteLine();
        _w.WriteLine($$"""
            /// <summary>Writes rows <c>0 … count - 1</c> as CSV (RFC 4180, UTF-8 without BOM, header row, invariant culture, ISO 8601 dates, <c>\n</c> line ends).</summary>
            /// <param name="destination">Where to write; left open.</param>
            /// <param name="count">The number of rows.</param>
            {{obsolete}}public void WriteCsv(global::System.IO.Stream destination, int count) => WriteCsv(destination, 0, count);

            /// <inheritdoc />
            {{obsolete}}public void WriteCsv(global::System.IO.Stream destination, long start, int count)
            """);
        _w.OpenBlock();
        _w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(destination);");
        _w.WriteLine("ValidateRange(start, count);");
        if (!flat)
        {
            _w.WriteLine($"throw new global::SynthKit.SynthKitException(global::SynthKit.ErrorCodes.NestedListNotFlat, {NotFlatMessage("CSV")});");
        }
        else
        {
            _w.WriteLine($$"""
                using var writer = new {{Io}}.CsvWriter(destination);
                writer.WriteHeader(s_csvColumns);
                var random = new {{Rng}}() { Locale = _locale };
                long end = start + count;
                for (long index = start; index < end; index++)
                {
                    WriteCsv_{{_model.Root.Id}}(writer, CreateRow(random, index));
                    writer.EndRow();
                }
                """);
        }

        _w.CloseBlock();
        _w.WriteLine();
        _w.WriteLine($$"""
            /// <summary>
            /// Reads rows back from CSV written by <see cref="WriteCsv(global::System.IO.Stream, int)"/> (or any RFC 4180 file with a header
            /// naming these columns, in any order). Malformed input raises <see cref="global::SynthKit.SynthKitException"/> with its line and column.
            /// </summary>
            /// <param name="source">The stream to read; left open.</param>
            /// <param name="path">The file name to report in errors, if any.</param>
            /// <returns>The rows, read lazily.</returns>
            {{obsolete}}public static global::System.Collections.Generic.IEnumerable<{{_rowType}}> ReadCsv(global::System.IO.Stream source, string? path = null)
            """);
        _w.OpenBlock();
        _w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(source);");
        if (!flat)
        {
            _w.WriteLine($"throw new global::SynthKit.SynthKitException(global::SynthKit.ErrorCodes.NestedListNotFlat, {NotFlatMessage("CSV")});");
        }
        else
        {
            _w.WriteLine("return ReadCsvCore(source, path);");
        }

        _w.CloseBlock();
        _w.WriteLine();
        EmitFill(flat);
        if (!flat)
        {
            return;
        }

        EmitToColumns();

        _w.WriteLine($$"""
            private static global::System.Collections.Generic.IEnumerable<{{_rowType}}> ReadCsvCore(global::System.IO.Stream source, string? path)
            {
                using var reader = new {{Io}}.CsvReader(source, path);
                int[] map = reader.ReadHeader(s_csvColumns);
                while (reader.ReadRecord())
                {
                    yield return ReadCsv_{{_model.Root.Id}}(reader, map, 0);
                }
            }

            """);
        foreach (var type in AllTypes)
        {
            EmitCsvWriter(type, "CsvWriter", "WriteCsv_");
            EmitCsvReader(type);
        }

        // The same walk fills columns: ColumnBatchWriter has CsvWriter's Write overloads, typed, so nothing boxes.
        foreach (var type in AllTypes)
        {
            EmitCsvWriter(type, "ColumnBatchWriter", "WriteColumns_");
        }
    }

    private void EmitCsvWriter(TypeModel type, string writerType, string prefix)
    {
        using (_w.Block($"private static void {prefix}{type.Id}({Io}.{writerType} writer, {type.FullName} value)"))
        {
            foreach (var member in type.Members)
            {
                string access = "value." + Id(member.Name);
                if (member.Kind == ValueKind.Nested)
                {
                    var nested = _types[member.NestedTypeId!];
                    int width = Flatten(nested).Count;
                    bool canBeNull = member.IsNullable || !nested.IsValueType;
                    if (canBeNull)
                    {
                        _w.WriteLine($"if ({access} is {{ }} {Local(member)})");
                        _w.OpenBlock();
                        _w.WriteLine($"{prefix}{nested.Id}(writer, {Local(member)});");
                        _w.CloseBlock();
                        _w.WriteLine("else");
                        _w.OpenBlock();
                        for (int i = 0; i < width; i++)
                        {
                            _w.WriteLine("writer.WriteNull();");
                        }

                        _w.CloseBlock();
                    }
                    else
                    {
                        _w.WriteLine($"{prefix}{nested.Id}(writer, {access});");
                    }

                    continue;
                }

                bool nullableValue = member.IsNullable && member.Kind != ValueKind.String;
                if (nullableValue)
                {
                    _w.WriteLine($"if ({access} is {{ }} {Local(member)})");
                    _w.OpenBlock();
                    _w.WriteLine(CsvWrite(member, Local(member)));
                    _w.CloseBlock();
                    _w.WriteLine("else");
                    _w.OpenBlock();
                    _w.WriteLine("writer.WriteNull();");
                    _w.CloseBlock();
                }
                else
                {
                    _w.WriteLine(CsvWrite(member, access));
                }
            }
        }

        _w.WriteLine();
    }

    private void EmitFill(bool flat)
    {
        _w.WriteLine("/// <inheritdoc />");
        _w.WriteLine(NotFlatObsolete("a column batch") + "public void Fill(global::SynthKit.ColumnBatch batch, long start, int count)");
        _w.OpenBlock();
        _w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(batch);");
        _w.WriteLine("ValidateRange(start, count);");
        if (!flat)
        {
            _w.WriteLine($"throw new global::SynthKit.SynthKitException(global::SynthKit.ErrorCodes.NestedListNotFlat, {NotFlatMessage("a column batch")});");
        }
        else
        {
            _w.WriteLine($$"""
                if (batch.Columns.Count != s_csvColumns.Length)
                {
                    throw new global::System.ArgumentException("The batch does not hold rows of this schema.", nameof(batch));
                }

                batch.Clear();
                batch.RowCount = count;
                batch.StartRow = start;
                var writer = new {{Io}}.ColumnBatchWriter(batch);
                var random = new {{Rng}}() { Locale = _locale };
                long end = start + count;
                for (long index = start; index < end; index++)
                {
                    WriteColumns_{{_model.Root.Id}}(writer, CreateRow(random, index));
                    writer.EndRow();
                }
                """);
        }

        _w.CloseBlock();
        _w.WriteLine();
    }

    /// <summary>
    /// Typed rows into columns (the same walk as <c>Fill</c>), registered for <c>SchemaColumns&lt;T&gt;</c> by a module
    /// initializer so that code which only knows the row type (evaluation of typed sequences) finds it without reflection.
    /// </summary>
    private void EmitToColumns()
    {
        _w.WriteLine($$"""
            /// <summary>
            /// Rows of <see cref="{{_rowType}}"/> — from anywhere, not only this synthesizer — as columns under <see cref="Spec"/>,
            /// without reflection: to evaluate real rows against synthetic ones, or to hand them to any column consumer.
            /// </summary>
            /// <param name="rows">The rows, enumerated once.</param>
            /// <returns>A batch holding every row.</returns>
            public static global::SynthKit.ColumnBatch ToColumns(global::System.Collections.Generic.IEnumerable<{{_rowType}}> rows)
            {
                global::System.ArgumentNullException.ThrowIfNull(rows);
                var list = rows as global::System.Collections.Generic.IReadOnlyList<{{_rowType}}> ?? new global::System.Collections.Generic.List<{{_rowType}}>(rows);
                var batch = new global::SynthKit.ColumnBatch(Spec, global::System.Math.Max(list.Count, 1)) { RowCount = list.Count };
                var writer = new {{Io}}.ColumnBatchWriter(batch);
                for (int i = 0; i < list.Count; i++)
                {
                    WriteColumns_{{_model.Root.Id}}(writer, list[i]);
                    writer.EndRow();
                }

                return batch;
            }

            [global::System.Runtime.CompilerServices.ModuleInitializer]
            internal static void RegisterColumns() => global::SynthKit.SchemaColumns<{{_rowType}}>.Register(ToColumns);

            """);
    }

    private string CsvWrite(MemberModel member, string value) =>
        member.Kind == ValueKind.Enum ? $"writer.Write(Name_{member.EnumId}({value}));"
        : member.Kind == ValueKind.Uri ? $"writer.Write({value}.OriginalString);"
        : $"writer.Write({value});";

    private void EmitCsvReader(TypeModel type)
    {
        using (_w.Block($"private static {type.FullName} ReadCsv_{type.Id}({Io}.CsvReader reader, int[] map, int offset)"))
        {
            int column = 0;
            foreach (var member in type.Members)
            {
                string field = column == 0 ? "map[offset]" : $"map[offset + {column}]";
                if (member.Kind == ValueKind.Nested)
                {
                    var nested = _types[member.NestedTypeId!];
                    int width = Flatten(nested).Count;
                    string read = $"ReadCsv_{nested.Id}(reader, map, offset + {column})";
                    _w.WriteLine(member.IsNullable
                        ? $"{member.DeclaredType} {Local(member)} = reader.AllNull(map, offset + {column}, {width}) ? null : {read};"
                        : $"{member.DeclaredType} {Local(member)} = {read};");
                    column += width;
                    continue;
                }

                string get = CsvGet(member, field);
                if (member.IsNullable && member.Kind != ValueKind.String)
                {
                    get = $"reader.IsNull({field}) ? null : {get}";
                }

                _w.WriteLine($"{member.DeclaredType} {Local(member)} = {get};");
                column++;
            }

            _w.WriteLine("return " + Construct(type, m => Local(m)) + ";");
        }

        _w.WriteLine();
    }

    private static string CsvGet(MemberModel member, string field) => member.Kind switch
    {
        ValueKind.String => member.IsNullable ? $"reader.GetString({field})" : $"reader.GetString({field}) ?? string.Empty",
        ValueKind.Char => $"reader.GetChar({field})",
        ValueKind.Uri => $"new global::System.Uri(reader.GetString({field}) ?? string.Empty, global::System.UriKind.RelativeOrAbsolute)",
        ValueKind.DateTime => $"reader.GetDateTime({field})",
        ValueKind.DateTimeOffset => $"reader.GetDateTimeOffset({field})",
        ValueKind.DateOnly => $"reader.GetDateOnly({field})",
        ValueKind.TimeOnly => $"reader.GetTimeOnly({field})",
        ValueKind.TimeSpan => $"reader.GetTimeSpan({field})",
        ValueKind.Enum => $"reader.GetEnum<{member.TypeName}>({field})",
        _ => $"reader.Get<{member.TypeName}>({field})",
    };
}
