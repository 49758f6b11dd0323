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
    string Fingerprint)
{
    public string HintName => (Namespace is null ? string.Empty : Namespace + ".") + SynthesizerName + ".g.cs";

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
    EquatableArray<string> DefaultedMembers);

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
}

/// <summary>How a member's value is drawn.</summary>
/// <param name="Kind">The rule.</param>
/// <param name="Numbers">Numeric parameters (distribution parameters, weights, date ticks …).</param>
/// <param name="Values">Categorical values as C# expressions of the member's type.</param>
/// <param name="Labels">Categorical values as text, for the schema description.</param>
/// <param name="Code">The <c>PiiKind</c> or <c>FakeKind</c> number for fake-value rules.</param>
/// <param name="Text">The pattern, for pattern rules.</param>
internal sealed record RuleModel(
    RuleKind Kind,
    EquatableArray<double> Numbers,
    EquatableArray<string> Values,
    EquatableArray<string> Labels,
    int Code,
    string? Text)
{
    public static RuleModel Simple(RuleKind kind, params double[] numbers) =>
        new(kind, new EquatableArray<double>(numbers), EquatableArray<string>.Empty, EquatableArray<string>.Empty, 0, null);
}

/// <summary>Post-processing and shape constraints on a member.</summary>
internal sealed record ModifiersModel(
    double NullRate,
    bool Unique,
    bool HasClamp,
    double ClampMin,
    double ClampMax,
    int RoundDigits,
    int MinLength,
    int MaxLength,
    int CountMin,
    int CountMax)
{
    public static readonly ModifiersModel None = new(0, false, false, 0, 0, -1, -1, -1, 1, 3);
}

/// <summary>A member's privacy marks.</summary>
internal sealed record PrivacyModel(int PiiKind, bool NotPii, bool QuasiIdentifier, bool Sensitive)
{
    public static readonly PrivacyModel None = new(0, false, false, false);
}

/// <summary>How a list member's value is built.</summary>
internal enum CollectionShape
{
    None,
    Array,
    List,
}

/// <summary>The member's value type as the generator sees it.</summary>
internal enum ValueKind
{
    Boolean,
    Char,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    String,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Guid,
    Enum,
    Nested,
    Collection,
}

/// <summary>The generation rules.</summary>
internal enum RuleKind
{
    Default,
    PiiFake,
    Fake,
    Normal,
    LogNormal,
    Uniform,
    Exponential,
    Poisson,
    Zipf,
    Gamma,
    Beta,
    Triangular,
    Categorical,
    Probability,
    DateRange,
    Pattern,
}
