using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SynthKit.CodeAnalysis;

namespace SynthKit.Analyzers;

/// <summary>One member of a schema, its type's shape and what its attributes say.</summary>
internal sealed class MemberInfo
{
    private readonly List<(DiagnosticDescriptor Descriptor, AttributeData? Attribute, ArgumentTarget Target, string[] Arguments)> _ruleProblems = new();

    private MemberInfo(ISymbol symbol, ITypeSymbol type, TypeShape shape, Location? location)
    {
        Symbol = symbol;
        Type = type;
        Shape = shape;
        Location = location;
        Reader = null!;
    }

    public ISymbol Symbol { get; }

    public string Name => Symbol.Name;

    public ITypeSymbol Type { get; }

    public TypeShape Shape { get; }

    public RuleReader Reader { get; private set; }

    /// <summary>The member's rule as the row rules see it ([After], [OnlyWhen]).</summary>
    public RowEntry Row { get; private set; } = null!;

    /// <summary>Records a problem found across members (SK3014, SK3015), reported with the member's own.</summary>
    public void AddProblem(DiagnosticDescriptor descriptor, AttributeData? attribute, ArgumentTarget target, string[] arguments) =>
        _ruleProblems.Add((descriptor, attribute, target, arguments));

    /// <summary>Where the member is declared (for positional records, the parameter); null when not in source.</summary>
    public Location? Location { get; }

    /// <summary>What the member's name says (read once, on first use).</summary>
    public NameHeuristics.Meaning Meaning => _meaning ??= NameHeuristics.Read(Symbol.Name);

    private NameHeuristics.Meaning? _meaning;

    public static MemberInfo Read(ISymbol symbol, ITypeSymbol type, NullableAnnotation annotation, ImmutableArray<AttributeData> attributes, Location? location, KnownTypes known)
    {
        var shape = ValueShape.Classify(type, annotation);
        var member = new MemberInfo(symbol, type, shape, location);
        var reader = new RuleReader(symbol.Name, shape.ElementKind is null ? shape : shape.Element, (descriptor, attribute, target, arguments) => member._ruleProblems.Add((descriptor, attribute, target, arguments)), known.NameOf);
        if (symbol.ContainingType is { } owner)
        {
            reader.Declaring = (owner, type);
        }

        foreach (var attribute in attributes)
        {
            reader.Add(attribute);
        }

        var (rule, modifiers, _) = reader.Finish();
        member.Reader = reader;
        member.Row = new RowEntry(symbol.Name, shape, rule, modifiers, reader.GenerationAttribute, reader.WhenAttribute);
        return member;
    }

    /// <summary>The attribute, or the argument of it a problem is about, in source.</summary>
    private static Location? Locate(AttributeData? attribute, ArgumentTarget target)
    {
        if (attribute?.ApplicationSyntaxReference?.GetSyntax() is not Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax syntax)
        {
            return null;
        }

        if (syntax.ArgumentList is { } list && (target.Index >= 0 || target.Name is not null))
        {
            int position = 0;
            foreach (var argument in list.Arguments)
            {
                bool named = argument.NameEquals is not null || argument.NameColon is not null;
                if (target.Name is not null && argument.NameEquals?.Name.Identifier.ValueText == target.Name)
                {
                    return argument.GetLocation();
                }

                if (target.Index >= 0 && !named && position++ == target.Index)
                {
                    return argument.GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>Reports what the rule reader found wrong with the arguments (the generator stays silent about these).</summary>
    public void ReportRuleProblems(Action<Diagnostic> report)
    {
        if (Shape.UnsupportedReason is not null)
        {
            return; // the generator reports the type (SK3001); rules on it are moot
        }

        foreach (var (descriptor, attribute, target, arguments) in _ruleProblems)
        {
            if (DiagnosticIds.IsGeneratorOwned(descriptor.Id))
            {
                continue;
            }

            var location = Locate(attribute, target) ?? Location;
            if (location is not null && location.IsInSource)
            {
                report(Diagnostic.Create(descriptor, location, arguments));
            }
        }
    }
}
