using System.Linq;
using SynthKit.CodeAnalysis;
using SynthKit.Generators.Model;

namespace SynthKit.Generators.Emit;

internal sealed partial class SynthesizerEmitter
{
    private const string Json = "global::System.Text.Json";

    private void EmitJson()
    {
        foreach (var type in AllTypes)
        {
            foreach (var member in type.Members)
            {
                _w.WriteLine($"private static readonly {Json}.JsonEncodedText {JsonName(type, member)} = {Json}.JsonEncodedText.Encode({Str(member.Name)});");
            }
        }

        _w.WriteLine();
        _w.WriteLine($$"""
            /// <summary>Writes rows <c>0 … count - 1</c> as JSON Lines: one UTF-8 JSON object per line, nested objects and lists inline.</summary>
            /// <param name="destination">Where to write; left open.</param>
            /// <param name="count">The number of rows.</param>
            public void WriteJsonLines(global::System.IO.Stream destination, int count) => WriteJsonLines(destination, 0, count);

            /// <inheritdoc />
            public void WriteJsonLines(global::System.IO.Stream destination, long start, int count)
            {
                global::System.ArgumentNullException.ThrowIfNull(destination);
                ValidateRange(start, count);
                using var writer = new {{Io}}.JsonLinesWriter(destination);
                var random = new {{Rng}}() { Locale = _locale };
                long end = start + count;
                for (long index = start; index < end; index++)
                {
                    WriteJson_{{_model.Root.Id}}(writer.Json, CreateRow(random, index));
                    writer.EndRow();
                }
            }

            /// <summary>
            /// Reads rows back from JSON Lines written by <see cref="WriteJsonLines(global::System.IO.Stream, int)"/>. Unknown properties are
            /// skipped and missing ones keep their defaults; malformed input raises <see cref="global::SynthKit.SynthKitException"/> with its line and column.
            /// </summary>
            /// <param name="source">The stream to read; left open.</param>
            /// <param name="path">The file name to report in errors, if any.</param>
            /// <returns>The rows, read lazily.</returns>
            public static global::System.Collections.Generic.IEnumerable<{{_rowType}}> ReadJsonLines(global::System.IO.Stream source, string? path = null) =>
                {{Io}}.JsonLinesReader.Read<{{_rowType}}>(source, ReadJson_{{_model.Root.Id}}, path);

            """);
        foreach (var type in AllTypes)
        {
            EmitJsonWriter(type);
            EmitJsonReader(type);
        }
    }

    private void EmitJsonWriter(TypeModel type)
    {
        using (_w.Block($"private static void WriteJson_{type.Id}({Json}.Utf8JsonWriter writer, {type.FullName} value)"))
        {
            _w.WriteLine("writer.WriteStartObject();");
            foreach (var member in type.Members)
            {
                string name = JsonName(type, member);
                string access = "value." + Id(member.Name);
                bool canBeNull = member.IsNullable || member.Kind is ValueKind.String or ValueKind.Collection or ValueKind.Uri || (member.Kind == ValueKind.Nested && !_types[member.NestedTypeId!].IsValueType);
                if (canBeNull)
                {
                    _w.WriteLine($"if ({access} is {{ }} {Local(member)})");
                    _w.OpenBlock();
                    JsonWrite(member, name, Local(member));
                    _w.CloseBlock();
                    _w.WriteLine("else");
                    _w.OpenBlock();
                    _w.WriteLine($"writer.WriteNull({name});");
                    _w.CloseBlock();
                }
                else
                {
                    JsonWrite(member, name, access);
                }
            }

            _w.WriteLine("writer.WriteEndObject();");
        }

        _w.WriteLine();
    }

