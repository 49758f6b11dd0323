using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SynthKit.Provenance;
using Marks = SynthKit.Provenance.Watermark;

namespace SynthKit.Fixtures;

/// <summary>
/// The manifest beside every file SynthKit writes (<c>patients.csv.synth.json</c>): it says the file is synthetic, what
/// made it (schema fingerprint, SynthKit version, seed, rows), what it contains (SHA-256 of its bytes), where the rules
/// come from (provenance) and which columns are personal, quasi-identifying or sensitive. It holds no timestamps or
/// machine names, so regenerating an unchanged fixture changes no byte of either file. Its JSON schema is
/// <c>docs/manifest.schema.json</c>.
/// </summary>
public sealed class FixtureManifest
{
    /// <summary>The manifest format version this library writes.</summary>
    public const int CurrentVersion = 2;

    /// <summary>The suffix that names a file's manifest: <c>patients.csv</c> → <c>patients.csv.synth.json</c>.</summary>
    public const string Suffix = ".synth.json";

    /// <summary>The manifest format version.</summary>
    public int ManifestVersion { get; init; } = CurrentVersion;

    /// <summary>Always true: the file is synthetic data.</summary>
    public bool Synthetic { get; init; } = true;

    /// <summary>The SynthKit version that wrote the file.</summary>
    public required string SynthKitVersion { get; init; }

    /// <summary>The schema name.</summary>
    public required string Schema { get; init; }

    /// <summary>The schema's CLR type (full name).</summary>
    public required string SchemaType { get; init; }

    /// <summary>The schema fingerprint (see <see cref="SchemaDescription.Fingerprint"/>).</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The seed.</summary>
    public long Seed { get; init; }

    /// <summary>The first row index.</summary>
    public long Start { get; init; }

    /// <summary>The number of rows.</summary>
    public int Rows { get; init; }

    /// <summary>The file format: <c>csv</c>, <c>jsonl</c> or <c>parquet</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The locale the fakes drew from (<c>en</c>, <c>de</c>, <c>pt_BR</c> …); <c>en</c> in manifests written before locales existed.</summary>
    public string Locale { get; init; } = "en";

    /// <summary>The file's name (without directory).</summary>
    public required string File { get; init; }

    /// <summary>The file's length in bytes.</summary>
    public long Bytes { get; init; }

    /// <summary>The SHA-256 of the file's bytes, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>What <c>[Provenance]</c> declares, if anything.</summary>
    public ProvenanceInfo? Provenance { get; init; }

    /// <summary>Columns marked <c>[Pii]</c>, with their kind.</summary>
    public IReadOnlyList<PersonalColumn> PersonalData { get; init; } = Array.Empty<PersonalColumn>();

    /// <summary>Columns marked <c>[QuasiIdentifier]</c>.</summary>
    public IReadOnlyList<string> QuasiIdentifiers { get; init; } = Array.Empty<string>();

    /// <summary>Columns marked <c>[Sensitive]</c>.</summary>
    public IReadOnlyList<string> Sensitive { get; init; } = Array.Empty<string>();

    /// <summary>The fitted models that drew some of the columns (empty for rule-based files).</summary>
    public IReadOnlyList<ColumnModelInfo> Models { get; init; } = Array.Empty<ColumnModelInfo>();

    /// <summary>Where the data came from: depth, real share, quality and parents back to the real sources (null only in version-1 manifests).</summary>
    public DataLineage? Lineage { get; init; }

    /// <summary>How the file discloses itself inside (<c>column</c>, <c>comment</c>), or null when only this manifest does.</summary>
    public string? Disclosure { get; init; }

    /// <summary>The watermark the file carries (scheme and key id), or null.</summary>
    public WatermarkInfo? Watermark { get; init; }

    /// <summary>The manifest path of a file.</summary>
    /// <param name="filePath">The data file's path.</param>
    /// <returns><paramref name="filePath"/> followed by <see cref="Suffix"/>.</returns>
    public static string PathFor(string filePath) => filePath + Suffix;

    /// <summary>The manifest of a file just rendered from a synthesizer.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="spec">How the file was generated.</param>
    /// <param name="content">The file's bytes.</param>
    /// <returns>The manifest.</returns>
    public static FixtureManifest Describe(SchemaDescription schema, FixtureSpec spec, ReadOnlySpan<byte> content) =>
        Describe(schema, spec, Hash(content), content.Length);

    /// <summary>The manifest of a file from its hash and length.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="spec">How the file was generated.</param>
    /// <param name="sha256">The SHA-256 of the file's bytes, hex.</param>
    /// <param name="bytes">The file's length.</param>
    /// <returns>The manifest.</returns>
    public static FixtureManifest Describe(SchemaDescription schema, FixtureSpec spec, string sha256, long bytes) =>
        Describe(schema, spec, sha256, bytes, Version);

