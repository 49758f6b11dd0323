using System;
using System.Linq;
using System.Threading;
using Npgsql;
using NpgsqlTypes;

namespace SynthKit.Databases;

/// <summary>
/// PostgreSQL: a table created from the column spec (its types, <c>NOT NULL</c>, the primary key) and loaded with Npgsql's
/// binary <c>COPY</c>, all in one transaction with the manifest row in <c>synthkit_manifest</c> and a table comment that
/// says the rows are synthetic. The server checks every key and type; a failed load is rolled back whole.
/// </summary>
/// <remarks>
/// Types: <c>boolean</c>, <c>smallint</c> / <c>integer</c> / <c>bigint</c> (unsigned types take the next wider one,
/// <c>ulong</c> <c>numeric(20, 0)</c>), <c>real</c>, <c>double precision</c>, <c>numeric</c>, <c>text</c>, <c>date</c>,
/// <c>timestamp</c>, <c>timestamptz</c>, <c>time</c>, <c>interval</c>, <c>uuid</c>.
/// </remarks>
public static class PostgresSink
{
    /// <summary>Loads rows <c>start … start + count − 1</c> into a table of the database the connection string names.</summary>
    /// <param name="synthesizer">Any synthesizer (generated, spec-driven, fitted).</param>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Database=…;Username=…</c>).</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <param name="options">The table's name, what to do when it exists, threads; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the load between batches; it is rolled back.</param>
    /// <returns>What was loaded.</returns>
    /// <exception cref="SynthKitException">SK7003 the table exists (with <see cref="IfTableExists.Fail"/>); SK7004 the load failed and was rolled back.</exception>
    public static DatabaseLoadResult Load(ISynthesizer synthesizer, string connectionString, long start, int count, DatabaseLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        options ??= new DatabaseLoadOptions();
        string table = DatabaseLoad.TableOf(synthesizer, options);
        string where = Describe(connectionString);
        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            bool exists = connection.CreateCommand() is var probe && Probe(probe, transaction, table);
            bool create = !exists || options.IfExists == IfTableExists.Replace;
            if (exists && options.IfExists == IfTableExists.Fail)
            {
                throw new SynthKitException(SinkErrorCodes.TableExists, $"The table '{table}' exists already in {where}; say --if-exists replace (drop and load again) or append (add the rows).");
            }

            if (exists && create)
            {
                Execute(connection, transaction, $"DROP TABLE {DatabaseLoad.Quote(table)}");
            }

            if (create)
            {
                Execute(connection, transaction, CreateTable(synthesizer.Spec, table));
            }

            Copy(connection, synthesizer, table, start, count, options, cancellationToken);

            Execute(connection, transaction, $"CREATE TABLE IF NOT EXISTS {DatabaseLoad.ManifestTable} (table_name text NOT NULL, first_row bigint NOT NULL, rows bigint NOT NULL, manifest jsonb NOT NULL, PRIMARY KEY (table_name, first_row))");
            if (create)
            {
                Execute(connection, transaction, $"DELETE FROM {DatabaseLoad.ManifestTable} WHERE table_name = @name", ("name", table));
            }

            string manifest = DatabaseLoad.Manifest(synthesizer, table, start, count);
            Execute(connection, transaction, $"INSERT INTO {DatabaseLoad.ManifestTable} (table_name, first_row, rows, manifest) VALUES (@name, @start, @rows, @manifest::jsonb) ON CONFLICT (table_name, first_row) DO UPDATE SET rows = excluded.rows, manifest = excluded.manifest", ("name", table), ("start", start), ("rows", (long)count), ("manifest", manifest));
            Execute(connection, transaction, $"COMMENT ON TABLE {DatabaseLoad.Quote(table)} IS 'Synthetic data made by SynthKit (schema {synthesizer.Schema.Name.Replace("'", "''", StringComparison.Ordinal)}, seed {synthesizer.Seed}); see {DatabaseLoad.ManifestTable}.'");
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return new DatabaseLoadResult(table, count, create);
        }
        catch (Exception ex) when (ex is NpgsqlException or PostgresException)
        {
            throw new SynthKitException(SinkErrorCodes.LoadFailed, $"Loading '{table}' into {where} failed and was rolled back, nothing was loaded: {ex.Message}");
        }
    }

