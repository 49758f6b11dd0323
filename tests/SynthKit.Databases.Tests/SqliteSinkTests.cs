using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SynthKit.Tests.Schemas;

namespace SynthKit.Databases.Tests;

/// <summary>SQLite: typed STRICT tables from the spec, values that come back as they went in, loads that are all or nothing.</summary>
public sealed class SqliteSinkTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("synthkit-sqlite-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Db(string name) => Path.Combine(_dir, name);

    internal static List<object?[]> Query(string path, string sql) => Rows.Of(new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False"), sql);

    /// <summary>A value read back from SQLite, parsed as the column's type by the framework's own parsers.</summary>
    private static object? Parse(object? stored, StorageType type) => stored is null ? null : type switch
    {
        StorageType.Boolean => (long)stored != 0,
        StorageType.Int8 => (sbyte)(long)stored,
        StorageType.UInt8 => (byte)(long)stored,
        StorageType.Int16 => (short)(long)stored,
        StorageType.UInt16 => (ushort)(long)stored,
        StorageType.Int32 => (int)(long)stored,
        StorageType.UInt32 => (uint)(long)stored,
        StorageType.Int64 => (long)stored,
        StorageType.UInt64 => (ulong)(long)stored,
        StorageType.Float32 => (float)(double)stored,
        StorageType.Float64 => (double)stored,
        StorageType.Decimal => decimal.Parse((string)stored, CultureInfo.InvariantCulture),
        StorageType.Char => ((string)stored)[0],
        StorageType.Date => DateOnly.Parse((string)stored, CultureInfo.InvariantCulture),
        StorageType.DateTime => DateTime.Parse((string)stored, CultureInfo.InvariantCulture),
        StorageType.DateTimeOffset => DateTimeOffset.Parse((string)stored, CultureInfo.InvariantCulture),
        StorageType.Time => TimeOnly.Parse((string)stored, CultureInfo.InvariantCulture),
        StorageType.Duration => TimeSpan.ParseExact((string)stored, "c", CultureInfo.InvariantCulture),
        StorageType.Guid => Guid.Parse((string)stored),
        _ => stored,
    };

    [Fact]
    public void Every_column_type_comes_back_as_it_went_in_from_a_strict_table()
    {
        var synthesizer = new AllTypesSynthesizer(4);
        string db = Db("all.db");
        var result = SqliteSink.Load(synthesizer, db, 0, 3_000);
        Assert.Equal(new DatabaseLoadResult("AllTypes", 3_000, Created: true), result);

        var batch = synthesizer.ToBatch(0, 3_000);
        var spec = AllTypesSynthesizer.Spec;
        var rows = Query(db, "SELECT * FROM \"AllTypes\" ORDER BY rowid");
        Assert.Equal(3_000, rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < spec.Columns.Count; c++)
            {
                object? expected = batch[c].GetValue(r);
                object? actual = Parse(rows[r][c], spec.Columns[c].Type);
                Assert.True(Equals(expected, actual), $"{spec.Columns[c].Name}, row {r}: {expected} ≠ {actual}");
            }
        }

        // STRICT: SQLite itself refuses a value of the wrong type; NOT NULL where the spec allows no null.
        var info = Query(db, "SELECT name, type, \"notnull\" FROM pragma_table_info('AllTypes')").ToDictionary(r => (string)r[0]!, r => (Type: (string)r[1]!, NotNull: (long)r[2]! == 1));
        Assert.Equal(("INTEGER", true), info["Int32"]);
        Assert.Equal(("REAL", true), info["Double"]);
        Assert.Equal(("TEXT", true), info["Decimal"]);
        Assert.Equal(("INTEGER", false), info["NullableInt32"]);
        Assert.Contains("STRICT", (string)Query(db, "SELECT sql FROM sqlite_master WHERE name = 'AllTypes'")[0][0]!, StringComparison.Ordinal);
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE \"AllTypes\" SET \"Int32\" = 'not a number' WHERE rowid = 1";
            Assert.Contains("cannot store TEXT value in INTEGER column", Assert.Throws<SqliteException>(() => command.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        }

        // The rows are disclosed: the manifest row says what made them.
        var manifest = Query(db, $"SELECT table_name, first_row, rows, manifest FROM {DatabaseManifest.TableName}").Single();
        Assert.Equal(("AllTypes", 0L, 3_000L), ((string)manifest[0]!, (long)manifest[1]!, (long)manifest[2]!));
        using var json = JsonDocument.Parse((string)manifest[3]!);
        Assert.True(json.RootElement.GetProperty("synthetic").GetBoolean());
        Assert.Equal(AllTypesSynthesizer.Schema.Fingerprint, json.RootElement.GetProperty("schema").GetProperty("fingerprint").GetString());
        Assert.Equal(4, json.RootElement.GetProperty("generation").GetProperty("seed").GetInt64());
    }

    [Fact]
    public void An_existing_table_fails_by_default_is_replaced_or_appended_when_asked()
    {
        var synthesizer = new BenchPatientSynthesizer(1);
        string db = Db("patients.sqlite");
        SqliteSink.Load(synthesizer, db, 0, 100);

        var exists = Assert.Throws<SynthKitException>(() => SqliteSink.Load(synthesizer, db, 0, 50));
        Assert.Equal(SinkErrorCodes.TableExists, exists.Code);
        Assert.Equal(db, exists.FilePath);
        Assert.Equal(100L, Query(db, "SELECT count(*) FROM \"BenchPatient\"")[0][0]);

        var replaced = SqliteSink.Load(synthesizer, db, 0, 40, new DatabaseLoadOptions { IfExists = IfTableExists.Replace });
        Assert.True(replaced.Created);
        Assert.Equal(40L, Query(db, "SELECT count(*) FROM \"BenchPatient\"")[0][0]);

        // Appending the next rows gives the rows a single load of both ranges gives.
        var appended = SqliteSink.Load(synthesizer, db, 40, 60, new DatabaseLoadOptions { IfExists = IfTableExists.Append });
        Assert.False(appended.Created);
        SqliteSink.Load(synthesizer, Db("whole.db"), 0, 100);
        Assert.Equal(Query(Db("whole.db"), "SELECT * FROM \"BenchPatient\" ORDER BY rowid"), Query(db, "SELECT * FROM \"BenchPatient\" ORDER BY rowid"));
        Assert.Equal(new object?[] { 0L, 40L, 40L, 60L }, Query(db, $"SELECT first_row, rows FROM {DatabaseManifest.TableName} ORDER BY first_row").SelectMany(r => r));

        // Another name, from the options.
        SqliteSink.Load(synthesizer, db, 0, 5, new DatabaseLoadOptions { Table = "people \"quoted\"" });
        Assert.Equal(5L, Query(db, "SELECT count(*) FROM \"people \"\"quoted\"\"\"")[0][0]);
    }

    [Fact]
    public void A_failed_load_leaves_nothing_behind()
    {
        // A primary key on a column whose values repeat: SQLite's constraint stops the load, which is rolled back.
        var spec = AllTypesSynthesizer.Spec;
        var keyed = new TableSpec { Name = spec.Name, Columns = spec.Columns, Objects = spec.Objects, PrimaryKey = "Bool" };
        var synthesizer = new SpecSynthesizer(keyed, 1);

        string fresh = Db("fresh.db");
        var failed = Assert.Throws<SynthKitException>(() => SqliteSink.Load(synthesizer, fresh, 0, 1_000));
        Assert.Equal(SinkErrorCodes.LoadFailed, failed.Code);
        Assert.Contains("UNIQUE constraint failed", failed.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(fresh)); // the file it would have created is not left empty

        string existing = Db("existing.db");
        SqliteSink.Load(new BenchPatientSynthesizer(2), existing, 0, 10);
        Assert.Throws<SynthKitException>(() => SqliteSink.Load(synthesizer, existing, 0, 1_000));
        Assert.Equal(new object?[] { "BenchPatient", "synthkit_manifest" }, Query(existing, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").SelectMany(r => r));
        Assert.Single(Query(existing, $"SELECT * FROM {DatabaseManifest.TableName}"));

        // Replacing a table and failing keeps the old table.
        Assert.Throws<SynthKitException>(() => SqliteSink.Load(synthesizer, existing, 0, 1_000, new DatabaseLoadOptions { Table = "BenchPatient", IfExists = IfTableExists.Replace }));
        Assert.Equal(10L, Query(existing, "SELECT count(*) FROM \"BenchPatient\"")[0][0]);

        // Cancelled: rolled back too.
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => SqliteSink.Load(new BenchPatientSynthesizer(3), existing, 0, 100_000, new DatabaseLoadOptions { Table = "more" }, cancelled.Token));
        Assert.Empty(Query(existing, "SELECT name FROM sqlite_master WHERE name = 'more'"));
    }

    [Fact]
    public void Every_thread_count_loads_the_same_rows_and_a_ulong_too_large_is_refused()
    {
        var synthesizer = new BenchPatientSynthesizer(7);
        int rows = (ParallelWriting.BlockRows * 2) + 5;
        SqliteSink.Load(synthesizer, Db("one.db"), 0, rows, new DatabaseLoadOptions { DegreeOfParallelism = 1 });
        SqliteSink.Load(synthesizer, Db("two.db"), 0, rows, new DatabaseLoadOptions { DegreeOfParallelism = 2 });
        string sql = "SELECT count(*), sum(length(\"Id\") + length(\"LastName\") + \"Age\"), group_concat(\"Id\", '') FROM \"BenchPatient\"";
        Assert.Equal(Query(Db("one.db"), sql), Query(Db("two.db"), sql));

        // SynthKit's rules draw no ulong above long.MaxValue, but a synthesizer of someone else's may.
        var big = new TableSpec { Name = "big", Columns = [new ColumnSpec { Name = "n", Type = StorageType.UInt64, Kind = StatisticalKind.Numerical }] };
        var rowsOfBig = new ColumnBatch(big, 2) { RowCount = 2 };
        rowsOfBig.Get<ulong>("n").Set(0, ulong.MaxValue);
        var refused = Assert.Throws<SynthKitException>(() => SqliteSink.Load(new FixedRows(rowsOfBig), Db("big.db"), 0, 2));
        Assert.Equal(SinkErrorCodes.UnwritableValue, refused.Code);
        Assert.Contains("Column 'n', row 1", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Db("big.db")));
    }

    [Fact]
    public void A_query_reads_the_loaded_rows_back_into_the_same_columns()
    {
        var synthesizer = new AllTypesSynthesizer(12);
        string db = Db("back.db");
        SqliteSink.Load(synthesizer, db, 0, 2_000);
        var batch = synthesizer.ToBatch(0, 2_000);

        var read = DatabaseSource.ReadSqlite(db, "SELECT * FROM \"AllTypes\" ORDER BY rowid", AllTypesSynthesizer.Spec);
        Assert.Equal(batch.RowCount, read.RowCount);
        for (int c = 0; c < batch.Columns.Count; c++)
        {
            for (int r = 0; r < batch.RowCount; r++)
            {
                Assert.True(Equals(batch[c].GetValue(r), read[c].GetValue(r)), $"{batch[c].Name}, row {r}: {batch[c].GetValue(r)} ≠ {read[c].GetValue(r)}");
            }
        }

        // Without a spec, the types are SQLite's: INTEGER, REAL, TEXT (categorical).
        var inferred = DatabaseSource.ReadSqlite(db, "SELECT \"Int32\", \"Double\", \"Color\" FROM \"AllTypes\"");
        Assert.Equal(new[] { StorageType.Int64, StorageType.Float64, StorageType.String }, inferred.Spec.Columns.Select(c => c.Type));
        Assert.Equal(StatisticalKind.Categorical, inferred.Spec.Columns[2].Kind);
        Assert.Equal("back", inferred.Spec.Name);

        // Coded errors: no database, a failing query, a column the spec needs, a value its type cannot hold.
        Assert.Equal(SinkErrorCodes.QueryFailed, Assert.Throws<SynthKitException>(() => DatabaseSource.ReadSqlite(Db("none.db"), "SELECT 1")).Code);
        Assert.Equal(SinkErrorCodes.QueryFailed, Assert.Throws<SynthKitException>(() => DatabaseSource.ReadSqlite(db, "SELECT nope FROM \"AllTypes\"")).Code);
        Assert.Equal(ErrorCodes.MissingColumn, Assert.Throws<SynthKitException>(() => DatabaseSource.ReadSqlite(db, "SELECT \"Int32\" FROM \"AllTypes\"", AllTypesSynthesizer.Spec)).Code);
        var wrong = new TableSpec { Name = "t", Columns = [new ColumnSpec { Name = "String", Type = StorageType.Int32, Kind = StatisticalKind.Numerical }] };
        var unreadable = Assert.Throws<SynthKitException>(() => DatabaseSource.ReadSqlite(db, "SELECT \"String\" FROM \"AllTypes\"", wrong));
        Assert.Equal(SinkErrorCodes.QueryFailed, unreadable.Code);
        Assert.Contains("Row 1, column 'String'", unreadable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_create_statement_names_types_keys_and_quotes()
    {
        var spec = new TableSpec
        {
            Name = "t",
            PrimaryKey = "id",
            Columns =
            [
                new ColumnSpec { Name = "id", Type = StorageType.Int64, Kind = StatisticalKind.Identifier },
                new ColumnSpec { Name = "na\"me", Type = StorageType.String, Kind = StatisticalKind.Categorical, Nullable = true },
            ],
        };
        Assert.Equal("CREATE TABLE \"x\" (\"id\" INTEGER NOT NULL, \"na\"\"me\" TEXT, PRIMARY KEY (\"id\")) STRICT", SqliteSink.CreateTable(spec, "x"));
        Assert.Equal("CREATE TABLE \"x\" (\"id\" bigint NOT NULL, \"na\"\"me\" text, PRIMARY KEY (\"id\"))", PostgresSink.CreateTable(spec, "x"));
    }
}

/// <summary>Every row of a query, each value as the provider returned it (null for NULL).</summary>
internal static class Rows
{
    public static List<object?[]> Of(System.Data.Common.DbConnection connection, string sql)
    {
        using (connection)
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        }
    }
}

/// <summary>A synthesizer whose rows are a batch given up front: for values SynthKit's own rules never make.</summary>
internal sealed class FixedRows : ISynthesizer
{
    private readonly ColumnBatch _rows;
    private readonly SpecSynthesizer _shape;

    public FixedRows(ColumnBatch rows)
    {
        _rows = rows;
        _shape = new SpecSynthesizer(rows.Spec, 0);
    }

    public long Seed => 0;

    public SchemaDescription Schema => _shape.Schema;

    public TableSpec Spec => _rows.Spec;

    public Type? RowType => null;

    public void Fill(ColumnBatch batch, long start, int count)
    {
        var selected = _rows.Select(Enumerable.Range((int)start, count).ToArray());
        batch.RowCount = count;
        for (int c = 0; c < batch.Columns.Count; c++)
        {
            for (int r = 0; r < count; r++)
            {
                switch (batch[c])
                {
                    case Column<ulong> u: u.Set(r, ((Column<ulong>)selected[c])[r]); break;
                    case Column<int> i: i.Set(r, ((Column<int>)selected[c])[r]); break;
                    default: throw new NotSupportedException(batch[c].Type.ToString());
                }

                batch[c].SetNull(r, selected[c].IsNull(r));
            }
        }
    }

    public void WriteCsv(Stream destination, long start, int count) => throw new NotSupportedException();

    public void WriteJsonLines(Stream destination, long start, int count) => throw new NotSupportedException();
}
