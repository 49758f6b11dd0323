using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthKit;

/// <summary>
/// A structured, serialisable description of a table: its columns (name, storage type, nullability, statistical kind,
/// privacy role, whether it is learned, and its generation rule as data), its keys and provenance. A generated
/// synthesizer exposes the spec of its schema; a CSV user writes one by hand or reads it from SDV metadata
/// (<see cref="SdvMetadata"/>). <see cref="SpecSynthesizer"/> generates rows from a spec alone, byte for byte as the
/// generated synthesizer of the equivalent class does. The JSON form is documented in <c>docs/spec.md</c> and
/// <c>docs/spec.schema.json</c>.
/// </summary>
public sealed class TableSpec
{
    /// <summary>The version of the spec format this library writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The spec format version (<see cref="CurrentVersion"/>).</summary>
    [JsonPropertyName("specVersion")]
    public int SpecVersion { get; init; } = CurrentVersion;

    /// <summary>The table name. Column keys derive from it, so it shapes the values.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// For a generated schema, the fingerprint its synthesizer reports; otherwise null, and <see cref="ComputeFingerprint"/>
    /// gives a hash of the spec.
    /// </summary>
    public string? Fingerprint { get; init; }

    /// <summary>The CLR type the spec was generated from, if any (informational).</summary>
    public string? ClrType { get; init; }

    /// <summary>The columns, in output order. Members of nested objects appear as <c>Member.Nested</c>.</summary>
    public required IReadOnlyList<ColumnSpec> Columns { get; init; }

    /// <summary>Nested objects whose members are columns (<c>Member.Nested</c>), with what decides their presence.</summary>
    public IReadOnlyList<ObjectSpec>? Objects { get; init; }

    /// <summary>The column that identifies a row, if any.</summary>
    public string? PrimaryKey { get; init; }

    /// <summary>What <c>[Provenance]</c> (or the metadata) declares about the table.</summary>
    public ProvenanceInfo? Provenance { get; init; }

    /// <summary>
    /// Constraints between columns (<c>[Constraint]</c> on a schema, or written here): every row a model fitted under this
    /// spec draws meets them (docs/modeling.md#constraints). Rule-driven columns do not read them.
    /// </summary>
    public IReadOnlyList<string>? Constraints { get; init; }

    /// <summary>
    /// The locale whose data the fakes draw from — a Bogus locale name such as <c>de</c>, <c>en_GB</c> or <c>pt_BR</c>
    /// (see <see cref="SynthLocale.Names"/>); null means <c>en</c>.
    /// </summary>
    public string? Locale { get; init; }

    /// <summary>A copy of this spec whose fakes draw from <paramref name="locale"/>; this spec itself when it already does.</summary>
    /// <param name="locale">The locale's name, or null for <c>en</c>.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="SynthKitException">SK4006: no such locale.</exception>
    public TableSpec WithLocale(string? locale)
    {
        // Both sides as Bogus spells them, en as null: "EN", "en" and no locale are the same spec.
        static string? Normal(string? name) => name is null || SynthLocale.Canonical(name) is "en" ? null : SynthLocale.Canonical(name);
        string? name = locale is null ? null : Normal(SynthLocale.Get(locale).Name);
        return string.Equals(name, Normal(Locale), StringComparison.Ordinal)
            ? this
            : new TableSpec
            {
                SpecVersion = SpecVersion,
                Name = Name,
                Fingerprint = Fingerprint,
                ClrType = ClrType,
                Columns = Columns,
                Objects = Objects,
                PrimaryKey = PrimaryKey,
                Provenance = Provenance,
                Constraints = Constraints,
                Locale = name,
            };
    }

    /// <summary>The locale the fakes draw from (<see cref="SynthLocale.English"/> when <see cref="Locale"/> is null).</summary>
    internal SynthLocale ResolvedLocale => Locale is null ? SynthLocale.English : SynthLocale.Get(Locale);