    private void JsonWrite(MemberModel member, string name, string value)
    {
        switch (member.Kind)
        {
            case ValueKind.Boolean:
                _w.WriteLine($"writer.WriteBoolean({name}, {value});");
                break;
            case ValueKind.SByte or ValueKind.Byte or ValueKind.Int16 or ValueKind.UInt16:
                _w.WriteLine($"writer.WriteNumber({name}, (int){value});");
                break;
            case ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal:
                _w.WriteLine($"writer.WriteNumber({name}, {value});");
                break;
            case ValueKind.String:
            case ValueKind.Guid:
                _w.WriteLine($"writer.WriteString({name}, {value});");
                break;
            case ValueKind.Uri:
                _w.WriteLine($"writer.WriteString({name}, {value}.OriginalString);");
                break;
            case ValueKind.Enum:
                _w.WriteLine($"writer.WriteString({name}, Name_{member.EnumId}({value}));");
                break;
            case ValueKind.Nested:
                _w.WriteLine($"writer.WritePropertyName({name});");
                _w.WriteLine($"WriteJson_{member.NestedTypeId}(writer, {value});");
                break;
            case ValueKind.Collection:
                _w.WriteLine($"writer.WriteStartArray({name});");
                _w.WriteLine($"foreach (var item in {value})");
                _w.OpenBlock();
                _w.WriteLine(member.ElementKind is null ? $"WriteJson_{member.NestedTypeId}(writer, item);" : JsonWriteValue(member.Element, "item"));
                _w.CloseBlock();
                _w.WriteLine("writer.WriteEndArray();");
                break;
            default:
                _w.WriteLine($"{Io}.JsonValues.Write(writer, {name}, {value});");
                break;
        }
    }

    /// <summary>An array element: the value without a property name.</summary>
    private static string JsonWriteValue(MemberModel element, string value) => element.Kind switch
    {
        ValueKind.Boolean => $"writer.WriteBooleanValue({value});",
        ValueKind.SByte or ValueKind.Byte or ValueKind.Int16 or ValueKind.UInt16 => $"writer.WriteNumberValue((int){value});",
        ValueKind.Int32 or ValueKind.UInt32 or ValueKind.Int64 or ValueKind.UInt64 or ValueKind.Single or ValueKind.Double or ValueKind.Decimal => $"writer.WriteNumberValue({value});",
        ValueKind.String or ValueKind.Guid => $"writer.WriteStringValue({value});",
        ValueKind.Uri => $"writer.WriteStringValue({value}.OriginalString);",
        ValueKind.Enum => $"writer.WriteStringValue(Name_{element.EnumId}({value}));",
        _ => $"{Io}.JsonValues.WriteValue(writer, {value});",
    };

    private void EmitJsonReader(TypeModel type)
    {
        using (_w.Block($"private static {type.FullName} ReadJson_{type.Id}(ref {Json}.Utf8JsonReader reader)"))
        {
            _w.WriteLine($$"""
                if (reader.TokenType != {{Json}}.JsonTokenType.StartObject)
                {
                    throw {{Io}}.JsonValues.Expected(ref reader, "an object");
                }

                """);
            foreach (var member in type.Members)
            {
                _w.WriteLine($"{member.DeclaredType} {Local(member)} = default!;");
                if (!member.IsNullable)
                {
                    _w.WriteLine($"bool h_{Local(member)} = false;");
                }
            }

            _w.WriteLine("while (true)");
            _w.OpenBlock();
            _w.WriteLine($"{Io}.JsonValues.Next(ref reader);");
            _w.WriteLine($"if (reader.TokenType == {Json}.JsonTokenType.EndObject)");
            _w.OpenBlock();
            _w.WriteLine("break;");
            _w.CloseBlock();
            _w.WriteLine();
            bool first = true;
            foreach (var member in type.Members)
            {
                _w.WriteLine($"{(first ? string.Empty : "else ")}if (reader.ValueTextEquals({Str(member.Name)}u8))");
                first = false;
                _w.OpenBlock();
                _w.WriteLine($"{Io}.JsonValues.Next(ref reader);");
                JsonRead(member);
                if (!member.IsNullable)
                {
                    _w.WriteLine($"h_{Local(member)} = true;");
                }

                _w.CloseBlock();
            }

            _w.WriteLine(first ? string.Empty : "else");
            _w.OpenBlock();
            _w.WriteLine($"{Io}.JsonValues.Next(ref reader);");
            _w.WriteLine("reader.Skip();");
            _w.CloseBlock();
            _w.CloseBlock();
            _w.WriteLine();

            // A member that cannot be null must be present: SynthKit writes every member, and a missing one would
            // otherwise read as null (or zero) where the type says it cannot be.
            foreach (var member in type.Members.Where(m => !m.IsNullable))
            {
                _w.WriteLine($"if (!h_{Local(member)}) throw {Io}.JsonValues.Missing(ref reader, {Str(member.Name)});");
            }

            _w.WriteLine("return " + Construct(type, m => Local(m)) + ";");
        }

        _w.WriteLine();
    }

