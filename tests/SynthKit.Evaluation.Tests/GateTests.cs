using System;
using System.Text.Json.Nodes;

namespace SynthKit.Evaluation.Tests;

/// <summary>Gates: reading them, finding their metric in a report, and deciding.</summary>
public sealed class GateTests
{
    private static readonly JsonNode Report = JsonNode.Parse("""
        {
          "quality": { "score": 0.8, "columns": { "capital.gain": { "metric": "KSComplement", "score": 0.1 }, "age": { "score": null } } },
          "privacy": { "dcrShare": 0.5, "membershipInference": null }
        }
        """)!;

    [Theory]
    [InlineData("quality>=0.8", true)]
    [InlineData("quality>0.8", false)]
    [InlineData("quality<=0.8", true)]
    [InlineData("quality<0.9", true)]
    [InlineData("quality==0.8", true)]
    [InlineData("quality!=0.8", false)]
    [InlineData(" privacy.dcrShare <= 0.55 ", true)]
    [InlineData("quality.columns[\"capital.gain\"].score>=0.5", false)]
    [InlineData("quality.columns[\"capital.gain\"]<0.5", true)]
    public void A_gate_compares_its_metric_with_its_bound(string text, bool holds)
    {
        var result = ReportGate.Parse(text).Check(Report);

        Assert.Equal(holds, result.Holds);
        Assert.NotNull(result.Value);
    }

    [Theory]
    [InlineData("quality.columns.age>=0.5")]
    [InlineData("privacy.membershipInference.auc<=0.6")]
    public void A_metric_without_a_value_fails_its_gate(string text)
    {
        var result = ReportGate.Parse(text).Check(Report);

        Assert.False(result.Holds);
        Assert.Null(result.Value);
        Assert.Contains("has no value", result.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quality")]
    [InlineData(">=0.9")]
    [InlineData("quality>=")]
    [InlineData("quality>=NaN")]
    [InlineData("quality>=1e999")]
    [InlineData("quality..score>=0.5")]
    [InlineData("quality.columns[\"a>=0.5")]
    [InlineData("quality.columns[a]>=0.5")]
    public void An_unreadable_gate_is_SK6102(string text)
    {
        var ex = Assert.Throws<SynthKitException>(() => ReportGate.Parse(text));

        Assert.Equal(EvaluationErrorCodes.InvalidGate, ex.Code);
    }

    [Fact]
    public void A_metric_the_report_does_not_have_is_SK6102()
    {
        var ex = Assert.Throws<SynthKitException>(() => ReportGate.Parse("quality.nope>=0.5").Check(Report));

        Assert.Equal(EvaluationErrorCodes.InvalidGate, ex.Code);
        Assert.Contains("'quality.nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_failure_line_names_the_value_and_the_bound()
    {
        var result = ReportGate.Parse("quality>=0.9").Check(Report);

        Assert.Equal("quality = 0.8 does not satisfy >= 0.9", result.Describe());
        Assert.Equal(("quality", ">=", 0.9), (result.Gate.Metric, result.Gate.Operator, result.Gate.Bound));
    }

    [Fact]
    public void A_typed_report_answers_by_path()
    {
        var report = SynthEvaluation.Evaluate(KnownProcess.Sample(300, 1), KnownProcess.Sample(300, 2), options: new EvaluationOptions { Privacy = false, Fidelity = false });

        Assert.Equal(report.Quality.Score, report.Metric("quality"));
        Assert.Equal(report.Quality.Columns["x"].Score, report.Metric("quality.columns.x.score"));
        Assert.Null(report.Metric("privacy.dcrShare"));
        Assert.Null(report.Metric("nothing.here"));
        Assert.True(ReportGate.Parse("diagnostic>=0.5").Check(report).Holds);
    }

    [Fact]
    public void The_markdown_scorecard_lists_gates_and_what_needs_a_look()
    {
        var real = KnownProcess.Sample(2_000, 1);
        var report = SynthEvaluation.Evaluate(real, KnownProcess.Sample(2_000, 2, rareShare: 0, minorityShare: 0.1), KnownProcess.Sample(2_000, 3), new EvaluationOptions { Protected = ["b"], Fidelity = false });
        var gates = new[] { ReportGate.Parse("quality>=0.99").Check(report), ReportGate.Parse("privacy.dcrShare<=0.6").Check(report) };

        string md = MarkdownReport.Render(report, gates);

        Assert.StartsWith("## Synthetic data scorecard: known\n", md, StringComparison.Ordinal);
        Assert.Contains("- ❌ `quality>=0.99`", md, StringComparison.Ordinal);
        Assert.Contains("- ✅ `privacy.dcrShare<=0.6`", md, StringComparison.Ordinal);
        Assert.Contains("rare category `c` = `e`", md, StringComparison.Ordinal);
        Assert.Contains("group `b` = `True` shrinks from", md, StringComparison.Ordinal);
        Assert.Contains("Kept out of statistics: `email` (personal data).", md, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", md, StringComparison.Ordinal);
    }
}
