using SynthKit.CodeAnalysis;
using System.Collections.Generic;
using System.Linq;
using SynthKit.Generators.Model;
using SynthKit.Generators.Parsing;

namespace SynthKit.Generators.Emit;

internal sealed partial class SynthesizerEmitter
{
    /// <summary>A flat (CSV / DataFrame) column: a scalar member reached through a path of nested members.</summary>
    private sealed record FlatColumn(string Path, MemberModel Member, IReadOnlyList<MemberModel> Chain);

    /// <summary>The flat columns of a type: scalar members in order, nested objects expanded as <c>Member.Nested</c>.</summary>
    private List<FlatColumn> Flatten(TypeModel type)
    {
        var columns = new List<FlatColumn>();
        Flatten(type, string.Empty, new List<MemberModel>(), columns);
        return columns;
    }

    private void Flatten(TypeModel type, string prefix, List<MemberModel> chain, List<FlatColumn> columns)
    {
        foreach (var member in type.Members)
        {
            if (member.Kind == ValueKind.Nested)
            {
                chain.Add(member);
                Flatten(_types[member.NestedTypeId!], prefix + member.Name + ".", chain, columns);
                chain.RemoveAt(chain.Count - 1);
            }
            else if (member.Kind != ValueKind.Collection)
            {
                columns.Add(new FlatColumn(prefix + member.Name, member, chain.Concat(new[] { member }).ToList()));
            }
        }
    }

    private void EmitSchema()
    {
        _w.WriteLine("/// <summary>The schema: columns, their types, kinds, privacy marks and rules; provenance; fingerprint.</summary>");
        _w.WriteLine("public static global::SynthKit.SchemaDescription Schema { get; } = new global::SynthKit.SchemaDescription");
        _w.OpenBlock();
        _w.WriteLine($"Name = {Str(_model.SchemaName)},");
        _w.WriteLine($"ClrType = typeof({_rowType}),");
        _w.WriteLine($"Fingerprint = {Str(_model.Fingerprint)},");
        _w.WriteLine($"GeneratorVersion = {Str(GeneratorInfo.Version)},");
        EmitColumnArray("Columns", _model.Root);
        var collections = CollectionsOf(_model.Root, string.Empty).ToList();
        if (collections.Count > 0)
        {
            _w.WriteLine("Collections = new global::SynthKit.CollectionDescription[]");
            _w.OpenBlock();
            foreach (var (path, member) in collections)
            {
                _w.WriteLine("new global::SynthKit.CollectionDescription");
                _w.OpenBlock();
                _w.WriteLine($"Name = {Str(path)},");
                _w.WriteLine($"ElementType = typeof({member.TypeName}),");
                _w.WriteLine($"MinCount = {member.Modifiers.CountMin},");
                _w.WriteLine($"MaxCount = {member.Modifiers.CountMax},");
                // A list of values describes its elements as one column, "Value".
                EmitColumnArray("ElementColumns", member.ElementKind is null ? Flatten(_types[member.NestedTypeId!]) : new List<FlatColumn> { new("Value", member.Element, new[] { member.Element }) });
                _w.CloseBlock(",");
            }

            _w.CloseBlock(",");
        }

        if (_model.Provenance is { } p)
        {
            _w.WriteLine("Provenance = new global::SynthKit.ProvenanceInfo");
            _w.OpenBlock();
            _w.WriteLine($"Source = {Nullable(p.Source)},");
            _w.WriteLine($"Purpose = {Nullable(p.Purpose)},");
            _w.WriteLine($"Owner = {Nullable(p.Owner)},");
            _w.WriteLine($"License = {Nullable(p.License)},");
            _w.CloseBlock(",");
        }

        _w.CloseBlock(";");
        _w.WriteLine();
    }

    private IEnumerable<(string Path, MemberModel Member)> CollectionsOf(TypeModel type, string prefix)
    {
        foreach (var member in type.Members)
        {
            if (member.Kind == ValueKind.Collection)
            {
                yield return (prefix + member.Name, member);
            }
            else if (member.Kind == ValueKind.Nested)
            {
                foreach (var inner in CollectionsOf(_types[member.NestedTypeId!], prefix + member.Name + "."))
                {
                    yield return inner;
                }
            }
        }
    }

    private void EmitColumnArray(string property, TypeModel type) => EmitColumnArray(property, Flatten(type));

    private void EmitColumnArray(string property, List<FlatColumn> flat)
    {
        _w.WriteLine(property + " = new global::SynthKit.ColumnDescription[]");
        _w.OpenBlock();
        foreach (var column in flat)
        {
            var m = column.Member;
            bool nullable = column.Chain.Any(c => c.IsNullable);
            _w.WriteLine("new global::SynthKit.ColumnDescription");
            _w.OpenBlock();
            _w.WriteLine($"Name = {Str(column.Path)},");
            _w.WriteLine($"ClrType = typeof({m.TypeName}),");
            _w.WriteLine($"Kind = global::SynthKit.ColumnKind.{KindOf(m)},");
            _w.WriteLine($"IsNullable = {(nullable ? "true" : "false")},");
            if (m.Privacy.PiiKind > 0 && PiiKinds.Name(m.Privacy.PiiKind) is { } pii)
            {
                _w.WriteLine($"Pii = global::SynthKit.PiiKind.{pii},");
            }

            if (m.Privacy.NotPii)
            {
                _w.WriteLine("IsDeclaredNotPii = true,");
            }

            if (m.Privacy.QuasiIdentifier)
            {
                _w.WriteLine("IsQuasiIdentifier = true,");
            }

            if (m.Privacy.Sensitive)
            {
                _w.WriteLine("IsSensitive = true,");
            }

            if (m.Modifiers.Unique)
            {
                _w.WriteLine("IsUnique = true,");
            }

            if (m.Modifiers.NullRate > 0)
            {
                _w.WriteLine($"NullRate = {D(m.Modifiers.NullRate)},");
            }

            _w.WriteLine($"Rule = {Str(RuleText.Describe(m, _enums))},");
            var categories = m.Rule.Kind == RuleKind.Categorical ? m.Rule.Labels
                : m.Kind == ValueKind.Enum ? _enums[m.TypeName].Names
                : EquatableArray<string>.Empty;
            if (categories.Count > 0)
            {
                _w.WriteLine($"Categories = new string[] {{ {string.Join(", ", categories.Select(Str))} }},");
            }

            _w.CloseBlock(",");
        }

        _w.CloseBlock(",");
    }

    /// <summary>The description's column kind: the spec's statistical kind, with the privacy role folded in (PersonalData).</summary>
    private static string KindOf(MemberModel m)
    {
        if (m.Privacy.PiiKind > 0)
        {
            return "PersonalData";
        }

        return StatisticalKindOf(m) switch
        {
            "categorical" => "Categorical",
            "identifier" => "Identifier",
            "boolean" => "Boolean",
            "datetime" => "DateTime",
            "text" => "Text",
            _ => m.Kind is ValueKind.Single or ValueKind.Double or ValueKind.Decimal or ValueKind.TimeSpan ? "Continuous" : "Discrete",
        };
    }

    private static string Nullable(string? value) => value is null ? "null" : Str(value);
}
