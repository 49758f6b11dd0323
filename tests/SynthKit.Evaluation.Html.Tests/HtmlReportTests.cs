using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SynthKit.Evaluation.Tests;

/// <summary>
/// The HTML report opened in a real browser (headless Chromium): no script error, every plot drawn. The page is
/// rendered once for the class; a screenshot goes to the temporary directory, never into the repository.
/// </summary>
public sealed partial class HtmlReportTests
{
    private static readonly Lazy<(string Html, string Dom)> s_page = new(() =>
    {
        var real = KnownProcess.Sample(2_000, 1);
        var report = SynthEvaluation.Evaluate(real, KnownProcess.Sample(2_000, 2, rareShare: 0, minorityShare: 0.1), KnownProcess.Sample(2_000, 3), new EvaluationOptions { Protected = ["b"], Target = "c" });
        string html = HtmlReport.Render(report, [ReportGate.Parse("quality>=0.99").Check(report)]);
        string file = Path.Combine(Path.GetTempPath(), "synthkit-report-test.html");
        File.WriteAllText(file, html);
        return (html, Browser.DumpDom(file, Path.Combine(Path.GetTempPath(), "synthkit-report-test.png")));
    });

    [GeneratedRegex("<div class=\"plot\" id=\"plot-([^\"]+)\"[^>]*>")]
    private static partial Regex PlotDiv();

    [Fact]
    public void Every_plot_is_drawn_in_a_real_browser_without_script_errors()
    {
        var (html, dom) = s_page.Value;
        var plots = PlotDiv().Matches(html).Select(m => m.Groups[1].Value).ToList();

        // 5 columns, 3 pair heatmaps, the DCR histogram, the bias chart.
        Assert.Equal(["column-x", "column-y", "column-n", "column-c", "column-b", "pairs-real", "pairs-synthetic", "pairs-similarity", "dcr", "bias"], plots);
        Assert.Contains("<pre id=\"errors\" class=\"fail\"></pre>", dom, StringComparison.Ordinal);
        Assert.Equal(plots, RenderedDiv().Matches(dom).Select(m => m.Groups[1].Value));

        // Each plot's div holds plotly's drawing.
        var starts = plots.Select(id => dom.IndexOf($"id=\"plot-{id}\"", StringComparison.Ordinal)).Append(dom.Length).ToList();
        for (int i = 0; i < plots.Count; i++)
        {
            Assert.Contains("class=\"main-svg\"", dom[starts[i]..starts[i + 1]], StringComparison.Ordinal);
        }
    }

    [GeneratedRegex("<div class=\"plot js-plotly-plot\" id=\"plot-([^\"]+)\"[^>]*data-rendered=\"true\"")]
    private static partial Regex RenderedDiv();