    internal static FixtureManifest Describe(SchemaDescription schema, FixtureSpec spec, string sha256, long bytes, string synthKitVersion, IReadOnlyList<ColumnModelInfo>? models = null, WatermarkInfo? watermark = null, string? disclosure = null, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(spec);
        var columns = schema.Columns.Concat(schema.Collections.SelectMany(c => c.ElementColumns.Select(e => new ColumnDescription
        {
            Name = c.Name + "[]." + e.Name,
            ClrType = e.ClrType,
            Kind = e.Kind,
            Pii = e.Pii,
            IsQuasiIdentifier = e.IsQuasiIdentifier,
            IsSensitive = e.IsSensitive,
            Rule = e.Rule,
        }))).ToList();
        return new FixtureManifest
        {
            SynthKitVersion = synthKitVersion,
            Schema = schema.Name,
            SchemaType = schema.ClrType is { } clr ? clr.FullName ?? clr.Name : schema.Name,
            Fingerprint = schema.Fingerprint,
            Seed = spec.Seed,
            Start = spec.Start,
            Rows = spec.Rows,
            Format = FixtureSpec.NameOf(spec.Format),
            Locale = locale ?? "en",
            File = System.IO.Path.GetFileName(spec.Path),
            Bytes = bytes,
            Sha256 = sha256.ToLowerInvariant(),
            Provenance = schema.Provenance,
            PersonalData = columns.Where(c => c.Pii is not null).Select(c => new PersonalColumn(c.Name, c.Pii!.Value.ToString())).ToArray(),
            QuasiIdentifiers = columns.Where(c => c.IsQuasiIdentifier).Select(c => c.Name).ToArray(),
            Sensitive = columns.Where(c => c.IsSensitive).Select(c => c.Name).ToArray(),
            Models = models ?? Array.Empty<ColumnModelInfo>(),
            Lineage = DataLineage.OfSample(models ?? Array.Empty<ColumnModelInfo>()),
            Watermark = watermark,
            Disclosure = disclosure,
        };
    }

    /// <summary>What the described column models of <paramref name="synthesizer"/> say about themselves.</summary>
    /// <summary>
    /// Writes what every manifest beyond one file starts with (datasets of shards, database loads): <c>synthetic</c>,
    /// <c>synthkitVersion</c> and <c>schema { name, fingerprint }</c>.
    /// </summary>
    internal static void WriteOrigin(System.Text.Json.Utf8JsonWriter json, ISynthesizer synthesizer)
    {
        json.WriteBoolean("synthetic", true);
        json.WriteString("synthkitVersion", Version);
        json.WriteStartObject("schema");
        json.WriteString("name", synthesizer.Schema.Name);
        json.WriteString("fingerprint", synthesizer.Schema.Fingerprint);
        json.WriteEndObject();
        json.WriteString("locale", LocaleOf(synthesizer));
        json.WriteStartObject("lineage");
        DataLineage.OfSample(ModelsOf(synthesizer)).Write(json);
        json.WriteEndObject();
        if (Marks.Of(synthesizer) is { } mark)
        {
            json.WriteStartObject("watermark");
            json.WriteString("scheme", mark.Scheme);
            json.WriteString("keyId", mark.KeyId);
            json.WriteEndObject();
        }
    }

