using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SynthKit.CodeAnalysis;

/// <summary>A member the generator fills: a property or field, the constructor parameter it flows through, and where its attributes sit.</summary>
/// <param name="Symbol">The property or field.</param>
/// <param name="Type">Its type.</param>
/// <param name="Annotation">Its nullable annotation.</param>
/// <param name="ConstructorIndex">The chosen constructor's parameter it is passed as, or -1.</param>
/// <param name="Parameter">The parameter whose attributes also apply: the chosen constructor's, or a record's primary constructor's.</param>
/// <param name="IsRequired">Whether it is a <c>required</c> member.</param>
internal readonly record struct SchemaMember(ISymbol Symbol, ITypeSymbol Type, NullableAnnotation Annotation, int ConstructorIndex, IParameterSymbol? Parameter, bool IsRequired)
{
    /// <summary>The member's attributes and its parameter's.</summary>
    public ImmutableArray<AttributeData> Attributes => Parameter is null ? Symbol.GetAttributes() : Symbol.GetAttributes().AddRange(Parameter.GetAttributes());
}

/// <summary>
/// The one list of a schema type's members that the generator fills and the analyzers check: instance properties and
/// fields of the type and its base classes (a derived member hides its base's), public or internal as long as the
/// compilation can reach them, that can be set or are passed to the constructor. Shared so that what is generated is
/// exactly what is analysed.
/// </summary>
internal static class SchemaMembers
{
    /// <summary>The constructor the generator calls: parameterless if there is one, else the widest whose parameters all match members.</summary>
    public static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, Func<ISymbol, bool> accessible)
    {
        var constructors = type.InstanceConstructors
            .Where(c => accessible(c) && !IsCopyConstructor(c, type))
            .ToList();
        var parameterless = constructors.FirstOrDefault(c => c.Parameters.Length == 0);
        if (parameterless is not null)
        {
            return parameterless;
        }

        foreach (var constructor in constructors.OrderByDescending(c => c.Parameters.Length))
        {
            if (constructor.Parameters.All(p => HasMatchingMember(type, p, accessible)))
            {
                return constructor;
            }
        }

        return null;
    }

    /// <summary>The members, in declaration order (base classes first).</summary>
    public static IEnumerable<SchemaMember> Collect(INamedTypeSymbol type, IMethodSymbol constructor, Func<ISymbol, bool> accessible)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var t = type; t is not null && t.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); t = t.BaseType)
        {
            chain.Insert(0, t);
        }

        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = new List<ISymbol>();
        foreach (var t in chain)
        {
            foreach (var symbol in t.GetMembers())
            {
                if (symbol.IsStatic || symbol.IsImplicitlyDeclared && symbol is IFieldSymbol)
                {
                    continue;
                }

                if (symbol is IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsConst: false } && !IsObsoleteError(symbol))
                {
                    if (byName.TryGetValue(symbol.Name, out int at))
                    {
                        ordered[at] = symbol;
                    }
                    else
                    {
                        byName[symbol.Name] = ordered.Count;
                        ordered.Add(symbol);
                    }
                }
            }
        }

        // A positional record's attributes sit on its primary constructor's parameters, even when another constructor is
        // chosen (a record struct always has a parameterless one).
        var primary = PrimaryConstructor(type);
        foreach (var symbol in ordered)
        {
            int constructorIndex = -1;
            IParameterSymbol? parameter = null;
            for (int i = 0; i < constructor.Parameters.Length; i++)
            {
                if (string.Equals(constructor.Parameters[i].Name, symbol.Name, StringComparison.OrdinalIgnoreCase))
                {
                    constructorIndex = i;
                    parameter = constructor.Parameters[i];
                    break;
                }
            }

            if (parameter is null && primary is not null && !SymbolEqualityComparer.Default.Equals(primary, constructor))
            {
                parameter = primary.Parameters.FirstOrDefault(p => p.Name == symbol.Name);
            }

            switch (symbol)
            {
                case IPropertySymbol property:
                    if (property.GetMethod is null || !accessible(property.GetMethod) || !accessible(property))
                    {
                        continue;
                    }

                    bool settable = property.SetMethod is not null && accessible(property.SetMethod);
                    if (!settable && constructorIndex < 0)
                    {
                        continue;
                    }

                    yield return new SchemaMember(property, property.Type, property.NullableAnnotation, constructorIndex, parameter, property.IsRequired);
                    break;

                case IFieldSymbol field:
                    if (!accessible(field) || (field.IsReadOnly && constructorIndex < 0))
                    {
                        continue;
                    }

                    yield return new SchemaMember(field, field.Type, field.NullableAnnotation, constructorIndex, parameter, field.IsRequired);
                    break;
            }
        }
    }

    /// <summary>A record's primary constructor: in source, the one declared by the type declaration; from metadata, the widest whose parameters all name its properties exactly.</summary>
    public static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol type)
    {
        if (!type.IsRecord)
        {
            return null;
        }

        IMethodSymbol? best = null;
        foreach (var c in type.InstanceConstructors)
        {
            if (c.Parameters.Length == 0 || IsCopyConstructor(c, type))
            {
                continue;
            }

            if (c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax))
            {
                return c;
            }

            if (c.Parameters.All(p => type.GetMembers(p.Name).Any(m => m is IPropertySymbol)) && (best is null || c.Parameters.Length > best.Parameters.Length))
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>[Obsolete(…, true)]: assigning it is a compile error (CS0619), so it is not a member the generator can fill.</summary>
    private static bool IsObsoleteError(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "ObsoleteAttribute", ContainingNamespace.Name: "System" }
                && attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is true)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static bool HasMatchingMember(INamedTypeSymbol type, IParameterSymbol parameter, Func<ISymbol, bool> accessible)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var symbol in t.GetMembers())
            {
                if (!string.Equals(symbol.Name, parameter.Name, StringComparison.OrdinalIgnoreCase) || symbol.IsStatic)
                {
                    continue;
                }

                var memberType = symbol switch
                {
                    IPropertySymbol { IsIndexer: false } p when p.GetMethod is not null && accessible(p.GetMethod) => p.Type,
                    IFieldSymbol { IsConst: false } f when accessible(f) => f.Type,
                    _ => null,
                };
                if (memberType is not null && SymbolEqualityComparer.Default.Equals(memberType, parameter.Type))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
