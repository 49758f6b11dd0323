using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using SynthKit.Tests.Shared;

namespace SynthKit.Cli.Tests;

/// <summary>
/// Shards as a cluster runs them: eight separate <c>synthkit</c> processes at once, each writing its part, then DuckDB
/// reading <c>parts/*.parquet</c> as the single run's rows.
/// </summary>
public sealed class ShardCommandTests : IDisposable
{
    private static readonly string Metadata = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets/adult.meta.json"));
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>The tool as its own process (the build output beside this test assembly).</summary>
    private static Task<(int Code, string Error)> Process(params string[] args) => Task.Run(() =>
    {
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SynthKit.Cli.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        _ = output.Result;
        return (process.ExitCode, error);
    });

    [Fact]
    public async Task Eight_shard_processes_at_once_make_the_single_runs_rows()
    {
        string parts = _temp["parts"];
        string[] common = ["generate", "--metadata", Metadata, "--rows", "200003", "--seed", "9", "--shards", "8", "--parallel", "1", "--out", parts];
        Assert.Equal(0, Run.Synthkit([.. common, "--plan"]).ExitCode);
        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Process([.. common, "--shard", i.ToString(System.Globalization.CultureInfo.InvariantCulture)])));
        Assert.All(runs, r => Assert.Equal((0, ""), r));

        var single = Run.Synthkit("generate", "--metadata", Metadata, "--rows", "200003", "--seed", "9", "--out", _temp["single.parquet"]);
        Assert.Equal(0, single.ExitCode);
        string glob = $"read_parquet({DuckDb.Literal(Path.Combine(parts, "*.parquet"))})", one = $"read_parquet({DuckDb.Literal(_temp["single.parquet"])})";
        Assert.Equal("200003", DuckDb.Scalar($"SELECT count(*) FROM {glob}"));
        Assert.Equal(DuckDb.Scalar($"SELECT sum(hash(t)) FROM {one} t"), DuckDb.Scalar($"SELECT sum(hash(t)) FROM {glob} t"));
        string numbered = "SELECT row_number() OVER () AS n, * FROM";
        Assert.Equal("0", DuckDb.Scalar($"SELECT count(*) FROM ({numbered} {glob} EXCEPT ALL {numbered} {one})"));

        // Every shard's entry survived the others' rewrites of the dataset manifest; verify checks the directory.
        var (code, output, error) = Run.Synthkit("verify", parts);
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("8 parts match dataset.synth.json", output, StringComparison.Ordinal);

        // CSV parts, by --format.
        Assert.Equal(0, Run.Synthkit("generate", "--metadata", Metadata, "--rows", "10", "--shards", "2", "--shard", "1", "--format", "csv", "--out", _temp["csv"]).ExitCode);
        Assert.True(File.Exists(Path.Combine(_temp["csv"], "part-00001-of-00002.csv")));
    }

    [Theory]
    [InlineData("--shards", "4")]
    [InlineData("--shard", "1")]
    [InlineData("--shards", "4", "--shard", "4")]
    [InlineData("--shards", "0", "--plan")]
    [InlineData("--shards", "4", "--shard", "1", "--plan")]
    [InlineData("--shards", "4", "--shard", "1", "--format", "sqlite")]
    public void Shard_options_that_do_not_make_a_layout_are_usage_errors(params string[] args)
    {
        var (code, _, error) = Run.Synthkit(["generate", "--metadata", Metadata, "--rows", "10", "--out", _temp["p"], .. args]);
        Assert.Equal(2, code);
        Assert.Contains("--shard", error, StringComparison.Ordinal);
    }

    [Fact]
    public void More_shards_than_rows_is_SK7005()
    {
        var (code, _, error) = Run.Synthkit("generate", "--metadata", Metadata, "--rows", "3", "--shards", "5", "--shard", "0", "--out", _temp["p"]);
        Assert.Equal(Cli.InputError, code);
        Assert.Contains("error SK7005", error, StringComparison.Ordinal);
    }
}
