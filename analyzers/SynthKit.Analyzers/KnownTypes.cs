using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;
using SynthKit.CodeAnalysis;

namespace SynthKit.Analyzers;

/// <summary>
/// SynthKit's attribute types (and the DataAnnotations it reads), resolved once per compilation, so that attributes are
/// recognised by a symbol lookup instead of formatting names.
/// </summary>
internal sealed class KnownTypes
{
    private readonly Dictionary<INamedTypeSymbol, string> _names;

    private KnownTypes(INamedTypeSymbol syntheticSchema, Dictionary<INamedTypeSymbol, string> names)
    {
        SyntheticSchema = syntheticSchema;
        _names = names;
        names.TryGetValue(syntheticSchema, out _);
        Synthesizer = Find(names, KnownNames.Synthesizer);
        Provenance = Find(names, KnownNames.Provenance);
        SynthIgnore = Find(names, KnownNames.SynthIgnore);
    }

    public INamedTypeSymbol SyntheticSchema { get; }

    public INamedTypeSymbol? Synthesizer { get; }

    public INamedTypeSymbol? Provenance { get; }

    public INamedTypeSymbol? SynthIgnore { get; }

    /// <summary>The known types, or null when the compilation does not reference SynthKit.Abstractions.</summary>
    public static KnownTypes? Resolve(Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(KnownNames.SyntheticSchema) is not { } schema)
        {
            return null;
        }

        var names = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
        foreach (var field in typeof(KnownNames).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.IsLiteral && field.GetValue(null) is string name && compilation.GetTypeByMetadataName(name) is { } type)
            {
                names[type] = name;
            }
        }

        return new KnownTypes(schema, names);
    }

    /// <summary>The metadata name of an attribute class SynthKit reads, or null for any other attribute.</summary>
    public string? NameOf(INamedTypeSymbol attributeClass) => _names.TryGetValue(attributeClass, out var name) ? name : null;

    /// <summary>Whether an attribute is one of SynthKit's own (not DataAnnotations).</summary>
    public bool IsSynthKit(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && _names.TryGetValue(attributeClass, out var name) && name.StartsWith("SynthKit.", System.StringComparison.Ordinal);

    public bool IsSyntheticSchema(INamedTypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, SyntheticSchema);

    public bool IsSynthesizer(INamedTypeSymbol? type) => Synthesizer is not null && SymbolEqualityComparer.Default.Equals(type, Synthesizer);

    public bool IsProvenance(INamedTypeSymbol? type) => Provenance is not null && SymbolEqualityComparer.Default.Equals(type, Provenance);

    public bool IsSynthIgnore(INamedTypeSymbol? type) => SynthIgnore is not null && SymbolEqualityComparer.Default.Equals(type, SynthIgnore);

    private static INamedTypeSymbol? Find(Dictionary<INamedTypeSymbol, string> names, string name)
    {
        foreach (var pair in names)
        {
            if (pair.Value == name)
            {
                return pair.Key;
            }
        }

        return null;
    }
}
