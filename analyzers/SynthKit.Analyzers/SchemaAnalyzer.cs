using System.Collections.Concurrent;
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
        DiagnosticDescriptors.InvalidTextArgument,
        DiagnosticDescriptors.InvalidMemberReference,
        DiagnosticDescriptors.DependencyCycle,
        DiagnosticDescriptors.UnknownLocale);

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

            var nestedSeen = new ConcurrentDictionary<ISymbol, byte>(SymbolEqualityComparer.Default);
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, known, nestedSeen), SymbolKind.NamedType);

            // [assembly: Provenance(...)] is checked once per compilation and reported from its own file. Walking every
            // attribute node to find it cost more than all the rest of the analysis together.
            var assemblyProvenance = start.Compilation.Assembly.GetAttributes().Where(a => known.IsProvenance(a.AttributeClass)).ToImmutableArray();
            if (!assemblyProvenance.IsEmpty)
            {
                start.RegisterSyntaxTreeAction(tree =>
                {
                    foreach (var attribute in assemblyProvenance)
                    {
                        if (attribute.ApplicationSyntaxReference?.SyntaxTree == tree.Tree)
                        {
                            CheckProvenanceAttribute(attribute, tree.ReportDiagnostic, tree.CancellationToken);
                        }
                    }
                });
            }
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownTypes known, ConcurrentDictionary<ISymbol, byte> nestedSeen)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return;
        }

        var typeAttributes = type.GetAttributes();
        foreach (var attribute in typeAttributes)
        {
            if (known.IsProvenance(attribute.AttributeClass))
            {
                CheckProvenanceAttribute(attribute, context.ReportDiagnostic, context.CancellationToken);
            }
        }

        bool declaredSchema = false;
        bool hasProvenance = false;
        foreach (var attribute in typeAttributes)
        {
            if (known.IsSyntheticSchema(attribute.AttributeClass) || known.IsSynthesizer(attribute.AttributeClass))
            {
                CheckLocale(attribute, context.ReportDiagnostic);
            }

            declaredSchema |= known.IsSyntheticSchema(attribute.AttributeClass);
            hasProvenance |= known.IsProvenance(attribute.AttributeClass);
            if (known.IsSynthesizer(attribute.AttributeClass))
            {
                AnalyzeSynthesizer(context, known, type, attribute, nestedSeen);
            }
        }

        if (!declaredSchema && !hasProvenance && !HasSynthKitMemberAttribute(type, known))
        {
            return; // not a schema: most types of a solution stop here, after one attribute lookup per member
        }

        var members = ReadMembers(type, known, context.Compilation, context.CancellationToken);
        CheckRowRules(members);
        foreach (var member in members)
        {
            member.ReportRuleProblems(context.ReportDiagnostic);
        }

        AnalyzePrivacy(context.ReportDiagnostic, members, location: null);
        AnalyzeNested(context, known, members, nestedSeen, new HashSet<ISymbol>(SymbolEqualityComparer.Default) { type });
        if (declaredSchema)
        {
            AnalyzeProvenance(context, known, type, schema: type, attributeOwner: type);
        }
    }

    /// <summary><c>Locale = "…"</c> on <c>[SyntheticSchema]</c> or <c>[Synthesizer]</c> names a locale SynthKit has (SK3016).</summary>
    private static void CheckLocale(AttributeData attribute, System.Action<Diagnostic> report)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Locale" && argument.Value.Value is string locale && Locales.Canonical(locale) is null)
            {
                var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
                report(Diagnostic.Create(DiagnosticDescriptors.UnknownLocale, location, locale, string.Join(", ", Locales.Names)));
            }
        }
    }

    /// <summary>Rules between members ([After], [OnlyWhen]): members they name, cycles (SK3014, SK3015).</summary>
    private static void CheckRowRules(List<MemberInfo> members)
    {
        var generated = members.Where(m => m.Shape.UnsupportedReason is null).ToList();
        var byName = generated.GroupBy(m => m.Name, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
        RowRules.Resolve(generated.Select(m => m.Row).ToList(), (descriptor, attribute, target, arguments) => byName[arguments[1]].AddProblem(descriptor, attribute, target, arguments));
    }

    /// <summary><c>[Synthesizer(typeof(T))]</c>: provenance, and the privacy of a <c>T</c> nothing else analyses.</summary>
    private static void AnalyzeSynthesizer(SymbolAnalysisContext context, KnownTypes known, INamedTypeSymbol synthesizer, AttributeData attribute, ConcurrentDictionary<ISymbol, byte> nestedSeen)
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

        if (HasSynthKitMemberAttribute(schema, known))
        {
            return;
        }

        var members = ReadMembers(schema, known, context.Compilation, context.CancellationToken);
        AnalyzeNested(context, known, members, nestedSeen, new HashSet<ISymbol>(SymbolEqualityComparer.Default) { schema });

        bool inSource = schema.Locations.Any(l => l.IsInSource) && SymbolEqualityComparer.Default.Equals(schema.ContainingAssembly, context.Compilation.Assembly);
        AnalyzePrivacy(context.ReportDiagnostic, members, location: inSource ? null : attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation());
    }

    /// <summary>The members the generator would fill, each with its attributes read (and rule problems collected).</summary>
    private static Location? SourceLocation(ISymbol symbol)
    {
        foreach (var location in symbol.Locations)
        {
            if (location.IsInSource)
            {
                return location;
            }
        }

        return null;
    }

    /// <summary>Whether any member or constructor parameter carries one of SynthKit's attributes.</summary>
    private static bool HasSynthKitMemberAttribute(INamedTypeSymbol type, KnownTypes known)
    {
        foreach (var symbol in type.GetMembers())
        {
            if (symbol is IPropertySymbol or IFieldSymbol && HasSynthKitAttribute(symbol.GetAttributes(), known))
            {
                return true;
            }
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (HasSynthKitAttribute(parameter.GetAttributes(), known))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasSynthKitAttribute(ImmutableArray<AttributeData> attributes, KnownTypes known)
    {
        foreach (var attribute in attributes)
        {
            if (known.IsSynthKit(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The members the generator fills (the shared <see cref="SchemaMembers"/> walk: base classes and internal members
    /// included, a positional record's parameters' attributes applied), each with its attributes read.
    /// </summary>
    private static List<MemberInfo> ReadMembers(INamedTypeSymbol type, KnownTypes known, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var members = new List<MemberInfo>();
        bool Accessible(ISymbol symbol) => compilation.IsSymbolAccessibleWithin(symbol, compilation.Assembly);
        var constructor = SchemaMembers.ChooseConstructor(type, Accessible);
        if (constructor is null)
        {
            return members; // SK3009 is the generator's; there is nothing to fill, so nothing to analyse
        }

        foreach (var candidate in SchemaMembers.Collect(type, constructor, Accessible))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var attributes = candidate.Attributes;
            bool ignored = false;
            foreach (var attribute in attributes)
            {
                ignored |= known.IsSynthIgnore(attribute.AttributeClass);
            }

            if (ignored)
            {
                continue;
            }

            var location = SourceLocation(candidate.Symbol) ?? (candidate.Parameter is null ? null : SourceLocation(candidate.Parameter));
            members.Add(MemberInfo.Read(candidate.Symbol, candidate.Type, candidate.Annotation, attributes, location, known));
        }

        return members;
    }

    /// <summary>
    /// Nested schema types (a member of type <c>Contact</c>, a <c>List&lt;Contact&gt;</c>) are generated through their
    /// parent, so they are analysed through it too — once per compilation, and only when they state nothing about
    /// themselves (a type with SynthKit attributes is analysed by its own symbol action).
    /// </summary>
    private static void AnalyzeNested(SymbolAnalysisContext context, KnownTypes known, List<MemberInfo> members, ConcurrentDictionary<ISymbol, byte> seen, HashSet<ISymbol> path)
    {
        foreach (var member in members)
        {
            if (member.Shape.NestedType is not { } nested || !path.Add(nested))
            {
                continue;
            }

            bool analysedOnItsOwn = nested.GetAttributes().Any(a => known.IsSyntheticSchema(a.AttributeClass) || known.IsProvenance(a.AttributeClass)) || HasSynthKitMemberAttribute(nested, known);
            var inner = ReadMembers(nested, known, context.Compilation, context.CancellationToken);
            if (!analysedOnItsOwn && seen.TryAdd(nested, 0) && nested.Locations.Any(l => l.IsInSource) && SymbolEqualityComparer.Default.Equals(nested.ContainingAssembly, context.Compilation.Assembly))
            {
                AnalyzePrivacy(context.ReportDiagnostic, inner, location: null);
            }

            AnalyzeNested(context, known, inner, seen, path);
            path.Remove(nested);
        }
    }
}