    private void JsonRead(MemberModel member)
    {
        string v = Local(member);
        string read = ReadExpression(member);
        if (member.Kind == ValueKind.Collection)
        {
            if (member.IsNullable)
            {
                _w.WriteLine($"if (reader.TokenType == {Json}.JsonTokenType.Null)");
                _w.OpenBlock();
                _w.WriteLine($"{v} = null;");
                _w.WriteLine("continue;");
                _w.CloseBlock();
                _w.WriteLine();
            }

            string item = member.ElementKind is null ? $"ReadJson_{member.NestedTypeId}(ref reader)" : ReadExpression(member.Element);
            _w.WriteLine($$"""
                if (reader.TokenType != {{Json}}.JsonTokenType.StartArray)
                {
                    throw {{Io}}.JsonValues.Expected(ref reader, "an array");
                }

                var items = new global::System.Collections.Generic.List<{{member.TypeName}}>();
                while (true)
                {
                    {{Io}}.JsonValues.Next(ref reader);
                    if (reader.TokenType == {{Json}}.JsonTokenType.EndArray)
                    {
                        break;
                    }

                    items.Add({{item}});
                }

                {{v}} = {{(member.Collection == CollectionShape.Array ? "items.ToArray()" : "items")}};
                """);
            return;
        }

        bool nullable = member.IsNullable && member.Kind != ValueKind.String;
        _w.WriteLine(nullable
            ? $"{v} = reader.TokenType == {Json}.JsonTokenType.Null ? null : {read};"
            : $"{v} = {read};");
    }

    private static string ReadExpression(MemberModel member)
    {
        return member.Kind switch
        {
            ValueKind.Boolean => $"{Io}.JsonValues.ReadBoolean(ref reader)",
            ValueKind.Char => $"{Io}.JsonValues.ReadChar(ref reader)",
            ValueKind.String => member.IsNullable
                ? $"{Io}.JsonValues.ReadString(ref reader)"
                : $"{Io}.JsonValues.ReadString(ref reader) ?? throw {Io}.JsonValues.Expected(ref reader, \"a string\")",
            ValueKind.Guid => $"{Io}.JsonValues.ReadGuid(ref reader)",
            ValueKind.Uri => $"new global::System.Uri({Io}.JsonValues.ReadString(ref reader) ?? throw {Io}.JsonValues.Expected(ref reader, \"a string\"), global::System.UriKind.RelativeOrAbsolute)",
            ValueKind.DateTime => $"{Io}.JsonValues.ReadDateTime(ref reader)",
            ValueKind.DateTimeOffset => $"{Io}.JsonValues.ReadDateTimeOffset(ref reader)",
            ValueKind.DateOnly => $"{Io}.JsonValues.ReadDateOnly(ref reader)",
            ValueKind.TimeOnly => $"{Io}.JsonValues.ReadTimeOnly(ref reader)",
            ValueKind.TimeSpan => $"{Io}.JsonValues.ReadTimeSpan(ref reader)",
            ValueKind.Enum => $"{Io}.JsonValues.ReadEnum<{member.TypeName}>(ref reader)",
            ValueKind.Nested => $"ReadJson_{member.NestedTypeId}(ref reader)",
            ValueKind.Collection => string.Empty,
            _ => $"{Io}.JsonValues.ReadNumber<{member.TypeName}>(ref reader)",
        };
    }

    private static string JsonName(TypeModel type, MemberModel member) => "J_" + type.Id + "_" + Esc(member.Name);
}
