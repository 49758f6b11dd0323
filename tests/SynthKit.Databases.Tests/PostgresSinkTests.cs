using System;
using System.Collections.Generic;
using System.Linq;
using Npgsql;
using SynthKit.Tests.Schemas;
using SynthKit.Tests.Shared;

namespace SynthKit.Databases.Tests;

[CollectionDefinition(nameof(PostgresCollection))]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
}

/// <summary>PostgreSQL, a real server (Debian's package on a loopback port): binary COPY with the server checking every type and key.</summary>
[Collection(nameof(PostgresCollection))]
public sealed class PostgresSinkTests
{
    private readonly PostgresServer _server;

    public PostgresSinkTests(PostgresServer server) => _server = server;

    private List<object?[]> Query(string sql) => Rows.Of(new NpgsqlConnection(_server.ConnectionString), sql);

    /// <summary>A value as PostgreSQL returned it, turned back into the column's CLR type.</summary>
    private static object? Back(object? stored, StorageType type) => stored switch
    {
        null => null,
        short s when type == StorageType.Int8 => (sbyte)s,
        short s when type == StorageType.UInt8 => (byte)s,
        int i when type == StorageType.UInt16 => (ushort)i,
        long l when type == StorageType.UInt32 => (uint)l,
        decimal d when type == StorageType.UInt64 => (ulong)d,
        string s when type == StorageType.Char => s[0],
        DateTime d when type == StorageType.Date => DateOnly.FromDateTime(d),
        DateTime d when type == StorageType.DateTimeOffset => new DateTimeOffset(d),
        TimeSpan t when type == StorageType.Time => TimeOnly.FromTimeSpan(t),
        _ => stored,
    };

