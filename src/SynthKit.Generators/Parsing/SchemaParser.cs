using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SynthKit.CodeAnalysis;
using SynthKit.Generators.Model;

namespace SynthKit.Generators.Parsing;

/// <summary>The outcome of parsing one schema: a model to emit (when code can be produced) and diagnostics.</summary>
internal sealed record ParseResult(SchemaModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>No synthesizer and nothing to report.</summary>
    public static readonly ParseResult Nothing = new(null, EquatableArray<DiagnosticInfo>.Empty);
}

/// <summary>
/// Turns a schema type — declared in source or read from a referenced assembly's metadata — into a
/// <see cref="SchemaModel"/>. All symbol access happens here; nothing symbolic leaves.
/// </summary>
internal sealed partial class SchemaParser
{
    private readonly Compilation _compilation;
    private readonly LocationInfo? _fallbackLocation;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly Dictionary<string, TypeModel?> _nestedTypes = new(StringComparer.Ordinal);
    private readonly List<string> _nestedOrder = new();
    private readonly Dictionary<string, EnumModel> _enums = new(StringComparer.Ordinal);
    private readonly List<string> _inProgress = new();

    private SchemaParser(Compilation compilation, LocationInfo? fallbackLocation, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _fallbackLocation = fallbackLocation;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Mode 1: <c>[SyntheticSchema]</c> on a type declared in this compilation.</summary>
    public static ParseResult FromSchemaAttribute(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference) ?? LocationInfo.From(type.Locations.FirstOrDefault());
        var parser = new SchemaParser(context.SemanticModel.Compilation, location, cancellationToken);
        if (!IsFirstDeclarationWith(type, context.TargetNode, KnownNames.SyntheticSchema, cancellationToken))
        {
            return ParseResult.Nothing; // the attribute on another part of a partial type (CS0579): one synthesizer, from the first
        }

        string? accessibility = EffectiveAccessibility(type);
        if (accessibility is null)
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSchemaType, location, Display(type), "it (or a type that contains it) is private or protected; make it public or internal");
        }

        if (type.IsFileLocal)
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSchemaType, location, Display(type), "it is a file-local type, which the generated synthesizer (another file) cannot reach; make it internal");
        }

        if (type.IsGenericType)
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSchemaType, location, Display(type), "it is generic; declare [Synthesizer(typeof(" + type.Name + "<…>))] on a partial class for each closed type instead");
        }

        string schemaName = NamedString(attribute, "Name") ?? type.Name;
        // A nested schema type's synthesizer sits in the namespace, named after its containers (A.Row → A_RowSynthesizer),
        // so A.Row and B.Row in one namespace get two synthesizers, not one name twice.
        string synthesizerName = type.Name + "Synthesizer";
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            synthesizerName = container.Name + "_" + synthesizerName;
        }

        return parser.Build(type, schemaName, NamespaceOf(type), synthesizerName, isUserDeclared: false, accessibility, provenanceOwners: new ISymbol[] { type, type.ContainingAssembly }, locale: NamedString(attribute, "Locale"));
    }

    /// <summary>Mode 2: <c>[Synthesizer(typeof(T))]</c> on a partial class; <c>T</c> may come from metadata.</summary>
    public static ParseResult FromSynthesizerAttribute(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var synthesizer = (INamedTypeSymbol)context.TargetSymbol;
        var attribute = context.Attributes[0];
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference) ?? LocationInfo.From(synthesizer.Locations.FirstOrDefault());
        var parser = new SchemaParser(context.SemanticModel.Compilation, location, cancellationToken);
        var declaration = (ClassDeclarationSyntax)context.TargetNode;
        if (!IsFirstDeclarationWith(synthesizer, declaration, KnownNames.Synthesizer, cancellationToken))
        {
            return ParseResult.Nothing;
        }

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSynthesizerDeclaration, LocationInfo.From(declaration.Identifier.GetLocation()), synthesizer.Name, "must be declared partial");
        }

        if (synthesizer.ContainingType is not null)
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSynthesizerDeclaration, LocationInfo.From(declaration.Identifier.GetLocation()), synthesizer.Name, "must be a top-level class, not nested in another type");
        }

        if (synthesizer.IsGenericType || synthesizer.IsStatic)
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSynthesizerDeclaration, LocationInfo.From(declaration.Identifier.GetLocation()), synthesizer.Name, "must be a non-generic, non-static class");
        }

        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not INamedTypeSymbol schemaType || schemaType.TypeKind == TypeKind.Error)
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSchemaType, location, "?", "typeof(…) must name a class, record or struct");
        }

        if (schemaType.SpecialType != SpecialType.None || schemaType.TypeKind is TypeKind.Enum or TypeKind.Delegate || (schemaType.IsStatic && schemaType.TypeKind == TypeKind.Class))
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSchemaType, location, Display(schemaType), "typeof(…) must name a class, record or struct of your own, not a built-in type, an enum, a delegate or a static class");
        }

        if (schemaType.IsUnboundGenericType || schemaType.TypeArguments.Any(t => t is ITypeParameterSymbol))
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSchemaType, location, Display(schemaType), "an open generic type has no rows; close it, as in typeof(" + schemaType.Name + "<int>)");
        }

        if (!parser._compilation.IsSymbolAccessibleWithin(schemaType, parser._compilation.Assembly))
        {
            return parser.Fail(DiagnosticDescriptors.InvalidSchemaType, location, Display(schemaType), "it is not accessible from this assembly");
        }

        string schemaName = NamedString(attribute, "Name") ?? schemaType.Name;
        string accessibility = synthesizer.DeclaredAccessibility == Accessibility.Public ? "public" : "internal";
        return parser.Build(
            schemaType,
            schemaName,
            NamespaceOf(synthesizer),
            synthesizer.Name,
            isUserDeclared: true,
            accessibility,
            provenanceOwners: new ISymbol[] { schemaType, synthesizer, schemaType.ContainingAssembly, synthesizer.ContainingAssembly },
            locale: NamedString(attribute, "Locale") ?? schemaType.GetAttributes().Where(a => Is(a, KnownNames.SyntheticSchema)).Select(a => NamedString(a, "Locale")).FirstOrDefault());
    }

    private ParseResult Build(INamedTypeSymbol type, string schemaName, string? ns, string synthesizerName, bool isUserDeclared, string accessibility, ISymbol[] provenanceOwners, string? locale)
    {
        if (!IsConstructibleKind(type, out string? reason))
        {
            return Fail(DiagnosticDescriptors.InvalidSchemaType, _fallbackLocation, Display(type), reason!);
        }

        var root = ParseType(type, schemaName, _fallbackLocation);
        if (root is null)
        {
            return new ParseResult(null, _diagnostics.ToEquatableArray());
        }

        var nested = _nestedOrder.Select(n => _nestedTypes[n]).Where(t => t is not null).Select(t => t!).ToEquatableArray();
        var enums = _enums.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToEquatableArray();
        var provenance = ReadProvenance(provenanceOwners);
        string fingerprint = Fingerprint.Compute(schemaName, root, nested, _enums);
        var constraints = type.GetAttributes().Where(a => Is(a, KnownNames.Constraint) && a.ConstructorArguments.Length == 1 && a.ConstructorArguments[0].Value is string)
            .Select(a => (string)a.ConstructorArguments[0].Value!).ToEquatableArray();
        // An unknown locale is the analyzers' SK3016; the synthesizer then draws from en.
        string? canonical = Locales.Canonical(locale);
        var model = new SchemaModel(ns, synthesizerName, isUserDeclared, accessibility, schemaName, root, nested, enums, provenance, fingerprint, constraints)
        {
            Locale = canonical == "en" ? null : canonical,
        };
        return new ParseResult(model, _diagnostics.ToEquatableArray());
    }

    private ParseResult Fail(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
    {
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location ?? _fallbackLocation, arguments));
        return new ParseResult(null, _diagnostics.ToEquatableArray());
    }

    private void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location ?? _fallbackLocation, arguments));

    /// <summary>Parses a type's construction and members; null when it cannot be constructed.</summary>
    private TypeModel? ParseType(INamedTypeSymbol type, string schemaName, LocationInfo? location)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        string fullName = FullName(type);
        var constructor = ChooseConstructor(type);
        if (constructor is null)
        {
            Report(DiagnosticDescriptors.NoUsableConstructor, LocationInfo.From(type.Locations.FirstOrDefault()) ?? location, Display(type));
            return null;
        }

        _inProgress.Add(fullName);
        var members = new List<MemberModel>();
        var defaulted = new List<string>();
        var constructorArguments = new string[constructor.Parameters.Length];
        foreach (var candidate in CollectMembers(type, constructor))
        {
            var attributes = candidate.Attributes;
            if (attributes.Any(a => Is(a, KnownNames.SynthIgnore)))
            {
                if (candidate.IsRequired && candidate.ConstructorIndex < 0)
                {
                    defaulted.Add(candidate.Symbol.Name);
                }

                continue;
            }

            var member = ParseMember(candidate, attributes, schemaName, location);
            if (member is not null)
            {
                members.Add(member);
                if (candidate.ConstructorIndex >= 0)
                {
                    constructorArguments[candidate.ConstructorIndex] = member.Name;
                }
            }
            else if (candidate.IsRequired && candidate.ConstructorIndex < 0)
            {
                defaulted.Add(candidate.Symbol.Name);
            }
        }

        _inProgress.RemoveAt(_inProgress.Count - 1);
        LinkPersonNames(members);
        LinkAddress(members);
        var order = ResolveRowRules(members);
        return new TypeModel(
            Identifier(fullName),
            fullName,
            schemaName,
            type.IsValueType,
            members.ToEquatableArray(),
            constructorArguments.Select(a => a ?? string.Empty).ToEquatableArray(),
            defaulted.ToEquatableArray())
        {
            DrawOrder = order.ToEquatableArray(),
        };
    }

    /// <summary>
    /// Checks the rules between members (the analyzers report what is wrong; a broken rule falls back to the member's
    /// default here) and returns the order members are drawn in: dependencies first, otherwise declaration order.
    /// </summary>
    private int[] ResolveRowRules(List<MemberModel> members)
    {
        var entries = new List<RowEntry>(members.Count);
        foreach (var m in members)
        {
            var names = m.EnumId is not null && _enums.TryGetValue(m.TypeName, out var e) ? e.Names : EquatableArray<string>.Empty;
            var entry = new RowEntry(m.Name, new TypeShape(m.Kind, m.TypeName, m.IsNullable, names, m.Collection, null, null), m.Rule, m.Modifiers, null, null);
            entry.ImplicitSources.AddRange(new[] { m.FirstNameSource, m.LastNameSource, m.SexSource }.Where(x => x is not null)!);
            entries.Add(entry);
        }

        var order = RowRules.Resolve(entries, static (_, _, _, _) => { });
        for (int i = 0; i < members.Count; i++)
        {
            if (!entries[i].AfterValid)
            {
                members[i] = members[i] with { Rule = RuleModel.Simple(RuleKind.Default) };
            }

            if (!entries[i].WhenValid)
            {
                members[i] = members[i] with { Modifiers = members[i].Modifiers with { WhenSource = null, WhenValues = EquatableArray<string>.Empty } };
            }
        }

        return order;
    }

    /// <summary>
    /// A country (or country-code) member beside a state, city, postcode or street member is the locale's own country:
    /// the address's parts then come from one country's data instead of a US state beside a random country.
    /// </summary>
    private static void LinkAddress(List<MemberModel> members)
    {
        static bool IsPart(MemberModel m) => m.Kind == ValueKind.String
            && ((m.Rule.Kind == RuleKind.PiiFake && m.Rule.Code is PiiKinds.StreetAddress or PiiKinds.City or PiiKinds.State or PiiKinds.PostalCode)
                || (m.Rule.Kind == RuleKind.Fake && FakeKinds.Name(m.Rule.Code) is "City" or "State"));
        if (!members.Any(IsPart))
        {
            return;
        }

        for (int i = 0; i < members.Count; i++)
        {
            var m = members[i];
            if (m.Kind == ValueKind.String
                && ((m.Rule.Kind == RuleKind.PiiFake && m.Rule.Code == PiiKinds.Country) || (m.Rule.Kind == RuleKind.Fake && FakeKinds.Name(m.Rule.Code) is "Country" or "CountryCode")))
            {
                members[i] = m with { HomeCountry = true };
            }
        }
    }

    /// <summary>
    /// E-mail, user-name and full-name members derive from the same type's first- and last-name members; a first name
    /// is drawn from the list that matches the row's <c>Sex</c> or <c>Gender</c> member, if it has one.
    /// </summary>
    private static void LinkPersonNames(List<MemberModel> members)
    {
        string? sex = members.FirstOrDefault(m => m.Kind is ValueKind.String or ValueKind.Enum or ValueKind.Char
            && m.Modifiers.WhenSource is null && m.Rule.Kind is not RuleKind.After
            && (string.Equals(m.Name, "Sex", System.StringComparison.OrdinalIgnoreCase) || string.Equals(m.Name, "Gender", System.StringComparison.OrdinalIgnoreCase)))?.Name;
        if (sex is not null)
        {
            for (int i = 0; i < members.Count; i++)
            {
                if (members[i] is { Kind: ValueKind.String, Rule.Kind: RuleKind.PiiFake, Rule.Code: PiiKinds.FirstName or PiiKinds.FullName })
                {
                    members[i] = members[i] with { SexSource = sex };
                }
            }
        }

        string? first = members.FirstOrDefault(m => m.Kind == ValueKind.String && m.Rule.Kind == RuleKind.PiiFake && m.Rule.Code == PiiKinds.FirstName)?.Name;
        string? last = members.FirstOrDefault(m => m.Kind == ValueKind.String && m.Rule.Kind == RuleKind.PiiFake && m.Rule.Code == PiiKinds.LastName)?.Name;
        if (first is null && last is null)
        {
            return;
        }

        for (int i = 0; i < members.Count; i++)
        {
            var m = members[i];
            if (m.Kind == ValueKind.String && m.Rule.Kind == RuleKind.PiiFake && m.Rule.Code is PiiKinds.Email or PiiKinds.Username or PiiKinds.FullName)
            {
                members[i] = m with { FirstNameSource = first, LastNameSource = last };
            }
        }
    }

    private IEnumerable<SchemaMember> CollectMembers(INamedTypeSymbol type, IMethodSymbol constructor) => SchemaMembers.Collect(type, constructor, Accessible);

    private IMethodSymbol? ChooseConstructor(INamedTypeSymbol type) => SchemaMembers.ChooseConstructor(type, Accessible);

    private bool Accessible(ISymbol symbol) => _compilation.IsSymbolAccessibleWithin(symbol, _compilation.Assembly);

    private ProvenanceModel? ReadProvenance(ISymbol[] owners)
    {
        foreach (var owner in owners)
        {
            var attribute = owner.GetAttributes().FirstOrDefault(a => Is(a, KnownNames.Provenance));
            if (attribute is not null)
            {
                return new ProvenanceModel(NamedString(attribute, "Source"), NamedString(attribute, "Purpose"), NamedString(attribute, "Owner"), NamedString(attribute, "License"));
            }
        }

        return null;
    }

    private static bool IsConstructibleKind(INamedTypeSymbol type, out string? reason)
    {
        reason = type switch
        {
            { TypeKind: TypeKind.Interface } => "it is an interface; name a concrete class, record or struct",
            { TypeKind: TypeKind.Enum } => "it is an enum; enums are member types, not schemas",
            { TypeKind: TypeKind.Delegate } => "it is a delegate",
            { IsStatic: true } => "it is static",
            { IsAbstract: true } => "it is abstract; name a concrete type",
            { IsRefLikeType: true } => "it is a ref struct, which cannot be streamed",
            { TypeKind: not (TypeKind.Class or TypeKind.Struct) } => "it is not a class, record or struct",
            _ => null,
        };
        return reason is null;
    }

    private static string? EffectiveAccessibility(INamedTypeSymbol type)
    {
        bool isPublic = true;
        for (var t = type; t is not null; t = t.ContainingType)
        {
            switch (t.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    isPublic = false;
                    break;
                default:
                    return null;
            }
        }

        return isPublic ? "public" : "internal";
    }

    /// <summary>Whether <paramref name="node"/> is the declaration of <paramref name="type"/> that carries its first such attribute.</summary>
    private static bool IsFirstDeclarationWith(INamedTypeSymbol type, SyntaxNode node, string attributeName, CancellationToken cancellationToken)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (Is(attribute, attributeName))
            {
                var owner = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>();
                return owner is null || owner == node;
            }
        }

        return true;
    }

    private static string? NamespaceOf(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

    internal static string FullName(ITypeSymbol type) => ValueShape.FullName(type);

    internal static string Display(ITypeSymbol type) => ValueShape.Display(type);

    internal static string Identifier(string fullName)
    {
        // '_' is doubled and every other non-identifier character becomes one '_', so T.N.A_B and T.N_A.B differ.
        var text = new System.Text.StringBuilder(fullName.Length);
        foreach (char c in fullName.Replace("global::", string.Empty).Replace("@", string.Empty))
        {
            text.Append(c == '_' ? "__" : char.IsLetterOrDigit(c) ? c.ToString() : "_");
        }

        return text.ToString();
    }

    internal static bool Is(AttributeData attribute, string metadataName) => ValueShape.Is(attribute, metadataName);

    internal static string? NamedString(AttributeData attribute, string name) => ValueShape.NamedString(attribute, name);
}
