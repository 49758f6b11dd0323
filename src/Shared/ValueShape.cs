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
internal readonly record struct TypeShape(
    ValueKind Kind,
    string TypeName,
    bool IsNullable,
    EquatableArray<string> EnumNames,
    CollectionShape Collection,
    INamedTypeSymbol? NestedType,
    string? UnsupportedReason);

/// <summary>Classifies member types; shared by the generator and the analyzers.</summary>
internal static class ValueShape
{
    public const string SupportedTypes =
        "supported are primitives, decimal, string, enums, DateTime, DateTimeOffset, DateOnly, TimeOnly, TimeSpan, Guid, their nullable forms, nested schema types and lists or arrays of them; mark the member [SynthIgnore] to leave it at its default";

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

        string typeName = FullName(type);
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
            _ => typeName switch
            {
                "global::System.DateTimeOffset" => ValueKind.DateTimeOffset,
                "global::System.DateOnly" => ValueKind.DateOnly,
                "global::System.TimeOnly" => ValueKind.TimeOnly,
                "global::System.TimeSpan" => ValueKind.TimeSpan,
                "global::System.Guid" => ValueKind.Guid,
                _ => null,
            },
        };
        if (kind is { } k)
        {
            return new TypeShape(k, typeName, nullable, EquatableArray<string>.Empty, CollectionShape.None, null, null);
        }

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
            switch (generic.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            {
                case "global::System.Collections.Generic.List<T>":
                case "global::System.Collections.Generic.IList<T>":
                case "global::System.Collections.Generic.ICollection<T>":
                case "global::System.Collections.Generic.IEnumerable<T>":
                case "global::System.Collections.Generic.IReadOnlyList<T>":
                case "global::System.Collections.Generic.IReadOnlyCollection<T>":
                    element = generic.TypeArguments[0];
                    collection = CollectionShape.List;
                    break;
            }
        }

        if (element is not null)
        {
            return element is INamedTypeSymbol namedElement && IsNestedCandidate(namedElement)
                ? new TypeShape(ValueKind.Collection, FullName(element), nullable, EquatableArray<string>.Empty, collection, namedElement, null)
                : Unsupported(typeName, nullable, "lists and arrays hold nested schema types (classes, records or structs); lists of " + Display(element) + " are not supported");
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
        && !(type.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal) || ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal)));

    public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

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