    /// <summary>Finds a column by name (ordinal).</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column, or null.</returns>
    public ColumnSpec? FindColumn(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>The index of a column by name (ordinal), or -1.</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The index, or -1.</returns>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The fingerprint: <see cref="Fingerprint"/> when set, otherwise SHA-256 of the spec's canonical JSON.</summary>
    /// <returns>A lower-case hex SHA-256.</returns>
    public string ComputeFingerprint() =>
        Fingerprint ?? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(ToJsonBytes(indented: false))).ToLowerInvariant();

    /// <summary>Writes the spec as JSON (camelCase, nulls omitted).</summary>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>UTF-8 JSON.</returns>
    public byte[] ToJsonBytes(bool indented = true) =>
        JsonSerializer.SerializeToUtf8Bytes(this, indented ? SpecJsonContext.Indented.TableSpec : SpecJsonContext.Default.TableSpec);

    /// <summary>Writes the spec as JSON (camelCase, nulls omitted, indented).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => System.Text.Encoding.UTF8.GetString(ToJsonBytes());

    /// <summary>Reads a spec from JSON and validates it.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="path">The file name to report in errors, if any.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="SynthKitException">SK4006: malformed or invalid spec, with its position.</exception>
    public static TableSpec FromJson(string json, string? path = null) => FromUtf8Json(System.Text.Encoding.UTF8.GetBytes(json), path);

    /// <summary>Reads a spec from UTF-8 JSON and validates it.</summary>
    /// <param name="utf8Json">The JSON bytes.</param>
    /// <param name="path">The file name to report in errors, if any.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="SynthKitException">SK4006: malformed or invalid spec, with its position.</exception>
    public static TableSpec FromUtf8Json(ReadOnlySpan<byte> utf8Json, string? path = null)
    {
        TableSpec? spec;
        try
        {
            spec = JsonSerializer.Deserialize(utf8Json, SpecJsonContext.Default.TableSpec);
        }
        catch (JsonException e)
        {
            throw new SynthKitException(ErrorCodes.InvalidSpec, "the column spec is not valid JSON of the expected shape: " + FirstSentence(e.Message), path, (int)(e.LineNumber ?? -1) + 1, (int)(e.BytePositionInLine ?? -1) + 1, e);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json reports text that is not UTF-8 this way.
            throw new SynthKitException(ErrorCodes.InvalidSpec, "the column spec is not valid UTF-8 JSON: " + e.Message, path, innerException: e);
        }

        if (spec is null)
        {
            throw new SynthKitException(ErrorCodes.InvalidSpec, "the column spec is null", path, 1, 1);
        }

        SpecValidator.Validate(spec, path);
        return spec;
    }

    /// <summary>Reads a spec file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The spec.</returns>
    /// <exception cref="SynthKitException">SK4006: malformed or invalid spec.</exception>
    public static TableSpec Load(string path) => FromUtf8Json(File.ReadAllBytes(path), path);

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message.Substring(0, cut) : message;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Columns.Count} columns)";
}

/// <summary>One column of a <see cref="TableSpec"/>.</summary>
public sealed class ColumnSpec
{
    /// <summary>The column name.</summary>
    public required string Name { get; init; }

    /// <summary>How values are stored.</summary>
    public required StorageType Type { get; init; }

    /// <summary>Whether the column can hold null.</summary>
    public bool Nullable { get; init; }

    /// <summary>What the values mean statistically.</summary>
    public required StatisticalKind Kind { get; init; }

    /// <summary>The privacy role: personal-data kind, quasi-identifier, sensitive, declared not personal.</summary>
    public ColumnPrivacy? Privacy { get; init; }

    /// <summary>Whether the column is to be learned from real data (<c>[Learned]</c>): a column model draws it.</summary>
    public bool Learned { get; init; }

    private readonly RuleSpec? _rule;

    /// <summary>How values are made (the storage type's default when absent).</summary>
    public RuleSpec Rule
    {
        get => _rule ?? RuleSpec.DefaultRule;
        init => _rule = value;
    }

    /// <summary>Post-processing and constraints: clamp, round, null rate, unique, length.</summary>
    public ColumnModifiers? Modifiers { get; init; }

