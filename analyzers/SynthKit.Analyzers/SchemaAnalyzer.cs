using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SynthKit.CodeAnalysis;

namespace SynthKit.Analyzers;

/// <summary>
/// Analyses synthetic-data schemas: privacy (SK1xxx), provenance (SK2xxx) and the schema rules the generator relies on
/// (SK3002–SK3008, SK3011). One pass per type reads each member's attributes once, with the same
/// <see cref="RuleReader"/> the generator uses, and reports every area from it.
/// </summary>
/// <remarks>
/// A type is analysed as a schema when it carries <c>[SyntheticSchema]</c>, when a <c>[Synthesizer(typeof(T))]</c>
/// names it, or when any of its members carries a SynthKit attribute (the domain-library case: models annotated in a
/// project that references only SynthKit.Abstractions).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class SchemaAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.UnmarkedPersonalData,
        DiagnosticDescriptors.UnmarkedQuasiIdentifier,
        DiagnosticDescriptors.UnmarkedSensitiveAttribute,
        DiagnosticDescriptors.PersonalDataLearned,
        DiagnosticDescriptors.MissingProvenance,
        DiagnosticDescriptors.EmptyProvenance,
        DiagnosticDescriptors.InvalidBounds,
        DiagnosticDescriptors.NonPositiveParameter,
        DiagnosticDescriptors.InvalidCategorical,
        DiagnosticDescriptors.ProbabilityOutOfRange,
        DiagnosticDescriptors.RuleNotApplicable,
        DiagnosticDescriptors.ConflictingRules,
        DiagnosticDescriptors.UniqueNotSupported,
        DiagnosticDescriptors.InvalidTextArgument);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // Resolve the well-known types once; a compilation without SynthKit.Abstractions costs nothing more.
            var known = KnownTypes.Resolve(start.Compilation);
            if (known is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, known), SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(node => AnalyzeProvenanceAttribute(node, known), Microsoft.CodeAnalysis.CSharp.SyntaxKind.Attribute);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return;
        }

        var typeAttributes = type.GetAttributes();
        var synthesizerAttribute = typeAttributes.FirstOrDefault(a => known.IsSynthesizer(a.AttributeClass));
        if (synthesizerAttribute is not null)
        {
            AnalyzeSynthesizer(context, known, type, synthesizerAttribute);
        }

        bool declaredSchema = typeAttributes.Any(a => known.IsSyntheticSchema(a.AttributeClass));
        var members = ReadMembers(type, context.CancellationToken);
        bool marked = declaredSchema || typeAttributes.Any(a => known.IsProvenance(a.AttributeClass)) || members.Any(m => m.Reader.SawSynthKitAttribute);
        if (!marked)
        {
            return;
        }

        foreach (var member in members)
        {
            member.ReportRuleProblems(context.ReportDiagnostic);
        }

        AnalyzePrivacy(context.ReportDiagnostic, members, location: null);
        if (declaredSchema)
        {
            AnalyzeProvenance(context, known, type, schema: type, attributeOwner: type);
        }
    }

    /// <summary><c>[Synthesizer(typeof(T))]</c>: provenance, and the privacy of a <c>T</c> nothing else analyses.</summary>
    private static void AnalyzeSynthesizer(SymbolAnalysisContext context, KnownTypes known, INamedTypeSymbol synthesizer, AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol schema || schema.TypeKind == TypeKind.Error)
        {
            return;
        }

        AnalyzeProvenance(context, known, synthesizer, schema, attributeOwner: synthesizer);

        // A schema that states nothing about itself (no SynthKit attribute anywhere) is analysed here; one with marks is
        // analysed by its own symbol action, in this compilation or in the project that declares it.
        var schemaAttributes = schema.GetAttributes();
        if (schemaAttributes.Any(a => known.IsSyntheticSchema(a.AttributeClass) || known.IsProvenance(a.AttributeClass)))
        {
            return;
        }

        var members = ReadMembers(schema, context.CancellationToken);
        if (members.Any(m => m.Reader.SawSynthKitAttribute))
        {
            return;
        }

        bool inSource = schema.Locations.Any(l => l.IsInSource) && SymbolEqualityComparer.Default.Equals(schema.ContainingAssembly, context.Compilation.Assembly);
        AnalyzePrivacy(context.ReportDiagnostic, members, location: inSource ? null : attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation());
    }

    /// <summary>The members the generator would fill, each with its attributes read (and rule problems collected).</summary>
    private static List<MemberInfo> ReadMembers(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, IParameterSymbol>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.GetAttributes().Length > 0 && !parameters.ContainsKey(parameter.Name))
                {
                    parameters[parameter.Name] = parameter;
                }
            }
        }

        var members = new List<MemberInfo>();
        foreach (var symbol in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (symbol.IsStatic || symbol.IsImplicitlyDeclared && symbol is not IPropertySymbol || symbol.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            (ITypeSymbol Type, NullableAnnotation Annotation)? typed = symbol switch
            {
                IPropertySymbol { IsIndexer: false } p => (p.Type, p.NullableAnnotation),
                IFieldSymbol { IsConst: false } f => (f.Type, f.NullableAnnotation),
                _ => null,
            };
            if (typed is not { } t)
            {
                continue;
            }

            parameters.TryGetValue(symbol.Name, out var parameter);
            var attributes = parameter is null ? symbol.GetAttributes() : symbol.GetAttributes().AddRange(parameter.GetAttributes());
            if (attributes.Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.SynthIgnore))
            {
                continue;
            }

            var location = symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? parameter?.Locations.FirstOrDefault(l => l.IsInSource);
            members.Add(MemberInfo.Read(symbol, t.Type, t.Annotation, attributes, location));
        }

        return members;
    }
}
