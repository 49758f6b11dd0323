using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SynthKit.Databases;

/// <summary>
/// Real tables straight from a database into columns — the rows of a query, for fitting a model where the data lives
/// (<c>synthkit fit --from-query</c>). With a spec, its columns are read by name and converted to their storage types
/// (SQLite's ISO 8601 text becomes dates and times); without one, the types come from the query's result and text is
/// categorical (the fit then keeps personal data and free text out by name, value and cardinality, as for CSV).
/// </summary>
public static class DatabaseSource
{
    /// <summary>Reads the rows of a query against a SQLite database file.</summary>
    /// <param name="databasePath">The database file (opened read-only).</param>
    /// <param name="query">The query.</param>
    /// <param name="spec">The table to read, or null to take the types from the result.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="SynthKitException">SK7006: the query failed or returned what the spec cannot read; SK4004 a column the spec needs is missing.</exception>
    public static ColumnBatch ReadSqlite(string databasePath, string query, TableSpec? spec = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentException.ThrowIfNullOrEmpty(query);
        if (!System.IO.File.Exists(databasePath))
        {
            throw new SynthKitException(SinkErrorCodes.QueryFailed, $"The SQLite database '{databasePath}' does not exist.", databasePath);
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            return Read(reader, spec, System.IO.Path.GetFileNameWithoutExtension(databasePath));
        }
        catch (SqliteException ex)
        {
            throw new SynthKitException(SinkErrorCodes.QueryFailed, $"The query failed: {ex.Message}", databasePath);
        }
    }

    /// <summary>Reads the rows of a query against a PostgreSQL database.</summary>
    /// <param name="connectionString">An Npgsql connection string.</param>
    /// <param name="query">The query.</param>
    /// <param name="spec">The table to read, or null to take the types from the result.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="SynthKitException">SK7006: the query failed or returned what the spec cannot read; SK4004 a column the spec needs is missing.</exception>
    public static ColumnBatch ReadPostgres(string connectionString, string query, TableSpec? spec = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(query);
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var command = new NpgsqlCommand(query, connection);
            using var reader = command.ExecuteReader();
            return Read(reader, spec, connection.Database ?? "query");
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            throw new SynthKitException(SinkErrorCodes.QueryFailed, $"The query failed: {ex.Message}");
        }
    }

    /// <summary>Reads every row of a data reader into columns.</summary>
    /// <param name="reader">The open reader.</param>
    /// <param name="spec">The table to read, or null to take the types from the reader.</param>
    /// <param name="name">The table's name when the spec is taken from the reader.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="SynthKitException">SK7006: a value the spec's column cannot hold; SK4004 a column the spec needs is missing.</exception>
    public static ColumnBatch Read(DbDataReader reader, TableSpec? spec, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        spec ??= SpecOf(reader, name);
        var ordinals = new int[spec.Columns.Count];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < reader.FieldCount; i++)
        {
            byName.TryAdd(reader.GetName(i), i);
        }

        for (int c = 0; c < ordinals.Length; c++)
        {
            ordinals[c] = byName.TryGetValue(spec.Columns[c].Name, out int ordinal)
                ? ordinal
                : throw new SynthKitException(ErrorCodes.MissingColumn, $"The query returns no column '{spec.Columns[c].Name}', which the table '{spec.Name}' needs.");
        }

        var batch = new ColumnBatch(spec);
        int row = 0;
        while (reader.Read())
        {
            batch.RowCount = row + 1;
            for (int c = 0; c < ordinals.Length; c++)
            {
                var column = batch[c];
                if (reader.IsDBNull(ordinals[c]))
                {
                    column.SetNull(row);
                    continue;
                }

                object value = reader.GetValue(ordinals[c]);
                try
                {
                    Set(column, row, value);
                }
                catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
                {
                    throw new SynthKitException(SinkErrorCodes.QueryFailed, $"Row {row + 1}, column '{column.Name}': '{Convert.ToString(value, CultureInfo.InvariantCulture)}' is not a {column.Type} value ({ex.Message}).");
                }
            }

            row++;
        }

        return batch;
    }

    private static void Set(Column column, int row, object value)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (column)
        {
            case StringColumn c: c.Set(row, Convert.ToString(value, inv)); break;
            case CategoricalColumn c: c.Set(row, Convert.ToString(value, inv)); break;
            case Column<bool> c: c.Set(row, value is string s ? bool.Parse(s) : Convert.ToBoolean(value, inv)); break;
            case Column<char> c: c.Set(row, Convert.ToString(value, inv)!.Length == 1 ? Convert.ToString(value, inv)![0] : throw new FormatException("not one character")); break;
            case Column<sbyte> c: c.Set(row, Convert.ToSByte(value, inv)); break;
            case Column<byte> c: c.Set(row, Convert.ToByte(value, inv)); break;
            case Column<short> c: c.Set(row, Convert.ToInt16(value, inv)); break;
            case Column<ushort> c: c.Set(row, Convert.ToUInt16(value, inv)); break;
            case Column<int> c: c.Set(row, Convert.ToInt32(value, inv)); break;
            case Column<uint> c: c.Set(row, Convert.ToUInt32(value, inv)); break;
            case Column<long> c: c.Set(row, Convert.ToInt64(value, inv)); break;
            case Column<ulong> c: c.Set(row, Convert.ToUInt64(value, inv)); break;
            case Column<float> c: c.Set(row, Convert.ToSingle(value, inv)); break;
            case Column<double> c: c.Set(row, Convert.ToDouble(value, inv)); break;
            case Column<decimal> c: c.Set(row, Convert.ToDecimal(value, inv)); break;
            case Column<DateOnly> c: c.Set(row, value switch { DateOnly d => d, DateTime day => DateOnly.FromDateTime(day), _ => DateOnly.Parse(Convert.ToString(value, inv)!, inv) }); break;
            case Column<DateTime> c: c.Set(row, value is DateTime stamp ? DateTime.SpecifyKind(stamp, DateTimeKind.Unspecified) : DateTime.Parse(Convert.ToString(value, inv)!, inv, DateTimeStyles.None)); break;
            case Column<DateTimeOffset> c: c.Set(row, value switch { DateTimeOffset offset => offset, DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), _ => DateTimeOffset.Parse(Convert.ToString(value, inv)!, inv) }); break;
            case Column<TimeOnly> c: c.Set(row, value switch { TimeOnly time => time, TimeSpan ofDay => TimeOnly.FromTimeSpan(ofDay), _ => TimeOnly.Parse(Convert.ToString(value, inv)!, inv) }); break;
            case Column<TimeSpan> c: c.Set(row, value is TimeSpan span ? span : TimeSpan.ParseExact(Convert.ToString(value, inv)!, "c", inv)); break;
            case Column<Guid> c: c.Set(row, value is Guid g ? g : Guid.Parse(Convert.ToString(value, inv)!)); break;
            default: throw new InvalidCastException($"a {column.Type} column cannot be read from a database");
        }
    }

    /// <summary>A spec from the reader's column types (anything else read as text): text is categorical, numbers numerical, dates datetime.</summary>
    private static TableSpec SpecOf(DbDataReader reader, string name)
    {
        var columns = new List<ColumnSpec>(reader.FieldCount);
        for (int i = 0; i < reader.FieldCount; i++)
        {
            columns.Add(StorageTypes.Guess(reader.GetName(i), StorageTypes.Of(reader.GetFieldType(i)) ?? StorageType.String, nullable: true));
        }

        return new TableSpec { Name = name, Columns = columns };
    }
}
