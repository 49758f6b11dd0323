using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SynthKit.Databases;

/// <summary>
/// SQLite, the embedded default sink: a database file with one <c>STRICT</c> table per schema (so SQLite itself checks
/// every value's type, every <c>NOT NULL</c> and the primary key), loaded in one transaction with a prepared statement
/// that takes many rows at a time, and a row in <c>synthkit_manifest</c> that says the rows are synthetic and what made
/// them. A failed load leaves the database as it was.
/// </summary>
/// <remarks>
/// Types: integers and booleans <c>INTEGER</c> (a <c>ulong</c> above <see cref="long.MaxValue"/> is SK7001), floating
/// point <c>REAL</c>, everything else <c>TEXT</c> holding what CSV holds — exact decimals, ISO 8601 dates and times, GUIDs.
/// </remarks>
public static class SqliteSink
{
    /// <summary>
    /// Loads rows <c>start … start + count − 1</c> into a table of a SQLite database file (created when missing).
    /// </summary>
    /// <param name="synthesizer">Any synthesizer (generated, spec-driven, fitted).</param>
    /// <param name="databasePath">The database file.</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <param name="options">The table's name, what to do when it exists, threads; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the load between batches; it is rolled back.</param>
    /// <returns>What was loaded.</returns>
    /// <exception cref="SynthKitException">
    /// SK7003 the table exists (with <see cref="IfTableExists.Fail"/>); SK7004 the load failed and was rolled back; SK7001 a
    /// value SQLite's column cannot hold.
    /// </exception>
    public static DatabaseLoadResult Load(ISynthesizer synthesizer, string databasePath, long start, int count, DatabaseLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        options ??= new DatabaseLoadOptions();
        string table = DatabaseLoad.TableOf(synthesizer, options);
        bool existed = File.Exists(databasePath);
        try
        {
            using var connection = Open(databasePath);
            return Load(connection, synthesizer, table, start, count, options, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or OperationCanceledException or SynthKitException)
        {
            if (!existed)
            {
                SqliteConnection.ClearAllPools();
                File.Delete(databasePath); // the file this load created holds nothing: leave no empty database behind
            }

            if (ex is SqliteException sqlite)
            {
                throw new SynthKitException(SinkErrorCodes.LoadFailed, $"Loading '{table}' failed and was rolled back, nothing was loaded: {sqlite.Message}", databasePath);
            }

            throw;
        }
    }

    /// <summary>The <c>CREATE TABLE</c> statement a spec becomes.</summary>
    /// <param name="spec">The table.</param>
    /// <param name="table">The table's name (quoted in the statement).</param>
    /// <returns>The statement.</returns>
    public static string CreateTable(TableSpec spec, string table)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return $"CREATE TABLE {DatabaseLoad.Quote(table)} ({DatabaseLoad.Columns(spec, TypeOf)}) STRICT";
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA cache_size = -65536"; // 64 MiB of page cache for this connection: a large load stays in memory until commit
        pragma.ExecuteNonQuery();
        return connection;
    }