    /// <summary>For enum columns: the members in declaration order; for categorical rules, the values as text.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>For enum columns: the CLR enum type's name (informational).</summary>
    public string? EnumType { get; init; }

    /// <summary>
    /// The name whose hash keys this column's random stream, when it differs from <c>{Table}.{Name}</c> (members of
    /// nested objects: <c>{NestedType}.{Member}</c>).
    /// </summary>
    public string? Key { get; init; }

    /// <summary>For date-time columns read from text: the format (SDV's <c>datetime_format</c>, strftime style).</summary>
    public string? DatetimeFormat { get; init; }

    /// <summary>Whether the column holds personal data (<see cref="ColumnPrivacy.Pii"/> is set).</summary>
    [JsonIgnore]
    public bool IsPersonalData => Privacy?.Pii is not null;

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Type}{(Nullable ? "?" : string.Empty)} {Kind} {Rule}";
}

/// <summary>A nested object whose members are columns named <c>{Path}.{Member}</c>.</summary>
public sealed class ObjectSpec
{
    /// <summary>The object's path: the member name, dotted for deeper nesting.</summary>
    public required string Path { get; init; }

    /// <summary>The name whose hash keys the object (<c>{ParentType}.{Member}</c>).</summary>
    public required string Key { get; init; }

    /// <summary>The share of rows in which the object is null.</summary>
    public double NullRate { get; init; }
}

/// <summary>A column's privacy role, kept apart from its statistical kind (a personal date of birth is still a date).</summary>
public sealed class ColumnPrivacy
{
    /// <summary>The personal-data kind (a <see cref="PiiKind"/> name), if the column holds personal data.</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<PiiKind>))]
    public PiiKind? Pii { get; init; }

    /// <summary>Whether the column is a quasi-identifier.</summary>
    public bool QuasiIdentifier { get; init; }

    /// <summary>Whether the column is a sensitive attribute.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Whether the column was declared not personal (<c>[NotPii]</c>).</summary>
    public bool NotPii { get; init; }
}

/// <summary>Post-processing and constraints on a column's values.</summary>
public sealed class ColumnModifiers
{
    /// <summary>The lower clamp bound, if clamped.</summary>
    public double? ClampMin { get; init; }

    /// <summary>The upper clamp bound, if clamped.</summary>
    public double? ClampMax { get; init; }

    /// <summary>Decimal digits to round to (away from zero), if rounded.</summary>
    public int? Round { get; init; }

    /// <summary>The share of null values.</summary>
    public double NullRate { get; init; }

    /// <summary>Whether every row gets a distinct value.</summary>
    public bool Unique { get; init; }

    /// <summary>The shortest string, if bounded.</summary>
    public int? MinLength { get; init; }

    /// <summary>The longest string, if bounded.</summary>
    public int? MaxLength { get; init; }

    /// <summary>A condition on another column of the row: the value is null in rows where it does not hold ([OnlyWhen]).</summary>
    public ColumnCondition? When { get; init; }
}

/// <summary>A condition on a column of the same row: it holds one of <see cref="Values"/>.</summary>
public sealed class ColumnCondition
{
    /// <summary>The column that decides (string, enum, boolean or integer).</summary>
    public required string Column { get; init; }

    /// <summary>The values under which the condition holds, as text (enum member names, invariant numbers, <c>true</c>/<c>false</c>).</summary>
    public required IReadOnlyList<string> Values { get; init; }
}

/// <summary>A generation rule as data: its kind and the parameters that kind uses (the others are null).</summary>
public sealed class RuleSpec
{
    internal static readonly RuleSpec DefaultRule = new() { Kind = RuleKind.Default };

    /// <summary>The rule.</summary>
    public required RuleKind Kind { get; init; }

    /// <summary>Normal: the mean; Reference: the mean number of children per parent.</summary>
    public double? Mean { get; init; }

    /// <summary>Normal: the standard deviation.</summary>
    public double? Sd { get; init; }

    /// <summary>LogNormal: the log-scale mean.</summary>
    public double? Mu { get; init; }

