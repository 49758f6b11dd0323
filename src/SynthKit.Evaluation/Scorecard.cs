using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace SynthKit.Evaluation;

/// <summary>The headline figures of a report, with their ideals, and what needs a look: shared by the Markdown and HTML reports.</summary>
internal static class Scorecard
{
    public sealed record Row(string Area, string Figure, string Value, string Ideal);

    public static List<Row> Rows(EvaluationReport report)
    {
        var rows = new List<Row>();
        void Add(string area, string figure, double? value, string ideal, bool percent = false) => rows.Add(new Row(area, figure, Format(value, percent), ideal));
        Add("quality", "overall (SDMetrics)", report.Quality.Score, "1");
        Add("quality", "column shapes", report.Quality.ColumnShapes, "1");
        Add("quality", $"column pair trends ({report.Quality.PairsScored} of {report.Quality.PairsTotal} pairs)", report.Quality.ColumnPairTrends, "1");
        Add("quality", "all pairs", report.Quality.AllPairs.Score, "1");
        Add("diagnostic", "validity and structure", report.Diagnostic.Score, "1");
        if (report.Guarantee is { } g)
        {
            rows.Add(new Row("privacy", $"differential privacy ({g.Mechanism.ToUpperInvariant()}, δ = {g.Delta.ToString("G3", CultureInfo.InvariantCulture)}, ρ = {g.Rho.ToString("G4", CultureInfo.InvariantCulture)})", "ε = " + g.Epsilon.ToString("G6", CultureInfo.InvariantCulture), "the budget stated"));
        }

        if (report.Privacy is { } p)
        {
            Add("privacy", "exact copies of training rows", p.ExactMatches.Share, p.ExactMatches.HoldoutShare is { } hs ? $"≤ holdout {Format(hs, true)}" : "0", percent: true);
            Add("privacy", "new rows (NewRowSynthesis)", p.NewRowSynthesis, "1");
            Add("privacy", "DCR baseline protection", p.DcrBaselineProtection, "1");
            Add("privacy", "DCR overfitting protection", p.DcrOverfittingProtection, "1");
            Add("privacy", "DCR share (closer to training)", p.DcrShare, "50%", percent: true);
            Add("privacy", "membership inference AUC", p.MembershipInference?.Auc, "0.5");
            Add("privacy", "membership inference TPR at 1% FPR", p.MembershipInference?.TprAt1PctFpr, "1%", percent: true);
            if (p.AttributeDisclosure is { } cap)
            {
                Add("privacy", $"attribute disclosure ({string.Join(", ", cap.Known)} → {string.Join(", ", cap.Sensitive)})", cap.Score, "1");
            }
        }

        if (report.Fidelity is { } f)
        {
            Add("fidelity", "α-precision", f.AlphaPrecision, "1");
            Add("fidelity", "β-recall", f.BetaRecall, "independent sample ≈ ½");
            Add("fidelity", "authenticity", f.Authenticity, "independent sample ≈ ½");
            Add("fidelity", $"k-NN precision (k = {f.K})", f.Precision, "1");
            Add("fidelity", "k-NN recall", f.Recall, "1");
            Add("fidelity", "density", f.Density, "1");
            Add("fidelity", "coverage", f.Coverage, "1");
            Add("fidelity", "discriminator AUC", f.DiscriminatorAuc, "0.5");
        }

        if (report.Utility is { } u)
        {
            bool classification = u.Task == "classification";
            Add("utility", $"TRTR {(classification ? "accuracy" : "R²")} ({u.Target}, test: {u.TestSet})", classification ? u.Trtr.Accuracy : u.Trtr.R2, "");
            Add("utility", $"TSTR {(classification ? "accuracy" : "R²")}", classification ? u.Tstr.Accuracy : u.Tstr.R2, "≈ TRTR");
            if (classification)
            {
                Add("utility", "TRTR macro-F1", u.Trtr.MacroF1, "");
                Add("utility", "TSTR macro-F1", u.Tstr.MacroF1, "≈ TRTR");
            }
        }

        Add("diversity", "category coverage", report.Diversity.CategoryCoverage, "1");
        Add("diversity", "range coverage", report.Diversity.RangeCoverage, "1");
        Add("diversity", $"rare categories lost ({report.Diversity.RareCategoriesLost} of {report.Diversity.RareCategories.Count})", report.Diversity.RareCategories.Count == 0 ? null : (double)report.Diversity.RareCategoriesLost / report.Diversity.RareCategories.Count, "0", percent: true);
        Add("diversity", "distinct synthetic rows", report.Diversity.DistinctRowShare, "100%", percent: true);
        if (report.Bias.Protected.Count > 0)
        {
            rows.Add(new Row("bias", $"groups eroded below 0.8× ({string.Join(", ", report.Bias.Protected)})", $"{report.Bias.GroupsEroded} of {report.Bias.Groups.Count}", "0"));
        }

        return rows;
    }

    /// <summary>Findings worth a look, as (text, code spans) Markdown.</summary>
    public static List<string> Attention(EvaluationReport report)
    {
        var attention = new List<string>();
        attention.AddRange(report.Quality.Columns.Where(c => c.Value.Score < 0.8).Select(c => $"column shape of `{c.Key}` is {Format(c.Value.Score, false)}"));
        attention.AddRange(report.Diversity.RareCategories.Where(r => r.Status == "lost").Select(r => $"rare category `{r.Column}` = `{r.Category}` ({Format(r.RealShare, true)} of real rows) is lost"));
        attention.AddRange(report.Bias.Groups.Where(g => g.Eroded).Select(g => $"group `{g.Column}` = `{g.Group}` shrinks from {Format(g.RealShare, true)} to {Format(g.SyntheticShare, true)}"));
        return attention;
    }

    public static string Summary(EvaluationReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"{report.Rows.Real:N0} real, {report.Rows.Synthetic:N0} synthetic{(report.Rows.Holdout is { } h ? $", {h:N0} holdout" : "")} rows.");

    public static string Format(double? value, bool percent) => value is not { } v
        ? "—"
        : percent ? v.ToString("0.0#%", CultureInfo.InvariantCulture) : v.ToString("0.000", CultureInfo.InvariantCulture);
}
