using SynthKit.CodeAnalysis;
using System.Linq;
using SynthKit.Generators.Model;

namespace SynthKit.Generators.Emit;

internal sealed partial class SynthesizerEmitter
{
    private const string Mda = "global::Microsoft.Data.Analysis";

    private void EmitDataFrame()
    {
        bool flat = !_model.HasCollections;
        string obsolete = NotFlatObsolete("a DataFrame");
        _w.WriteLine($$"""
            /// <summary>Rows <c>0 … count - 1</c> as a Microsoft.Data.Analysis <c>DataFrame</c>, one typed column per flat column.</summary>
            /// <param name="count">The number of rows.</param>
            /// <returns>The frame.</returns>
            {{obsolete}}public {{Mda}}.DataFrame ToDataFrame(int count) => ToDataFrame(0, count);

            /// <summary>Rows <c>start … start + count - 1</c> as a DataFrame; enums become their names, nested objects <c>Member.Nested</c> columns.</summary>
            /// <param name="start">The first row index.</param>
            /// <param name="count">The number of rows.</param>
            /// <returns>The frame.</returns>
            {{obsolete}}public {{Mda}}.DataFrame ToDataFrame(long start, int count)
            """);
        _w.OpenBlock();
        _w.WriteLine("ValidateRange(start, count);");
        if (!flat)
        {
            _w.WriteLine($"throw new global::SynthKit.SynthKitException(global::SynthKit.ErrorCodes.NestedListNotFlat, {NotFlatMessage("a DataFrame")});");
            _w.CloseBlock();
            _w.WriteLine();
            EmitFromDataFrameHeader();
            _w.OpenBlock();
            _w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(frame);");
            _w.WriteLine($"throw new global::SynthKit.SynthKitException(global::SynthKit.ErrorCodes.NestedListNotFlat, {NotFlatMessage("a DataFrame")});");
            _w.CloseBlock();
            _w.WriteLine();
            return;
        }

        var columns = Flatten(_model.Root);
        for (int i = 0; i < columns.Count; i++)
        {
            _w.WriteLine($"var c{i} = new {FrameColumnType(columns[i].Member)}({Str(columns[i].Path)}, count);");
        }

        _w.WriteLine("long i = 0;");
        _w.WriteLine("foreach (var row in Generate(start, count))");
        _w.OpenBlock();
        for (int i = 0; i < columns.Count; i++)
        {
            _w.WriteLine($"c{i}[i] = {FrameValue(columns[i])};");
        }

        _w.WriteLine("i++;");
        _w.CloseBlock();
        _w.WriteLine();
        _w.WriteLine($"return new {Mda}.DataFrame({string.Join(", ", Enumerable.Range(0, columns.Count).Select(i => "c" + i))});");
        _w.CloseBlock();
        _w.WriteLine();

        EmitFromDataFrameHeader();
        _w.OpenBlock();
        _w.WriteLine("global::System.ArgumentNullException.ThrowIfNull(frame);");
        _w.WriteLine($"var columns = new {Mda}.DataFrameColumn[]");
        _w.OpenBlock();
        foreach (var column in columns)
        {
            _w.WriteLine($"global::SynthKit.Data.FrameValues.Require(frame, {Str(column.Path)}),");
        }

        _w.CloseBlock(";");
        _w.WriteLine("return FromDataFrameCore(frame.Rows.Count, columns);");
        _w.CloseBlock();
        _w.WriteLine();
        _w.WriteLine($$"""
            private static global::System.Collections.Generic.IEnumerable<{{_rowType}}> FromDataFrameCore(long rows, {{Mda}}.DataFrameColumn[] columns)
            {
                for (long row = 0; row < rows; row++)
                {
                    yield return FrameRow_{{_model.Root.Id}}(columns, row, 0);
                }
            }

            """);
        foreach (var type in AllTypes)
        {
            EmitFrameRow(type);
        }
    }

    private void EmitFromDataFrameHeader() =>
        _w.WriteLine($$"""
            /// <summary>
            /// Reads rows from a DataFrame whose columns are named as <see cref="ToDataFrame(int)"/> names them (extra columns are ignored).
            /// Values are converted from the column's type where they differ, with the invariant culture.
            /// </summary>
            /// <param name="frame">The frame.</param>
            /// <returns>The rows, read lazily.</returns>
            {{NotFlatObsolete("a DataFrame")}}public static global::System.Collections.Generic.IEnumerable<{{_rowType}}> FromDataFrame({{Mda}}.DataFrame frame)
            """);

