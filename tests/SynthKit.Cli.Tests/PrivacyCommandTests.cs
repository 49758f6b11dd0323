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

        // A given seed makes the fit repeatable (and says so); without one, the noise is fresh.
        Assert.Equal(0, Run.Synthkit("fit", data, "--metadata", Metadata, "--dp", "--domain", Domain, "--seed", "4", "--out", _temp["s1.json"]).ExitCode);
        Assert.Equal(0, Run.Synthkit("fit", data, "--metadata", Metadata, "--dp", "--domain", Domain, "--seed", "4", "--out", _temp["s2.json"]).ExitCode);
        Assert.Equal(File.ReadAllText(_temp["s1.json"]), File.ReadAllText(_temp["s2.json"]));
        Assert.Contains("noise from a fixed seed", Run.Synthkit("inspect", _temp["s1.json"]).Output, StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("fit", data, "--metadata", Metadata, "--dp", "--domain", Domain, "--out", _temp["r.json"]).ExitCode);
        Assert.NotEqual(File.ReadAllText(_temp["dp.json"]), File.ReadAllText(_temp["r.json"]));
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
    [InlineData("--dp", "--partial")]
    [InlineData("--dp", "--domain", "{tmp}/missing.json")]
    public void Privacy_options_out_of_place_are_usage_errors(params string[] args)
    {
        var (code, _, error) = Run.Synthkit(["fit", Data(), "--metadata", Metadata, .. args.Select(a => a.Replace("{domain}", Domain, StringComparison.Ordinal).Replace("{tmp}", _temp.Path, StringComparison.Ordinal)), "--out", _temp["x.json"]]);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["x.json"]));
    }
}
