using System;
using System.IO;
using System.Linq;
using SynthKit.Fixtures;
using SynthKit.Tests.Schemas;
using SynthKit.Tests.Shared;

namespace SynthKit.Tests;

/// <summary>
/// Parquet: typed columns, nulls, dictionaries and timestamp units, checked by DuckDB (an engine that shares no code with
/// SynthKit or Parquet.Net) against the CSV of the same rows; read back into columns; the same bytes on every thread count.
/// </summary>
public sealed class ParquetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("synthkit-parquet-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteBoth(ISynthesizer synthesizer, int rows, string name)
    {
        string csv = Path.Combine(_dir, name + ".csv");
        string parquet = Path.Combine(_dir, name + ".parquet");
        using (var stream = File.Create(csv))
        {
            synthesizer.WriteCsv(stream, 0, rows);
        }

        using (var stream = File.Create(parquet))
        {
            synthesizer.WriteParquet(stream, 0, rows);
        }

        return Path.Combine(_dir, name);
    }

    /// <summary>DuckDB reads the CSV under the spec's types: the two files must hold the same rows in the same order.</summary>
    private static void AssertSameRows(TableSpec spec, string stem, int rows)
    {
        var (differences, count) = DuckDb.Compare(spec, stem + ".csv", stem + ".parquet");
        Assert.Equal(rows, count);
        Assert.Equal(0, differences);
    }

    [Fact]
    public void DuckDB_reads_every_column_type_as_the_csv_of_the_same_rows()
    {
        var synthesizer = new AllTypesSynthesizer(11);
        string stem = WriteBoth(synthesizer, 3_000, "all-types");
        AssertSameRows(AllTypesSynthesizer.Spec, stem, 3_000);

        // The one column DuckDB cannot compare with the CSV text directly: durations, as INT64 microseconds.
        var batch = synthesizer.ToBatch(0, 3_000);
        var durations = DuckDb.Query($"SELECT \"TimeSpan\" FROM read_parquet({DuckDb.Literal(stem + ".parquet")})");
        for (int i = 0; i < batch.RowCount; i += 97)
        {
            Assert.Equal((batch.Get<TimeSpan>("TimeSpan")[i].Ticks / 10).ToString(System.Globalization.CultureInfo.InvariantCulture), durations[i][0]);
        }
    }

    [Fact]
    public void Nested_and_nullable_objects_and_a_spec_driven_synthesizer_write_the_same_rows()
    {
        var generated = new HouseholdSynthesizer(5);
        string stem = WriteBoth(generated, 2_000, "household");
        AssertSameRows(HouseholdSynthesizer.Spec, stem, 2_000);

        // The spec-driven synthesizer of the same spec makes the same Parquet bytes, as it makes the same CSV bytes.
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        generated.WriteParquet(a, 0, 2_000);
        new SpecSynthesizer(HouseholdSynthesizer.Spec, 5).WriteParquet(b, 0, 2_000);
        Assert.Equal(a.ToArray(), b.ToArray());

        // The nullable object's columns are null exactly where the batch says.
        var batch = generated.ToBatch(0, 2_000);
        int nulls = batch["Holiday.City"].NullCount;
        Assert.InRange(nulls, 900, 1_100);
        Assert.Equal(nulls.ToString(System.Globalization.CultureInfo.InvariantCulture), DuckDb.Scalar($"SELECT count(*) FROM read_parquet({DuckDb.Literal(stem + ".parquet")}) WHERE \"Holiday.City\" IS NULL"));
    }

    [Fact]
    public void Categories_are_dictionary_encoded_timestamps_carry_their_unit_and_nulls_are_nulls()
    {
        var synthesizer = new AllTypesSynthesizer(3);
        string stem = WriteBoth(synthesizer, 5_000, "meta");
        string file = DuckDb.Literal(stem + ".parquet");

        string Encodings(string column) => DuckDb.Scalar($"SELECT encodings FROM parquet_metadata({file}) WHERE path_in_schema = {DuckDb.Literal(column)}")!;
        Assert.Contains("DICTIONARY", Encodings("Color"), StringComparison.Ordinal);
        Assert.DoesNotContain("DICTIONARY", Encodings("Guid"), StringComparison.Ordinal);

        var schema = DuckDb.Query($"SELECT name, logical_type, repetition_type FROM parquet_schema({file})").ToDictionary(r => r[0]!, r => (Logical: r[1], Repetition: r[2]));
        Assert.Contains("MICROS", schema["DateTime"].Logical, StringComparison.Ordinal);
        Assert.Contains("isAdjustedToUTC=0", schema["DateTime"].Logical, StringComparison.Ordinal);
        Assert.Contains("isAdjustedToUTC=1", schema["DateTimeOffset"].Logical, StringComparison.Ordinal);
        Assert.Contains("MICROS", schema["TimeOnly"].Logical, StringComparison.Ordinal);
        Assert.Equal("REQUIRED", schema["Int32"].Repetition);
        Assert.Equal("OPTIONAL", schema["NullableInt32"].Repetition);

        var batch = synthesizer.ToBatch(0, 5_000);
        foreach (string column in new[] { "NullableInt32", "NullableString", "NullableColor", "NullableDateTime", "NullableGuid" })
        {
            Assert.Equal(batch[column].NullCount.ToString(System.Globalization.CultureInfo.InvariantCulture), DuckDb.Scalar($"SELECT count(*) FROM read_parquet({file}) WHERE {DuckDb.Name(column)} IS NULL"));
        }
    }

    [Fact]
    public void A_file_reads_back_into_the_same_columns()
    {
        var synthesizer = new AllTypesSynthesizer(8);
        var batch = synthesizer.ToBatch(0, 2_500);
        using var stream = new MemoryStream();
        synthesizer.WriteParquet(stream, 0, 2_500);
        stream.Position = 0;
        var read = ParquetFiles.ReadParquet(stream, null, "all.parquet");

        Assert.Equal(AllTypesSynthesizer.Spec.ToJson(), read.Spec.ToJson()); // the spec travels in the file
        Assert.Equal(batch.RowCount, read.RowCount);
        for (int c = 0; c < batch.Columns.Count; c++)
        {
            for (int row = 0; row < batch.RowCount; row++)
            {
                object? expected = batch[c].GetValue(row);
                object? actual = read[c].GetValue(row);
                if (expected is DateTimeOffset offset)
                {
                    Assert.Equal(offset.UtcDateTime, ((DateTimeOffset)actual!).UtcDateTime); // the instant, in UTC
                }
                else
                {
                    Assert.True(Equals(expected, actual), $"{batch[c].Name}, row {row}: {expected} ≠ {actual}");
                }
            }
        }

        // A batch writes the same bytes as the synthesizer that filled it.
        using var again = new MemoryStream();
        batch.WriteParquet(again);
        Assert.Equal(stream.ToArray(), again.ToArray());
    }

    [Fact]
    public void Round_trips_on_several_threads_at_once_read_every_row_of_every_column()
    {
        // A regression guard: Parquet.Net's nullable read overload once left rows of required columns unfilled, which
        // showed only now and then, with other threads busy. Many round trips at once make it show.
        var synthesizer = new AllTypesSynthesizer(30);
        var batch = synthesizer.ToBatch(0, 4_000);
        var expected = batch.Columns.Select(c => c.NullCount).ToArray();
        System.Threading.Tasks.Parallel.For(0, 24, new System.Threading.Tasks.ParallelOptions { MaxDegreeOfParallelism = 4 }, _ =>
        {
            using var stream = new MemoryStream();
            batch.WriteParquet(stream);
            stream.Position = 0;
            var read = ParquetFiles.ReadParquet(stream, null, null);
            Assert.Equal(expected, read.Columns.Select(c => c.NullCount).ToArray());
            Assert.Equal(batch.Get<bool>("Bool").Values.ToArray(), read.Get<bool>("Bool").Values.ToArray());
            Assert.Equal(batch.Get<short>("Int16").Values.ToArray(), read.Get<short>("Int16").Values.ToArray());
        });
    }

    [Fact]
    public void Every_thread_count_writes_the_same_bytes_and_row_groups_hold_a_fixed_number_of_rows()
    {
        var synthesizer = new BenchPatientSynthesizer(42);
        int rows = (ParquetFiles.RowGroupRows * 2) + 17;
        byte[] Write(int threads)
        {
            using var stream = new MemoryStream();
            synthesizer.WriteParquet(stream, 3, rows, threads);
            return stream.ToArray();
        }

        byte[] single = Write(1);
        Assert.Equal(single, Write(2));
        Assert.Equal(single, Write(3));
        Assert.Equal(single, Write(0));

        string file = Path.Combine(_dir, "patients.parquet");
        File.WriteAllBytes(file, single);
        var groups = DuckDb.Query($"SELECT row_group_id, any_value(row_group_num_rows) FROM parquet_metadata({DuckDb.Literal(file)}) GROUP BY row_group_id ORDER BY row_group_id");
        Assert.Equal(new[] { "131072", "131072", "17" }, groups.Select(g => g[1]));

        // Read one row group at a time: the same groups, and their rows are the file's rows in order.
        var byGroup = ParquetFiles.ReadParquetRowGroups(file, null).ToList();
        Assert.Equal([131_072, 131_072, 17], byGroup.Select(g => g.RowCount));
        var all = ParquetFiles.ReadParquet(file);
        Assert.All(byGroup, g => Assert.Same(byGroup[0].Spec, g.Spec));
        foreach (var column in new[] { "Id", "LastName", "BirthDate" })
        {
            Assert.Equal(all[column].GetValue(131_072), byGroup[1][column].GetValue(0));
            Assert.Equal(all[column].GetValue(rows - 1), byGroup[2][column].GetValue(16));
        }

        // A slice's rows are the rows at those indexes of the whole.
        using var slice = new MemoryStream();
        synthesizer.WriteParquet(slice, 3 + 1_000, 10);
        slice.Position = 0;
        var part = ParquetFiles.ReadParquet(slice, null, null);
        var whole = synthesizer.ToBatch(3 + 1_000, 10);
        Assert.Equal(whole["LastName"].GetValue(9), part["LastName"].GetValue(9));
        Assert.Equal(whole["Id"].GetValue(0), part["Id"].GetValue(0));
    }

    [Fact]
    public void The_reader_takes_a_file_another_engine_wrote()
    {
        string file = Path.Combine(_dir, "duck.parquet");
        DuckDb.Query($"""
            COPY (SELECT i::INTEGER AS id, 'k' || (i % 3) AS label, (i * 0.5)::DOUBLE AS half, DATE '2024-01-01' + i::INTEGER AS day,
                         CASE WHEN i % 4 = 0 THEN NULL ELSE i % 2 = 0 END AS flag, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) SECOND AS at
                  FROM range(10) t(i)) TO {DuckDb.Literal(file)} (FORMAT PARQUET)
            """);

        var batch = ParquetFiles.ReadParquet(file);
        Assert.Equal("duck", batch.Spec.Name);
        Assert.Equal(10, batch.RowCount);
        Assert.Equal(new[] { StorageType.Int32, StorageType.String, StorageType.Float64, StorageType.Date, StorageType.Boolean, StorageType.DateTime }, batch.Spec.Columns.Select(c => c.Type));
        Assert.Equal(StatisticalKind.Categorical, batch.Spec.Columns[1].Kind);
        Assert.Equal("k1", batch["label"].GetValue(4));
        Assert.Equal(3.5, batch["half"].GetValue(7));
        Assert.Equal(new DateOnly(2024, 1, 10), batch["day"].GetValue(9));
        Assert.Null(batch["flag"].GetValue(8));
        Assert.Equal(true, batch["flag"].GetValue(2));
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 9), batch["at"].GetValue(9));
    }

    [Fact]
    public void Other_engines_files_read_as_chars_or_without_a_path_and_unsupported_types_are_refused()
    {
        string file = Path.Combine(_dir, "chars.parquet");
        DuckDb.Query($"COPY (SELECT * FROM (VALUES ('a'), (NULL), ('b')) t(c)) TO {DuckDb.Literal(file)} (FORMAT PARQUET)");
        var spec = new TableSpec { Name = "t", Columns = [new ColumnSpec { Name = "c", Type = StorageType.Char, Kind = StatisticalKind.Categorical, Nullable = true }] };
        var chars = ParquetFiles.ReadParquet(file, spec);
        Assert.Equal(new object?[] { 'a', null, 'b' }, Enumerable.Range(0, 3).Select(r => chars["c"].GetValue(r)));

        string longer = Path.Combine(_dir, "longer.parquet");
        DuckDb.Query($"COPY (SELECT 'ab' AS c) TO {DuckDb.Literal(longer)} (FORMAT PARQUET)");
        var notOne = Assert.Throws<SynthKitException>(() => ParquetFiles.ReadParquet(longer, spec));
        Assert.Equal(SinkErrorCodes.UnreadableParquet, notOne.Code);
        Assert.Contains("'ab' is not one character", notOne.Message, StringComparison.Ordinal);

        // From a stream with no path, the table is called "table".
        using (var stream = File.OpenRead(longer))
        {
            Assert.Equal("table", ParquetFiles.ReadParquet(stream, null, null).Spec.Name);
        }

        // An interval has no column type of SynthKit's.
        string interval = Path.Combine(_dir, "interval.parquet");
        DuckDb.Query($"COPY (SELECT INTERVAL 1 DAY AS i) TO {DuckDb.Literal(interval)} (FORMAT PARQUET)");
        Assert.Equal(SinkErrorCodes.UnreadableParquet, Assert.Throws<SynthKitException>(() => ParquetFiles.ReadParquet(interval)).Code);
    }

    [Fact]
    public void Bad_input_gets_coded_errors()
    {
        // Not a Parquet file.
        string text = Path.Combine(_dir, "not.parquet");
        File.WriteAllText(text, "a,b\n1,2\n");
        var unreadable = Assert.Throws<SynthKitException>(() => ParquetFiles.ReadParquet(text));
        Assert.Equal(SinkErrorCodes.UnreadableParquet, unreadable.Code);
        Assert.Equal(text, unreadable.FilePath);
        var unreadableGroups = Assert.Throws<SynthKitException>(() => ParquetFiles.ReadParquetRowGroups(text, null).First());
        Assert.Equal((SinkErrorCodes.UnreadableParquet, text), (unreadableGroups.Code, unreadableGroups.FilePath));

        // A spec that asks for a column the file lacks, or reads a column as another type.
        var synthesizer = new AllTypesSynthesizer(1);
        string file = Path.Combine(_dir, "all.parquet");
        using (var stream = File.Create(file))
        {
            synthesizer.WriteParquet(stream, 0, 10);
        }

        var missing = new TableSpec { Name = "t", Columns = [new ColumnSpec { Name = "Nope", Type = StorageType.Int32, Kind = StatisticalKind.Numerical }] };
        Assert.Equal(ErrorCodes.MissingColumn, Assert.Throws<SynthKitException>(() => ParquetFiles.ReadParquet(file, missing)).Code);
        Assert.Equal(ErrorCodes.MissingColumn, Assert.Throws<SynthKitException>(() => ParquetFiles.ReadParquetRowGroups(file, missing).ToList()).Code);
        var retyped = new TableSpec { Name = "t", Columns = [new ColumnSpec { Name = "Int32", Type = StorageType.Float64, Kind = StatisticalKind.Numerical }] };
        var wrongType = Assert.Throws<SynthKitException>(() => ParquetFiles.ReadParquet(file, retyped));
        Assert.Equal(SinkErrorCodes.UnreadableParquet, wrongType.Code);
        Assert.Contains("Int32", wrongType.Message, StringComparison.Ordinal);

        // Values a column's Parquet type cannot hold: a null in a required column, a decimal beyond DECIMAL(38, 18).
        var spec = new TableSpec
        {
            Name = "t",
            Columns =
            [
                new ColumnSpec { Name = "Amount", Type = StorageType.Decimal, Kind = StatisticalKind.Numerical },
                new ColumnSpec { Name = "Count", Type = StorageType.Int32, Kind = StatisticalKind.Numerical },
            ],
        };
        var batch = new ColumnBatch(spec, 2) { RowCount = 2 };
        batch.Get<decimal>("Amount").Set(1, 123_456_789_012_345_678_901m);
        var tooLarge = Assert.Throws<SynthKitException>(() => batch.WriteParquet(new MemoryStream()));
        Assert.Equal(SinkErrorCodes.UnwritableValue, tooLarge.Code);
        Assert.Contains("row 2", tooLarge.Message, StringComparison.Ordinal);

        batch.Get<decimal>("Amount").Set(1, 0.1234567890123456789m);
        Assert.Equal(SinkErrorCodes.UnwritableValue, Assert.Throws<SynthKitException>(() => batch.WriteParquet(new MemoryStream())).Code);

        batch.Get<decimal>("Amount").Set(1, 1.5m);
        batch["Count"].SetNull(0);
        var nullInRequired = Assert.Throws<SynthKitException>(() => batch.WriteParquet(new MemoryStream()));
        Assert.Equal(SinkErrorCodes.UnwritableValue, nullInRequired.Code);
        Assert.Contains("'Count', row 1", nullInRequired.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parquet_fixture_is_written_atomically_verified_and_found_stale_or_tampered()
    {
        var synthesizer = new BenchPatientSynthesizer(9);
        string path = Path.Combine(_dir, "patients.parquet");
        var spec = new FixtureSpec(path, 1_000, 9) { Parallelism = 2 };
        Assert.Equal(FixtureFormat.Parquet, spec.Format);
        Assert.Equal(FixtureStatus.Written, FixtureFiles.Update(synthesizer, spec).Status);
        Assert.Equal(FixtureStatus.UpToDate, FixtureFiles.Update(synthesizer, spec).Status);
        Assert.Equal(FixtureStatus.Verified, FixtureFiles.Verify(path, synthesizer, spec).Status);
        Assert.Contains("\"format\": \"parquet\"", File.ReadAllText(FixtureManifest.PathFor(path)), StringComparison.Ordinal);
        Assert.Equal("1000", DuckDb.Scalar($"SELECT count(*) FROM read_parquet({DuckDb.Literal(path)})"));

        var stale = Assert.Throws<SynthKitException>(() => FixtureFiles.Verify(path, new BenchPatientSynthesizer(10), new FixtureSpec(path, 1_000, 10)));
        Assert.Equal(FixtureErrorCodes.Stale, stale.Code);
        Assert.Equal(1, stale.Line);

        byte[] bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
        Assert.Equal(FixtureErrorCodes.Tampered, Assert.Throws<SynthKitException>(() => FixtureFiles.Verify(path, synthesizer, spec)).Code);
    }

    [Fact]
    public void A_manifest_that_claims_more_rows_than_the_footer_is_tampered()
    {
        var synthesizer = new BenchPatientSynthesizer(9);
        string path = Path.Combine(_dir, "claims.parquet");
        FixtureFiles.Update(synthesizer, new FixtureSpec(path, 100, 9));
        string manifest = FixtureManifest.PathFor(path);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"rows\": 100", "\"rows\": 100000000", StringComparison.Ordinal));

        var tampered = Assert.Throws<SynthKitException>(() => FixtureFiles.Verify(path, synthesizer));
        Assert.Equal(FixtureErrorCodes.Tampered, tampered.Code);
        Assert.Contains("100 row(s)", tampered.Message, StringComparison.Ordinal);
    }
}
