using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace SynthKit.Evaluation.Tests;

/// <summary>
/// The quality and diagnostic reports against SDMetrics 0.29's own figures for the copula sample of UCI Adult
/// (../shared/reference/expected/sdmetrics-adult-vs-copula.json, measured with SDMetrics, rounded there to 6 decimals).
/// </summary>
public sealed class SdMetricsParityTests
{
    /// <summary>The expected file rounds to 6 decimals: equal within 1e-6 means equal to its last digit.</summary>
    private const double Tolerance = 1e-6;

    private static readonly Lazy<EvaluationReport> s_report = new(() => SynthEvaluation.Evaluate(Data.Adult, Data.Copula, options: new EvaluationOptions { Privacy = false, Fidelity = false }));

    private static JsonNode Expected { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(Data.Expected, "sdmetrics-adult-vs-copula.json")))!;

    private static EvaluationReport Report => s_report.Value;

    [Fact]
    public void The_overall_scores_equal_SDMetrics()
    {
        var quality = Expected["quality"]!;
        Assert.Equal((double)quality["overall"]!, Report.Quality.Score!.Value, Tolerance);
        Assert.Equal((double)quality["column_shapes"]!, Report.Quality.ColumnShapes!.Value, Tolerance);
        Assert.Equal((double)quality["column_pair_trends"]!, Report.Quality.ColumnPairTrends!.Value, Tolerance);
        Assert.Equal((int)quality["pairs_total"]!, Report.Quality.PairsTotal);
        Assert.Equal((int)quality["pairs_scored"]!, Report.Quality.PairsScored);
    }

    [Fact]
    public void The_all_pairs_variant_equals_SDMetrics_with_both_thresholds_at_zero()
    {
        var all = Expected["quality_all_pairs"]!;
        Assert.Equal((double)all["overall"]!, Report.Quality.AllPairs.Score!.Value, Tolerance);
        Assert.Equal((double)all["column_pair_trends"]!, Report.Quality.AllPairs.ColumnPairTrends!.Value, Tolerance);
        Assert.Equal((int)all["pairs_scored"]!, Report.Quality.AllPairs.PairsScored);
    }

    [Fact]
    public void Every_column_shape_equals_SDMetrics()
    {
        var expected = Expected["column_shapes"]!.AsObject();
        Assert.Equal(expected.Select(e => e.Key), Report.Quality.Columns.Keys);
        foreach (var (column, value) in expected)
        {
            var actual = Report.Quality.Columns[column];
            Assert.Equal((string)value!["metric"]!, actual.Metric);
            Assert.True(Math.Abs((double)value["score"]! - actual.Score!.Value) <= Tolerance, $"{column}: SDMetrics {(double)value["score"]!}, SynthKit {actual.Score}");
        }
    }

    [Fact]
    public void Every_pair_equals_SDMetrics()
    {
        var expected = Expected["pairs_all"]!.AsArray();
        Assert.Equal(expected.Count, Report.Quality.Pairs.Count);
        foreach (var pair in expected)
        {
            string a = (string)pair!["pair"]![0]!, b = (string)pair["pair"]![1]!;
            var actual = Report.Quality.Pairs.Single(p => (p.Columns[0] == a && p.Columns[1] == b) || (p.Columns[0] == b && p.Columns[1] == a));
            Assert.Equal((string)pair["metric"]!, actual.Metric);
            Assert.True(Math.Abs((double)pair["score"]! - actual.Score!.Value) <= Tolerance, $"{a} × {b}: SDMetrics {(double)pair["score"]!}, SynthKit {actual.Score}");
        }
    }

    [Fact]
    public void The_diagnostic_equals_SDMetrics()
    {
        var diagnostic = Expected["diagnostic"]!;
        Assert.Equal((double)diagnostic["overall"]!, Report.Diagnostic.Score!.Value, Tolerance);
        Assert.Equal((double)diagnostic["Data Validity"]!, Report.Diagnostic.DataValidity!.Value, Tolerance);
        Assert.Equal((double)diagnostic["Data Structure"]!, Report.Diagnostic.DataStructure, Tolerance);
    }
}