    private void EmitFrameRow(TypeModel type)
    {
        using (_w.Block($"private static {type.FullName} FrameRow_{type.Id}({Mda}.DataFrameColumn[] columns, long row, int offset)"))
        {
            int column = 0;
            foreach (var member in type.Members)
            {
                string c = column == 0 ? "columns[offset]" : $"columns[offset + {column}]";
                if (member.Kind == ValueKind.Nested)
                {
                    var nested = _types[member.NestedTypeId!];
                    int width = Flatten(nested).Count;
                    string read = $"FrameRow_{nested.Id}(columns, row, offset + {column})";
                    if (member.IsNullable)
                    {
                        string allNull = string.Join(" && ", Enumerable.Range(column, width).Select(k => $"global::SynthKit.Data.FrameValues.IsNull(columns[offset + {k}], row)"));
                        read = $"{allNull} ? null : {read}";
                    }

                    _w.WriteLine($"{member.DeclaredType} {Local(member)} = {read};");
                    column += width;
                    continue;
                }

                string get = member.Kind switch
                {
                    ValueKind.String => member.IsNullable
                        ? $"global::SynthKit.Data.FrameValues.String({c}, row)"
                        : $"global::SynthKit.Data.FrameValues.String({c}, row) ?? string.Empty",
                    ValueKind.Enum => $"global::SynthKit.Data.FrameValues.Enum<{member.TypeName}>({c}, row)",
                    ValueKind.Uri => $"new global::System.Uri(global::SynthKit.Data.FrameValues.String({c}, row) ?? string.Empty, global::System.UriKind.RelativeOrAbsolute)",
                    _ => $"global::SynthKit.Data.FrameValues.Value<{member.TypeName}>({c}, row)",
                };
                if (member.IsNullable && member.Kind != ValueKind.String)
                {
                    get = $"global::SynthKit.Data.FrameValues.IsNull({c}, row) ? null : {get}";
                }

                _w.WriteLine($"{member.DeclaredType} {Local(member)} = {get};");
                column++;
            }

            _w.WriteLine("return " + Construct(type, m => Local(m)) + ";");
        }

        _w.WriteLine();
    }

    private static string FrameColumnType(MemberModel member) => member.Kind switch
    {
        ValueKind.Boolean => Mda + ".BooleanDataFrameColumn",
        ValueKind.Char => Mda + ".CharDataFrameColumn",
        ValueKind.SByte => Mda + ".SByteDataFrameColumn",
        ValueKind.Byte => Mda + ".ByteDataFrameColumn",
        ValueKind.Int16 => Mda + ".Int16DataFrameColumn",
        ValueKind.UInt16 => Mda + ".UInt16DataFrameColumn",
        ValueKind.Int32 => Mda + ".Int32DataFrameColumn",
        ValueKind.UInt32 => Mda + ".UInt32DataFrameColumn",
        ValueKind.Int64 => Mda + ".Int64DataFrameColumn",
        ValueKind.UInt64 => Mda + ".UInt64DataFrameColumn",
        ValueKind.Single => Mda + ".SingleDataFrameColumn",
        ValueKind.Double => Mda + ".DoubleDataFrameColumn",
        ValueKind.Decimal => Mda + ".DecimalDataFrameColumn",
        ValueKind.DateTime => Mda + ".DateTimeDataFrameColumn",
        ValueKind.String or ValueKind.Enum or ValueKind.Uri => Mda + ".StringDataFrameColumn",
        _ => $"{Mda}.PrimitiveDataFrameColumn<{member.TypeName}>",
    };

    /// <summary>The value of a flat column in <c>row</c>: a null-propagating path through nested objects.</summary>
    private string FrameValue(FlatColumn column)
    {
        string access = "row";
        for (int i = 0; i < column.Chain.Count; i++)
        {
            // Step past a nested object that can be null with ?. so the whole path yields null.
            bool previousCanBeNull = i > 0 && (column.Chain[i - 1].IsNullable || !_types[column.Chain[i - 1].NestedTypeId!].IsValueType);
            access += (previousCanBeNull ? "?." : ".") + Id(column.Chain[i].Name);
        }

        var member = column.Member;
        bool conditional = access.Contains("?.");
        if (member.Kind == ValueKind.Enum)
        {
            return member.IsNullable || conditional
                ? $"{access} is {{ }} e{Esc(column.Path).Replace(".", "_")} ? Name_{member.EnumId}(e{Esc(column.Path).Replace(".", "_")}) : null"
                : $"Name_{member.EnumId}({access})";
        }

        if (member.Kind == ValueKind.Uri)
        {
            return member.IsNullable || conditional ? access + "?.OriginalString" : access + ".OriginalString";
        }

        return access;
    }
}
