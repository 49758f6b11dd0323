using Microsoft.CodeAnalysis;
using SynthKit.CodeAnalysis;

namespace SynthKit.Analyzers;

/// <summary>SynthKit's attribute types, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    private KnownTypes(INamedTypeSymbol syntheticSchema, INamedTypeSymbol? synthesizer, INamedTypeSymbol? provenance)
    {
        SyntheticSchema = syntheticSchema;
        Synthesizer = synthesizer;
        Provenance = provenance;
    }

    public INamedTypeSymbol SyntheticSchema { get; }

    public INamedTypeSymbol? Synthesizer { get; }

    public INamedTypeSymbol? Provenance { get; }

    /// <summary>The known types, or null when the compilation does not reference SynthKit.Abstractions.</summary>
    public static KnownTypes? Resolve(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownNames.SyntheticSchema) is { } schema
            ? new KnownTypes(schema, compilation.GetTypeByMetadataName(KnownNames.Synthesizer), compilation.GetTypeByMetadataName(KnownNames.Provenance))
            : null;

    public bool IsSyntheticSchema(INamedTypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, SyntheticSchema);

    public bool IsSynthesizer(INamedTypeSymbol? type) => Synthesizer is not null && SymbolEqualityComparer.Default.Equals(type, Synthesizer);

    public bool IsProvenance(INamedTypeSymbol? type) => Provenance is not null && SymbolEqualityComparer.Default.Equals(type, Provenance);
}