    private static DatabaseLoadResult Load(SqliteConnection connection, ISynthesizer synthesizer, string table, long start, int count, DatabaseLoadOptions options, CancellationToken cancellationToken)
    {
        var spec = synthesizer.Spec;
        using var transaction = connection.BeginTransaction();
        bool exists = Scalar(connection, transaction, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name", ("$name", table)) > 0;
        bool create = !exists || options.IfExists == IfTableExists.Replace;
        if (exists && options.IfExists == IfTableExists.Fail)
        {
            throw new SynthKitException(SinkErrorCodes.TableExists, $"The table '{table}' exists already; say --if-exists replace (drop and load again) or append (add the rows).", connection.DataSource);
        }

        if (exists && create)
        {
            Execute(connection, transaction, $"DROP TABLE {DatabaseLoad.Quote(table)}");
        }

        if (create)
        {
            Execute(connection, transaction, CreateTable(spec, table));
        }

        Insert(connection, spec, table, synthesizer.ToBatches(start, count, ParallelWriting.BlockRows, options.DegreeOfParallelism, cancellationToken));

        Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS {DatabaseLoad.ManifestTable} (table_name TEXT NOT NULL, first_row INTEGER NOT NULL, rows INTEGER NOT NULL, manifest TEXT NOT NULL, PRIMARY KEY (table_name, first_row)) STRICT");
        if (create)
        {
            Execute(connection, transaction, $"DELETE FROM {DatabaseLoad.ManifestTable} WHERE table_name = $name", ("$name", table));
        }

        Execute(
            connection,
            transaction,
            $"INSERT INTO {DatabaseLoad.ManifestTable} (table_name, first_row, rows, manifest) VALUES ($name, $start, $rows, $manifest) ON CONFLICT (table_name, first_row) DO UPDATE SET rows = excluded.rows, manifest = excluded.manifest",
            ("$name", table),
            ("$start", start),
            ("$rows", count),
            ("$manifest", DatabaseLoad.Manifest(synthesizer, table, start, count)));
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return new DatabaseLoadResult(table, count, create);
    }

    /// <summary>
    /// Inserts the batches' rows through one prepared statement bound by position with SQLitePCLRaw, the layer
    /// Microsoft.Data.Sqlite itself runs on: its commands look every parameter up by name on every execution, which
    /// halves the rows per second; text is bound as the batch's own UTF-8 bytes, without strings in between.
    /// </summary>
    private static void Insert(SqliteConnection connection, TableSpec spec, string table, IEnumerable<ColumnBatch> batches)
    {
        var db = connection.Handle!;
        string sql = $"INSERT INTO {DatabaseLoad.Quote(table)} ({string.Join(", ", spec.Columns.Select(c => DatabaseLoad.Quote(c.Name)))}) VALUES ({string.Join(", ", spec.Columns.Select(_ => "?"))})";
        Check(db, raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement));
        using (statement)
        {
            var categories = new Dictionary<IReadOnlyList<string>, byte[][]>(ReferenceEqualityComparer.Instance);
            Span<byte> text = stackalloc byte[64];
            foreach (var batch in batches)
            {
                for (int row = 0; row < batch.RowCount; row++)
                {
                    for (int c = 0; c < batch.Columns.Count; c++)
                    {
                        Bind(statement, c + 1, batch[c], row, batch.StartRow + row, categories, text);
                    }

                    int rc = raw.sqlite3_step(statement);
                    raw.sqlite3_reset(statement);
                    if (rc != raw.SQLITE_DONE)
                    {
                        throw new SqliteException($"row {batch.StartRow + row + 1}: {raw.sqlite3_errmsg(db).utf8_to_string()}", rc);
                    }
                }
            }
        }
    }

    private static void Bind(sqlite3_stmt statement, int index, Column column, int row, long rowIndex, Dictionary<IReadOnlyList<string>, byte[][]> categories, Span<byte> text)
    {
        if (column.IsNull(row))
        {
            raw.sqlite3_bind_null(statement, index);
            return;
        }

        switch (column)
        {
            case Column<bool> c: raw.sqlite3_bind_int64(statement, index, c[row] ? 1 : 0); break;
            case Column<sbyte> c: raw.sqlite3_bind_int64(statement, index, c[row]); break;
            case Column<byte> c: raw.sqlite3_bind_int64(statement, index, c[row]); break;
            case Column<short> c: raw.sqlite3_bind_int64(statement, index, c[row]); break;
            case Column<ushort> c: raw.sqlite3_bind_int64(statement, index, c[row]); break;
            case Column<int> c: raw.sqlite3_bind_int64(statement, index, c[row]); break;
            case Column<uint> c: raw.sqlite3_bind_int64(statement, index, c[row]); break;
            case Column<long> c: raw.sqlite3_bind_int64(statement, index, c[row]); break;
            case Column<ulong> c:
                raw.sqlite3_bind_int64(statement, index, c[row] <= long.MaxValue ? (long)c[row] : throw DatabaseLoad.Unwritable(column, rowIndex, $"{c[row]} is larger than SQLite's INTEGER holds"));
                break;
            case Column<float> c: raw.sqlite3_bind_double(statement, index, c[row]); break;
            case Column<double> c: raw.sqlite3_bind_double(statement, index, c[row]); break;
            case StringColumn c: raw.sqlite3_bind_text(statement, index, c.GetUtf8(row)); break;
            case CategoricalColumn c:
                if (!categories.TryGetValue(c.Categories, out var encoded) || encoded.Length < c.Categories.Count)
                {
                    categories[c.Categories] = encoded = c.Categories.Select(Encoding.UTF8.GetBytes).ToArray();
                }

                raw.sqlite3_bind_text(statement, index, encoded[c.Codes[row]]);
                break;
            default:
                raw.sqlite3_bind_text(statement, index, DatabaseLoad.Utf8(column, row, text));
                break;
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }

    private static string TypeOf(ColumnSpec c) => c.Type switch
    {
        StorageType.Boolean or StorageType.Int8 or StorageType.UInt8 or StorageType.Int16 or StorageType.UInt16 or StorageType.Int32
            or StorageType.UInt32 or StorageType.Int64 or StorageType.UInt64 => "INTEGER",
        StorageType.Float32 or StorageType.Float64 => "REAL",
        _ => "TEXT",
    };

    private static long Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