    [Fact]
    public void Every_column_type_is_copied_into_typed_columns_and_comes_back_as_it_went_in()
    {
        var synthesizer = new AllTypesSynthesizer(6);
        var spec = AllTypesSynthesizer.Spec;
        var keyed = new TableSpec { Name = spec.Name, Columns = spec.Columns, Objects = spec.Objects, PrimaryKey = "Guid" };
        var result = PostgresSink.Load(new SpecSynthesizer(keyed, 6), _server.ConnectionString, 0, 3_000, new DatabaseLoadOptions { Table = "all_types" });
        Assert.Equal(new DatabaseLoadResult("all_types", 3_000, Created: true), result);

        var types = Query("SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'all_types'").ToDictionary(r => (string)r[0]!, r => ((string)r[1]!, (string)r[2]!));
        Assert.Equal(("integer", "NO"), types["Int32"]);
        Assert.Equal(("numeric", "NO"), types["UInt64"]);
        Assert.Equal(("timestamp with time zone", "NO"), types["DateTimeOffset"]);
        Assert.Equal(("interval", "NO"), types["TimeSpan"]);
        Assert.Equal(("uuid", "NO"), types["Guid"]);
        Assert.Equal(("integer", "YES"), types["NullableInt32"]);
        Assert.Equal("Guid", Query("SELECT k.column_name FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name) WHERE c.table_name = 'all_types' AND c.constraint_type = 'PRIMARY KEY'").Single()[0]);

        var batch = synthesizer.ToBatch(0, 3_000);
        string columns = string.Join(", ", spec.Columns.Select(c => "\"" + c.Name + "\""));
        var rows = Query($"SELECT {columns} FROM all_types");
        Assert.Equal(3_000, rows.Count);
        var byGuid = rows.ToDictionary(r => (Guid)r[spec.Columns.ToList().FindIndex(c => c.Name == "Guid")]!);
        for (int r = 0; r < batch.RowCount; r++)
        {
            var row = byGuid[(Guid)batch["Guid"].GetValue(r)!];
            for (int c = 0; c < spec.Columns.Count; c++)
            {
                object? expected = batch[c].GetValue(r);
                object? actual = Back(row[c], spec.Columns[c].Type);
                if (expected is DateTimeOffset offset)
                {
                    Assert.Equal(offset.UtcDateTime, ((DateTimeOffset)actual!).UtcDateTime);
                }
                else
                {
                    Assert.True(Equals(expected, actual), $"{spec.Columns[c].Name}, row {r}: {expected} ≠ {actual}");
                }
            }
        }

        // Disclosed twice: the manifest row, and the table's comment.
        Assert.Equal("true", Query("SELECT manifest->>'synthetic' FROM synthkit_manifest WHERE table_name = 'all_types'").Single()[0]);
        Assert.StartsWith("Synthetic data made by SynthKit", (string)Query("SELECT obj_description('all_types'::regclass)").Single()[0]!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_reads_the_copied_rows_back_into_the_same_columns()
    {
        var synthesizer = new AllTypesSynthesizer(13);
        PostgresSink.Load(synthesizer, _server.ConnectionString, 0, 1_500, new DatabaseLoadOptions { Table = "read_back" });
        var batch = synthesizer.ToBatch(0, 1_500);
        var byGuid = Enumerable.Range(0, batch.RowCount).ToDictionary(r => (Guid)batch["Guid"].GetValue(r)!);

        var read = DatabaseSource.ReadPostgres(_server.ConnectionString, "SELECT * FROM read_back", AllTypesSynthesizer.Spec);
        Assert.Equal(batch.RowCount, read.RowCount);
        for (int r = 0; r < read.RowCount; r++)
        {
            int original = byGuid[(Guid)read["Guid"].GetValue(r)!];
            for (int c = 0; c < batch.Columns.Count; c++)
            {
                object? expected = batch[c].GetValue(original), actual = read[c].GetValue(r);
                Assert.True(expected is DateTimeOffset o ? o.UtcDateTime == ((DateTimeOffset)actual!).UtcDateTime : Equals(expected, actual), $"{batch[c].Name}: {expected} ≠ {actual}");
            }
        }

        var inferred = DatabaseSource.ReadPostgres(_server.ConnectionString, "SELECT \"Int32\", \"Guid\", \"DateOnly\", \"Color\", \"Bool\" FROM read_back");
        Assert.Equal(new[] { StorageType.Int32, StorageType.Guid, StorageType.Date, StorageType.String, StorageType.Boolean }, inferred.Spec.Columns.Select(c => c.Type));
        Assert.Equal(SinkErrorCodes.QueryFailed, Assert.Throws<SynthKitException>(() => DatabaseSource.ReadPostgres(_server.ConnectionString, "SELECT * FROM nowhere")).Code);
    }

    [Fact]
    public void The_server_checks_the_keys_and_a_failed_load_is_rolled_back_whole()
    {
        var spec = AllTypesSynthesizer.Spec;
        var badKey = new TableSpec { Name = spec.Name, Columns = spec.Columns, Objects = spec.Objects, PrimaryKey = "Bool" };
        var failed = Assert.Throws<SynthKitException>(() => PostgresSink.Load(new SpecSynthesizer(badKey, 1), _server.ConnectionString, 0, 500, new DatabaseLoadOptions { Table = "bad_key" }));
        Assert.Equal(SinkErrorCodes.LoadFailed, failed.Code);
        Assert.Contains("duplicate key value violates unique constraint", failed.Message, StringComparison.Ordinal);
        Assert.Contains($"on 127.0.0.1:{_server.Port}", failed.Message, StringComparison.Ordinal);
        Assert.Null(Query("SELECT to_regclass('bad_key')").Single()[0]);
        bool manifests = Query("SELECT to_regclass('synthkit_manifest') IS NOT NULL").Single()[0] is true;
        Assert.True(!manifests || Query("SELECT count(*) FROM synthkit_manifest WHERE table_name = 'bad_key'").Single()[0] is 0L);

        // A server that is not there.
        var unreachable = Assert.Throws<SynthKitException>(() => PostgresSink.Load(new BenchPatientSynthesizer(1), "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2", 0, 10));
        Assert.Equal(SinkErrorCodes.LoadFailed, unreachable.Code);
        Assert.Equal(SinkErrorCodes.LoadFailed, Assert.Throws<SynthKitException>(() => PostgresSink.Load(new BenchPatientSynthesizer(1), "Host=127.0.0.1;Port=abc", 0, 10)).Code);
    }

    [Fact]
    public void An_existing_table_fails_by_default_is_replaced_or_appended_when_asked()
    {
        var synthesizer = new BenchPatientSynthesizer(3);
        var options = new DatabaseLoadOptions { Table = "patients", DegreeOfParallelism = 2 };
        PostgresSink.Load(synthesizer, _server.ConnectionString, 0, 1_000, options with { IfExists = IfTableExists.Replace });

        Assert.Equal(SinkErrorCodes.TableExists, Assert.Throws<SynthKitException>(() => PostgresSink.Load(synthesizer, _server.ConnectionString, 0, 10, options)).Code);
        Assert.Equal(1_000L, Query("SELECT count(*) FROM patients").Single()[0]);

        PostgresSink.Load(synthesizer, _server.ConnectionString, 1_000, 500, options with { IfExists = IfTableExists.Append });
        Assert.Equal(1_500L, Query("SELECT count(*) FROM patients").Single()[0]);
        Assert.Equal(new object?[] { 0L, 1_000L, 1_000L, 500L }, Query("SELECT first_row, rows FROM synthkit_manifest WHERE table_name = 'patients' ORDER BY first_row").SelectMany(r => r));

        // The appended rows are the rows a single run makes at those indexes.
        var batch = synthesizer.ToBatch(0, 1_500);
        var ids = Query("SELECT \"Id\" FROM patients").Select(r => (Guid)r[0]!).ToHashSet();
        Assert.Equal(Enumerable.Range(0, 1_500).Select(i => (Guid)batch["Id"].GetValue(i)!).ToHashSet(), ids);

        PostgresSink.Load(synthesizer, _server.ConnectionString, 0, 20, options with { IfExists = IfTableExists.Replace });
        Assert.Equal(20L, Query("SELECT count(*) FROM patients").Single()[0]);
        Assert.Single(Query("SELECT 1 FROM synthkit_manifest WHERE table_name = 'patients'"));
    }
}
