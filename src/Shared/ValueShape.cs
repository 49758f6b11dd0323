using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace SynthKit.CodeAnalysis;

/// <summary>What a member's type is, as SynthKit sees it.</summary>
/// <param name="Kind">The value kind (for lists: <see cref="ValueKind.Collection"/>).</param>
/// <param name="TypeName">The fully qualified type without nullability (for lists: the element type).</param>
/// <param name="IsNullable">Whether the member can hold null.</param>
/// <param name="EnumNames">For enums: the distinct defined member names, in declaration order.</param>
/// <param name="Collection">For lists: how the value is built.</param>
/// <param name="NestedType">For nested members and list elements: the schema type to fill (transient; never stored in a pipeline model).</param>
/// <param name="UnsupportedReason">Why the type cannot be generated, or null when it can.</param>
/// <param name="ElementKind">For lists of values (<c>List&lt;string&gt;</c>, <c>int[]</c>, lists of enums): the element's kind; null for lists of schema types.</param>
internal readonly record struct TypeShape(
    ValueKind Kind,
    string TypeName,
    bool IsNullable,
    EquatableArray<string> EnumNames,
    CollectionShape Collection,
    INamedTypeSymbol? NestedType,
    string? UnsupportedReason,
    ValueKind? ElementKind = null)
{
    /// <summary>For a list of values: the element's own shape (what its rule draws), with the list's collection shape.</summary>
    public TypeShape Element => new(ElementKind!.Value, TypeName, IsNullable, EnumNames, Collection, null, null, ElementKind); // nullable when the list is: [NullRate] is the list's
}

/// <summary>Classifies member types; shared by the generator and the analyzers.</summary>
internal static class ValueShape
{
    public const string SupportedTypes =
        "supported are primitives, decimal, string, enums, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Guid, Uri, their nullable forms, nested schema types and lists or arrays of them; mark the member [SynthIgnore] to leave it at its default";

    public static TypeShape Classify(ITypeSymbol type, NullableAnnotation annotation)
    {
        bool nullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableType)
        {
            type = nullableType.TypeArguments[0];
            nullable = true;
        }
        else if (type.IsReferenceType && annotation == NullableAnnotation.Annotated)
        {
            nullable = true;
        }

        ValueKind? kind = type.SpecialType switch
        {
            SpecialType.System_Boolean => ValueKind.Boolean,
            SpecialType.System_Char => ValueKind.Char,
            SpecialType.System_SByte => ValueKind.SByte,
            SpecialType.System_Byte => ValueKind.Byte,
            SpecialType.System_Int16 => ValueKind.Int16,
            SpecialType.System_UInt16 => ValueKind.UInt16,
            SpecialType.System_Int32 => ValueKind.Int32,
            SpecialType.System_UInt32 => ValueKind.UInt32,
            SpecialType.System_Int64 => ValueKind.Int64,
            SpecialType.System_UInt64 => ValueKind.UInt64,
            SpecialType.System_Single => ValueKind.Single,
            SpecialType.System_Double => ValueKind.Double,
            SpecialType.System_Decimal => ValueKind.Decimal,
            SpecialType.System_String => ValueKind.String,
            SpecialType.System_DateTime => ValueKind.DateTime,
            _ when type is INamedTypeSymbol { Arity: 0 } && IsInNamespace(type, "System") => type.Name switch
            {
                "DateTimeOffset" => ValueKind.DateTimeOffset,
                "DateOnly" => ValueKind.DateOnly,
                "TimeOnly" => ValueKind.TimeOnly,
                "TimeSpan" => ValueKind.TimeSpan,
                "Guid" => ValueKind.Guid,
                "Uri" => ValueKind.Uri,
                _ => null,
            },
            _ => null,
        };
        if (kind is { } k)
        {
            return new TypeShape(k, ScalarName(k), nullable, EquatableArray<string>.Empty, CollectionShape.None, null, null);
        }

        string typeName = FullName(type);

        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            var names = new List<string>();
            var seen = new HashSet<object>();
            foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
            {
                if (field.HasConstantValue && seen.Add(field.ConstantValue!))
                {
                    names.Add(field.Name);
                }
            }

