using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace SynthKit.Cli.Tests;

/// <summary>
/// <c>synthkit collapse</c> reproduces the published behaviour of recursive training, asserted at fixed seeds: under
/// replace, Shumailov et al.'s single Gaussian loses its variance and a network loses rare categories for good; under
/// accumulate (Gerstgrasser et al. 2024) the error stays bounded; a fresh real share keeps the data nearer the real.
/// </summary>
public sealed class CollapseTests : IDisposable
{
    private static readonly string Datasets = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));
    private static readonly TableSpec GaussianSpec = TableSpec.FromJson("""{"specVersion":1,"name":"g","columns":[{"name":"x","type":"float64","kind":"numerical"}]}""");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>5,000 draws of N(0, 1) — the known process the chains start from.</summary>
    private static ColumnBatch Normal()
    {
        var batch = new ColumnBatch(GaussianSpec, 5_000) { RowCount = 5_000 };
        var x = batch.Get<double>("x");
        var random = new Random(42);
        for (int r = 0; r < 5_000; r++)
        {
            x[r] = MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
        }

        return batch;
    }

    private static double[] FinalLogRatios(string policy, int chains = 30)
    {
        var real = Normal();
        return Enumerable.Range(0, chains).Select(seed => Math.Log(CollapseSimulation.Run(real, new CollapseSimulation.Options
        {
            Generations = 50, Rows = 20, Policy = CollapsePolicy.Parse(policy), Model = "gaussian", Seed = seed, Evaluate = false,
        })[^1].VarianceRatio["x"])).ToArray();
    }

    [Fact]
    public void Replacing_shrinks_a_gaussians_variance_accumulating_keeps_it_and_fresh_real_rows_hold_it_near_the_real()
    {
        var replace = FinalLogRatios("replace");
        var accumulate = FinalLogRatios("accumulate");
        var fresh = FinalLogRatios("fresh=0.2");

        // Sign test over 30 independent chains of 50 generations of 20 rows: with no shrinkage the final variance would
        // be below the real one in about half; P(at least 24 of 30 | ½) = 0.0007, below the stated significance of 0.001.
        int shrunk = replace.Count(r => r < 0);
        Assert.True(shrunk >= 24, $"variance shrank in {shrunk} of 30 chains");
        Assert.True(replace.Average() < -1, $"mean log variance ratio {replace.Average():F2}");

        // Accumulating keeps the error bounded, near the first generation's own estimate; a fresh real share keeps it near
        // the real variance too; both far nearer than replacing.
        double Spread(double[] r) => r.Average(Math.Abs);
        Assert.True(Spread(accumulate) < 0.5, $"accumulate: mean |log ratio| {Spread(accumulate):F2}");
        Assert.True(Spread(fresh) < 0.6, $"fresh: mean |log ratio| {Spread(fresh):F2}");
        Assert.True(Spread(replace) > 2 * Math.Max(Spread(accumulate), Spread(fresh)), $"replace {Spread(replace):F2}, accumulate {Spread(accumulate):F2}, fresh {Spread(fresh):F2}");
    }

    [Fact]
    public void Replacing_loses_rare_categories_for_good_rarest_first_and_real_data_keeps_them()
    {
        var spec = SdvMetadata.Load(Path.Combine(Datasets, "adult.meta.json"));
        var real = ColumnReader.ReadCsv(Path.Combine(Datasets, "adult.csv"), spec);
        CollapseSimulation.Options With(string policy) => new() { Generations = 8, Rows = 1_000, Policy = CollapsePolicy.Parse(policy), Seed = 3, Evaluate = false };
        var replace = CollapseSimulation.Run(real, With("replace"));
        var accumulate = CollapseSimulation.Run(real, With("accumulate"));
        var fresh = CollapseSimulation.Run(real, With("fresh=0.2"));

        // A category the network did not see is gone for good: under replace the count never rises.
        Assert.All(replace.Zip(replace.Skip(1)), p => Assert.True(p.Second.Categories <= p.First.Categories, $"generation {p.Second.Generation}: {p.First.Categories} → {p.Second.Categories}"));
        Assert.True(replace[^1].Categories <= replace[0].Categories - 10, $"replace kept {replace[^1].Categories} of {replace[0].Categories}");
        Assert.True(accumulate[^1].Categories >= replace[^1].Categories + 10, $"accumulate {accumulate[^1].Categories}, replace {replace[^1].Categories}");
        Assert.True(fresh[^1].Categories > replace[^1].Categories, $"fresh {fresh[^1].Categories}, replace {replace[^1].Categories}");
        Assert.Equal(replace[0].Categories, accumulate[0].Categories); // generation 1 is the same fit in every policy

        // The rarest go first: what is lost is listed by its real frequency, rarest first.
        var counts = real.Spec.Columns.Where(c => c.Kind == StatisticalKind.Categorical).ToDictionary(c => c.Name, c => Enumerable.Range(0, real.RowCount).Select(r => (string?)real[c.Name].GetValue(r)).GroupBy(v => v).ToDictionary(g => g.Key ?? "", g => g.Count()));
        var frequencies = replace[^1].Lost.Select(l => counts[l.Split('=')[0]][l[(l.IndexOf('=') + 1)..]]).ToArray();
        Assert.Equal(frequencies.OrderBy(f => f), frequencies);
        Assert.True(frequencies[0] < 100, $"rarest lost has {frequencies[0]} real rows");

        // Training rows follow the policy.
        Assert.Equal((1_000, 0), (replace[1].TrainingRows, replace[1].RealTrainingRows));
        Assert.Equal((8_000, 1_000), (accumulate[^1].TrainingRows, accumulate[^1].RealTrainingRows));
        Assert.Equal((1_000, 200), (fresh[^1].TrainingRows, fresh[^1].RealTrainingRows));
    }

    [Fact]
    public void The_command_prints_and_writes_json_and_html_and_refuses_bad_policies()
    {
        File.WriteAllLines(_temp["real.csv"], File.ReadAllLines(Path.Combine(Datasets, "adult.csv")).Take(3_001));
        string meta = Path.Combine(Datasets, "adult.meta.json");
        var run = Run.Synthkit("collapse", _temp["real.csv"], "-m", meta, "-g", "3", "-n", "300", "--policy", "mix=0.5", "--seed", "2", "--json", _temp["c.json"], "--html", _temp["c.html"]);
        Assert.Equal((0, ""), (run.ExitCode, run.Error));
        Assert.Contains("3 generations of 300 rows, policy mix=0.5, model bayes-net", run.Output, StringComparison.Ordinal);
        Assert.Contains("| 3 | 300 (150) | ", run.Output, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(_temp["c.json"]))!;
        Assert.Equal(("mix=0.5", 3), ((string)json["policy"]!, json["generations"]!.AsArray().Count));
        var last = json["generations"]![2]!;
        Assert.InRange((double)last["quality"]!, 0.5, 1);
        Assert.InRange((double)last["betaRecall"]!, 0, 1);
        Assert.InRange((double)last["varianceRatio"]!["age"]!, 0.3, 3);
        string html = File.ReadAllText(_temp["c.html"]);
        Assert.Contains("Model collapse: adult, policy mix=0.5", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("data-plot=\"series-").Length - 1);

        // Same seed, same bytes.
        Assert.Equal(0, Run.Synthkit("collapse", _temp["real.csv"], "-m", meta, "-g", "3", "-n", "300", "--policy", "mix=0.5", "--seed", "2", "--json", _temp["d.json"]).ExitCode);
        Assert.Equal(File.ReadAllBytes(_temp["c.json"]), File.ReadAllBytes(_temp["d.json"]));

        foreach (string bad in new[] { "fresh", "fresh=1.5", "mix=0", "sometimes" })
        {
            var refused = Run.Synthkit("collapse", _temp["real.csv"], "-m", meta, "--policy", bad);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("is not a policy", refused.Error, StringComparison.Ordinal);
        }

        Assert.Equal(2, Run.Synthkit("collapse", _temp["real.csv"], "--model", "gan").ExitCode);
        Assert.Equal("replace", CollapsePolicy.Parse("Replace").ToString());
    }

    [Fact]
    public void The_gaussian_refits_every_numeric_storage_and_the_copula_runs_too()
    {
        var spec = TableSpec.FromJson("""
            {"specVersion":1,"name":"n","columns":[
            {"name":"i","type":"int32","kind":"numerical","nullable":true,"rule":{"kind":"normal","mean":50,"sd":10},"modifiers":{"nullRate":0.2}},
            {"name":"l","type":"int64","kind":"numerical","rule":{"kind":"normal","mean":1000,"sd":100}},
            {"name":"m","type":"decimal","kind":"numerical","rule":{"kind":"normal","mean":10,"sd":2}},
            {"name":"f","type":"float32","kind":"numerical","rule":{"kind":"normal","mean":0,"sd":1}},
            {"name":"s","type":"int16","kind":"numerical","rule":{"kind":"normal","mean":100,"sd":5}},
            {"name":"rare","type":"float64","kind":"numerical","nullable":true,"rule":{"kind":"normal","mean":0,"sd":1},"modifiers":{"nullRate":0.999}},
            {"name":"k","type":"string","kind":"categorical","rule":{"kind":"categorical","values":["a","b","c"],"weights":[0.9,0.09,0.01]}}
            ]}
            """);
        var real = new SpecSynthesizer(spec, 1).ToBatch(0, 2_000);
        var gaussian = CollapseSimulation.Run(real, new CollapseSimulation.Options { Generations = 2, Rows = 500, Model = "gaussian", Seed = 1, Evaluate = false });
        foreach (string column in new[] { "i", "l", "m", "f", "s" })
        {
            Assert.InRange(gaussian[^1].VarianceRatio[column], 0.5, 2);
        }

        Assert.True(double.IsNaN(gaussian[0].VarianceRatio["rare"]) || gaussian[0].VarianceRatio["rare"] >= 0);
        Assert.InRange(gaussian[^1].Ks, 0, 0.2);
        var copula = CollapseSimulation.Run(real, new CollapseSimulation.Options { Generations = 2, Rows = 500, Model = "copula", Seed = 1 });
        Assert.InRange(copula[^1].Quality!.Value, 0.6, 1);
        Assert.Equal(3, copula[0].Categories + copula[0].Lost.Count);

        // Without evaluation the costly figures are absent: n/a in the table, null in the JSON.
        var json = JsonNode.Parse(System.Text.Encoding.UTF8.GetString(CollapseCommand.Json("n", new CollapseSimulation.Options { Model = "gaussian" }, gaussian)))!;
        Assert.Null(json["generations"]![0]!["quality"]);
        Assert.Null(json["generations"]![0]!["betaRecall"]);
        Assert.Equal(0.0, CollapseSimulation.KsStatistic([1, 2, 3], [1, 2, 3]));
        Assert.Equal(1.0, CollapseSimulation.KsStatistic([1, 2], [3, 4]));
        Assert.True(double.IsNaN(CollapseSimulation.KsStatistic([], [1])));
        Assert.True(double.IsNaN(CollapseSimulation.Variance([1])));
    }
}
