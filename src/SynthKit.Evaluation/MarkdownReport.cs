using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace SynthKit.Evaluation;

/// <summary>The scorecard a pull request shows: headline figures, gates, and what needs a look.</summary>
public static class MarkdownReport
{
    /// <summary>Renders a report (and the outcome of its gates) as GitHub-flavoured Markdown.</summary>
    /// <param name="report">The report.</param>
    /// <param name="gates">Gate outcomes to list, or null.</param>
    /// <returns>The Markdown, with <c>\n</c> line ends.</returns>
    public static string Render(EvaluationReport report, IReadOnlyList<GateResult>? gates = null)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        Line($"## Synthetic data scorecard: {report.Table}");
        Line();
        Line(Scorecard.Summary(report));
        Line();
        Line("| area | figure | value | ideal |");
        Line("|---|---|---|---|");
        foreach (var row in Scorecard.Rows(report))
        {
            Line($"| {row.Area} | {row.Figure} | {row.Value} | {row.Ideal} |");
        }

        if (gates is { Count: > 0 })
        {
            Line();
            Line("### Gates");
            Line();
            foreach (var gate in gates)
            {
                Line($"- {(gate.Holds ? "✅" : "❌")} `{gate.Gate.Text}` ({Scorecard.Format(gate.Value, false)})");
            }
        }

        var attention = Scorecard.Attention(report);
        if (attention.Count > 0)
        {
            Line();
            Line("### Needs a look");
            Line();
            foreach (var item in attention)
            {
                Line("- " + item);
            }
        }

        if (report.Excluded.Count > 0)
        {
            Line();
            Line("Kept out of statistics: " + string.Join(", ", report.Excluded.Select(e => $"`{e.Column}` ({e.Reason})")) + ".");
        }

        return md.ToString();
    }
}