            return names.Count == 0
                ? Unsupported(typeName, nullable, "the enum has no members to draw from")
                : new TypeShape(ValueKind.Enum, typeName, nullable, names.ToEquatableArray(), CollectionShape.None, null, null);
        }

        ITypeSymbol? element = null;
        var collection = CollectionShape.None;
        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            element = array.ElementType;
            collection = CollectionShape.Array;
        }
        else if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic)
        {
            if (generic.Name is "List" or "IList" or "ICollection" or "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection"
                && IsInNamespace(generic, "System", "Collections", "Generic"))
            {
                element = generic.TypeArguments[0];
                collection = CollectionShape.List;
            }
        }

        if (element is not null)
        {
            if (element is INamedTypeSymbol namedElement && IsNestedCandidate(namedElement))
            {
                return new TypeShape(ValueKind.Collection, FullName(element), nullable, EquatableArray<string>.Empty, collection, namedElement, null);
            }

            // Lists of values: strings, numbers, enums, dates … (not nullable elements, not lists of lists).
            var value = Classify(element, element.NullableAnnotation);
            return value.UnsupportedReason is null && value.Kind is not (ValueKind.Collection or ValueKind.Nested) && !value.IsNullable
                ? new TypeShape(ValueKind.Collection, value.TypeName, nullable, value.EnumNames, collection, null, null, value.Kind)
                : Unsupported(typeName, nullable, "lists and arrays hold nested schema types or values (strings, numbers, enums, dates) that are not null; lists of " + Display(element) + " are not supported");
        }

        if (type is INamedTypeSymbol named && IsNestedCandidate(named))
        {
            return new TypeShape(ValueKind.Nested, typeName, nullable, EquatableArray<string>.Empty, CollectionShape.None, named, null);
        }

        return Unsupported(typeName, nullable, SupportedTypes);
    }

    /// <summary>The member's declared type as C# (nullable where it is), for locals and overrides.</summary>
    public static string DeclaredType(ITypeSymbol type, TypeShape shape) =>
        shape.Kind == ValueKind.Collection
            ? FullName(type) + (shape.IsNullable && type.IsReferenceType ? "?" : string.Empty)
            : shape.TypeName + (shape.IsNullable ? "?" : string.Empty);

    public static bool IsNestedCandidate(INamedTypeSymbol type) =>
        type.TypeKind is TypeKind.Class or TypeKind.Struct
        && type.SpecialType == SpecialType.None
        && !type.IsAbstract
        && !type.IsStatic
        && !type.IsRefLikeType
        && OutermostNamespace(type) is not ("System" or "Microsoft");

    public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>An attribute class's metadata name (<c>Namespace.TypeAttribute</c>), computed from the symbol.</summary>
    public static string MetadataName(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Substring("global::".Length);

    /// <summary>The C# name <see cref="FullName"/> gives a scalar kind, without formatting a symbol.</summary>
    public static string ScalarName(ValueKind kind) => kind switch
    {
        ValueKind.Boolean => "bool",
        ValueKind.Char => "char",
        ValueKind.SByte => "sbyte",
        ValueKind.Byte => "byte",
        ValueKind.Int16 => "short",
        ValueKind.UInt16 => "ushort",
        ValueKind.Int32 => "int",
        ValueKind.UInt32 => "uint",
        ValueKind.Int64 => "long",
        ValueKind.UInt64 => "ulong",
        ValueKind.Single => "float",
        ValueKind.Double => "double",
        ValueKind.Decimal => "decimal",
        ValueKind.String => "string",
        _ => "global::System." + kind,
    };

    /// <summary>Whether a symbol sits directly in the namespace with the given parts (outermost first).</summary>
    public static bool IsInNamespace(ISymbol symbol, params string[] parts)
    {
        var ns = symbol.ContainingNamespace;
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            if (ns is null || ns.IsGlobalNamespace || ns.Name != parts[i])
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }

    private static string? OutermostNamespace(ISymbol symbol)
    {
        var ns = symbol.ContainingNamespace;
        string? name = null;
        while (ns is { IsGlobalNamespace: false })
        {
            name = ns.Name;
            ns = ns.ContainingNamespace;
        }

        return name;
    }

    public static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    /// <summary>Whether an attribute is of the given fully qualified metadata name.</summary>
    public static bool Is(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass is { } c && c.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == "global::" + metadataName;

    /// <summary>A named string argument of an attribute, or null.</summary>
    public static string? NamedString(AttributeData attribute, string name)
    {
        foreach (var pair in attribute.NamedArguments)
        {
            if (pair.Key == name)
            {
                return pair.Value.Value as string;
            }
        }

        return null;
    }

    private static TypeShape Unsupported(string typeName, bool nullable, string reason) =>
        new(default, typeName, nullable, EquatableArray<string>.Empty, CollectionShape.None, null, reason);
}
