using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using SynthKit.Fixtures;
using SynthKit.IO;

namespace SynthKit.Databases;

/// <summary>What a load does when its table exists already.</summary>
public enum IfTableExists
{
    /// <summary>Refuse with <c>SK7003</c>; nothing is changed (the default: a load never overwrites data unasked).</summary>
    Fail,

    /// <summary>Drop the table and create it again, in the same transaction as the load: readers see the old rows or the new ones.</summary>
    Replace,

    /// <summary>Add the rows to the existing table (its columns must match); a new table is created when there is none.</summary>
    Append,
}

/// <summary>How rows are loaded into a database table.</summary>
public sealed record DatabaseLoadOptions
{
    /// <summary>The table's name; null takes the schema's name. Names are quoted, so their case is kept.</summary>
    public string? Table { get; init; }

    /// <summary>What to do when the table exists (default <see cref="IfTableExists.Fail"/>).</summary>
    public IfTableExists IfExists { get; init; } = IfTableExists.Fail;

    /// <summary>Threads that make rows while the database takes them (default 0: every core). The rows are the same whatever it is.</summary>
    public int DegreeOfParallelism { get; init; }
}

/// <summary>The outcome of a load.</summary>
/// <param name="Table">The table loaded.</param>
/// <param name="Rows">The rows loaded.</param>
/// <param name="Created">Whether the table was created (or, with <see cref="IfTableExists.Replace"/>, created again).</param>
public sealed record DatabaseLoadResult(string Table, long Rows, bool Created);

/// <summary>The disclosure every database load leaves beside its rows.</summary>
public static class DatabaseManifest
{
    /// <summary>
    /// The table every load writes its manifest into: one row per (table, first row) with the rows loaded and a JSON
    /// document saying they are synthetic and what made them (SynthKit version, schema fingerprint, seed, models).
    /// </summary>
    public const string TableName = "synthkit_manifest";
}

/// <summary>What both sinks share: names, the rows to load, and the manifest row that discloses them as synthetic.</summary>
internal static class DatabaseLoad
{
    /// <summary>The table every load writes its manifest into, one row per (table, first row).</summary>
    public const string ManifestTable = DatabaseManifest.TableName;

    public static string TableOf(ISynthesizer synthesizer, DatabaseLoadOptions options)
    {
        string table = options.Table ?? synthesizer.Schema.Name;
        if (string.IsNullOrWhiteSpace(table) || table.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{table}' is not a table name.", nameof(options));
        }

        return table;
    }

    /// <summary>A quoted SQL identifier (both SQLite and PostgreSQL double the quote).</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The columns' definitions: quoted name, type, NOT NULL where no null can occur, and the primary key.</summary>
    public static string Columns(TableSpec spec, Func<ColumnSpec, string> typeOf)
    {
        var parts = new List<string>(spec.Columns.Count + 1);
        foreach (var c in spec.Columns)
        {
            parts.Add($"{Quote(c.Name)} {typeOf(c)}{(StorageTypes.MayBeNull(spec, c) ? "" : " NOT NULL")}");
        }

        if (spec.PrimaryKey is { } key)
        {
            parts.Add($"PRIMARY KEY ({Quote(key)})");
        }

        return string.Join(", ", parts);
    }

    /// <summary>The manifest of one load: what made the rows (never the rows), as one JSON document.</summary>
    public static string Manifest(ISynthesizer synthesizer, string table, long start, long rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            FixtureManifest.WriteOrigin(json, synthesizer);
            json.WriteString("table", table);
            json.WriteStartObject("generation");
            json.WriteNumber("seed", synthesizer.Seed);
            json.WriteNumber("start", start);
            json.WriteNumber("rows", rows);
            json.WriteEndObject();
            FixtureManifest.WriteModelSummaries(json, synthesizer);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A row's value as the text CSV holds (ISO 8601 dates and times, invariant numbers), for text columns.</summary>
    public static string Text(Column column, int row)
    {
        Span<byte> buffer = stackalloc byte[64];
        int written = Formatted(column, row, buffer);
        return written >= 0 ? Encoding.ASCII.GetString(buffer[..written]) : column switch
        {
            Column<char> c => c[row].ToString(),
            StringColumn c => c[row]!,
            CategoricalColumn c => c[row]!,
            _ => Convert.ToString(column.GetValue(row), CultureInfo.InvariantCulture)!,
        };
    }

    /// <summary>The UTF-8 bytes of a row's value as CSV holds it, formatted into <paramref name="buffer"/> where it fits.</summary>
    public static ReadOnlySpan<byte> Utf8(Column column, int row, Span<byte> buffer)
    {
        int written = Formatted(column, row, buffer);
        return written >= 0 ? buffer[..written] : Encoding.UTF8.GetBytes(Text(column, row));
    }

    /// <summary>The error for a value a column's database type cannot hold.</summary>
    public static SynthKitException Unwritable(Column column, long row, string why) =>
        new(SinkErrorCodes.UnwritableValue, $"Column '{column.Name}', row {row + 1}: {why}.");

    /// <summary>Dates, times, decimals and GUIDs formatted as CSV holds them (−1 for every other type).</summary>
    private static int Formatted(Column column, int row, Span<byte> buffer) => column switch
    {
        Column<DateTime> c => IsoFormat.Write(c[row], buffer),
        Column<DateTimeOffset> c => IsoFormat.Write(c[row], buffer),
        Column<DateOnly> c => IsoFormat.Write(c[row], buffer),
        Column<TimeOnly> c => IsoFormat.Write(c[row], buffer),
        Column<TimeSpan> c => IsoFormat.Write(c[row], buffer),
        Column<decimal> c when c[row].TryFormat(buffer, out int n, default, CultureInfo.InvariantCulture) => n,
        Column<Guid> c when c[row].TryFormat(buffer, out int n, "D") => n,
        _ => -1,
    };
}
