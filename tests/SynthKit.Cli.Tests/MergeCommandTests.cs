using System;
using System.IO;
using System.Linq;

namespace SynthKit.Cli.Tests;

/// <summary>
/// <c>synthkit fit --partial</c> and <c>--merge</c> (issue 14): four partitions of UCI Adult — one CSV, one Parquet, two
/// queries against SQLite — counted in two rounds and merged give the model file the single fit of all the rows writes.
/// </summary>
public sealed class MergeCommandTests : IDisposable
{
    private static readonly string Datasets = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));
    private readonly TempDirectory _temp = new();

    private static string Metadata => Path.Combine(Datasets, "adult.meta.json");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Four_partitions_from_CSV_Parquet_and_SQLite_merge_into_the_single_fit()
    {
        var lines = File.ReadAllLines(Path.Combine(Datasets, "adult.csv")).Take(8_001).ToArray();
        File.WriteAllLines(_temp["all.csv"], lines);
        int[] bounds = [0, 1_500, 4_000, 6_200, 8_000];
        for (int i = 0; i < 4; i++)
        {
            File.WriteAllLines(_temp[$"part{i}.csv"], lines.Take(1).Concat(lines.Skip(1 + bounds[i]).Take(bounds[i + 1] - bounds[i])));
        }

        // Partition 1 lives in Parquet; partitions 2 and 3 in one SQLite table, read by a query each.
        var spec = SdvMetadata.Load(Metadata);
        using (var stream = File.Create(_temp["part1.parquet"]))
        {
            ColumnReader.ReadCsv(_temp["part1.csv"], spec).WriteParquet(stream);
        }

        var rest = ColumnReader.ReadCsv(_temp["all.csv"], spec).Select(Enumerable.Range(bounds[2], bounds[4] - bounds[2]).ToArray());
        RealTables.Sqlite(_temp["rest.db"], "adult", rest);
        string[][] sources =
        [
            [_temp["part0.csv"], "--metadata", Metadata],
            [_temp["part1.parquet"], "--metadata", Metadata],
            ["--from-query", $"SELECT * FROM adult LIMIT {bounds[3] - bounds[2]}", "--sqlite", _temp["rest.db"], "--metadata", Metadata],
            ["--from-query", $"SELECT * FROM adult LIMIT -1 OFFSET {bounds[3] - bounds[2]}", "--sqlite", _temp["rest.db"], "--metadata", Metadata],
        ];

        for (int i = 0; i < 4; i++)
        {
            var (code, output, error) = Run.Synthkit(["fit", .. sources[i], "--partial", "--out", _temp[$"stats-{i}.json"], "--minimum-count", "2"]);
            Assert.Equal((0, ""), (code, error));
            Assert.Contains($"Counted the values of {bounds[i + 1] - bounds[i]:N0} rows of adult (round one)", output, StringComparison.Ordinal);
        }

        var planned = Run.Synthkit("fit", "--merge", _temp["stats-0.json"], _temp["stats-1.json"], _temp["stats-2.json"], _temp["stats-3.json"], "--out", _temp["plan.json"]);
        Assert.Equal((0, ""), (planned.ExitCode, planned.Error));
        Assert.Contains("Merged the value counts of 4 partitions (8,000 rows of adult) into a plan: 15 columns learned.", planned.Output, StringComparison.Ordinal);

        for (int i = 0; i < 4; i++)
        {
            string[] source = sources[i].Where((a, k) => !(a == "--metadata" || (k > 0 && sources[i][k - 1] == "--metadata"))).ToArray();
            var (code, output, error) = Run.Synthkit(["fit", .. source, "--partial", "--plan", _temp["plan.json"], "--out", _temp[$"counts-{i}.json"]]);
            Assert.Equal((0, ""), (code, error));
            Assert.Contains("under the plan (round two)", output, StringComparison.Ordinal);
        }

        var merged = Run.Synthkit("fit", "--merge", _temp["counts-3.json"], _temp["counts-1.json"], _temp["counts-0.json"], _temp["counts-2.json"], "--out", _temp["merged.json"]);
        Assert.Equal((0, ""), (merged.ExitCode, merged.Error));
        Assert.Contains("Merged the counts of 4 partitions into a Bayesian network of 8,000 rows of adult: 15 columns learned, 0 not learned.", merged.Output, StringComparison.Ordinal);

        Assert.Equal(0, Run.Synthkit("fit", _temp["all.csv"], "--metadata", Metadata, "--minimum-count", "2", "--out", _temp["single.json"]).ExitCode);
        Assert.Equal(ModelText.WithoutLineage(_temp["single.json"]), ModelText.WithoutLineage(_temp["merged.json"]));
        Assert.Equal(["all.csv"], ModelText.Inputs(_temp["single.json"]));
        Assert.Equal(4, ModelText.Inputs(_temp["merged.json"]).Length); // the merged model names the partitions it was counted from

        // Files that do not belong together are SK6006, named by file; nothing is written.
        var mixed = Run.Synthkit("fit", "--merge", _temp["stats-0.json"], _temp["counts-1.json"], "--out", _temp["bad.json"]);
        Assert.Equal(3, mixed.ExitCode);
        Assert.Contains("error SK6006: counts-1.json is of stage 'counts', not 'marginals'", mixed.Error, StringComparison.Ordinal);
        var short_ = Run.Synthkit("fit", "--merge", _temp["counts-0.json"], _temp["counts-1.json"], "--out", _temp["bad.json"]);
        Assert.Equal(3, short_.ExitCode);
        Assert.Contains("error SK6006: the counts cover 4,000 rows but the plan was made from 8,000", short_.Error, StringComparison.Ordinal);
        File.WriteAllText(_temp["junk.json"], "{}");
        var junk = Run.Synthkit("fit", "--merge", _temp["junk.json"], "--out", _temp["bad.json"]);
        Assert.Equal(3, junk.ExitCode);
        Assert.Contains($"error SK6006: {_temp["junk.json"]}: the file is not version-1 SynthKit fit statistics", junk.Error, StringComparison.Ordinal);
        // A Parquet partition under a spec file gives the statistics it gave under the metadata; other options do not merge.
        File.WriteAllBytes(_temp["adult.spec.json"], spec.ToJsonBytes(indented: true));
        Assert.Equal(0, Run.Synthkit("fit", _temp["part1.parquet"], "--partial", "--spec", _temp["adult.spec.json"], "--minimum-count", "2", "--out", _temp["by-spec.json"]).ExitCode);
        Assert.Equal(File.ReadAllText(_temp["stats-1.json"]), File.ReadAllText(_temp["by-spec.json"]));
        Assert.Equal(0, Run.Synthkit("fit", _temp["part1.parquet"], "--partial", "--minimum-count", "3", "--out", _temp["other-options.json"]).ExitCode);
        var differs = Run.Synthkit("fit", "--merge", _temp["stats-0.json"], _temp["other-options.json"], "--out", _temp["bad.json"]);
        Assert.Equal(3, differs.ExitCode);
        Assert.Contains("error SK6006: other-options.json differs from stats-0.json in their spec and options", differs.Error, StringComparison.Ordinal);
        var copula = Run.Synthkit("fit", _temp["part0.csv"], "--metadata", Metadata, "--partial", "--kind", "copula", "--out", _temp["bad.json"]);
        Assert.Equal(3, copula.ExitCode);
        Assert.Contains("error SK6006: a fit from partitions cannot have a Gaussian copula", copula.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["bad.json"]));
    }

    [Theory]
    [InlineData("--merge", "{stats}", "--bins", "5")]
    [InlineData("--merge", "{stats}", "--metadata", "{meta}")]
    [InlineData("{data}", "--merge", "{stats}")]
    [InlineData("--merge", "{tmp}/missing.json")]
    [InlineData("--merge")]
    [InlineData("{data}", "--plan", "{stats}")]
    [InlineData("{data}", "--partial", "--plan", "{stats}", "--metadata", "{meta}")]
    [InlineData("{data}", "--partial", "--plan", "{stats}", "--seed", "4")]
    [InlineData("{data}", "--partial", "--holdout-share", "0.2")]
    [InlineData("{data}", "--partial", "--target", "income")]
    public void Wrong_partial_and_merge_command_lines_are_usage_errors(params string[] args)
    {
        File.WriteAllLines(_temp["data.csv"], File.ReadAllLines(Path.Combine(Datasets, "adult.csv")).Take(50));
        File.WriteAllText(_temp["stats.json"], "{}");
        string Expand(string a) => a.Replace("{stats}", _temp["stats.json"], StringComparison.Ordinal).Replace("{meta}", Metadata, StringComparison.Ordinal)
            .Replace("{data}", _temp["data.csv"], StringComparison.Ordinal).Replace("{tmp}", _temp.Path, StringComparison.Ordinal);
        var (code, _, error) = Run.Synthkit(["fit", .. args.Select(Expand), "--out", _temp["out.json"]]);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["out.json"]));
    }
}
