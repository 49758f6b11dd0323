using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SynthKit.Cli.Tests;

/// <summary>
/// Issue 13's "done when", through the command line: fit on real data, sample with a watermark, be refused when
/// refitting on the output, mix real and synthetic rows under the rule, detect the mark on an edited copy, and trace
/// any file's lineage back to its real source's hash.
/// </summary>
public sealed class ProvenanceCommandTests : IDisposable
{
    private static readonly string Datasets = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));
    private static readonly string Metadata = Path.Combine(Datasets, "adult.meta.json");
    private const string Secret = "cli-release-key-2026";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();

    private string Real()
    {
        File.WriteAllLines(_temp["real.csv"], File.ReadAllLines(Path.Combine(Datasets, "adult.csv")).Take(6_001));
        return _temp["real.csv"];
    }

    [Fact]
    public void Fit_sample_with_a_mark_refuse_the_output_mix_it_under_the_rule_and_trace_it_to_the_real_source()
    {
        string real = Real();
        Assert.Equal(0, Run.Synthkit("fit", real, "-m", Metadata, "--holdout-share", "0.2", "-o", _temp["m1.json"]).ExitCode);
        var lineage = JsonNode.Parse(File.ReadAllText(_temp["m1.json"]))!["lineage"]!;
        Assert.Equal((1, 1.0, Sha256(real), false), ((int)lineage["depth"]!, (double)lineage["realShare"]!, (string)lineage["parents"]![0]!["sha256"]!, (bool)lineage["parents"]![0]!["synthetic"]!));

        var sampled = Run.Synthkit("sample", _temp["m1.json"], "-n", "1000", "--seed", "1", "-o", _temp["s1.csv"], "--watermark-key", Secret);
        Assert.Equal(0, sampled.ExitCode);
        Assert.Contains("Watermarking with key ", sampled.Output, StringComparison.Ordinal);
        var manifest = JsonNode.Parse(File.ReadAllText(_temp["s1.csv.synth.json"]))!;
        Assert.Equal((2, 1, 0.0), ((int)manifest["manifestVersion"]!, (int)manifest["lineage"]!["depth"]!, (double)manifest["lineage"]!["realShare"]!));
        Assert.Equal(new Provenance.WatermarkKey(Secret).Id, (string)manifest["watermark"]!["keyId"]!);
        Assert.DoesNotContain(Secret, File.ReadAllText(_temp["s1.csv.synth.json"]), StringComparison.Ordinal);

        // A conditioned sample carries the same chain.
        Assert.Equal(0, Run.Synthkit("sample", _temp["m1.json"], "-n", "50", "-o", _temp["women.csv"], "--condition", "sex=Female", "--rebalance", "income").ExitCode);
        var conditioned = JsonNode.Parse(File.ReadAllText(_temp["women.csv.synth.json"]))!["lineage"]!;
        Assert.Equal((1, Sha256(real)), ((int)conditioned["depth"]!, (string)conditioned["parents"]![0]!["parents"]![0]!["sha256"]!));

        // Refitting on the output is refused with a coded error that names the file, its depth and the rule; no model is written.
        var refused = Run.Synthkit("fit", _temp["s1.csv"], "-m", Metadata, "-o", _temp["m2.json"]);
        Assert.Equal(3, refused.ExitCode);
        Assert.StartsWith($"{_temp["s1.csv"]}: error SK6201: '{_temp["s1.csv"]}' is synthetic data (by its manifest), generation depth 1, real share 0: fitting on synthetic data is refused", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["m2.json"]));
        Assert.Contains("its real share is below the 0.5", Run.Synthkit("fit", _temp["s1.csv"], "-m", Metadata, "-o", _temp["m2.json"], "--allow-synthetic").Error, StringComparison.Ordinal);

        // A mix at the rule's share is accepted; the new model records the mix and its depth.
        var mixed = Run.Synthkit("mix", "--real", real, "--synthetic", _temp["s1.csv"], "--real-share", "0.5", "--rows", "1600", "--seed", "2", "-o", _temp["mix.csv"]);
        Assert.Equal((0, ""), (mixed.ExitCode, mixed.Error));
        Assert.Contains("800 real from real.csv, 800 synthetic from s1.csv; real share 0.5, depth 1", mixed.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("fit", _temp["mix.csv"], "-m", Metadata, "-o", _temp["m2.json"], "--allow-synthetic").ExitCode);
        var second = JsonNode.Parse(File.ReadAllText(_temp["m2.json"]))!["lineage"]!;
        Assert.Equal((2, 0.5), ((int)second["depth"]!, (double)second["realShare"]!));
        Assert.Equal(0, Run.Synthkit("sample", _temp["m2.json"], "-n", "100", "-o", _temp["s2.csv"]).ExitCode);
        Assert.Equal(0, Run.Synthkit("mix", "--real", real, "--synthetic", _temp["s2.csv"], "--real-share", "0.5", "--rows", "200", "-o", _temp["mix2.csv"]).ExitCode);
        var deep = Run.Synthkit("fit", _temp["mix2.csv"], "-m", Metadata, "-o", _temp["m3.json"], "--allow-synthetic", "--max-depth", "2");
        Assert.Equal(3, deep.ExitCode);
        Assert.Contains("generation depth 2, real share 0.5: a model fitted on it would be 3 generations from real data, beyond the limit of 2 (--max-depth)", deep.Error, StringComparison.Ordinal);

        // lineage prints the chain from a depth-2 sample back to the real file's hash.
        var traced = Run.Synthkit("lineage", _temp["s2.csv"]);
        Assert.Equal(0, traced.ExitCode);
        Assert.Contains("s2.csv: synthetic data, depth 2, real share 0, 100 rows", traced.Output, StringComparison.Ordinal);
        Assert.Contains("(bytes match the manifest); no watermark", traced.Output, StringComparison.Ordinal);
        Assert.Contains("   └─ mix.csv [fit]: synthetic data (by its manifest), depth 1, 1,600 rows, real share 0.5", traced.Output, StringComparison.Ordinal);
        Assert.Contains("s1.csv [synthetic]: synthetic data (by its manifest), depth 1, 1,000 rows, real share 0", traced.Output, StringComparison.Ordinal);
        Assert.Contains($"Real sources: real.csv sha256 {Sha256(real)} (6,000 rows)", traced.Output, StringComparison.Ordinal);
        var json = JsonNode.Parse(Run.Synthkit("lineage", _temp["m2.json"], "--json").Output)!;
        Assert.Equal(("m2.json", 2, "mix.csv"), ((string)json["file"]!, (int)json["lineage"]!["depth"]!, (string)json["lineage"]!["parents"]![0]!["name"]!));
        Assert.Contains("model (bayes-net), depth 2, fitted on 1,600 rows with real share 0.5", Run.Synthkit("lineage", _temp["m2.json"]).Output, StringComparison.Ordinal);

        // An edited copy without its manifest: the keyring's watermark still gives it away, to detect and to the guard.
        var rows = File.ReadAllLines(_temp["s1.csv"]);
        var random = new Random(3);
        var header = rows[0].Split(',');
        var order = Enumerable.Range(0, header.Length).Reverse().ToArray();
        var body = rows.Skip(1).Where(_ => random.NextDouble() >= 0.3).OrderBy(_ => random.Next()).Select(r => string.Join(",", order.Select(i => r.Split(',')[i])));
        File.WriteAllLines(_temp["edited.csv"], new[] { string.Join(",", order.Select(i => header[i])) }.Concat(body));
        var detect = Run.Synthkit("watermark", "detect", _temp["edited.csv"], "--key", Secret);
        Assert.Equal(0, detect.ExitCode);
        Assert.Matches(@"edited\.csv: key [0-9a-f]{16}: (\d+) of \1 distinct values green in 1 column\(s\) \(fnlwgt\), z = [\d.]+, p = [\dE.+-]+ → watermarked at α = 1E-06", detect.Output);
        var clean = Run.Synthkit("watermark", "detect", real, "--key", Secret);
        Assert.Equal(1, clean.ExitCode);
        Assert.Contains("→ no watermark found", clean.Output, StringComparison.Ordinal);
        File.WriteAllText(_temp["ring.json"], $"{{\"keys\": [{{\"name\": \"other\", \"secret\": \"another-secret-1\"}}, {{\"name\": \"release\", \"secret\": \"{Secret}\"}}]}}");
        var ring = Run.Synthkit("watermark", "detect", _temp["edited.csv"], "--keyring", _temp["ring.json"]);
        Assert.Equal(0, ring.ExitCode);
        Assert.Contains("edited.csv: other, key ", ring.Output, StringComparison.Ordinal);
        Assert.Contains("edited.csv: release, key ", ring.Output, StringComparison.Ordinal);
        var guarded = Run.Synthkit("fit", _temp["edited.csv"], "-m", Metadata, "-o", _temp["m4.json"], "--keyring", _temp["ring.json"]);
        Assert.Equal(3, guarded.ExitCode);
        Assert.Contains("is synthetic data (by its watermark of key release (p = 1e-", guarded.Error, StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("fit", _temp["edited.csv"], "-m", Metadata, "-o", _temp["m4.json"]).ExitCode); // without the keyring nothing tells
    }

    [Fact]
    public void The_guard_reads_sqlite_manifests_and_mix_refuses_what_cannot_be_mixed()
    {
        string real = Real();
        Assert.Equal(0, Run.Synthkit("fit", real, "-m", Metadata, "-o", _temp["m.json"]).ExitCode);
        Assert.Equal(0, Run.Synthkit("sample", _temp["m.json"], "-n", "300", "-o", _temp["s.db"], "--table", "adult_synth").ExitCode);
        var refused = Run.Synthkit("fit", "--from-query", "SELECT * FROM adult_synth", "--sqlite", _temp["s.db"], "-m", Metadata, "-o", _temp["q.json"]);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("error SK6201:", refused.Error, StringComparison.Ordinal);
        Assert.Contains("by its manifest in synthkit_manifest (adult_synth)", refused.Error, StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("fit", "--from-query", "SELECT * FROM adult_synth", "--sqlite", _temp["s.db"], "-m", Metadata, "-o", _temp["q.json"], "--allow-synthetic", "--min-real-share", "0").ExitCode);

        Assert.Equal(0, Run.Synthkit("sample", _temp["m.json"], "-n", "300", "-o", _temp["s.csv"]).ExitCode);
        File.WriteAllLines(_temp["narrow.csv"], File.ReadAllLines(real).Select(l => string.Join(",", l.Split(',').Skip(1))));
        var cases = new (string[] Args, string Message)[]
        {
            (["--real", _temp["narrow.csv"], "--synthetic", _temp["s.csv"], "--real-share", "0.5", "--rows", "10"], "do not have the same columns (age in only one of them)"),
            (["--real", real, "--synthetic", _temp["s.csv"], "--real-share", "0.1", "--rows", "1000"], "need 100 real and 900 synthetic rows, but the files hold 6,000 and 300"),
            (["--real", _temp["s.csv"], "--synthetic", _temp["s.csv"], "--real-share", "0.5", "--rows", "10"], "The real input is synthetic data"),
            (["--real", real, "--synthetic", _temp["s.csv"], "--real-share", "0.5", "--rows", "10", "--origin-column", "age"], "would have two columns 'age'"),
        };
        foreach (var (args, message) in cases)
        {
            var result = Run.Synthkit(["mix", .. args, "-o", _temp["bad.csv"]]);
            Assert.Equal(3, result.ExitCode);
            Assert.Contains("error SK6203: ", result.Error, StringComparison.Ordinal);
            Assert.Contains(message, result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(_temp["bad.csv"]));
        }

        // The origin column says which rows are real; the selection is deterministic and a plain file is "synthetic" by rule.
        File.Copy(_temp["s.csv"], _temp["bare.csv"]);
        Assert.Equal(0, Run.Synthkit("mix", "--real", real, "--synthetic", _temp["bare.csv"], "--real-share", "0.25", "--rows", "200", "--origin-column", "origin", "-o", _temp["o1.csv"]).ExitCode);
        Assert.Equal(0, Run.Synthkit("mix", "--real", real, "--synthetic", _temp["bare.csv"], "--real-share", "0.25", "--rows", "200", "--origin-column", "origin", "-o", _temp["o2.csv"]).ExitCode);
        Assert.Equal(File.ReadAllBytes(_temp["o1.csv"]), File.ReadAllBytes(_temp["o2.csv"]));
        var lines = File.ReadAllLines(_temp["o1.csv"]);
        Assert.Equal(50, lines.Count(l => l.EndsWith(",real", StringComparison.Ordinal)));
        Assert.Equal(150, lines.Count(l => l.EndsWith(",synthetic", StringComparison.Ordinal)));
        var parents = JsonNode.Parse(File.ReadAllText(_temp["o1.csv.synth.json"]))!["lineage"]!["parents"]!.AsArray();
        Assert.Equal(("real", false, "synthetic", true, "mix --synthetic"), ((string)parents[0]!["role"]!, (bool)parents[0]!["synthetic"]!, (string)parents[1]!["role"]!, (bool)parents[1]!["synthetic"]!, (string)parents[1]!["evidence"]!));

        // Disclosure inside the files: a column or a comment, recorded in the manifest; refused where it cannot go.
        Assert.Equal(0, Run.Synthkit("mix", "--real", real, "--synthetic", _temp["bare.csv"], "--real-share", "0.25", "--rows", "8", "--disclose", "column", "-o", _temp["dc.csv"]).ExitCode);
        var disclosed = File.ReadAllLines(_temp["dc.csv"]);
        Assert.EndsWith(",synthetic", disclosed[0], StringComparison.Ordinal);
        Assert.Equal((2, 6), (disclosed.Count(l => l.EndsWith(",false", StringComparison.Ordinal)), disclosed.Count(l => l.EndsWith(",true", StringComparison.Ordinal))));
        Assert.Equal("column", (string)JsonNode.Parse(File.ReadAllText(_temp["dc.csv.synth.json"]))!["generation"]!["disclosure"]!);
        Assert.Equal(0, Run.Synthkit("mix", "--real", real, "--synthetic", _temp["bare.csv"], "--real-share", "0.25", "--rows", "8", "--disclose", "comment", "-o", _temp["dm.csv"]).ExitCode);
        Assert.StartsWith("# synthetic data mixed with 2 real rows by SynthKit", File.ReadAllLines(_temp["dm.csv"])[0], StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("sample", _temp["m.json"], "-n", "5", "-o", _temp["ds.jsonl"], "--disclose", "column").ExitCode);
        Assert.All(File.ReadAllLines(_temp["ds.jsonl"]), l => Assert.EndsWith(",\"synthetic\":true}", l, StringComparison.Ordinal));
        Assert.Equal(0, Run.Synthkit("sample", _temp["m.json"], "-n", "5", "-o", _temp["dk.csv"], "--disclose", "comment").ExitCode);
        Assert.Equal(0, Run.Synthkit("verify", _temp["dk.csv"]).ExitCode);
        Assert.Contains("JSON Lines has no comments", Run.Synthkit("sample", _temp["m.json"], "-n", "5", "-o", _temp["x.jsonl"], "--disclose", "comment").Error, StringComparison.Ordinal);
        Assert.Contains("Parquet files, shards and databases are disclosed by their manifests", Run.Synthkit("sample", _temp["m.json"], "-n", "5", "-o", _temp["x.parquet"], "--disclose", "column").Error, StringComparison.Ordinal);
        Assert.Contains("would have two columns 'synthetic'", Run.Synthkit("mix", "--real", real, "--synthetic", _temp["s.csv"], "--real-share", "0.5", "--rows", "4", "--disclose", "column", "--origin-column", "synthetic", "-o", _temp["x.csv"]).Error, StringComparison.Ordinal);

        // lineage of a manifest itself, of a manifest whose data changed or went, of a version-1 manifest, of a model without lineage.
        var ofManifest = Run.Synthkit("lineage", _temp["o1.csv.synth.json"]);
        Assert.Contains("o1.csv: synthetic data, depth 1, real share 0.25, 200 rows", ofManifest.Output, StringComparison.Ordinal);
        Assert.Contains("(bytes match the manifest)", ofManifest.Output, StringComparison.Ordinal);
        File.AppendAllText(_temp["o1.csv"], "edited\n");
        Assert.Contains("BYTES DIFFER FROM THE MANIFEST", Run.Synthkit("lineage", _temp["o1.csv"]).Output, StringComparison.Ordinal);
        File.Delete(_temp["o1.csv"]);
        Assert.Contains("data file not found", Run.Synthkit("lineage", _temp["o1.csv.synth.json"]).Output, StringComparison.Ordinal);
        string v1 = File.ReadAllText(_temp["o2.csv.synth.json"]).Replace("\"manifestVersion\": 2", "\"manifestVersion\": 1", StringComparison.Ordinal);
        v1 = v1[..v1.IndexOf("  \"lineage\"", StringComparison.Ordinal)] + v1[v1.IndexOf("  \"provenance\"", StringComparison.Ordinal)..];
        File.WriteAllText(_temp["o2.csv.synth.json"], v1);
        var old = Run.Synthkit("lineage", _temp["o2.csv"]);
        Assert.Contains("depth 1, real share 0, 200 rows", old.Output, StringComparison.Ordinal);
        Assert.Contains("(manifest version 1: no lineage recorded)", old.Output, StringComparison.Ordinal);
        Assert.Contains("Real sources: none recorded", old.Output, StringComparison.Ordinal);
        string bare2 = File.ReadAllText(_temp["m.json"]);
        File.WriteAllText(_temp["nolineage.json"], bare2[..bare2.IndexOf(",\n  \"lineage\": {", StringComparison.Ordinal)] + "\n}");
        var noLineage = Run.Synthkit("lineage", _temp["nolineage.json"]);
        Assert.Equal(3, noLineage.ExitCode);
        Assert.Contains("error SK6201: The model records no lineage", noLineage.Error, StringComparison.Ordinal);

        // Rule-made rows carry the mark too, with the key taken from a keyring by name; the keyring finds it.
        File.WriteAllText(_temp["spec.json"], """{"specVersion":1,"name":"visits","columns":[{"name":"at","type":"dateTime","kind":"datetime","rule":{"kind":"dateRange","from":"2020-01-01","to":"2025-01-01"}},{"name":"cost","type":"decimal","kind":"numerical","rule":{"kind":"uniform","min":10,"max":5000},"modifiers":{"round":2}}]}""");
        File.WriteAllText(_temp["keys.json"], $"{{\"keys\": [{{\"name\": \"release\", \"secret\": \"{Secret}\"}}]}}");
        var generated = Run.Synthkit("generate", "--spec", _temp["spec.json"], "--rows", "1000", "-o", _temp["visits.csv"], "--watermark-key", "release", "--keyring", _temp["keys.json"]);
        Assert.Equal((0, ""), (generated.ExitCode, generated.Error));
        Assert.Contains("in at, cost.", generated.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("watermark", "detect", _temp["visits.csv"], "--keyring", _temp["keys.json"]).ExitCode);
        Assert.Contains("has no key named 'other'", Run.Synthkit("generate", "--spec", _temp["spec.json"], "--rows", "10", "-o", _temp["v2.csv"], "--watermark-key", "other", "--keyring", _temp["keys.json"]).Error, StringComparison.Ordinal);
        Assert.Equal(2, Run.Synthkit("generate", "--spec", _temp["spec.json"], "--rows", "10", "-o", _temp["v2.csv"], "--keyring", _temp["keys.json"]).ExitCode);

        // Usage errors and files without a manifest.
        Assert.Equal(2, Run.Synthkit("mix", "--real", real, "--synthetic", _temp["s.csv"], "--real-share", "1.5", "--rows", "10", "-o", _temp["x.csv"]).ExitCode);
        Assert.Equal(2, Run.Synthkit("mix", "--real", real, "--synthetic", _temp["s.csv"], "--real-share", "0.5", "--rows", "0", "-o", _temp["x.csv"]).ExitCode);
        Assert.Equal(2, Run.Synthkit("fit", real, "-m", Metadata, "-o", _temp["x.json"], "--min-real-share", "0.2").ExitCode);
        Assert.Equal(2, Run.Synthkit("fit", real, "-m", Metadata, "-o", _temp["x.json"], "--allow-synthetic", "--max-depth", "0").ExitCode);
        Assert.Equal(2, Run.Synthkit("watermark", "detect", real).ExitCode);
        Assert.Equal(2, Run.Synthkit("watermark", "detect", real, "--key", Secret, "--alpha", "2").ExitCode);
        var bare = Run.Synthkit("lineage", real);
        Assert.Equal(1, bare.ExitCode);
        Assert.Contains("has no manifest (real.csv.synth.json): nothing records where it came from", bare.Error, StringComparison.Ordinal);
        Assert.Equal(1, Run.Synthkit("lineage", _temp["missing.csv"]).ExitCode);
    }
}
