using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace SynthKit.Cli.Tests;

/// <summary><c>synthkit fit --dp</c> (issue 12): a private model from declared domains, its budget in inspect and in every manifest.</summary>
public sealed class PrivacyCommandTests : IDisposable
{
    private static readonly string Datasets = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Data()
    {
        File.WriteAllLines(_temp["d.csv"], File.ReadAllLines(Path.Combine(Datasets, "adult-discretized.csv")).Take(5_001));
        return _temp["d.csv"];
    }

    private static string Metadata => Path.Combine(Datasets, "adult-discretized.meta.json");

    private static string Domain => Path.Combine(Datasets, "adult-discretized.domain.json");

    [Fact]
    public void A_private_fit_records_its_budget_in_the_model_inspect_and_every_manifest()
    {
        string data = Data();
        var (code, output, error) = Run.Synthkit("fit", data, "--metadata", Metadata, "--dp", "--epsilon", "2", "--delta", "1e-8", "--domain", Domain, "--out", _temp["dp.json"]);
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("Fitted a differentially private tree (MST, ε = 2, δ = 1E-08) to 5,000 rows of adult-discretized: 14 columns learned", output, StringComparison.Ordinal);

        var privacy = JsonNode.Parse(File.ReadAllText(_temp["dp.json"]))!["privacy"]!;
        Assert.Equal(("mst", 2.0, 1e-8, false), ((string)privacy["mechanism"]!, (double)privacy["epsilon"]!, (double)privacy["delta"]!, (bool)privacy["seeded"]!));

        var inspect = Run.Synthkit("inspect", _temp["dp.json"]);
        Assert.Contains("Differential privacy: MST, ε = 2, δ = 1E-08 (ρ-zCDP ρ = ", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("noise from the system's cryptographic generator", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("    2-way ", inspect.Output, StringComparison.Ordinal);
        Assert.Contains("    sex: 2 categories (declared in the domains given)", inspect.Output, StringComparison.Ordinal);

        Assert.Equal(0, Run.Synthkit("sample", _temp["dp.json"], "--rows", "500", "--out", _temp["dp.csv"]).ExitCode);
        var details = JsonNode.Parse(File.ReadAllText(_temp["dp.csv.synth.json"]))!["models"]![0]!["details"]!;
        Assert.Equal(("mst", "2", "1E-08"), ((string)details["privacy.mechanism"]!, (string)details["privacy.epsilon"]!, (string)details["privacy.delta"]!));

        // evaluate reports the stated budget beside the empirical figures, from the synthetic file's manifest.
        var evaluated = Run.Synthkit("evaluate", "--real", data, "--synthetic", _temp["dp.csv"], "--metadata", Metadata, "--json", _temp["report.json"]);
        Assert.Equal(0, evaluated.ExitCode);
        Assert.Contains("| privacy | differential privacy (MST, δ = 1E-08, ρ = ", evaluated.Output, StringComparison.Ordinal);
        Assert.Contains("| ε = 2 | the budget stated |", evaluated.Output, StringComparison.Ordinal);
        Assert.Equal(2.0, (double)JsonNode.Parse(File.ReadAllText(_temp["report.json"]))!["guarantee"]!["epsilon"]!);
        File.Copy(_temp["dp.csv"], _temp["plain.csv"]);
        Assert.DoesNotContain("differential privacy", Run.Synthkit("evaluate", "--real", data, "--synthetic", _temp["plain.csv"], "--metadata", Metadata).Output, StringComparison.Ordinal);

        // A given seed makes the fit repeatable (and says so); without one, the noise is fresh.
        Assert.Equal(0, Run.Synthkit("fit", data, "--metadata", Metadata, "--dp", "--domain", Domain, "--seed", "4", "--out", _temp["s1.json"]).ExitCode);
        Assert.Equal(0, Run.Synthkit("fit", data, "--metadata", Metadata, "--dp", "--domain", Domain, "--seed", "4", "--out", _temp["s2.json"]).ExitCode);
        Assert.Equal(File.ReadAllText(_temp["s1.json"]), File.ReadAllText(_temp["s2.json"]));
        Assert.Contains("noise from a fixed seed", Run.Synthkit("inspect", _temp["s1.json"]).Output, StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("fit", data, "--metadata", Metadata, "--dp", "--domain", Domain, "--out", _temp["r.json"]).ExitCode);
        Assert.NotEqual(File.ReadAllText(_temp["dp.json"]), File.ReadAllText(_temp["r.json"]));
    }

    [Fact]
    public void A_budget_ledger_adds_up_the_fits_of_the_same_data_and_refuses_one_past_its_limit()
    {
        string data = Data(), book = _temp["ledger.json"];
        string[] Fit(string epsilon, string output) => ["fit", data, "--metadata", Metadata, "--dp", "--epsilon", epsilon, "--domain", Domain, "--budget-ledger", book, "--budget-limit", "1.6", "--out", _temp[output]];

        var first = Run.Synthkit(Fit("1", "a.json"));
        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Contains("in 1 fit(s)", first.Output, StringComparison.Ordinal);
        var second = Run.Synthkit(Fit("1", "b.json"));
        Assert.Equal(0, second.ExitCode);

        // Two fits at ε = 1 compose in ρ to ε ≈ 1.44 at δ = 1e-9 (less than the 2 of two (ε, δ) fits added up); a third, ≈ 1.78, passes 1.6.
        double rho = Modeling.ZeroConcentratedDp.Rho(1, 1e-9);
        Assert.Contains($"ε = {Modeling.ZeroConcentratedDp.Epsilon(2 * rho, 1e-9).ToString("G4", System.Globalization.CultureInfo.InvariantCulture)} at δ = 1E-09) in 2 fit(s)", second.Output, StringComparison.Ordinal);
        var third = Run.Synthkit(Fit("1", "c.json"));
        Assert.Equal(3, third.ExitCode);
        Assert.Contains("error SK6007: the ledger has ρ = ", third.Error, StringComparison.Ordinal);
        Assert.Contains("past the limit of ε = 1.6", third.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["c.json"]));
        Assert.Equal(2, JsonNode.Parse(File.ReadAllText(book))!.AsArray().Count);

        // Other data has its own budget; a broken ledger is refused by name.
        File.WriteAllLines(_temp["other.csv"], File.ReadAllLines(data).Take(3_000));
        Assert.Equal(0, Run.Synthkit("fit", _temp["other.csv"], "--metadata", Metadata, "--dp", "--epsilon", "1.5", "--domain", Domain, "--budget-ledger", book, "--budget-limit", "2", "--out", _temp["d.json"]).ExitCode);
        File.WriteAllText(_temp["bad.json"], "{}");
        var broken = Run.Synthkit("fit", data, "--metadata", Metadata, "--dp", "--domain", Domain, "--budget-ledger", _temp["bad.json"], "--out", _temp["e.json"]);
        Assert.Equal(3, broken.ExitCode);
        Assert.Contains($"error SK6007: {_temp["bad.json"]}: not a budget ledger", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_privacy_curve_prints_and_plots_what_each_budget_costs()
    {
        string data = Data();
        File.WriteAllLines(_temp["held.csv"], File.ReadAllLines(Path.Combine(Datasets, "adult-discretized.csv")).Take(1).Concat(File.ReadAllLines(Path.Combine(Datasets, "adult-discretized.csv")).Skip(40_001).Take(2_000)));
        var (code, output, error) = Run.Synthkit("privacy-curve", data, "--metadata", Metadata, "--domain", Domain, "--epsilon", "0.1", "--epsilon", "10", "--holdout", _temp["held.csv"], "--seed", "3", "--html", _temp["curve.html"]);
        Assert.Equal((0, ""), (code, error));
        var rows = output.Split('\n').Where(l => l.StartsWith("| 0.1 |", StringComparison.Ordinal) || l.StartsWith("| 10 |", StringComparison.Ordinal) || l.StartsWith("| no privacy |", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, rows.Count);
        double Quality(string row) => double.Parse(row.Split('|')[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Quality(rows[0]) < Quality(rows[1]) - 0.05, string.Join("\n", rows)); // ε = 0.1 visibly worse than ε = 10
        Assert.Contains("Privacy budget and quality: adult-discretized", File.ReadAllText(_temp["curve.html"]), StringComparison.Ordinal);

        Assert.Equal(2, Run.Synthkit("privacy-curve", data, "--metadata", Metadata, "--epsilon", "0").ExitCode);
        Assert.Equal(3, Run.Synthkit("privacy-curve", data, "--metadata", Metadata).ExitCode); // no domains: SK6007
    }

    [Fact]
    public void A_query_is_a_source_of_its_own_in_the_ledger_and_manifests_that_say_nothing_state_no_guarantee()
    {
        string data = Data();
        var table = ColumnReader.ReadCsv(data, SdvMetadata.Load(Metadata));
        RealTables.Sqlite(_temp["real.db"], "people", table);
        string[] Fit(string output) => ["fit", "--from-query", "SELECT * FROM people", "--sqlite", _temp["real.db"], "--metadata", Metadata, "--dp", "--domain", Domain, "--budget-ledger", _temp["q.json"], "--out", _temp[output]];
        Assert.Equal(0, Run.Synthkit(Fit("q1.json")).ExitCode);
        var second = Run.Synthkit(Fit("q2.json"));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("in 2 fit(s)", second.Output, StringComparison.Ordinal);
        var entries = JsonNode.Parse(File.ReadAllText(_temp["q.json"]))!.AsArray();
        Assert.Equal((string)entries[0]!["source"]!, (string)entries[1]!["source"]!);

        // A synthetic file whose manifest is broken, or names no private model, is evaluated without a guarantee.
        File.WriteAllLines(_temp["syn.csv"], File.ReadAllLines(data).Take(2_001));
        foreach (var manifest in new[] { "{ not json", "{\"models\": [{\"details\": {\"privacy.mechanism\": \"mst\", \"privacy.epsilon\": \"many\"}}]}", "{\"models\": 3}" })
        {
            File.WriteAllText(_temp["syn.csv.synth.json"], manifest);
            var evaluated = Run.Synthkit("evaluate", "--real", data, "--synthetic", _temp["syn.csv"], "--metadata", Metadata);
            Assert.Equal(0, evaluated.ExitCode);
            Assert.DoesNotContain("differential privacy", evaluated.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Private_partitions_merge_with_the_noise_added_once_into_the_private_fit_of_all_the_rows()
    {
        string data = Data();
        var lines = File.ReadAllLines(data);
        File.WriteAllLines(_temp["p0.csv"], lines.Take(1_801));
        File.WriteAllLines(_temp["p1.csv"], lines.Take(1).Concat(lines.Skip(1_801)));
        for (int i = 0; i < 2; i++)
        {
            var (code, output, error) = Run.Synthkit("fit", _temp[$"p{i}.csv"], "--metadata", Metadata, "--partial", "--dp", "--domain", Domain, "--out", _temp[$"c{i}.json"]);
            Assert.Equal((0, ""), (code, error));
            Assert.Contains("for a private fit (exact counts, no noise yet", output, StringComparison.Ordinal);
        }

        var merged = Run.Synthkit("fit", "--merge", _temp["c1.json"], _temp["c0.json"], "--dp", "--epsilon", "1.5", "--seed", "8", "--out", _temp["merged.json"]);
        Assert.Equal((0, ""), (merged.ExitCode, merged.Error));
        Assert.Contains("Merged the exact counts of 2 partitions (5,000 rows) and added the noise once", merged.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("fit", data, "--metadata", Metadata, "--dp", "--epsilon", "1.5", "--seed", "8", "--domain", Domain, "--out", _temp["single.json"]).ExitCode);
        Assert.Equal(ModelText.WithoutLineage(_temp["single.json"]), ModelText.WithoutLineage(_temp["merged.json"]));
        Assert.Equal(["p0.csv", "p1.csv"], ModelText.Inputs(_temp["merged.json"]).Order());

        var withoutBudget = Run.Synthkit("fit", "--merge", _temp["c1.json"], _temp["c0.json"], "--out", _temp["x.json"]);
        Assert.Equal(3, withoutBudget.ExitCode);
        Assert.Contains("error SK6006: these are a private fit's counts: merge them with --dp", withoutBudget.Error, StringComparison.Ordinal);
        Assert.Equal(2, Run.Synthkit("fit", "--merge", _temp["c1.json"], "--dp", "--domain", Domain, "--out", _temp["x.json"]).ExitCode);
        Assert.False(File.Exists(_temp["x.json"]));
    }

    [Fact]
    public void Without_declared_domains_the_fit_is_SK6007_and_writes_nothing()
    {
        var (code, _, error) = Run.Synthkit("fit", Data(), "--metadata", Metadata, "--dp", "--out", _temp["x.json"]);
        Assert.Equal(3, code);
        Assert.Contains("error SK6007: 14 column(s) have no declared domain", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["x.json"]));
    }

    [Theory]
    [InlineData("--epsilon", "2")]
    [InlineData("--delta", "1e-6")]
    [InlineData("--domain", "{domain}")]
    [InlineData("--dp", "--holdout-share", "0.2")]
    [InlineData("--dp", "--partial", "--epsilon", "2")]
    [InlineData("--dp", "--partial", "--budget-ledger", "{tmp}/l.json")]
    [InlineData("--dp", "--domain", "{tmp}/missing.json")]
    [InlineData("--budget-ledger", "{tmp}/l.json")]
    [InlineData("--dp", "--domain", "{domain}", "--budget-limit", "3")]
    public void Privacy_options_out_of_place_are_usage_errors(params string[] args)
    {
        var (code, _, error) = Run.Synthkit(["fit", Data(), "--metadata", Metadata, .. args.Select(a => a.Replace("{domain}", Domain, StringComparison.Ordinal).Replace("{tmp}", _temp.Path, StringComparison.Ordinal)), "--out", _temp["x.json"]]);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["x.json"]));
    }
}
