using System.Collections.Generic;
using System.Globalization;
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
        Line(string.Create(CultureInfo.InvariantCulture, $"{report.Rows.Real:N0} real, {report.Rows.Synthetic:N0} synthetic{(report.Rows.Holdout is { } h ? $", {h:N0} holdout" : "")} rows."));
        Line();
        Line("| area | figure | value | ideal |");
        Line("|---|---|---|---|");
        void Row(string area, string figure, double? value, string ideal, bool percent = false) =>
            Line($"| {area} | {figure} | {Format(value, percent)} | {ideal} |");
        Row("quality", "overall (SDMetrics)", report.Quality.Score, "1");
        Row("quality", "column shapes", report.Quality.ColumnShapes, "1");
        Row("quality", $"column pair trends ({report.Quality.PairsScored} of {report.Quality.PairsTotal} pairs)", report.Quality.ColumnPairTrends, "1");
        Row("quality", "all pairs", report.Quality.AllPairs.Score, "1");
        Row("diagnostic", "validity and structure", report.Diagnostic.Score, "1");
        if (report.Privacy is { } p)
        {
            Row("privacy", "exact copies of training rows", p.ExactMatches.Share, p.ExactMatches.HoldoutShare is { } hs ? $"≤ holdout {Format(hs, true)}" : "0", percent: true);
            Row("privacy", "new rows (NewRowSynthesis)", p.NewRowSynthesis, "1");
            Row("privacy", "DCR baseline protection", p.DcrBaselineProtection, "1");
            Row("privacy", "DCR overfitting protection", p.DcrOverfittingProtection, "1");
            Row("privacy", "DCR share (closer to training)", p.DcrShare, "50%", percent: true);
            Row("privacy", "membership inference AUC", p.MembershipInference?.Auc, "0.5");
            Row("privacy", "membership inference TPR at 1% FPR", p.MembershipInference?.TprAt1PctFpr, "1%", percent: true);
            if (p.AttributeDisclosure is { } cap)
            {
                Row("privacy", $"attribute disclosure ({string.Join(", ", cap.Known)} → {string.Join(", ", cap.Sensitive)})", cap.Score, "1");
            }
        }

        Row("diversity", "category coverage", report.Diversity.CategoryCoverage, "1");
        Row("diversity", "range coverage", report.Diversity.RangeCoverage, "1");
        Row("diversity", $"rare categories lost ({report.Diversity.RareCategoriesLost} of {report.Diversity.RareCategories.Count})", report.Diversity.RareCategories.Count == 0 ? null : (double)report.Diversity.RareCategoriesLost / report.Diversity.RareCategories.Count, "0", percent: true);
        Row("diversity", "distinct synthetic rows", report.Diversity.DistinctRowShare, "100%", percent: true);
        if (report.Bias.Protected.Count > 0)
        {
            Line($"| bias | groups eroded below 0.8× ({string.Join(", ", report.Bias.Protected)}) | {report.Bias.GroupsEroded} of {report.Bias.Groups.Count} | 0 |");
        }

        if (gates is { Count: > 0 })
        {
            Line();
            Line("### Gates");
            Line();
            foreach (var gate in gates)
            {
                Line($"- {(gate.Holds ? "✅" : "❌")} `{gate.Gate.Text}` ({Format(gate.Value, false)})");
            }
        }

        var attention = new List<string>();
        attention.AddRange(report.Quality.Columns.Where(c => c.Value.Score < 0.8).Select(c => $"column shape of `{c.Key}` is {Format(c.Value.Score, false)}"));
        attention.AddRange(report.Diversity.RareCategories.Where(r => r.Status == "lost").Select(r => $"rare category `{r.Column}` = `{r.Category}` ({Format(r.RealShare, true)} of real rows) is lost"));
        attention.AddRange(report.Bias.Groups.Where(g => g.Eroded).Select(g => $"group `{g.Column}` = `{g.Group}` shrinks from {Format(g.RealShare, true)} to {Format(g.SyntheticShare, true)}"));
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

    private static string Format(double? value, bool percent) => value is not { } v
        ? "—"
        : percent ? v.ToString("0.0#%", CultureInfo.InvariantCulture) : v.ToString("0.000", CultureInfo.InvariantCulture);
}
