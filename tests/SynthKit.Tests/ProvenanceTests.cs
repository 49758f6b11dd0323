using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using SynthKit.Fixtures;
using SynthKit.Provenance;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>Issue 13 in the core: manifest version 2's lineage and watermark, the synthkit-wm1 mark on rule-made rows, and the lineage guard.</summary>
public sealed class ProvenanceTests : IDisposable
{
    private static readonly WatermarkKey Key = new("core-test-key-0001");
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "synthkit-provenance-" + Guid.NewGuid().ToString("N")[..8]);

    public ProvenanceTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public void Rule_made_rows_carry_the_mark_in_their_fine_columns_and_only_there()
    {
        var plain = new BenchPatientSynthesizer(5);
        var marked = Watermark.Embed(plain, Key);

        // Income (full-precision doubles), BirthDate (80 years of days) and AdmittedAt (two years of instants) have room;
        // Age (0 … 100), categories, booleans, text and the Guid key do not.
        Assert.Equal(["BirthDate", "Income", "AdmittedAt"], Watermark.MarkedColumns(marked));
        Assert.Empty(Watermark.MarkedColumns(plain));
        Assert.Equal(new WatermarkInfo(Watermark.Scheme, Key.Id), Watermark.Of(marked));
        Assert.Null(Watermark.Of(plain));

        var before = plain.ToBatch(0, 2_000);
        var after = marked.ToBatch(0, 2_000);
        foreach (string unchanged in new[] { "Id", "FirstName", "Age", "Sex", "Zip", "Diagnosis", "Smoker" })
        {
            Assert.Equal(Enumerable.Range(0, 2_000).Select(r => before[unchanged].GetValue(r)), Enumerable.Range(0, 2_000).Select(r => after[unchanged].GetValue(r)));
        }

        // A value moves by a few steps of its resolution at most: a day, an instant's unit, an ulp.
        var births = (before.Get<DateOnly>("BirthDate"), after.Get<DateOnly>("BirthDate"));
        int movedDays = Enumerable.Range(0, 2_000).Count(r => births.Item1[r] != births.Item2[r]);
        Assert.InRange(movedDays, 700, 1_300); // half the values are red and move
        Assert.All(Enumerable.Range(0, 2_000), r => Assert.InRange(Math.Abs(births.Item1[r].DayNumber - births.Item2[r].DayNumber), 0, 8));
        var incomes = (before.Get<double>("Income"), after.Get<double>("Income"));
        Assert.All(Enumerable.Range(0, 2_000), r => Assert.True(Math.Abs(incomes.Item1[r] - incomes.Item2[r]) <= Math.Abs(incomes.Item1[r]) * 1e-14, $"row {r}"));

        // The CSV and JSON Lines files detect; the unmarked ones do not.
        string csv = PathOf("marked.csv"), jsonl = PathOf("marked.jsonl"), clean = PathOf("plain.csv");
        using (var f = File.Create(csv)) { marked.WriteCsv(f, 0, 1_000); }
        using (var f = File.Create(jsonl)) { marked.WriteJsonLines(f, 0, 1_000); }
        using (var f = File.Create(clean)) { plain.WriteCsv(f, 0, 1_000); }
        var found = Watermark.DetectFile(csv, Key);
        Assert.True(found.Detected && found.Log10PValue < -9, found.ToString());
        // Zip's digits are numbers as text: tested (the choice depends on the data, never on the key), but unmarked, so about
        // half of its values are green; every value of the marked columns is.
        Assert.Equal(["AdmittedAt", "BirthDate", "Income", "Zip"], found.Columns);
        var zip = Watermark.Detect(new Dictionary<string, List<string?>> { ["Zip"] = Watermark.ReadText(csv)["Zip"] }, Key);
        Assert.Equal(found.Values - zip.Values, found.Green - zip.Green);
        Assert.False(zip.Detected, zip.ToString());
        Assert.True(Watermark.DetectFile(jsonl, Key).Log10PValue < -9);
        var none = Watermark.DetectFile(clean, Key);
        Assert.False(none.Detected, none.ToString());
        Assert.False(Watermark.DetectFile(csv, new WatermarkKey("another-key-0002")).Detected);
    }

    [Fact]
    public void Marked_rows_are_deterministic_and_slices_and_threads_agree()
    {
        var marked = Watermark.Embed(new BenchPatientSynthesizer(9), Key);
        using var whole = new MemoryStream();
        marked.WriteCsv(whole, 0, 3_000);
        using var parallel = new MemoryStream();
        marked.WriteCsv(parallel, 0, 3_000, degreeOfParallelism: 2);
        Assert.Equal(whole.ToArray(), parallel.ToArray());

        using var first = new MemoryStream();
        using var second = new MemoryStream();
        marked.WriteCsv(first, 0, 1_234);
        marked.WriteCsv(second, 1_234, 1_766);
        string joined = Encoding.UTF8.GetString(first.ToArray()) + string.Join("\n", Encoding.UTF8.GetString(second.ToArray()).Split('\n').Skip(1));
        Assert.Equal(Encoding.UTF8.GetString(whole.ToArray()), joined);
    }

    [Fact]
    public void The_manifest_records_lineage_and_watermark_and_reads_back()
    {
        string path = PathOf("p.csv");
        var spec = new FixtureSpec(path, 50, 3);
        FixtureFiles.Update(Watermark.Embed(new BenchPatientSynthesizer(3), Key), spec);
        var manifest = FixtureManifest.Parse(File.ReadAllBytes(path + FixtureManifest.Suffix));
        Assert.Equal(2, manifest.ManifestVersion);
        Assert.Equal((1, 0.0, 0), (manifest.Lineage!.Depth, manifest.Lineage.RealShare, manifest.Lineage.Parents.Count));
        Assert.Equal(Key.Id, manifest.Watermark!.KeyId);
        Assert.Equal(manifest.ToJson(), FixtureManifest.Parse(manifest.ToJson()).ToJson());

        // An unmarked fixture says so; a version-1 manifest (no lineage) still reads.
        FixtureFiles.Update(new BenchPatientSynthesizer(3), spec);
        string json = File.ReadAllText(path + FixtureManifest.Suffix);
        Assert.Contains("\"watermark\": null", json, StringComparison.Ordinal);
        string v1 = json.Replace("\"manifestVersion\": 2", "\"manifestVersion\": 1", StringComparison.Ordinal);
        v1 = v1[..v1.IndexOf("  \"lineage\"", StringComparison.Ordinal)] + v1[v1.IndexOf("  \"provenance\"", StringComparison.Ordinal)..];
        var old = FixtureManifest.Parse(Encoding.UTF8.GetBytes(v1));
        Assert.Null(old.Lineage);
        Assert.Null(old.Watermark);
    }

    [Fact]
    public void The_guard_tells_real_from_synthetic_files_and_refuses_by_rule()
    {
        string real = PathOf("real.csv");
        File.WriteAllText(real, "a,b\n1,2\n");
        var realNode = LineageGuard.Inspect(real, 1);
        Assert.Equal((false, 0, 1.0), (realNode.Synthetic, realNode.Depth, realNode.RealShare));
        Assert.Equal(FixtureManifest.Hash(File.ReadAllBytes(real)), realNode.Sha256);
        LineageGuard.Check(realNode, real, new SyntheticDataRule());

        string synthetic = PathOf("s.csv");
        FixtureFiles.Update(new BenchPatientSynthesizer(1), new FixtureSpec(synthetic, 20, 1));
        var node = LineageGuard.Inspect(synthetic, 20);
        Assert.Equal((true, 1, 0.0, "manifest"), (node.Synthetic, node.Depth, node.RealShare, node.Evidence));
        var refused = Assert.Throws<SynthKitException>(() => LineageGuard.Check(node, synthetic, new SyntheticDataRule()));
        Assert.Equal((ProvenanceErrorCodes.SyntheticInput, synthetic), (refused.Code, refused.FilePath));
        Assert.Contains("generation depth 1, real share 0", refused.Message, StringComparison.Ordinal);
        Assert.Contains("below the 0.5", Assert.Throws<SynthKitException>(() => LineageGuard.Check(node, synthetic, new SyntheticDataRule { AllowSynthetic = true })).Message, StringComparison.Ordinal);
        LineageGuard.Check(node, synthetic, new SyntheticDataRule { AllowSynthetic = true, MinRealShare = 0 });
        Assert.Contains("beyond the limit of 1", Assert.Throws<SynthKitException>(() => LineageGuard.Check(node, synthetic, new SyntheticDataRule { AllowSynthetic = true, MinRealShare = 0, MaxDepth = 1 })).Message, StringComparison.Ordinal);

        // A damaged manifest still marks the file synthetic.
        File.WriteAllText(synthetic + FixtureManifest.Suffix, "{ not json");
        Assert.True(LineageGuard.Inspect(synthetic, 20).Synthetic);

        // Without its manifest, the watermark of a keyring key gives it away; a key not in the ring does not.
        string marked = PathOf("m.csv");
        using (var f = File.Create(marked))
        {
            Watermark.Embed(new BenchPatientSynthesizer(2), Key).WriteCsv(f, 0, 500);
        }

        Assert.False(LineageGuard.Inspect(marked, 500).Synthetic);
        Assert.False(LineageGuard.Inspect(marked, 500, [new WatermarkKey("not-the-key-0003")]).Synthetic);
        var byMark = LineageGuard.Inspect(marked, 500, [new WatermarkKey("core-test-key-0001", "team")]);
        Assert.True(byMark.Synthetic);
        Assert.StartsWith("watermark of key team (p = 1e-", byMark.Evidence, StringComparison.Ordinal);

        // Parts of a sharded dataset are known by the dataset manifest over their directory.
        string shards = PathOf("shards");
        var layout = new ShardLayout(0, 100, 2);
        Datasets.WriteShard(new BenchPatientSynthesizer(4), shards, layout, 0, FixtureFormat.Csv);
        string part = Directory.GetFiles(shards, "part-*.csv").Single();
        Assert.Equal((true, 1), (LineageGuard.Inspect(part, 50).Synthetic, LineageGuard.Inspect(part, 50).Depth));
        File.Delete(part + FixtureManifest.Suffix);
        var byDataset = LineageGuard.Inspect(part, 50);
        Assert.Equal((true, 1, "manifest"), (byDataset.Synthetic, byDataset.Depth, byDataset.Evidence));
        File.WriteAllText(Path.Combine(shards, ShardLayout.ManifestName), "{ broken");
        Assert.True(LineageGuard.Inspect(part, 50).Synthetic);

        // A marked dataset's manifest names its watermark, as a file's does.
        string markedShards = PathOf("marked-shards");
        Datasets.WriteShard(Watermark.Embed(new BenchPatientSynthesizer(4), Key), markedShards, layout, 1, FixtureFormat.Csv);
        Assert.Contains($"\"keyId\": \"{Key.Id}\"", File.ReadAllText(Path.Combine(markedShards, ShardLayout.ManifestName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Lineage_of_models_and_samples_counts_generations_and_real_shares()
    {
        var real = LineageNode.Real("r.csv", new string('a', 64), 800);
        var mixed = LineageNode.Synthesized("m.csv", new string('b', 64), 200, new DataLineage { Depth = 2, RealShare = 0.25 });
        var model = DataLineage.OfModel([real, mixed], quality: 0.9);
        Assert.Equal((3, 0.85, 0.9), (model.Depth, model.RealShare, model.Quality));
        Assert.Equal((1, 0.0), (DataLineage.OfModel([]).Depth, DataLineage.OfModel([]).RealShare));

        var sample = DataLineage.OfSample([new ColumnModelInfo { Key = "k", Kind = "bayes-net", Sha256 = new string('c', 64), Rows = 1_000, Lineage = model }]);
        Assert.Equal((3, 0.0, 0.9), (sample.Depth, sample.RealShare, sample.Quality));
        Assert.Equal("r.csv", Assert.Single(sample.RealSources()).Name);
        Assert.Same(DataLineage.RuleMade, DataLineage.OfSample([new ColumnModelInfo { Key = "k", Kind = "x" }]));
        Assert.Contains("[fit]: synthetic data (by its manifest), depth 2, 200 rows, real share 0.25", mixed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Detection_is_exact_under_the_null_and_the_canonical_text_ignores_spelling()
    {
        Assert.Equal(Watermark.Canonical("5"), Watermark.Canonical("5.0"));
        Assert.Equal(Watermark.Canonical("5"), Watermark.Canonical("5E0"));
        Assert.Equal(Watermark.Canonical("0.25"), Watermark.Canonical("2.5e-1"));
        Assert.NotEqual(Watermark.Canonical("0.25"), Watermark.Canonical("0.2500001"));
        Assert.Equal("1E+300", Watermark.Canonical("1e300"));
        Assert.Equal("2024-01-31", Watermark.Canonical("2024-01-31"));
        Assert.Null(Watermark.Canonical("Married"));
        Assert.Null(Watermark.Canonical("NaN"));

        // The p-value is the binomial tail: P(X ≥ 6 | 10, ½) = 386 / 1024; P(X ≥ 0) = 1.
        Assert.Equal(Math.Log10(386.0 / 1024), Watermark.Log10UpperTail(10, 6), 12);
        Assert.Equal(0, Watermark.Log10UpperTail(10, 0));
        Assert.Equal(-1000 * Math.Log10(2), Watermark.Log10UpperTail(1_000, 1_000), 9);

        // Columns of categories or few values are not tested; an empty table detects nothing.
        var columns = new Dictionary<string, List<string?>>
        {
            ["sex"] = Enumerable.Range(0, 500).Select(i => i % 2 == 0 ? "F" : "M").ToList<string?>(),
            ["age"] = Enumerable.Range(0, 500).Select(i => (20 + (i % 30)).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList<string?>(),
        };
        var none = Watermark.Detect(columns, Key);
        Assert.Equal((0, false), (none.Values, none.Detected));
    }

    [Fact]
    public void Keys_come_from_secrets_files_environment_or_keyrings_and_bad_ones_are_SK6202()
    {
        Assert.Equal(new WatermarkKey("secret-number-1").Id, WatermarkKey.Parse("secret-number-1").Id);
        Assert.NotEqual(new WatermarkKey("secret-number-1").Id, new WatermarkKey("secret-number-2").Id);
        Assert.Matches("^[0-9a-f]{16}$", Key.Id);
        File.WriteAllText(PathOf("key.txt"), "secret-number-1\n");
        Assert.Equal(new WatermarkKey("secret-number-1").Id, WatermarkKey.Parse("@" + PathOf("key.txt")).Id);
        Environment.SetEnvironmentVariable("SYNTHKIT_TEST_WM_KEY", "secret-number-1");
        Assert.Equal(new WatermarkKey("secret-number-1").Id, WatermarkKey.Parse("env:SYNTHKIT_TEST_WM_KEY").Id);

        foreach (var bad in new Action[]
        {
            () => _ = new WatermarkKey("short"),
            () => WatermarkKey.Parse("@" + PathOf("missing.txt")),
            () => WatermarkKey.Parse("env:SYNTHKIT_TEST_WM_KEY_UNSET"),
            () => WatermarkKey.LoadKeyring(PathOf("missing.json")),
        })
        {
            Assert.Equal(ProvenanceErrorCodes.Watermark, Assert.Throws<SynthKitException>(bad).Code);
        }

        File.WriteAllText(PathOf("ring.json"), "{\"keys\": [{\"name\": \"a\", \"secret\": \"secret-number-1\"}, {\"secret\": \"secret-number-2\"}]}");
        var ring = WatermarkKey.LoadKeyring(PathOf("ring.json"));
        Assert.Equal(("a", (string?)null), (ring[0].Name, ring[1].Name));
        foreach (string broken in new[] { "{\"keys\": []}", "{\"other\": 1}", "[1, 2]", "{ nope" })
        {
            File.WriteAllText(PathOf("ring.json"), broken);
            Assert.Equal(ProvenanceErrorCodes.Watermark, Assert.Throws<SynthKitException>(() => WatermarkKey.LoadKeyring(PathOf("ring.json"))).Code);
        }

        // A table with no number or date of fine resolution has nowhere to put a mark.
        var error = Assert.Throws<SynthKitException>(() => Watermark.Embed(new SpecSynthesizer(TableSpec.FromJson("""{"specVersion":1,"name":"t","columns":[{"name":"c","type":"string","kind":"categorical","rule":{"kind":"categorical","values":["a","b"]}}]}"""), 1), Key));
        Assert.Equal(ProvenanceErrorCodes.Watermark, error.Code);
        Assert.Contains("No column of t has room for a watermark", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Disclosure_adds_a_column_or_a_comment_that_every_block_and_reader_agrees_on()
    {
        var plain = new BenchPatientSynthesizer(8);
        var column = Disclosure.Disclose(plain, DisclosureKind.Column);
        var comment = Disclosure.Disclose(Watermark.Embed(plain, Key), DisclosureKind.Comment);
        Assert.Same(plain, Disclosure.Disclose(plain, DisclosureKind.Manifest));
        Assert.Equal((DisclosureKind.Column, DisclosureKind.Comment, DisclosureKind.Manifest), (Disclosure.Of(column), Disclosure.Of(comment), Disclosure.Of(plain)));
        Assert.Equal(Key.Id, Watermark.Of(comment)!.KeyId); // found through the disclosure

        using var original = new MemoryStream();
        plain.WriteCsv(original, 0, 9_000);
        string[] lines = Encoding.UTF8.GetString(original.ToArray()).Split('\n');

        // The column: every line gains one field, the header 'synthetic', every row 'true'; several blocks agree with one.
        using var withColumn = new MemoryStream();
        column.WriteCsv(withColumn, 0, 9_000, degreeOfParallelism: 2);
        string[] columnLines = Encoding.UTF8.GetString(withColumn.ToArray()).Split('\n');
        Assert.Equal(lines[0] + ",synthetic", columnLines[0]);
        Assert.Equal(lines.Skip(1).Where(l => l.Length > 0).Select(l => l + ",true"), columnLines.Skip(1).Where(l => l.Length > 0));

        // The comment: one first line, once, even when blocks are made in parallel; SynthKit's readers step over it.
        string path = PathOf("c.csv");
        using (var f = File.Create(path))
        {
            comment.WriteCsv(f, 0, 9_000, degreeOfParallelism: 2);
        }

        string[] commented = File.ReadAllLines(path);
        Assert.StartsWith(Disclosure.CommentPrefix + " made by SynthKit ", commented[0], StringComparison.Ordinal);
        Assert.Single(commented, l => l.StartsWith('#'));
        Assert.Equal(lines[0], commented[1]);
        Assert.Equal(9_000, ColumnReader.ReadCsv(path, BenchPatientSynthesizer.Spec).RowCount);
        Assert.Equal(9_000, Watermark.ReadText(path)["Age"].Count);
        Assert.True(Watermark.DetectFile(path, Key).Detected);

        // JSON Lines: a last property, or no comment at all.
        using var json = new MemoryStream();
        column.WriteJsonLines(json, 0, 3);
        Assert.All(Encoding.UTF8.GetString(json.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.EndsWith(",\"synthetic\":true}", l, StringComparison.Ordinal));
        Assert.Equal(ProvenanceErrorCodes.Watermark, Assert.Throws<SynthKitException>(() => comment.WriteJsonLines(new MemoryStream(), 0, 3)).Code);

        // The manifest records it, and a fixture written so verifies.
        string fixture = PathOf("d.csv");
        FixtureFiles.Update(column, new FixtureSpec(fixture, 20, 8));
        Assert.Equal("column", FixtureManifest.Parse(File.ReadAllBytes(fixture + FixtureManifest.Suffix)).Disclosure);
        Assert.Equal(FixtureStatus.UpToDate, FixtureFiles.Update(column, new FixtureSpec(fixture, 20, 8)).Status);
        FixtureFiles.Verify(fixture, column);
    }

    private static readonly TableSpec Mixed = TableSpec.FromJson("""
        {"specVersion":1,"name":"mixed","columns":[
        {"name":"i","type":"int32","kind":"numerical","nullable":true,"rule":{"kind":"uniform","min":0,"max":1000000},"modifiers":{"nullRate":0.1}},
        {"name":"small","type":"int32","kind":"numerical","rule":{"kind":"uniform","min":0,"max":90}},
        {"name":"m","type":"decimal","kind":"numerical","rule":{"kind":"uniform","min":0,"max":100000},"modifiers":{"round":2}},
        {"name":"whole","type":"decimal","kind":"numerical","rule":{"kind":"uniform","min":0,"max":100000},"modifiers":{"round":0}},
        {"name":"r","type":"float64","kind":"numerical","rule":{"kind":"normal","mean":5000,"sd":1000},"modifiers":{"round":2}},
        {"name":"huge","type":"float64","kind":"numerical","rule":{"kind":"logNormal","mu":40,"sigma":1}},
        {"name":"narrow","type":"float64","kind":"numerical","rule":{"kind":"uniform","min":0,"max":1},"modifiers":{"round":1}},
        {"name":"at","type":"dateTime","kind":"datetime","rule":{"kind":"dateRange","from":"2020-01-01","to":"2024-01-01"}},
        {"name":"day","type":"dateTime","kind":"datetime","rule":{"kind":"dateRange","from":"2000-01-01","to":"2024-01-01"},"modifiers":{"round":0}},
        {"name":"ticket","type":"int64","kind":"numerical","modifiers":{"unique":true}},
        {"name":"f","type":"float32","kind":"numerical","rule":{"kind":"uniform","min":0,"max":100000}}
        ]}
        """);

    [Fact]
    public void Every_kind_of_number_and_instant_is_marked_at_its_resolution_and_nulls_stay_null()
    {
        var plain = new SpecSynthesizer(Mixed, 4);
        var marked = Watermark.Embed(plain, Key);
        var columns = Watermark.MarkedColumns(marked);

        // Wide integers and decimals (by their last digit), rounded doubles, full-precision doubles (by an ulp), instants;
        // not narrow ranges, [Unique] keys, or float32 (not handled).
        Assert.Contains("huge", columns);
        Assert.Contains("day", columns);
        Assert.Contains("i", columns);
        Assert.Contains("m", columns);
        Assert.Contains("whole", columns);
        Assert.Contains("r", columns);
        Assert.Contains("at", columns);
        Assert.DoesNotContain("small", columns);
        Assert.DoesNotContain("narrow", columns);
        Assert.DoesNotContain("ticket", columns);
        Assert.DoesNotContain("f", columns);

        var before = plain.ToBatch(0, 3_000);
        var after = marked.ToBatch(0, 3_000);
        Assert.Equal(before["i"].Nulls.ToArray(), after["i"].Nulls.ToArray());
        var (m0, m1) = (before.Get<decimal>("m"), after.Get<decimal>("m"));
        Assert.All(Enumerable.Range(0, 3_000), r => Assert.True(Math.Abs(m0[r] - m1[r]) <= 0.32m && decimal.Round(m1[r], 2) == m1[r], $"row {r}: {m0[r]} → {m1[r]}"));
        var (r0, r1) = (before.Get<double>("r"), after.Get<double>("r"));
        Assert.All(Enumerable.Range(0, 3_000), r => Assert.Equal(Math.Round(r1[r], 2), r1[r]));
        Assert.True(Enumerable.Range(0, 3_000).Count(r => r0[r] != r1[r]) > 1_000);

        string csv = PathOf("mixed.csv");
        using (var f = File.Create(csv))
        {
            marked.WriteCsv(f, 0, 2_000);
        }

        var found = Watermark.DetectFile(csv, Key);
        Assert.True(found.Log10PValue < -100, found.ToString());
    }

    [Fact]
    public void Json_lines_are_read_flat_with_gaps_and_broken_lines_are_SK4002()
    {
        string path = PathOf("t.jsonl");
        File.WriteAllText(path, "{\"a\": 1, \"home\": {\"zip\": \"12345\"}}\n\n{\"b\": true}\n{\"a\": 2.5, \"b\": null}\n");
        var text = Watermark.ReadText(path);
        Assert.Equal(["1", null, "2.5"], text["a"]);
        Assert.Equal(["12345", null, null], text["home.zip"]);
        Assert.Equal([null, null, null], text["b"]);
        File.WriteAllText(path, "{\"a\": 1}\n{ broken\n");
        var error = Assert.Throws<SynthKitException>(() => Watermark.ReadText(path));
        Assert.Equal((ErrorCodes.MalformedInput, 2), (error.Code, error.Line));
        Assert.Equal(ProvenanceErrorCodes.Watermark, Assert.Throws<SynthKitException>(() => Watermark.DetectFile(PathOf("none.csv"), Key)).Code);

        // A long column name and value hash through a rented buffer, with the same bits as any other.
        string longName = new('x', 600);
        Assert.Equal(Key.Bits(longName, "1"), Key.Bits(longName, "1"));
        Assert.Equal("0", Watermark.Canonical("0.000"));
    }
}
