using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SynthKit.CodeAnalysis;
using SynthKit.Generators.Model;

namespace SynthKit.Generators.Parsing;

internal sealed partial class SchemaParser
{
    private MemberModel? ParseMember(SchemaMember candidate, ImmutableArray<AttributeData> attributes, string schemaName, LocationInfo? typeLocation)
    {
        string name = candidate.Symbol.Name;
        var memberLocation = LocationInfo.From(candidate.Symbol.Locations.FirstOrDefault()) ?? typeLocation;
        var shape = ValueShape.Classify(candidate.Type, candidate.Annotation);
        if (shape.UnsupportedReason is { } reason)
        {
            Report(DiagnosticDescriptors.UnsupportedMemberType, memberLocation, name, CurrentTypeDisplay, ValueShape.Display(candidate.Type), reason);
            return null;
        }

        string? enumId = null;
        string? nestedId = null;
        if (shape.Kind == ValueKind.Enum || shape.ElementKind == ValueKind.Enum)
        {
            enumId = Identifier(shape.TypeName);
            _enums[shape.TypeName] = new EnumModel(enumId, shape.TypeName, shape.EnumNames);
        }
        else if (shape.NestedType is { } nested)
        {
            nestedId = ParseNested(nested, name, memberLocation);
            if (nestedId is null)
            {
                return null;
            }
        }

        // Argument errors (SK3002–SK3008, SK3011) are the analyzers' to report; the generator only falls back to defaults.
        // A list of values: its attributes are the elements' rules ([Categorical] on List<string>), [Count] its length.
        var reader = new RuleReader(name, shape.ElementKind is null ? shape : shape.Element, (descriptor, attribute, _, arguments) =>
        {
            if (DiagnosticIds.IsGeneratorOwned(descriptor.Id))
            {
                Report(descriptor, LocationInfo.From(attribute?.ApplicationSyntaxReference) ?? memberLocation, arguments);
            }
        });
        if (candidate.Symbol.ContainingType is { } owner)
        {
            reader.Declaring = (owner, candidate.Type);
        }

        foreach (var attribute in attributes)
        {
            reader.Add(attribute);
        }

        var (rule, modifiers, privacy) = reader.Finish();
        return new MemberModel(
            name,
            ValueShape.DeclaredType(candidate.Type, shape),
            shape.TypeName,
            shape.Kind,
            shape.IsNullable,
            candidate.ConstructorIndex,
            rule,
            modifiers,
            privacy,
            enumId,
            nestedId,
            shape.Collection,
            Hashing.KeyOf(schemaName + "." + name))
        {
            ElementKind = shape.ElementKind,
        };
    }

    private string CurrentTypeDisplay => _inProgress.Count > 0 ? _inProgress[_inProgress.Count - 1].Replace("global::", string.Empty) : "?";

    private string? ParseNested(INamedTypeSymbol type, string memberName, LocationInfo? location)
    {
        string fullName = FullName(type);
        if (_inProgress.Contains(fullName))
        {
            string path = string.Join(" → ", _inProgress.Select(p => p.Replace("global::", string.Empty))) + " → " + memberName;
            Report(DiagnosticDescriptors.RecursiveSchema, location, fullName.Replace("global::", string.Empty), path);
            return null;
        }

        if (!_nestedTypes.TryGetValue(fullName, out var existing))
        {
            var schemaAttribute = type.GetAttributes().FirstOrDefault(a => Is(a, KnownNames.SyntheticSchema));
            string schemaName = (schemaAttribute is null ? null : NamedString(schemaAttribute, "Name")) ?? type.Name;
            existing = ParseType(type, schemaName, location);
            _nestedTypes[fullName] = existing;
            if (existing is not null)
            {
                _nestedOrder.Add(fullName);
            }
        }

        return existing?.Id;
    }
}
