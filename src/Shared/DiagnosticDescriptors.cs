using System;
using Microsoft.CodeAnalysis;

namespace SynthKit.CodeAnalysis;

/// <summary>
/// Every compile-time diagnostic ID, by area (see DESIGN.md): SK1xxx privacy, SK2xxx provenance, SK3xxx schema
/// correctness. Runtime codes (SK4xxx) live in <c>SynthKit.ErrorCodes</c>.
/// </summary>
internal static class DiagnosticIds
{
    public const string UnmarkedPersonalData = "SK1001";
    public const string UnmarkedQuasiIdentifier = "SK1002";
    public const string UnmarkedSensitiveAttribute = "SK1003";
    public const string PersonalDataLearned = "SK1004";

    public const string MissingProvenance = "SK2001";
    public const string EmptyProvenance = "SK2002";

    public const string UnsupportedMemberType = "SK3001";
    public const string InvalidBounds = "SK3002";
    public const string NonPositiveParameter = "SK3003";
    public const string InvalidCategorical = "SK3004";
    public const string ProbabilityOutOfRange = "SK3005";
    public const string RuleNotApplicable = "SK3006";
    public const string ConflictingRules = "SK3007";
    public const string UniqueNotSupported = "SK3008";
    public const string NoUsableConstructor = "SK3009";
    public const string InvalidSynthesizerDeclaration = "SK3010";
    public const string InvalidTextArgument = "SK3011";
    public const string RecursiveSchema = "SK3012";
    public const string InvalidSchemaType = "SK3013";
    public const string InvalidMemberReference = "SK3014";
    public const string DependencyCycle = "SK3015";
    public const string UnknownLocale = "SK3016";

    /// <summary>
    /// Problems only the generator sees (it cannot produce code); everything else an analyzer reports, so that each
    /// problem is reported exactly once.
    /// </summary>
    public static bool IsGeneratorOwned(string id) =>
        id is UnsupportedMemberType or NoUsableConstructor or InvalidSynthesizerDeclaration or RecursiveSchema or InvalidSchemaType;
}

