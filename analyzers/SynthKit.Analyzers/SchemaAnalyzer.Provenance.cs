using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

    /// <summary>SK2002: a <c>[Provenance]</c> (on a type or the assembly) whose Source or Purpose is empty. Checked once per attribute.</summary>
    private static void AnalyzeProvenanceAttribute(SyntaxNodeAnalysisContext context, KnownTypes known)
    {
        var syntax = (AttributeSyntax)context.Node;
        string name = syntax.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        if (name is not ("Provenance" or "ProvenanceAttribute")
            || context.SemanticModel.GetSymbolInfo(syntax, context.CancellationToken).Symbol is not IMethodSymbol { ContainingType: var type }
            || !known.IsProvenance(type))
        {
            return;
        }

        string? Named(string argument) => syntax.ArgumentList?.Arguments
            .Where(a => a.NameEquals?.Name.Identifier.ValueText == argument)
            .Select(a => context.SemanticModel.GetConstantValue(a.Expression, context.CancellationToken))
            .Select(c => c.HasValue ? c.Value as string : "?")
            .FirstOrDefault();

        bool noSource = IsMissing(Named("Source"));
        bool noPurpose = IsMissing(Named("Purpose"));
        if (!noSource && !noPurpose)
        {
            return;
        }

        string what = noSource && noPurpose ? "Source and Purpose" : noSource ? "Source" : "Purpose";
        string say = noSource && noPurpose
            ? "where the data (or the knowledge behind its rules) comes from, and what it is for"
            : noSource ? "where the data (or the knowledge behind its rules) comes from" : "what the synthetic data is for";
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EmptyProvenance, syntax.GetLocation(), what, say));
    }

    /// <summary>Empty, blank, or still the placeholder a skeleton was written with.</summary>
    private static bool IsMissing(string? value) =>
        string.IsNullOrWhiteSpace(value) || value!.Trim() is "…" or "..." || value.Trim().Equals("TODO", System.StringComparison.OrdinalIgnoreCase) || value.Trim().Equals("TBD", System.StringComparison.OrdinalIgnoreCase);
}