    /// <summary>The <c>CREATE TABLE</c> statement a spec becomes.</summary>
    /// <param name="spec">The table.</param>
    /// <param name="table">The table's name (quoted in the statement).</param>
    /// <returns>The statement.</returns>
    public static string CreateTable(TableSpec spec, string table)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return $"CREATE TABLE {DatabaseLoad.Quote(table)} ({DatabaseLoad.Columns(spec, c => TypeOf(c.Type).Sql)})";
    }

    private static void Copy(NpgsqlConnection connection, ISynthesizer synthesizer, string table, long start, int count, DatabaseLoadOptions options, CancellationToken cancellationToken)
    {
        var spec = synthesizer.Spec;
        var writers = spec.Columns.Select(c => TypeOf(c.Type).Db).ToArray();
        string columns = string.Join(", ", spec.Columns.Select(c => DatabaseLoad.Quote(c.Name)));
        using var copy = connection.BeginBinaryImport($"COPY {DatabaseLoad.Quote(table)} ({columns}) FROM STDIN (FORMAT BINARY)");
        foreach (var batch in synthesizer.ToBatches(start, count, ParallelWriting.BlockRows, options.DegreeOfParallelism, cancellationToken))
        {
            for (int row = 0; row < batch.RowCount; row++)
            {
                copy.StartRow();
                for (int c = 0; c < writers.Length; c++)
                {
                    Write(copy, batch[c], row, writers[c]);
                }
            }
        }

        copy.Complete();
    }

    private static void Write(NpgsqlBinaryImporter copy, Column column, int row, NpgsqlDbType type)
    {
        if (column.IsNull(row))
        {
            copy.WriteNull();
            return;
        }

        switch (column)
        {
            case Column<bool> c: copy.Write(c[row], type); break;
            case Column<sbyte> c: copy.Write((short)c[row], type); break;
            case Column<byte> c: copy.Write((short)c[row], type); break;
            case Column<short> c: copy.Write(c[row], type); break;
            case Column<ushort> c: copy.Write((int)c[row], type); break;
            case Column<int> c: copy.Write(c[row], type); break;
            case Column<uint> c: copy.Write((long)c[row], type); break;
            case Column<long> c: copy.Write(c[row], type); break;
            case Column<ulong> c: copy.Write((decimal)c[row], type); break;
            case Column<float> c: copy.Write(c[row], type); break;
            case Column<double> c: copy.Write(c[row], type); break;
            case Column<decimal> c: copy.Write(c[row], type); break;
            case Column<DateOnly> c: copy.Write(c[row], type); break;
            case Column<DateTime> c: copy.Write(DateTime.SpecifyKind(c[row], DateTimeKind.Unspecified), type); break;
            case Column<DateTimeOffset> c: copy.Write(c[row].ToUniversalTime(), type); break;
            case Column<TimeOnly> c: copy.Write(c[row], type); break;
            case Column<TimeSpan> c: copy.Write(c[row], type); break;
            case Column<Guid> c: copy.Write(c[row], type); break;
            default: copy.Write(DatabaseLoad.Text(column, row), type); break;
        }
    }

    private static (string Sql, NpgsqlDbType Db) TypeOf(StorageType type) => type switch
    {
        StorageType.Boolean => ("boolean", NpgsqlDbType.Boolean),
        StorageType.Int8 or StorageType.UInt8 or StorageType.Int16 => ("smallint", NpgsqlDbType.Smallint),
        StorageType.UInt16 or StorageType.Int32 => ("integer", NpgsqlDbType.Integer),
        StorageType.UInt32 or StorageType.Int64 => ("bigint", NpgsqlDbType.Bigint),
        StorageType.UInt64 => ("numeric(20, 0)", NpgsqlDbType.Numeric),
        StorageType.Float32 => ("real", NpgsqlDbType.Real),
        StorageType.Float64 => ("double precision", NpgsqlDbType.Double),
        StorageType.Decimal => ("numeric", NpgsqlDbType.Numeric),
        StorageType.Date => ("date", NpgsqlDbType.Date),
        StorageType.DateTime => ("timestamp", NpgsqlDbType.Timestamp),
        StorageType.DateTimeOffset => ("timestamptz", NpgsqlDbType.TimestampTz),
        StorageType.Time => ("time", NpgsqlDbType.Time),
        StorageType.Duration => ("interval", NpgsqlDbType.Interval),
        StorageType.Guid => ("uuid", NpgsqlDbType.Uuid),
        _ => ("text", NpgsqlDbType.Text),
    };

    private static bool Probe(NpgsqlCommand command, NpgsqlTransaction transaction, string table)
    {
        using (command)
        {
            command.Transaction = transaction;
            command.CommandText = "SELECT to_regclass(@name) IS NOT NULL";
            command.Parameters.AddWithValue("name", DatabaseLoad.Quote(table));
            return (bool)command.ExecuteScalar()!;
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>The server and database a connection string names, for messages (never its password).</summary>
    private static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"database '{builder.Database ?? builder.Username}' on {builder.Host}:{builder.Port}";
        }
        catch (ArgumentException ex)
        {
            throw new SynthKitException(SinkErrorCodes.LoadFailed, $"The PostgreSQL connection string cannot be read: {ex.Message}");
        }
    }
}
