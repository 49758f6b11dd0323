using System;
using System.Collections.Generic;

namespace SynthKit;

/// <summary>
/// The static description of a schema that a generated synthesizer exposes as <c>Schema</c>: its columns, their CLR
/// types, kinds and privacy marks, its provenance, and a fingerprint of everything that shapes its values.
/// </summary>
public sealed class SchemaDescription
{
    /// <summary>The schema name (the type's simple name unless the attribute names it otherwise).</summary>
    public required string Name { get; init; }

    /// <summary>The type whose rows the synthesizer makes, or null for a table described by a column spec alone.</summary>
    public required Type? ClrType { get; init; }

    /// <summary>
    /// A stable hash (SHA-256, hex) of the members, their types, order and generation rules. It changes exactly when
    /// the output of a given seed can change, so build-time fixtures use it to tell when they are stale.
    /// </summary>
    public required string Fingerprint { get; init; }

    /// <summary>The flat columns, in output order. Members of nested objects appear as <c>Member.Nested</c>.</summary>
    public required IReadOnlyList<ColumnDescription> Columns { get; init; }

    /// <summary>List and array members of nested schema types; JSON Lines carries them, CSV and DataFrames cannot.</summary>
    public IReadOnlyList<CollectionDescription> Collections { get; init; } = Array.Empty<CollectionDescription>();

    /// <summary>What <c>[Provenance]</c> on the schema (or its assembly) declares, if anything.</summary>
    public ProvenanceInfo? Provenance { get; init; }

    /// <summary>The version of the SynthKit generator that emitted the synthesizer.</summary>
    public required string GeneratorVersion { get; init; }

    /// <summary>Finds a column by its name (ordinal comparison).</summary>
    /// <param name="name">The column name.</param>
    /// <returns>The column, or <see langword="null"/>.</returns>
    public ColumnDescription? FindColumn(string name)
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

    /// <summary>Describes a table from its column spec (no CLR type).</summary>
    /// <param name="spec">The spec.</param>
    /// <returns>The description.</returns>
    public static SchemaDescription FromSpec(TableSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var columns = new ColumnDescription[spec.Columns.Count];
        for (int i = 0; i < columns.Length; i++)
        {
            var c = spec.Columns[i];
            columns[i] = new ColumnDescription
            {
                Name = c.Name,
                ClrType = StorageTypes.ClrTypeOf(c.Type),
                Kind = StorageTypes.ColumnKindOf(c),
                IsNullable = c.Nullable,
                Pii = c.Privacy?.Pii,
                IsDeclaredNotPii = c.Privacy?.NotPii ?? false,
                IsQuasiIdentifier = c.Privacy?.QuasiIdentifier ?? false,
                IsSensitive = c.Privacy?.Sensitive ?? false,
                IsUnique = c.Modifiers?.Unique ?? false,
                NullRate = c.Modifiers?.NullRate ?? 0,
                Rule = StorageTypes.Describe(c),
                Categories = c.Rule.Kind == RuleKind.Categorical ? c.Rule.Values!.NonNull() : c.Categories ?? Array.Empty<string>(),
            };
        }

        return new SchemaDescription
        {
            Name = spec.Name,
            ClrType = null,
            Fingerprint = spec.ComputeFingerprint(),
            Columns = columns,
            Provenance = spec.Provenance,
            GeneratorVersion = typeof(SchemaDescription).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        };
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Columns.Count} columns, fingerprint {Fingerprint.Substring(0, Math.Min(12, Fingerprint.Length))})";
}

/// <summary>One flat column of a schema.</summary>
public sealed class ColumnDescription
{
    /// <summary>The column name: the member name, or a dotted path for members of nested objects.</summary>
    public required string Name { get; init; }

    /// <summary>The member's type without <see cref="Nullable{T}"/>.</summary>
    public required Type ClrType { get; init; }

    /// <summary>What the column holds.</summary>
    public required ColumnKind Kind { get; init; }

    /// <summary>Whether the column can hold null.</summary>
    public bool IsNullable { get; init; }

    /// <summary>The personal-data kind from <c>[Pii]</c>, if the member carries it.</summary>
    public PiiKind? Pii { get; init; }

    /// <summary>Whether the member carries <c>[NotPii]</c>.</summary>
    public bool IsDeclaredNotPii { get; init; }

    /// <summary>Whether the member carries <c>[QuasiIdentifier]</c>.</summary>
    public bool IsQuasiIdentifier { get; init; }

    /// <summary>Whether the member carries <c>[Sensitive]</c>.</summary>
    public bool IsSensitive { get; init; }

    /// <summary>Whether the member carries <c>[Unique]</c>.</summary>
    public bool IsUnique { get; init; }

    /// <summary>The share of null values (<c>[NullRate]</c>), 0 when none.</summary>
    public double NullRate { get; init; }

    /// <summary>A readable statement of the generation rule, such as <c>Normal(mean: 45, sd: 18) | round | clamp(0, 100)</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The possible values of enum and categorical columns, in declaration order; empty otherwise.</summary>
    public IReadOnlyList<string> Categories { get; init; } = Array.Empty<string>();

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {ClrType.Name}{(IsNullable ? "?" : string.Empty)} {Kind} — {Rule}";
}

/// <summary>A list or array member whose elements are a nested schema type.</summary>
public sealed class CollectionDescription
{
    /// <summary>The member name.</summary>
    public required string Name { get; init; }

    /// <summary>The element type.</summary>
    public required Type ElementType { get; init; }

    /// <summary>The fewest elements a row gets.</summary>
    public int MinCount { get; init; }

    /// <summary>The most elements a row gets.</summary>
    public int MaxCount { get; init; }

    /// <summary>The element schema's flat columns.</summary>
    public required IReadOnlyList<ColumnDescription> ElementColumns { get; init; }
}

/// <summary>What <c>[Provenance]</c> declares about a schema.</summary>
public sealed class ProvenanceInfo
{
    /// <summary>Where the data, or the knowledge behind its rules, comes from.</summary>
    public string? Source { get; init; }

    /// <summary>What the synthetic data is for.</summary>
    public string? Purpose { get; init; }

    /// <summary>Who is responsible for the schema.</summary>
    public string? Owner { get; init; }

    /// <summary>The licence under which the data may be used.</summary>
    public string? License { get; init; }
}
