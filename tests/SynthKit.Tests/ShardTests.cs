using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using SynthKit.Fixtures;
using SynthKit.Tests.Schemas;
using SynthKit.Tests.Shared;

namespace SynthKit.Tests;

/// <summary>Shards: parts that cover the rows exactly, concatenate to the single run, and a dataset manifest that lists them.</summary>
public sealed class ShardTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("synthkit-shards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(0L, 10L, 3)]
    [InlineData(5L, 1_000_003L, 64)]
    [InlineData(0L, 7L, 7)]
    [InlineData(long.MaxValue - 1_000L, 1_000L, 9)]
    public void Parts_cover_the_rows_exactly_and_differ_in_size_by_at_most_one(long start, long rows, int shards)
    {
        var layout = new ShardLayout(start, rows, shards);
        long next = start;
        var sizes = Enumerable.Range(0, shards).Select(i => layout.Part(i)).ToList();
        foreach (var (first, count) in sizes)
        {
            Assert.Equal(next, first);
            next += count;
        }

        Assert.Equal(start + rows, next);
        Assert.InRange(sizes.Max(p => p.Rows) - sizes.Min(p => p.Rows), 0, 1);
        Assert.Equal("part-00002-of-00003.parquet", new ShardLayout(0, 10, 3).FileName(2, FixtureFormat.Parquet));
        Assert.Equal("part-00000-of-00003.jsonl", new ShardLayout(0, 10, 3).FileName(0, FixtureFormat.JsonLines));
    }

    [Theory]
    [InlineData(0L, 10L, 0, 0)]
    [InlineData(0L, 3L, 4, 0)]
    [InlineData(0L, 10L, 2, 2)]
    [InlineData(0L, 10L, 2, -1)]
    [InlineData(-1L, 10L, 2, 0)]
    [InlineData(0L, 5_000_000_000L, 2, 0)]
    public void Impossible_layouts_and_shards_are_SK7005(long start, long rows, int shards, int shard)
    {
        var error = Assert.Throws<SynthKitException>(() => new ShardLayout(start, rows, shards).Part(shard));
        Assert.Equal(SinkErrorCodes.InvalidShard, error.Code);
    }

    [Fact]
    public void Parts_of_another_dataset_in_the_directory_are_listed_as_not_written()
    {
        var layout = new ShardLayout(0, 100, 2);
        Datasets.WriteShard(new BenchPatientSynthesizer(1), _dir, layout, 0, FixtureFormat.JsonLines);
        Datasets.WriteShard(new BenchPatientSynthesizer(1), _dir, layout, 1, FixtureFormat.JsonLines);
        Assert.Equal(2, Datasets.Verify(_dir));

        // Planning seed 2 over seed 1's parts: their manifests describe another dataset, so no hash is taken from them.
        string plan = Datasets.Plan(new BenchPatientSynthesizer(2), _dir, layout, FixtureFormat.JsonLines);
        using var json = JsonDocument.Parse(File.ReadAllBytes(plan));
        Assert.All(json.RootElement.GetProperty("parts").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("sha256").ValueKind));

        // A part's manifest that cannot be read counts as not written either.
        File.WriteAllText(Path.Combine(_dir, "part-00000-of-00002.jsonl.synth.json"), "{");
        Datasets.Plan(new BenchPatientSynthesizer(1), _dir, layout, FixtureFormat.JsonLines);
        using var again = JsonDocument.Parse(File.ReadAllBytes(plan));
        Assert.Equal(JsonValueKind.Null, again.RootElement.GetProperty("parts")[0].GetProperty("sha256").ValueKind);
        Assert.Equal(JsonValueKind.String, again.RootElement.GetProperty("parts")[1].GetProperty("sha256").ValueKind);

        // A JSON Lines part verifies on its own too, its format read from its manifest.
        Assert.Equal(FixtureStatus.Verified, FixtureFiles.Verify(Path.Combine(_dir, "part-00001-of-00002.jsonl"), new BenchPatientSynthesizer(1)).Status);
    }

    [Fact]
    public void Csv_parts_concatenate_to_the_single_run_and_parquet_parts_hold_its_rows()
    {
        var synthesizer = new BenchPatientSynthesizer(21);
        const int Rows = 50_001;
        var layout = new ShardLayout(0, Rows, 4);
        using var single = new MemoryStream();
        synthesizer.WriteCsv(single, 0, Rows);

        string csvParts = Path.Combine(_dir, "csv");
        string plan = Datasets.Plan(synthesizer, csvParts, layout, FixtureFormat.Csv);
        using (var planned = JsonDocument.Parse(File.ReadAllBytes(plan)))
        {
            Assert.All(planned.RootElement.GetProperty("parts").EnumerateArray(), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("sha256").ValueKind));
            Assert.Equal(Rows, planned.RootElement.GetProperty("parts").EnumerateArray().Sum(p => p.GetProperty("rows").GetInt64()));
        }

        Assert.Equal(FixtureErrorCodes.Missing, Assert.Throws<SynthKitException>(() => Datasets.Verify(csvParts)).Code);
        foreach (int shard in new[] { 3, 1, 0, 2 })
        {
            Datasets.WriteShard(synthesizer, csvParts, layout, shard, FixtureFormat.Csv, parallelism: 2);
        }

        // Every part is a CSV file of its own (with the header); without the repeated headers they are the single run.
        using var joined = new MemoryStream();
        for (int shard = 0; shard < 4; shard++)
        {
            byte[] part = File.ReadAllBytes(Path.Combine(csvParts, layout.FileName(shard, FixtureFormat.Csv)));
            joined.Write(shard == 0 ? part : part.AsSpan(part.AsSpan().IndexOf((byte)'\n') + 1));
        }

        Assert.Equal(single.ToArray(), joined.ToArray());
        Assert.Equal(4, Datasets.Verify(csvParts));
        using (var manifest = JsonDocument.Parse(File.ReadAllBytes(plan)))
        {
            var listed = manifest.RootElement.GetProperty("parts").EnumerateArray().ToList();
            Assert.Equal(FixtureManifest.Hash(File.ReadAllBytes(Path.Combine(csvParts, "part-00001-of-00004.csv"))), listed[1].GetProperty("sha256").GetString());
            Assert.True(manifest.RootElement.GetProperty("synthetic").GetBoolean());
            Assert.Equal(21, manifest.RootElement.GetProperty("generation").GetProperty("seed").GetInt64());
        }

        // Parquet parts: DuckDB reads the directory's parts as the single file's rows, in order.
        string pq = Path.Combine(_dir, "pq");
        for (int shard = 0; shard < 4; shard++)
        {
            Datasets.WriteShard(synthesizer, pq, layout, shard, FixtureFormat.Parquet);
        }

        string whole = Path.Combine(_dir, "whole.parquet");
        using (var file = File.Create(whole))
        {
            synthesizer.WriteParquet(file, 0, Rows);
        }

        string parts = $"read_parquet({DuckDb.Literal(Path.Combine(pq, "*.parquet"))})", one = $"read_parquet({DuckDb.Literal(whole)})";
        string numbered = "SELECT row_number() OVER () AS n, * FROM";
        Assert.Equal("0", DuckDb.Scalar($"SELECT count(*) FROM ({numbered} {parts} EXCEPT ALL {numbered} {one})"));
        Assert.Equal(DuckDb.Scalar($"SELECT count(*) || ':' || sum(hash(t)) FROM {one} t"), DuckDb.Scalar($"SELECT count(*) || ':' || sum(hash(t)) FROM {parts} t"));

        // A changed part is caught; a missing one too.
        string second = Path.Combine(pq, "part-00001-of-00004.parquet");
        byte[] bytes = File.ReadAllBytes(second);
        bytes[100] ^= 1;
        File.WriteAllBytes(second, bytes);
        Assert.Equal(FixtureErrorCodes.Tampered, Assert.Throws<SynthKitException>(() => Datasets.Verify(pq)).Code);
        File.Delete(second);
        Assert.Equal(FixtureErrorCodes.Missing, Assert.Throws<SynthKitException>(() => Datasets.Verify(pq)).Code);
        Assert.Equal(FixtureErrorCodes.Missing, Assert.Throws<SynthKitException>(() => Datasets.Verify(_dir)).Code);
        File.WriteAllText(Path.Combine(_dir, ShardLayout.ManifestName), "{ not json");
        Assert.Equal(FixtureErrorCodes.MalformedManifest, Assert.Throws<SynthKitException>(() => Datasets.Verify(_dir)).Code);
    }
}