    [Fact]
    public void The_privacy_curve_is_drawn_in_a_real_browser_with_its_table()
    {
        var real = KnownProcess.Sample(1_000, 1);
        var points = new[] { 3.0, 0.1, 1 }.Select((e, i) => new PrivacyCurvePoint { Epsilon = e, Report = SynthEvaluation.Evaluate(real, KnownProcess.Sample(1_000, 10 + i, rareShare: e < 1 ? 0 : 0.05), null, new EvaluationOptions { Fidelity = false, Models = false }) }).ToList();
        var exact = SynthEvaluation.Evaluate(real, KnownProcess.Sample(1_000, 20), null, new EvaluationOptions { Fidelity = false, Models = false });
        string html = HtmlReport.RenderPrivacyCurve("t<1>", points, exact);
        string file = Path.Combine(Path.GetTempPath(), "synthkit-curve-test.html");
        File.WriteAllText(file, html);
        string dom = Browser.DumpDom(file, Path.Combine(Path.GetTempPath(), "synthkit-curve-test.png"));

        Assert.Contains("<pre id=\"errors\" class=\"fail\"></pre>", dom, StringComparison.Ordinal);
        Assert.Matches("<div class=\"plot wide js-plotly-plot\" id=\"plot-curve\"[^>]*data-rendered=\"true\"", dom);
        Assert.Contains("class=\"main-svg\"", dom, StringComparison.Ordinal);
        Assert.Contains("Privacy budget and quality: t&lt;1&gt;", html, StringComparison.Ordinal);

        // One row per budget, smallest first, then the model without privacy.
        var rows = System.Text.RegularExpressions.Regex.Matches(html, "<tr><td>([^<]+)</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["0.1", "1", "3", "no privacy"], rows);
    }

    [Fact]
    public void A_series_page_draws_every_plot_in_a_real_browser_with_its_table_encoded()
    {
        double[] x = [1, 2, 3];
        var plots = new[]
        {
            new SeriesPlot { Title = "variance", XTitle = "generation", YTitle = "ratio", X = x, Lines = [new SeriesLine("age", [1, 0.8, 0.5]), new SeriesLine("<i>hours</i>", [1, 0.9, double.NaN])] },
            new SeriesPlot { Title = "categories", XTitle = "generation", YTitle = "count", X = x, Lines = [new SeriesLine("categories", [83, 75, 63])] },
        };
        string html = HtmlReport.RenderSeries("Model collapse: <t>", "what replace does", ["generation", "variance"], [["1", "1.000"], ["2", "<b>0.8</b>"], ["3", "0.5"]], plots);
        string file = Path.Combine(Path.GetTempPath(), "synthkit-series-test.html");
        File.WriteAllText(file, html);
        string dom = Browser.DumpDom(file, Path.Combine(Path.GetTempPath(), "synthkit-series-test.png"));

        Assert.Contains("<pre id=\"errors\" class=\"fail\"></pre>", dom, StringComparison.Ordinal);
        Assert.Matches("<div class=\"plot js-plotly-plot\" id=\"plot-series-0\"[^>]*data-rendered=\"true\"", dom);
        Assert.Matches("<div class=\"plot js-plotly-plot\" id=\"plot-series-1\"[^>]*data-rendered=\"true\"", dom);
        Assert.Contains("Model collapse: &lt;t&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;b&gt;0.8&lt;/b&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>hours</i>", html, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "3"], System.Text.RegularExpressions.Regex.Matches(html, "<tr><td>([^<]+)</td>").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public void A_curve_without_a_baseline_or_points_leaves_them_out()
    {
        var real = KnownProcess.Sample(500, 1);
        var report = SynthEvaluation.Evaluate(real, KnownProcess.Sample(500, 2), KnownProcess.Sample(500, 3), new EvaluationOptions { Fidelity = false, Models = false });
        string one = HtmlReport.RenderPrivacyCurve("t", [new PrivacyCurvePoint { Epsilon = 1, Report = report }], null);
        Assert.DoesNotContain("no privacy", one, StringComparison.Ordinal);
        Assert.DoesNotContain("quality without privacy", one, StringComparison.Ordinal);
        Assert.Matches("<tr><td>1</td><td>[0-9.]+</td><td>[0-9.]+</td><td>[0-9.]+</td><td>[0-9.]+</td><td>0\\.[0-9]+</td><td>[0-9.]+%</td></tr>", one);

        string none = HtmlReport.RenderPrivacyCurve("t", [], report);
        Assert.Equal(["no privacy"], System.Text.RegularExpressions.Regex.Matches(none, "<tr><td>([^<]+)</td>").Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("quality without privacy", none, StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_needs_no_network()
    {
        var (html, _) = s_page.Value;
        int library = html.IndexOf("plotly.js v", StringComparison.Ordinal);
        int libraryEnd = html.IndexOf("</script>", library, StringComparison.Ordinal);

        // Outside the inlined plotly.js, nothing refers to the network.
        string page = html[..library] + html[libraryEnd..];
        Assert.True(library > 0 && libraryEnd > library);
        Assert.DoesNotContain("src=\"http", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_data_is_encoded()
    {
        var spec = SdvMetadata.Read(System.Text.Encoding.UTF8.GetBytes("""
            { "METADATA_SPEC_VERSION": "SINGLE_TABLE_V1", "columns": { "<b>x</b>": { "sdtype": "categorical" } } }
            """), "<script>alert(1)</script>");
        var batch = new ColumnBatch(spec, 2) { RowCount = 2 };
        ((CategoricalColumn)batch["<b>x</b>"]).Set(0, "</script><script>alert(2)</script>");
        ((CategoricalColumn)batch["<b>x</b>"]).Set(1, "ok");

        string html = HtmlReport.Render(SynthEvaluation.Evaluate(batch, batch, options: new EvaluationOptions { Privacy = false }));

        // Text is encoded in the page; inside the figures' JSON, "</" is escaped so a label cannot close the script.
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("</script><script>alert(2)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html[..html.IndexOf("<script type=\"application/json\"", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_without_data_are_left_out()
    {
        var report = SynthEvaluation.Evaluate(KnownProcess.Sample(300, 1), KnownProcess.Sample(300, 2), options: new EvaluationOptions { Privacy = false, Fidelity = false, Models = false });

        string html = HtmlReport.Render(report);

        Assert.DoesNotContain("<h2>Privacy", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Bias", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h2>Gates", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Column shapes</h2>", html, StringComparison.Ordinal);
        Assert.Equal(5 + 3, PlotDiv().Matches(html).Count); // five columns and the three pair heatmaps
    }
}
