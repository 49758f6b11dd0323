using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace SynthKit.Cli.Tests;

/// <summary>
/// <c>synthkit evaluate</c> on UCI Adult: 4,000 training rows, 4,000 held-out rows (never seen by the copula sample's
/// generator? it saw all of adult, so the holdout is only a baseline here) and 4,000 rows of the copula sample; and
/// a verbatim copy of the training rows, which every privacy figure must catch.
/// </summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private static readonly string Datasets = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));

    private readonly TempDirectory _temp = new();

    public EvaluateCommandTests()
    {
        var adult = File.ReadAllLines(Path.Combine(Datasets, "adult.csv"));
        var copula = File.ReadAllLines(Path.Combine(Datasets, "adult-synthetic-copula.csv"));
        File.WriteAllLines(_temp["train.csv"], adult.Take(4_001));
        File.WriteAllLines(_temp["holdout.csv"], adult.Take(1).Concat(adult.Skip(20_001).Take(4_000)));
        File.WriteAllLines(_temp["synthetic.csv"], copula.Take(4_001));
    }

    private string Metadata => Path.Combine(Datasets, "adult.meta.json");

    public void Dispose() => _temp.Dispose();

    private (int Code, string Output, string Error) Evaluate(string synthetic, params string[] more) =>
        Run.Synthkit(["evaluate", "--real", _temp["train.csv"], "--synthetic", synthetic, "--holdout", _temp["holdout.csv"], "--metadata", Metadata, .. more]);

    [Fact]
    public void It_prints_the_scorecard_and_writes_json_and_markdown_deterministically()
    {
        var (code, output, error) = Evaluate(_temp["synthetic.csv"], "--json", _temp["a.json"], "--markdown", _temp["a.md"], "--html", _temp["a.html"], "--target", "income", "--protected", "sex,race");
        var (again, _, _) = Evaluate(_temp["synthetic.csv"], "--json", _temp["b.json"], "--target", "income", "--protected", "sex,race");

        Assert.Equal(0, code);
        Assert.Equal(0, again);
        Assert.Equal("", error);
        Assert.Contains("## Synthetic data scorecard: adult", output, StringComparison.Ordinal);
        Assert.Contains("| privacy | membership inference AUC |", output, StringComparison.Ordinal);
        Assert.Equal(output, File.ReadAllText(_temp["a.md"]));
        string html = File.ReadAllText(_temp["a.html"]);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Equal(15 + 3 + 1 + 1, System.Text.RegularExpressions.Regex.Matches(html, "<div class=\"plot\" id=").Count); // columns, pair heatmaps, DCR, bias

        // The page opens in a real browser: no script error, all 20 plots drawn.
        string dom = SynthKit.Evaluation.Tests.Browser.DumpDom(_temp["a.html"], Path.Combine(Path.GetTempPath(), "synthkit-evaluate-adult.png"));
        Assert.Contains("<pre id=\"errors\" class=\"fail\"></pre>", dom, StringComparison.Ordinal);
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Matches(dom, "class=\"plot js-plotly-plot\" id=\"plot-[^\"]+\"[^>]*data-rendered=\"true\"").Count);
        Assert.Equal(File.ReadAllBytes(_temp["a.json"]), File.ReadAllBytes(_temp["b.json"]));

        var json = JsonNode.Parse(File.ReadAllText(_temp["a.json"]))!;
        Assert.Equal(1, (int)json["reportVersion"]!);
        Assert.InRange((double)json["quality"]!["score"]!, 0.7, 0.9);
        Assert.InRange((double)json["privacy"]!["membershipInference"]!["auc"]!, 0.45, 0.55);
        Assert.InRange((double)json["fidelity"]!["precision"]!, 0.01, 0.99); // the copula sample is far from adult's 3-NN manifold (0.23): present, and not a copy
        Assert.Equal("income", (string)json["bias"]!["target"]!);
        Assert.Equal(">50K", (string)json["bias"]!["positiveClass"]!);
    }

    [Fact]
    public void A_copied_data_set_is_caught_and_a_gate_fails_with_SK6101()
    {
        var (code, output, error) = Evaluate(_temp["train.csv"], "--gate", "privacy.exactMatches.share<=0.01", "--gate", "privacy.membershipInference.auc<=0.6", "--gate", "quality>=0.9", "--json", _temp["copy.json"]);

        Assert.Equal(1, code);
        var json = JsonNode.Parse(File.ReadAllText(_temp["copy.json"]))!;
        Assert.Equal(1.0, (double)json["privacy"]!["exactMatches"]!["share"]!);
        Assert.True((double)json["privacy"]!["dcrShare"]! > 0.99);
        Assert.True((double)json["privacy"]!["membershipInference"]!["auc"]! > 0.99);
        Assert.Contains("error SK6101: gate 'privacy.exactMatches.share<=0.01' failed: privacy.exactMatches.share = 1 does not satisfy <= 0.01", error, StringComparison.Ordinal);
        Assert.Contains("error SK6101: gate 'privacy.membershipInference.auc<=0.6' failed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("quality>=0.9", error, StringComparison.Ordinal); // a copy has perfect quality: that gate holds
        Assert.Contains("- ❌ `privacy.exactMatches.share<=0.01` (1.000)", output, StringComparison.Ordinal);
        Assert.Contains("- ✅ `quality>=0.9` (1.000)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quality>>0.9", "SK6102: the gate 'quality>>0.9' is not")]
    [InlineData("quality>=high", "SK6102")]
    [InlineData("qualty>=0.9", "SK6102: the gate 'qualty>=0.9' names 'qualty', which the report does not have")]
    public void A_gate_that_cannot_be_read_is_a_usage_error(string gate, string says)
    {
        var (code, _, error) = Evaluate(_temp["synthetic.csv"], "--no-privacy", "--no-fidelity", "--gate", gate, "--json", _temp["never.json"]);

        Assert.Equal(2, code);
        Assert.Contains(says, error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["never.json"]));
    }

    [Fact]
    public void A_gate_on_a_metric_that_could_not_be_computed_fails()
    {
        // Without a holdout there is no membership-inference attack.
        var (code, _, error) = Run.Synthkit("evaluate", "--real", _temp["train.csv"], "--synthetic", _temp["synthetic.csv"], "--metadata", Metadata, "--gate", "privacy.membershipInference.auc<=0.6");

        Assert.Equal(1, code);
        Assert.Contains("privacy.membershipInference.auc has no value", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--known", "age")]
    [InlineData("--spec", "x.json")]
    public void Bad_arguments_are_usage_errors(string option, string value)
    {
        var (code, _, error) = Run.Synthkit("evaluate", "--real", _temp["train.csv"], "--synthetic", _temp["synthetic.csv"], "--metadata", Metadata, option, value);

        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synthetic_file_without_a_column_is_a_located_error()
    {
        File.WriteAllLines(_temp["short.csv"], File.ReadAllLines(_temp["synthetic.csv"]).Select(l => l[(l.IndexOf(',', StringComparison.Ordinal) + 1)..]));

        var (code, _, error) = Evaluate(_temp["short.csv"]);

        Assert.Equal(3, code);
        Assert.Contains("short.csv", error, StringComparison.Ordinal);
        Assert.Contains("error SK4004", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_metadata_the_columns_are_inferred_and_printed()
    {
        var (code, output, error) = Run.Synthkit("evaluate", "--real", _temp["train.csv"], "--synthetic", _temp["synthetic.csv"], "--no-privacy", "--no-fidelity", "--json", _temp["inferred.json"]);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.StartsWith("Inferred the columns from train.csv (give --metadata or --spec to state them):\n  age: numerical, Int64\n  workclass: categorical, String\n", output, StringComparison.Ordinal);
        Assert.Equal(15, JsonNode.Parse(File.ReadAllText(_temp["inferred.json"]))!["quality"]!["columns"]!.AsObject().Count);
    }
}
