using System;
using Microsoft.CodeAnalysis;

namespace SynthKit.Generators.Diagnostics;

/// <summary>The diagnostic IDs the generator reports (schema correctness, SK3xxx).</summary>
internal static class DiagnosticIds
{
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
}

/// <summary>The generator's descriptors; each help link points at <c>docs/diagnostics/SKnnnn.md</c>.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "SynthKit.Schema";
    private const string HelpRoot = "https://github.com/synthkit/synthkit/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Error(
        DiagnosticIds.UnsupportedMemberType,
        "Member type cannot be synthesized",
        "Member '{0}' of '{1}' has type '{2}', which SynthKit cannot generate: {3}");

    public static readonly DiagnosticDescriptor InvalidBounds = Error(
        DiagnosticIds.InvalidBounds,
        "Invalid bounds",
        "[{0}] on '{1}': {2}");

    public static readonly DiagnosticDescriptor NonPositiveParameter = Error(
        DiagnosticIds.NonPositiveParameter,
        "Parameter must be positive",
        "[{0}] on '{1}': {2} must be positive, but is {3}");

    public static readonly DiagnosticDescriptor InvalidCategorical = Error(
        DiagnosticIds.InvalidCategorical,
        "Invalid categorical values or weights",
        "[Categorical] on '{0}': {1}");

    public static readonly DiagnosticDescriptor ProbabilityOutOfRange = Error(
        DiagnosticIds.ProbabilityOutOfRange,
        "Probability outside [0, 1]",
        "[{0}] on '{1}': {2} is outside [0, 1]");

    public static readonly DiagnosticDescriptor RuleNotApplicable = Error(
        DiagnosticIds.RuleNotApplicable,
        "Rule does not fit the member's type",
        "[{0}] cannot apply to '{1}' of type '{2}': {3}");

    public static readonly DiagnosticDescriptor ConflictingRules = Error(
        DiagnosticIds.ConflictingRules,
        "More than one generation rule",
        "'{0}' has both [{1}] and [{2}]; keep one generation rule per member");

    public static readonly DiagnosticDescriptor UniqueNotSupported = Error(
        DiagnosticIds.UniqueNotSupported,
        "[Unique] is not supported here",
        "[Unique] on '{0}': {1}");

    public static readonly DiagnosticDescriptor NoUsableConstructor = Error(
        DiagnosticIds.NoUsableConstructor,
        "No usable constructor",
        "'{0}' has no accessible parameterless constructor and no accessible constructor whose parameters all match members by name");

    public static readonly DiagnosticDescriptor InvalidSynthesizerDeclaration = Error(
        DiagnosticIds.InvalidSynthesizerDeclaration,
        "Invalid synthesizer declaration",
        "The synthesizer class '{0}' {1}");

    public static readonly DiagnosticDescriptor InvalidTextArgument = Error(
        DiagnosticIds.InvalidTextArgument,
        "Invalid pattern or date",
        "[{0}] on '{1}': {2}");

    public static readonly DiagnosticDescriptor RecursiveSchema = Error(
        DiagnosticIds.RecursiveSchema,
        "Recursive schema",
        "'{0}' contains itself through {1}; synthesized rows must be finite, so mark one member [SynthIgnore]");

    public static readonly DiagnosticDescriptor InvalidSchemaType = Error(
        DiagnosticIds.InvalidSchemaType,
        "Type cannot be a schema",
        "'{0}' cannot be a synthetic-data schema: {1}");

    private static readonly DiagnosticDescriptor[] s_all =
    {
        UnsupportedMemberType, InvalidBounds, NonPositiveParameter, InvalidCategorical, ProbabilityOutOfRange,
        RuleNotApplicable, ConflictingRules, UniqueNotSupported, NoUsableConstructor, InvalidSynthesizerDeclaration,
        InvalidTextArgument, RecursiveSchema, InvalidSchemaType,
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

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");
}
