using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using DuckDB.NET.Data;

namespace SynthKit.Tests.Shared;

/// <summary>
/// DuckDB (DuckDB.NET with its bundled native engine) as an independent reader: what SynthKit writes is checked by an
/// engine that shares none of its code.
/// </summary>
internal static class DuckDb
{
    /// <summary>Runs a query and returns its rows, each value as invariant text (NULL as null).</summary>
    public static List<string?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            var row = new string?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Runs a query that returns one value.</summary>
    public static string? Scalar(string sql) => Query(sql)[0][0];

    /// <summary>A path as a SQL string literal.</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The DuckDB type a column of the storage type is read as from CSV, to compare with its Parquet column.</summary>
    public static string TypeOf(StorageType type) => type switch
    {
        StorageType.Boolean => "BOOLEAN",
        StorageType.Int8 => "TINYINT",
        StorageType.UInt8 => "UTINYINT",
        StorageType.Int16 => "SMALLINT",
        StorageType.UInt16 => "USMALLINT",
        StorageType.Int32 => "INTEGER",
        StorageType.UInt32 => "UINTEGER",
        StorageType.Int64 => "BIGINT",
        StorageType.UInt64 => "UBIGINT",
        StorageType.Float32 => "FLOAT",
        StorageType.Float64 => "DOUBLE",
        StorageType.Decimal => "DECIMAL(38,18)",
        StorageType.Date => "DATE",
        StorageType.DateTime => "TIMESTAMP",
        StorageType.DateTimeOffset => "TIMESTAMPTZ",
        StorageType.Time => "TIME",
        StorageType.Guid => "UUID",
        _ => "VARCHAR",
    };

    /// <summary>
    /// How many rows differ between a CSV file (read under the spec's types) and a Parquet file of the same table, row
    /// for row (row numbers included), in either direction; durations, which Parquet holds as INT64 microseconds, are left
    /// out. Also returns the Parquet file's row count.
    /// </summary>
    public static (long Differences, long Rows) Compare(TableSpec spec, string csvPath, string parquetPath)
    {
        string types = string.Join(", ", spec.Columns.Select(c => $"{Literal(c.Name)}: {Literal(TypeOf(c.Type))}"));
        string list = string.Join(", ", spec.Columns.Where(c => c.Type != StorageType.Duration).Select(c => Name(c.Name)));
        string csv = $"read_csv({Literal(csvPath)}, header = true, auto_detect = false, columns = {{{types}}}, quote = '\"', escape = '\"')";
        string parquet = $"read_parquet({Literal(parquetPath)})";
        string numbered = $"SELECT row_number() OVER () AS n, {list} FROM";
        long differences = long.Parse(Scalar($"SELECT (SELECT count(*) FROM ({numbered} {parquet} EXCEPT ALL {numbered} {csv})) + (SELECT count(*) FROM ({numbered} {csv} EXCEPT ALL {numbered} {parquet}))")!, CultureInfo.InvariantCulture);
        return (differences, long.Parse(Scalar($"SELECT count(*) FROM {parquet}")!, CultureInfo.InvariantCulture));
    }

    /// <summary>A quoted identifier.</summary>
    public static string Name(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