    /// <summary>
    /// Writes <c>"models": [{ key, kind, sha256 }]</c> — which models drew the columns, by hash — for the manifests that
    /// describe data beyond one file (datasets of shards, database loads).
    /// </summary>
    internal static void WriteModelSummaries(System.Text.Json.Utf8JsonWriter json, ISynthesizer synthesizer)
    {
        json.WriteStartArray("models");
        foreach (var model in ModelsOf(synthesizer))
        {
            json.WriteStartObject();
            json.WriteString("key", model.Key);
            json.WriteString("kind", model.Kind);
            json.WriteString("sha256", model.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The locale a synthesizer's fakes draw from, by name.</summary>
    internal static string LocaleOf(ISynthesizer synthesizer) => synthesizer.Spec.Locale is { } locale ? SynthLocale.Canonical(locale) ?? locale : "en";

    internal static IReadOnlyList<ColumnModelInfo> ModelsOf(ISynthesizer synthesizer) => Marks.Unwrap(synthesizer) switch
    {
        SpecSynthesizer spec => spec.Models.OfType<IDescribedColumnModel>().Select(m => m.Describe()).ToArray(),
        _ => Array.Empty<ColumnModelInfo>(),
    };

    /// <summary>The manifest as indented JSON with <c>\n</c> line ends (UTF-8, no byte-order mark), the same on every platform.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
#if NET9_0_OR_GREATER
            NewLine = "\n",
#endif
        }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://github.com/synthkit/synthkit/blob/main/docs/manifest.schema.json");
            json.WriteNumber("manifestVersion", ManifestVersion);
            json.WriteBoolean("synthetic", Synthetic);
            json.WriteString("synthKitVersion", SynthKitVersion);
            json.WriteStartObject("schema");
            json.WriteString("name", Schema);
            json.WriteString("type", SchemaType);
            json.WriteString("fingerprint", Fingerprint);
            json.WriteEndObject();
            json.WriteStartObject("generation");
            json.WriteNumber("seed", Seed);
            json.WriteNumber("start", Start);
            json.WriteNumber("rows", Rows);
            json.WriteString("format", Format);
            json.WriteString("locale", Locale);
            if (Disclosure is not null)
            {
                json.WriteString("disclosure", Disclosure);
            }

            json.WriteEndObject();
            json.WriteStartObject("file");
            json.WriteString("name", File);
            json.WriteNumber("bytes", Bytes);
            json.WriteString("sha256", Sha256);
            json.WriteEndObject();
            if (Lineage is { } lineage)
            {
                json.WriteStartObject("lineage");
                lineage.Write(json);
                json.WriteEndObject();
            }

            if (Watermark is { } mark)
            {
                json.WriteStartObject("watermark");
                json.WriteString("scheme", mark.Scheme);
                json.WriteString("keyId", mark.KeyId);
                json.WriteEndObject();
            }
            else if (ManifestVersion >= 2)
            {
                json.WriteNull("watermark");
            }

            if (Provenance is { } p)
            {
                json.WriteStartObject("provenance");
                WriteOptional(json, "source", p.Source);
                WriteOptional(json, "purpose", p.Purpose);
                WriteOptional(json, "owner", p.Owner);
                WriteOptional(json, "license", p.License);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("provenance");
            }

            json.WriteStartObject("privacy");
            json.WriteStartArray("personalData");
            foreach (var column in PersonalData)
            {
                json.WriteStartObject();
                json.WriteString("column", column.Column);
                json.WriteString("kind", column.Kind);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteStrings(json, "quasiIdentifiers", QuasiIdentifiers);
            WriteStrings(json, "sensitive", Sensitive);
            json.WriteEndObject();
            if (Models.Count > 0)
            {
                json.WriteStartArray("models");
                foreach (var model in Models)
                {
                    json.WriteStartObject();
                    json.WriteString("key", model.Key);
                    json.WriteString("kind", model.Kind);
                    WriteOptional(json, "sha256", model.Sha256);
                    WriteStrings(json, "columns", model.Columns);
                    json.WriteStartObject("details");
                    foreach (var (name, value) in model.Details)
                    {
                        json.WriteString(name, value);
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        byte[] bytes = buffer.ToArray();
#if !NET9_0_OR_GREATER
        // .NET 8's writer indents with Environment.NewLine; make the bytes the same on every platform.
        if (Environment.NewLine != "\n")
        {
            bytes = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace(Environment.NewLine, "\n"));
        }
#endif
        return bytes;
    }

    /// <summary>Reads a manifest.</summary>
    /// <param name="json">The manifest's bytes.</param>
    /// <param name="path">The manifest's path, for errors.</param>
    /// <returns>The manifest.</returns>
    /// <exception cref="SynthKitException">SK5007: the manifest is not valid JSON or lacks a required field.</exception>
    public static FixtureManifest Parse(ReadOnlySpan<byte> json, string? path = null)
    {
        if (json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            json = json[3..]; // an editor's byte-order mark is not a different manifest
        }

        var manifest = ParseCore(json, path);
        if (manifest.Rows < 0 || manifest.Start < 0 || manifest.Start > long.MaxValue - manifest.Rows || manifest.Bytes < 0 || manifest.Format is not ("csv" or "jsonl" or "parquet"))
        {
            throw new SynthKitException(FixtureErrorCodes.MalformedManifest, $"The manifest's generation settings are impossible (rows {manifest.Rows}, start {manifest.Start}, bytes {manifest.Bytes}, format '{manifest.Format}'); regenerate the fixture.", path, 1, 1);
        }

        return manifest;
    }

    private static FixtureManifest ParseCore(ReadOnlySpan<byte> json, string? path)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            var schema = Required(root, "schema", path);
            var generation = Required(root, "generation", path);
            var file = Required(root, "file", path);
            var privacy = root.TryGetProperty("privacy", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            ProvenanceInfo? provenance = null;
            if (root.TryGetProperty("provenance", out var prov) && prov.ValueKind == JsonValueKind.Object)
            {
                provenance = new ProvenanceInfo
                {
                    Source = OptionalString(prov, "source"),
                    Purpose = OptionalString(prov, "purpose"),
                    Owner = OptionalString(prov, "owner"),
                    License = OptionalString(prov, "license"),
                };
            }

            return new FixtureManifest
            {
                ManifestVersion = Required(root, "manifestVersion", path).GetInt32(),
                Synthetic = Required(root, "synthetic", path).GetBoolean(),
                SynthKitVersion = RequiredString(root, "synthKitVersion", path),
                Schema = RequiredString(schema, "name", path),
                SchemaType = RequiredString(schema, "type", path),
                Fingerprint = RequiredString(schema, "fingerprint", path),
                Seed = Required(generation, "seed", path).GetInt64(),
                Start = Required(generation, "start", path).GetInt64(),
                Rows = Required(generation, "rows", path).GetInt32(),
                Format = RequiredString(generation, "format", path),
                Locale = OptionalString(generation, "locale") ?? "en",
                Disclosure = OptionalString(generation, "disclosure"),
                File = RequiredString(file, "name", path),
                Bytes = Required(file, "bytes", path).GetInt64(),
                Sha256 = RequiredString(file, "sha256", path).ToLowerInvariant(),
                Provenance = provenance,
                Lineage = root.TryGetProperty("lineage", out var lineage) && lineage.ValueKind == JsonValueKind.Object ? DataLineage.Read(lineage) : null,
                Watermark = root.TryGetProperty("watermark", out var mark) && mark.ValueKind == JsonValueKind.Object
                    ? new WatermarkInfo(RequiredString(mark, "scheme", path), RequiredString(mark, "keyId", path))
                    : null,
                PersonalData = privacy.ValueKind == JsonValueKind.Object && privacy.TryGetProperty("personalData", out var pd)
                    ? pd.EnumerateArray().Select(e => new PersonalColumn(RequiredString(e, "column", path), RequiredString(e, "kind", path))).ToArray()
                    : Array.Empty<PersonalColumn>(),
                QuasiIdentifiers = Strings(privacy, "quasiIdentifiers"),
                Sensitive = Strings(privacy, "sensitive"),
                Models = root.TryGetProperty("models", out var models) && models.ValueKind == JsonValueKind.Array
                    ? models.EnumerateArray().Select(m => new ColumnModelInfo
                    {
                        Key = RequiredString(m, "key", path),
                        Kind = RequiredString(m, "kind", path),
                        Sha256 = OptionalString(m, "sha256"),
                        Columns = Strings(m, "columns"),
                        Details = m.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object
                            ? d.EnumerateObject().Select(e => new KeyValuePair<string, string>(e.Name, e.Value.ValueKind == JsonValueKind.String ? e.Value.GetString()! : e.Value.GetRawText())).ToArray()
                            : Array.Empty<KeyValuePair<string, string>>(),
                    }).ToArray()
                    : Array.Empty<ColumnModelInfo>(),
            };
        }
        catch (JsonException ex)
        {
            throw new SynthKitException(FixtureErrorCodes.MalformedManifest, "The manifest is not valid JSON: " + ex.Message.Split(" LineNumber:")[0], path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1, ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new SynthKitException(FixtureErrorCodes.MalformedManifest, "The manifest has a field of the wrong type: " + ex.Message, path, 1, 1, ex);
        }
    }

    /// <summary>SHA-256 of some bytes, lower-case hex.</summary>
    /// <param name="content">The bytes.</param>
    /// <returns>The hash.</returns>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)).ToLowerInvariant();

    /// <summary>This library's version, as manifests record it.</summary>
    public static string Version { get; } = typeof(FixtureManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static JsonElement Required(JsonElement element, string name, string? path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new SynthKitException(FixtureErrorCodes.MalformedManifest, $"The manifest lacks '{name}'.", path, 1, 1);

    private static string RequiredString(JsonElement element, string name, string? path) =>
        Required(element, name, path).GetString() ?? throw new SynthKitException(FixtureErrorCodes.MalformedManifest, $"The manifest lacks '{name}'.", path, 1, 1);

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
            : Array.Empty<string>();
}

/// <summary>A personal-data column and its <c>PiiKind</c>.</summary>
/// <param name="Column">The column name.</param>
/// <param name="Kind">The <c>PiiKind</c> member name.</param>
public sealed record PersonalColumn(string Column, string Kind);
