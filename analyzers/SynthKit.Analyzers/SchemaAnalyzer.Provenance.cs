using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SynthKit.CodeAnalysis;

namespace SynthKit.Analyzers;

public sealed partial class SchemaAnalyzer
{
    /// <summary>
    /// SK2001: a schema (declared with <c>[SyntheticSchema]</c>, or named by a <c>[Synthesizer]</c>) whose provenance is
    /// stated nowhere — not on the schema, the synthesizer, or either's assembly.
    /// </summary>
    private static void AnalyzeProvenance(SymbolAnalysisContext context, KnownTypes known, INamedTypeSymbol declaration, INamedTypeSymbol schema, INamedTypeSymbol attributeOwner)
    {
        var owners = new ISymbol[] { schema, attributeOwner, schema.ContainingAssembly, attributeOwner.ContainingAssembly };
        if (owners.Any(o => o.GetAttributes().Any(a => known.IsProvenance(a.AttributeClass))))
        {
            return;
        }

        var location = declaration.Locations.FirstOrDefault(l => l.IsInSource);
        if (location is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MissingProvenance, location, schema.Name, declaration.Name));
        }
    }

    /// <summary>SK2002: a <c>[Provenance]</c> (on a type or the assembly) whose Source or Purpose is empty or a placeholder.</summary>
    private static void CheckProvenanceAttribute(AttributeData attribute, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference is not { } syntax)
        {
            return;
        }

        bool noSource = IsMissing(ValueShape.NamedString(attribute, "Source"));
        bool noPurpose = IsMissing(ValueShape.NamedString(attribute, "Purpose"));
        if (!noSource && !noPurpose)
        {
            return;
        }

        string what = noSource && noPurpose ? "Source and Purpose" : noSource ? "Source" : "Purpose";
        string say = noSource && noPurpose
            ? "where the data (or the knowledge behind its rules) comes from, and what it is for"
            : noSource ? "where the data (or the knowledge behind its rules) comes from" : "what the synthetic data is for";
        report(Diagnostic.Create(DiagnosticDescriptors.EmptyProvenance, syntax.GetSyntax(cancellationToken).GetLocation(), what, say));
    }

    /// <summary>Empty, blank, or still the placeholder a skeleton was written with.</summary>
    private static bool IsMissing(string? value) =>
        string.IsNullOrWhiteSpace(value) || value!.Trim() is "…" or "..." || value.Trim().Equals("TODO", System.StringComparison.OrdinalIgnoreCase) || value.Trim().Equals("TBD", System.StringComparison.OrdinalIgnoreCase);
}