/// <summary>The descriptors; each help link points at <c>docs/diagnostics/SKnnnn.md</c>.</summary>
internal static class DiagnosticDescriptors
{
    public const string PrivacyCategory = "SynthKit.Privacy";
    public const string ProvenanceCategory = "SynthKit.Provenance";
    public const string SchemaCategory = "SynthKit.Schema";
    private const string HelpRoot = "https://github.com/synthkit/synthkit/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor UnmarkedPersonalData = Create(
        DiagnosticIds.UnmarkedPersonalData, PrivacyCategory, DiagnosticSeverity.Warning,
        "Personal data is not marked",
        "'{0}' looks like personal data ({1}) but carries neither [Pii] nor [NotPii]; state which it is");

    public static readonly DiagnosticDescriptor UnmarkedQuasiIdentifier = Create(
        DiagnosticIds.UnmarkedQuasiIdentifier, PrivacyCategory, DiagnosticSeverity.Info,
        "Quasi-identifier is not marked",
        "'{0}' is a quasi-identifier ({1}): together with {2} it re-identifies most people; mark it [QuasiIdentifier]");

    public static readonly DiagnosticDescriptor UnmarkedSensitiveAttribute = Create(
        DiagnosticIds.UnmarkedSensitiveAttribute, PrivacyCategory, DiagnosticSeverity.Warning,
        "Sensitive attribute is not marked",
        "'{0}' looks like a sensitive attribute ({1}) but is not marked [Sensitive]");

    public static readonly DiagnosticDescriptor PersonalDataLearned = Create(
        DiagnosticIds.PersonalDataLearned, PrivacyCategory, DiagnosticSeverity.Error,
        "Personal data must not be learned",
        "'{0}' is personal data ([Pii]) and must always be faked, but [Learned] would learn its values from real data");

    public static readonly DiagnosticDescriptor MissingProvenance = Create(
        DiagnosticIds.MissingProvenance, ProvenanceCategory, DiagnosticSeverity.Warning,
        "Schema has no provenance",
        "The schema '{0}' states no provenance: add [Provenance(Source = …, Purpose = …)] to {1} or its assembly");

    public static readonly DiagnosticDescriptor EmptyProvenance = Create(
        DiagnosticIds.EmptyProvenance, ProvenanceCategory, DiagnosticSeverity.Warning,
        "Provenance is empty",
        "[Provenance] leaves {0} empty or a placeholder; say {1}");

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Create(
        DiagnosticIds.UnsupportedMemberType, SchemaCategory, DiagnosticSeverity.Error,
        "Member type cannot be synthesized",
        "Member '{0}' of '{1}' has type '{2}', which SynthKit cannot generate: {3}");

    public static readonly DiagnosticDescriptor InvalidBounds = Create(
        DiagnosticIds.InvalidBounds, SchemaCategory, DiagnosticSeverity.Error,
        "Invalid bounds",
        "[{0}] on '{1}': {2}");

    public static readonly DiagnosticDescriptor NonPositiveParameter = Create(
        DiagnosticIds.NonPositiveParameter, SchemaCategory, DiagnosticSeverity.Error,
        "Parameter must be positive",
        "[{0}] on '{1}': {2} must be positive, but is {3}");

    public static readonly DiagnosticDescriptor InvalidCategorical = Create(
        DiagnosticIds.InvalidCategorical, SchemaCategory, DiagnosticSeverity.Error,
        "Invalid categorical values or weights",
        "[Categorical] on '{0}': {1}");

    public static readonly DiagnosticDescriptor ProbabilityOutOfRange = Create(
        DiagnosticIds.ProbabilityOutOfRange, SchemaCategory, DiagnosticSeverity.Error,
        "Probability outside [0, 1]",
        "[{0}] on '{1}': {2} is outside [0, 1]");

    public static readonly DiagnosticDescriptor RuleNotApplicable = Create(
        DiagnosticIds.RuleNotApplicable, SchemaCategory, DiagnosticSeverity.Error,
        "Rule does not fit the member's type",
        "[{0}] cannot apply to '{1}' of type '{2}': {3}");

    public static readonly DiagnosticDescriptor ConflictingRules = Create(
        DiagnosticIds.ConflictingRules, SchemaCategory, DiagnosticSeverity.Error,
        "More than one generation rule",
        "'{0}' has both [{1}] and [{2}]; keep one generation rule per member");

    public static readonly DiagnosticDescriptor UniqueNotSupported = Create(
        DiagnosticIds.UniqueNotSupported, SchemaCategory, DiagnosticSeverity.Error,
        "[Unique] is not supported here",
        "[Unique] on '{0}': {1}");

    public static readonly DiagnosticDescriptor NoUsableConstructor = Create(
        DiagnosticIds.NoUsableConstructor, SchemaCategory, DiagnosticSeverity.Error,
        "No usable constructor",
        "'{0}' has no accessible parameterless constructor and no accessible constructor whose parameters all match members by name");

    public static readonly DiagnosticDescriptor InvalidSynthesizerDeclaration = Create(
        DiagnosticIds.InvalidSynthesizerDeclaration, SchemaCategory, DiagnosticSeverity.Error,
        "Invalid synthesizer declaration",
        "The synthesizer class '{0}' {1}");

    public static readonly DiagnosticDescriptor InvalidTextArgument = Create(
        DiagnosticIds.InvalidTextArgument, SchemaCategory, DiagnosticSeverity.Error,
        "Invalid pattern or date",
        "[{0}] on '{1}': {2}");

    public static readonly DiagnosticDescriptor RecursiveSchema = Create(
        DiagnosticIds.RecursiveSchema, SchemaCategory, DiagnosticSeverity.Error,
        "Recursive schema",
        "'{0}' contains itself through {1}; synthesized rows must be finite, so mark one member [SynthIgnore]");

    public static readonly DiagnosticDescriptor InvalidSchemaType = Create(
        DiagnosticIds.InvalidSchemaType, SchemaCategory, DiagnosticSeverity.Error,
        "Type cannot be a schema",
        "'{0}' cannot be a synthetic-data schema: {1}");

    public static readonly DiagnosticDescriptor InvalidMemberReference = Create(
        DiagnosticIds.InvalidMemberReference, SchemaCategory, DiagnosticSeverity.Error,
        "Rule names a member or schema it cannot use",
        "[{0}] on '{1}': {2}");

    public static readonly DiagnosticDescriptor DependencyCycle = Create(
        DiagnosticIds.DependencyCycle, SchemaCategory, DiagnosticSeverity.Error,
        "Members depend on each other in a cycle",
        "[{0}] on '{1}' closes a cycle {2}; members are drawn in dependency order, so none can depend on itself");

    public static readonly DiagnosticDescriptor UnknownLocale = Create(
        DiagnosticIds.UnknownLocale, SchemaCategory, DiagnosticSeverity.Error,
        "Unknown locale",
        "There is no locale '{0}'; the fakes would draw from en. Use one of: {1}.");

    private static readonly DiagnosticDescriptor[] s_all =
    {
        UnmarkedPersonalData, UnmarkedQuasiIdentifier, UnmarkedSensitiveAttribute, PersonalDataLearned,
        MissingProvenance, EmptyProvenance,
        UnsupportedMemberType, InvalidBounds, NonPositiveParameter, InvalidCategorical, ProbabilityOutOfRange,
        RuleNotApplicable, ConflictingRules, UniqueNotSupported, NoUsableConstructor, InvalidSynthesizerDeclaration,
        InvalidTextArgument, RecursiveSchema, InvalidSchemaType, InvalidMemberReference, DependencyCycle,
        UnknownLocale,
    };

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (var descriptor in s_all)
        {
            if (descriptor.Id == id)
            {
                return descriptor;
            }
        }

        throw new ArgumentException("Unknown diagnostic " + id, nameof(id));
    }

    private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message) =>
        new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");
}
