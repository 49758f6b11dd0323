using SynthKit.CodeAnalysis;

namespace SynthKit.Generators.Model;

/// <summary>Everything the emitter needs for one synthesizer. Holds no symbols, syntax or locations.</summary>
internal sealed record SchemaModel(
    string? Namespace,
    string SynthesizerName,
    bool IsUserDeclared,
    string Accessibility,
    string SchemaName,
    TypeModel Root,
    EquatableArray<TypeModel> NestedTypes,
    EquatableArray<EnumModel> Enums,
    ProvenanceModel? Provenance,
    string Fingerprint,
    EquatableArray<string> Constraints)
{
    /// <summary>The locale the fakes draw from, as Bogus spells it; null for <c>en</c>.</summary>
    public string? Locale { get; init; }

    /// <summary>The generated file's name: letters, digits, '.' and '_' only (a namespace <c>@class</c> has no '@' here).</summary>
    public string HintName
    {
        get
        {
            var name = new System.Text.StringBuilder();
            foreach (char c in (Namespace is null ? string.Empty : Namespace + ".") + SynthesizerName)
            {
                name.Append(char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_');
            }

            return name.Append(".g.cs").ToString();
        }
    }

    /// <summary>Whether any type reachable from the root has a list member (CSV and DataFrames cannot carry those).</summary>
    public bool HasCollections
    {
        get
        {
            foreach (var member in Root.Members)
            {
                if (member.Kind == ValueKind.Collection)
                {
                    return true;
                }
            }

            foreach (var type in NestedTypes)
            {
                foreach (var member in type.Members)
                {
                    if (member.Kind == ValueKind.Collection)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}

/// <summary>A schema type (the root or a nested one) and how to construct it.</summary>
/// <param name="Id">An identifier-safe name for emitted helper methods.</param>
/// <param name="FullName">The fully qualified type name (<c>global::…</c>).</param>
/// <param name="SchemaName">The name that prefixes its column keys.</param>
/// <param name="IsValueType">Whether the type is a struct.</param>
/// <param name="Members">Its generated members, in output order.</param>
/// <param name="ConstructorArguments">The constructor's parameters as member names ("" passes <c>default!</c>).</param>
/// <param name="DefaultedMembers">Required members that are not generated ([SynthIgnore]) and are set to <c>default!</c>.</param>
internal sealed record TypeModel(
    string Id,
    string FullName,
    string SchemaName,
    bool IsValueType,
    EquatableArray<MemberModel> Members,
    EquatableArray<string> ConstructorArguments,
    EquatableArray<string> DefaultedMembers)
{
    /// <summary>Indices into <see cref="Members"/> in the order they are drawn: every member after those it reads.</summary>
    public EquatableArray<int> DrawOrder { get; init; } = EquatableArray<int>.Empty;
}

/// <summary>An enum used by some member: its emitted helper name and its distinct defined members.</summary>
internal sealed record EnumModel(string Id, string FullName, EquatableArray<string> Names);

/// <summary>What <c>[Provenance]</c> declares.</summary>
internal sealed record ProvenanceModel(string? Source, string? Purpose, string? Owner, string? License);

/// <summary>One generated member.</summary>
internal sealed record MemberModel(
    string Name,
    string DeclaredType,
    string TypeName,
    ValueKind Kind,
    bool IsNullable,
    int ConstructorIndex,
    RuleModel Rule,
    ModifiersModel Modifiers,
    PrivacyModel Privacy,
    string? EnumId,
    string? NestedTypeId,
    CollectionShape Collection,
    ulong Key)
{
    /// <summary>For e-mail, user-name and full-name members: the same type's first-name member, if any.</summary>
    public string? FirstNameSource { get; init; }

    /// <summary>For e-mail, user-name and full-name members: the same type's last-name member, if any.</summary>
    public string? LastNameSource { get; init; }

    /// <summary>For first-name and full-name members: the same type's <c>Sex</c> or <c>Gender</c> member, if any.</summary>
    public string? SexSource { get; init; }

    /// <summary>
    /// For country and country-code members of a type that also has a state, city, postcode or street member: the
    /// locale's own country, so that the address holds together.
    /// </summary>
    public bool HomeCountry { get; init; }

    /// <summary>For lists of values: the element's kind (its rule is <see cref="Rule"/>); null otherwise.</summary>
    public ValueKind? ElementKind { get; init; }

    /// <summary>For lists of values: one element as a member of its own, which the rule draws.</summary>
    public MemberModel Element => this with
    {
        Kind = ElementKind!.Value,
        DeclaredType = TypeName,
        IsNullable = false,
        Collection = CollectionShape.None,
        ElementKind = null,
        Modifiers = Modifiers with { Unique = false, NullRate = 0 },
    };
}