    /// <summary>LogNormal: the log-scale standard deviation.</summary>
    public double? Sigma { get; init; }

    /// <summary>Uniform and Triangular: the lower bound; After: the smallest offset.</summary>
    public double? Min { get; init; }

    /// <summary>Uniform and Triangular: the upper bound; After: the largest offset.</summary>
    public double? Max { get; init; }

    /// <summary>Triangular: the mode.</summary>
    public double? Mode { get; init; }

    /// <summary>Exponential and Gamma: the rate.</summary>
    public double? Rate { get; init; }

    /// <summary>Poisson: the mean.</summary>
    public double? Lambda { get; init; }

    /// <summary>Zipf: the exponent (also of a Reference's Zipf spread).</summary>
    public double? S { get; init; }

    /// <summary>Zipf: the number of ranks.</summary>
    public int? N { get; init; }

    /// <summary>Gamma: the shape.</summary>
    public double? Shape { get; init; }

    /// <summary>Beta: α.</summary>
    public double? Alpha { get; init; }

    /// <summary>Beta: β.</summary>
    public double? Beta { get; init; }

    /// <summary>Bernoulli: the probability of true.</summary>
    public double? P { get; init; }

    /// <summary>Categorical: the values as text (invariant culture; enum member names; null for a null string).</summary>
    public IReadOnlyList<string?>? Values { get; init; }

    /// <summary>Categorical: one weight per value; uniform when absent.</summary>
    public IReadOnlyList<double>? Weights { get; init; }

    /// <summary>Pattern: the pattern.</summary>
    public string? Pattern { get; init; }

    /// <summary>Fake: the <c>PiiKind</c> or <c>FakeKind</c> name, such as <c>Email</c> or <c>ProductName</c>.</summary>
    public string? Fake { get; init; }

    /// <summary>Fake e-mail, user name and full name: the column of the same row's first name to derive from.</summary>
    public string? FirstName { get; init; }

    /// <summary>Fake e-mail, user name and full name: the column of the same row's last name to derive from.</summary>
    public string? LastName { get; init; }

    /// <summary>Fake FirstName and FullName: the column of the same row's sex or gender the given name matches.</summary>
    public string? Sex { get; init; }

    /// <summary>Sequence and Reference: the first number.</summary>
    public long? Start { get; init; }

    /// <summary>Sequence and Reference: the difference between consecutive numbers.</summary>
    public long? Step { get; init; }

    /// <summary>Sequence and Reference on strings: a composite format of the number (<c>"ORD-{0:D6}"</c>).</summary>
    public string? Format { get; init; }

    /// <summary>Derived: the name of the schema's method that computes the value.</summary>
    public string? Method { get; init; }

    /// <summary>After: the column of the same row the value follows.</summary>
    public string? Column { get; init; }

    /// <summary>Reference: the parent table's name.</summary>
    public string? Table { get; init; }

    /// <summary>Reference: the parent table's key column.</summary>
    public string? ParentKey { get; init; }

    /// <summary>Reference: the number of parent rows.</summary>
    public long? Parents { get; init; }

    /// <summary>Reference: the distribution of children per parent (<see cref="RuleSpec.Mean"/> children on average; Zipf's exponent in <see cref="S"/>).</summary>
    [JsonConverter(typeof(CamelCaseEnumConverter<ChildCount>))]
    public ChildCount? PerParent { get; init; }

    /// <summary>DateRange: the first date or timestamp (ISO 8601; inclusive).</summary>
    public string? From { get; init; }

    /// <summary>DateRange: the last date (inclusive) or the timestamp after the last (exclusive).</summary>
    public string? To { get; init; }

    /// <inheritdoc />
    public override string ToString() => Kind.ToString();
}

/// <summary>The System.Text.Json source-generated serializers of the spec types (reflection-free, trim- and AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(TableSpec))]
internal sealed partial class SpecJsonContext : JsonSerializerContext
{
    private static SpecJsonContext? s_indented;

    public static SpecJsonContext Indented => s_indented ??= new(new JsonSerializerOptions(Default.Options!) { WriteIndented = true });
}
