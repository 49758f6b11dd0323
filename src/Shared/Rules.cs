namespace SynthKit.CodeAnalysis;

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

    /// <summary>[OnlyWhen]: the member of the same type that decides whether this one has a value, if any.</summary>
    public string? WhenSource { get; init; }

    /// <summary>[OnlyWhen]: the deciding member's values (as text: enum member names, invariant numbers, true/false).</summary>
    public EquatableArray<string> WhenValues { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Whether the member carries DataAnnotations' [Key].</summary>
    public bool IsKey { get; init; }
}

/// <summary>A member's privacy marks.</summary>
internal sealed record PrivacyModel(int PiiKind, bool NotPii, bool QuasiIdentifier, bool Sensitive, bool Learned = false)
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
    Uri,
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
    Sequence,
    After,
    Reference,
    Derived,
    Children,
}
