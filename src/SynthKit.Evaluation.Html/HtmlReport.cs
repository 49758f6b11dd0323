using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Plotly.NET;
using Plotly.NET.CSharp;
using PlotlyChart = Plotly.NET.CSharp.Chart;

namespace SynthKit.Evaluation;

/// <summary>
/// One self-contained HTML page that renders offline: the scorecard, each column's real and synthetic distribution,
/// heatmaps of the pair trends (real, synthetic, similarity), DCR histograms (to training and to holdout), and the bias
/// and rare-category tables. The figures are built with Plotly.NET and drawn by the plotly.js it ships, inlined in the
/// page; every text that comes from data is HTML-encoded.
/// </summary>
public static class HtmlReport
{
    private const string Real = "#1f77b4";
    private const string Synthetic = "#ff7f0e";

    private static readonly Lazy<string> s_plotlyJs = new(() =>
    {
        var assembly = typeof(GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    });

    /// <summary>Renders the report (and its gates) as one HTML page.</summary>
    /// <param name="report">A report from <see cref="SynthEvaluation.Evaluate"/>.</param>
    /// <param name="gates">Gate outcomes to list, or null.</param>
    /// <returns>The page.</returns>
    public static string Render(EvaluationReport report, IReadOnlyList<GateResult>? gates = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var figures = new List<(string Id, string Json)>();
        var html = new StringBuilder();
        string Plot(string id, GenericChart chart)
        {
            figures.Add((id, GenericChart.toFigureJson(chart)));
            return $"<div class=\"plot\" id=\"plot-{Encode(id)}\" data-plot=\"{Encode(id)}\"></div>";
        }

        Head(html, "Synthetic data report: " + report.Table);
        html.Append("<pre id=\"errors\" class=\"fail\"></pre>\n");
        html.Append("<h1>Synthetic data report: ").Append(Encode(report.Table)).Append("</h1>\n<p>").Append(Encode(Scorecard.Summary(report))).Append(" Made by SynthKit.Evaluation; the JSON report holds every figure.</p>\n");

        // Scorecard and gates.
        html.Append("<h2>Scorecard</h2>\n<table><tr><th>area</th><th>figure</th><th>value</th><th>ideal</th></tr>\n");
        foreach (var row in Scorecard.Rows(report))
        {
            html.Append("<tr><td>").Append(Encode(row.Area)).Append("</td><td>").Append(Encode(row.Figure)).Append("</td><td>").Append(Encode(row.Value)).Append("</td><td>").Append(Encode(row.Ideal)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (gates is { Count: > 0 })
        {
            html.Append("<h2>Gates</h2>\n<ul>\n");
            foreach (var gate in gates)
            {
                html.Append("<li class=\"").Append(gate.Holds ? "pass" : "fail").Append("\">").Append(gate.Holds ? "✅ " : "❌ ").Append("<code>").Append(Encode(gate.Gate.Text)).Append("</code> (").Append(Encode(Scorecard.Format(gate.Value, false))).Append(")</li>\n");
            }

            html.Append("</ul>\n");
        }

        var attention = Scorecard.Attention(report);
        if (attention.Count > 0)
        {
            html.Append("<h2>Needs a look</h2>\n<ul>\n");
            foreach (var item in attention)
            {
                html.Append("<li>").Append(Encode(item).Replace("`", "", StringComparison.Ordinal)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        // Column shapes.
        html.Append("<h2>Column shapes</h2>\n<div class=\"plots\">\n");
        foreach (var d in report.Distributions)
        {
            double? score = report.Quality.Columns.TryGetValue(d.Column, out var s) ? s.Score : null;
            html.Append(Plot("column-" + d.Column, Distribution(d, score))).Append('\n');
        }

        html.Append("</div>\n");

        // Pair trends.
        if (report.Quality.Pairs.Count > 0)
        {
            var names = report.Quality.Columns.Keys.ToList();
            html.Append("<h2>Column pair trends</h2>\n<p>Real and synthetic trend per pair (|Pearson r| for two numeric columns, Cramér's V otherwise), and the pair's similarity score (1 = the synthetic data keep the real trend).</p>\n<div class=\"plots\">\n");
            html.Append(Plot("pairs-real", Heatmap(names, report.Quality.Pairs, p => Trend(p.RealCorrelation, p.RealAssociation), "Real trend"))).Append('\n');
            html.Append(Plot("pairs-synthetic", Heatmap(names, report.Quality.Pairs, p => Trend(p.SyntheticCorrelation, p.SyntheticAssociation), "Synthetic trend"))).Append('\n');
            html.Append(Plot("pairs-similarity", Heatmap(names, report.Quality.Pairs, p => p.Score, "Similarity (pair score)"))).Append('\n');
            html.Append("</div>\n");
        }

        // Privacy.
        if (report.Privacy is { } privacy)
        {
            html.Append("<h2>Privacy: distance to the closest record</h2>\n<p>Distances from each synthetic row to its closest training row").Append(privacy.Dcr.HoldoutHistogram is null ? "" : " and to its closest holdout row: a generator that learned the training rows by heart puts the first far to the left of the second").Append(".</p>\n<div class=\"plots\">\n");
            html.Append(Plot("dcr", Dcr(privacy.Dcr))).Append('\n').Append("</div>\n");
        }

        // Bias.
        if (report.Bias.Groups.Count > 0)
        {
            html.Append("<h2>Bias</h2>\n<table><tr><th>column</th><th>group</th><th>real share</th><th>synthetic share</th><th>ratio</th><th>eroded</th>");
            bool outcomes = report.Bias.Target is not null;
            if (outcomes)
            {
                html.Append("<th>real outcome rate</th><th>synthetic outcome rate</th>");
            }

            html.Append("</tr>\n");
            foreach (var g in report.Bias.Groups)
            {
                html.Append("<tr").Append(g.Eroded ? " class=\"fail\"" : "").Append("><td>").Append(Encode(g.Column)).Append("</td><td>").Append(Encode(g.Group)).Append("</td><td>")
                    .Append(Scorecard.Format(g.RealShare, true)).Append("</td><td>").Append(Scorecard.Format(g.SyntheticShare, true)).Append("</td><td>")
                    .Append(Scorecard.Format(g.Ratio, false)).Append("</td><td>").Append(g.Eroded ? "yes" : "no").Append("</td>");
                if (outcomes)
                {
                    html.Append("<td>").Append(Scorecard.Format(g.RealOutcomeRate, true)).Append("</td><td>").Append(Scorecard.Format(g.SyntheticOutcomeRate, true)).Append("</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</table>\n<div class=\"plots\">\n").Append(Plot("bias", Groups(report.Bias))).Append("\n</div>\n");
        }

        // Rare categories.
        if (report.Diversity.RareCategories.Count > 0)
        {
            html.Append("<h2>Rare categories (under 1% of real rows)</h2>\n<table><tr><th>column</th><th>category</th><th>real share</th><th>synthetic share</th><th>status</th></tr>\n");
            foreach (var r in report.Diversity.RareCategories)
            {
                html.Append("<tr").Append(r.Status == "lost" ? " class=\"fail\"" : "").Append("><td>").Append(Encode(r.Column)).Append("</td><td>").Append(Encode(r.Category)).Append("</td><td>")
                    .Append(Scorecard.Format(r.RealShare, true)).Append("</td><td>").Append(Scorecard.Format(r.SyntheticShare, true)).Append("</td><td>").Append(Encode(r.Status)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (report.Excluded.Count > 0)
        {
            html.Append("<p>Kept out of statistics: ").Append(Encode(string.Join(", ", report.Excluded.Select(e => $"{e.Column} ({e.Reason})")))).Append(".</p>\n");
        }

        Figures(html, figures);
        return html.ToString();
    }

    /// <summary>
    /// Renders an ε–quality curve as one HTML page: a table of each privacy budget's figures and a plot of quality, column
    /// shapes and pair trends against ε (log scale), beside the non-private model's quality when given.
    /// </summary>
    /// <param name="table">The table's name, for the title.</param>
    /// <param name="points">Each budget's evaluation, in any order.</param>
    /// <param name="exact">The non-private model's evaluation, or null.</param>
    /// <returns>The page.</returns>
    public static string RenderPrivacyCurve(string table, IReadOnlyList<PrivacyCurvePoint> points, EvaluationReport? exact)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(points);
        var ordered = points.OrderBy(p => p.Epsilon).ToList();
        var figures = new List<(string Id, string Json)>();
        var html = new StringBuilder();
        Head(html, "Privacy budget and quality: " + table);
        html.Append("<pre id=\"errors\" class=\"fail\"></pre>\n<h1>Privacy budget and quality: ").Append(Encode(table)).Append("</h1>\n")
            .Append("<p>Each row is a differentially private fit at the budget ε, sampled and evaluated against the real rows. Smaller ε is more private and noisier.</p>\n");
        html.Append("<table><tr><th>ε</th><th>quality</th><th>column shapes</th><th>pair trends</th><th>all pairs</th><th>membership inference AUC</th><th>DCR share</th></tr>\n");
        void Row(string label, EvaluationReport r) => html.Append("<tr><td>").Append(Encode(label)).Append("</td><td>").Append(Scorecard.Format(r.Quality.Score, false)).Append("</td><td>")
            .Append(Scorecard.Format(r.Quality.ColumnShapes, false)).Append("</td><td>").Append(Scorecard.Format(r.Quality.ColumnPairTrends, false)).Append("</td><td>")
            .Append(Scorecard.Format(r.Quality.AllPairs.Score, false)).Append("</td><td>").Append(Scorecard.Format(r.Privacy?.MembershipInference?.Auc, false)).Append("</td><td>")
            .Append(Scorecard.Format(r.Privacy?.DcrShare, true)).Append("</td></tr>\n");
        foreach (var p in ordered)
        {
            Row(p.Epsilon.ToString("G6", CultureInfo.InvariantCulture), p.Report);
        }

        if (exact is not null)
        {
            Row("no privacy", exact);
        }

        html.Append("</table>\n");
        var x = ordered.Select(p => p.Epsilon).ToArray();
        var lines = new List<GenericChart>
        {
            PlotlyChart.Line<double, double, string>(x: x, y: ordered.Select(p => p.Report.Quality.Score ?? double.NaN).ToArray(), Name: "quality", ShowMarkers: true),
            PlotlyChart.Line<double, double, string>(x: x, y: ordered.Select(p => p.Report.Quality.ColumnShapes ?? double.NaN).ToArray(), Name: "column shapes", ShowMarkers: true),
            PlotlyChart.Line<double, double, string>(x: x, y: ordered.Select(p => p.Report.Quality.ColumnPairTrends ?? double.NaN).ToArray(), Name: "pair trends", ShowMarkers: true),
        };
        if (exact?.Quality.Score is { } baseline && x.Length > 0)
        {
            lines.Add(PlotlyChart.Line<double, double, string>(x: [x[0], x[^1]], y: [baseline, baseline], Name: "quality without privacy"));
        }

        var chart = PlotlyChart.Combine(lines).Titled("quality against ε").WithXAxisStyle<double, double, string>(TitleText: "ε (log scale)", AxisType: Plotly.NET.StyleParam.AxisType.Log).WithYAxisStyle<double, double, string>(TitleText: "score");
        figures.Add(("curve", GenericChart.toFigureJson(chart)));
        html.Append("<div class=\"plot wide\" id=\"plot-curve\" data-plot=\"curve\"></div>\n");
        Figures(html, figures);
        return html.ToString();
    }

    /// <summary>
    /// A page of figures over a sequence (generations, budgets …): a table of every step's figures and one line plot per
    /// <see cref="SeriesPlot"/> — what <c>synthkit collapse</c> writes. Self-contained, like every report.
    /// </summary>
    /// <param name="title">The page's title.</param>
    /// <param name="description">A paragraph under the title.</param>
    /// <param name="header">The table's column headings.</param>
    /// <param name="rows">The table's rows, as text.</param>
    /// <param name="plots">The plots.</param>
    /// <returns>The HTML.</returns>
    public static string RenderSeries(string title, string description, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<SeriesPlot> plots)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(plots);
        var html = new StringBuilder();
        Head(html, title);
        html.Append("<pre id=\"errors\" class=\"fail\"></pre>\n<h1>").Append(Encode(title)).Append("</h1>\n<p>").Append(Encode(description)).Append("</p>\n<table><tr>");
        foreach (string h in header)
        {
            html.Append("<th>").Append(Encode(h)).Append("</th>");
        }

        html.Append("</tr>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (string cell in row)
            {
                html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table>\n<div class=\"plots\">\n");
        var figures = new List<(string Id, string Json)>();
        for (int i = 0; i < plots.Count; i++)
        {
            var plot = plots[i];
            var x = plot.X.ToArray();
            var chart = PlotlyChart.Combine(plot.Lines.Select(l => PlotlyChart.Line<double, double, string>(x: x, y: l.Y.ToArray(), Name: l.Name, ShowMarkers: true)))
                .Titled(plot.Title).WithXAxisStyle<double, double, string>(TitleText: plot.XTitle).WithYAxisStyle<double, double, string>(TitleText: plot.YTitle);
            string id = "series-" + i.ToString(CultureInfo.InvariantCulture);
            figures.Add((id, GenericChart.toFigureJson(chart)));
            html.Append("<div class=\"plot\" id=\"plot-").Append(id).Append("\" data-plot=\"").Append(id).Append("\"></div>\n");
        }

        html.Append("</div>\n");
        Figures(html, figures);
        return html.ToString();
    }

    private static void Head(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Encode(title)).Append("</title>\n");
        html.Append("<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:1200px;color:#222}table{border-collapse:collapse;margin:1rem 0}")
            .Append("td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}th{background:#f3f3f3}.plots{display:flex;flex-wrap:wrap;gap:1rem}")
            .Append(".plot{width:560px;height:360px}.wide{width:1150px;height:520px}.fail{color:#b00}.pass{color:#070}#errors:empty{display:none}</style>\n");
        html.Append("<script>window.synthkitErrors=[];window.addEventListener('error',function(e){window.synthkitErrors.push(String(e.message));var p=document.getElementById('errors');if(p){p.textContent=window.synthkitErrors.join('\\n');}});</script>\n");
        html.Append("<script>").Append(s_plotlyJs.Value).Append("</script>\n</head>\n<body>\n");
    }

    /// <summary>The figures, as JSON data (never as script text), drawn once the page has loaded, and the page's end.</summary>
    private static void Figures(StringBuilder html, List<(string Id, string Json)> figures)
    {
        html.Append("<script type=\"application/json\" id=\"figures\">{");
        html.Append(string.Join(",", figures.Select(f => System.Text.Json.JsonSerializer.Serialize(f.Id) + ":" + f.Json)).Replace("</", "<\\/", StringComparison.Ordinal));
        html.Append("}</script>\n<script>(function(){var figures=JSON.parse(document.getElementById('figures').textContent);")
            .Append("Object.keys(figures).forEach(function(id){var f=figures[id];var div=document.getElementById('plot-'+id);var layout=f.layout||{};delete layout.width;delete layout.height;layout.autosize=true;")
            .Append("Plotly.newPlot(div,f.data,layout,{responsive:true,displaylogo:false}).then(function(){div.setAttribute('data-rendered','true');});});})();</script>\n");
        html.Append("</body>\n</html>\n");
    }

    private static double? Trend(double? correlation, double? association) => correlation is { } r ? Math.Abs(r) : association;

    private static GenericChart Distribution(ColumnDistribution d, double? score)
    {
        var real = PlotlyChart.Column<double, string, string>(values: d.Real, Keys: d.Labels.ToArray(), Name: "real", MarkerColor: Color.fromHex(Real));
        var syn = PlotlyChart.Column<double, string, string>(values: d.Synthetic, Keys: d.Labels.ToArray(), Name: "synthetic", MarkerColor: Color.fromHex(Synthetic));
        string title = d.Column + (score is { } s ? string.Create(CultureInfo.InvariantCulture, $" (shape {s:0.000})") : "");
        return PlotlyChart.Combine([real, syn]).Titled(title).WithYAxisStyle<double, double, string>(TitleText: "share of rows");
    }

    private static GenericChart Heatmap(IReadOnlyList<string> names, IReadOnlyList<PairScore> pairs, Func<PairScore, double?> value, string title)
    {
        var index = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
        var z = new double?[names.Count][];
        for (int i = 0; i < names.Count; i++)
        {
            z[i] = new double?[names.Count];
            z[i][i] = 1;
        }

        foreach (var p in pairs)
        {
            int a = index[p.Columns[0]], b = index[p.Columns[1]];
            z[a][b] = z[b][a] = value(p);
        }

        var rows = z.Select(r => r.Select(v => v ?? double.NaN)).ToArray();
        return PlotlyChart.Heatmap<double, string, string, string>(zData: rows, X: names.ToArray(), Y: names.ToArray()).Titled(title);
    }

    private static GenericChart Dcr(DcrSummary dcr)
    {
        var bins = Enumerable.Range(0, dcr.TrainingHistogram.Count).Select(i => ((i + 0.5) / dcr.TrainingHistogram.Count).ToString("0.000", CultureInfo.InvariantCulture)).ToArray();
        var charts = new List<GenericChart> { PlotlyChart.Column<int, string, string>(values: dcr.TrainingHistogram, Keys: bins, Name: "to training", MarkerColor: Color.fromHex(Real)) };
        if (dcr.HoldoutHistogram is { } holdout)
        {
            charts.Add(PlotlyChart.Column<int, string, string>(values: holdout, Keys: bins, Name: "to holdout", MarkerColor: Color.fromHex(Synthetic)));
        }

        return PlotlyChart.Combine(charts).Titled("Distance to the closest record").WithXAxisStyle<double, double, string>(TitleText: "distance").WithYAxisStyle<double, double, string>(TitleText: "synthetic rows");
    }

    private static GenericChart Groups(BiasReport bias)
    {
        var keys = bias.Groups.Select(g => g.Column + " = " + g.Group).ToArray();
        var real = PlotlyChart.Column<double, string, string>(values: bias.Groups.Select(g => g.RealShare), Keys: keys, Name: "real", MarkerColor: Color.fromHex(Real));
        var syn = PlotlyChart.Column<double, string, string>(values: bias.Groups.Select(g => g.SyntheticShare), Keys: keys, Name: "synthetic", MarkerColor: Color.fromHex(Synthetic));
        return PlotlyChart.Combine([real, syn]).Titled("Group representation").WithYAxisStyle<double, double, string>(TitleText: "share of rows");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static GenericChart Titled(this GenericChart chart, string title) => Plotly.NET.Chart.withTitle(title, null).Invoke(chart);
}

/// <summary>One plot of <see cref="HtmlReport.RenderSeries"/>: lines over a shared x axis.</summary>
public sealed class SeriesPlot
{
    /// <summary>The plot's title.</summary>
    public string Title { get; init; } = "";

    /// <summary>The x axis's title.</summary>
    public string XTitle { get; init; } = "";

    /// <summary>The y axis's title.</summary>
    public string YTitle { get; init; } = "";

    /// <summary>The x values every line shares.</summary>
    public IReadOnlyList<double> X { get; init; } = [];

    /// <summary>The lines.</summary>
    public IReadOnlyList<SeriesLine> Lines { get; init; } = [];
}

/// <summary>One line of a <see cref="SeriesPlot"/>.</summary>
/// <param name="Name">The legend's name.</param>
/// <param name="Y">One y value per x (NaN for none).</param>
public sealed record SeriesLine(string Name, IReadOnlyList<double> Y);

/// <summary>One point of an ε–quality curve (<see cref="HtmlReport.RenderPrivacyCurve"/>): a budget and the evaluation of its fit's samples.</summary>
public sealed class PrivacyCurvePoint
{
    /// <summary>ε of the fit.</summary>
    public double Epsilon { get; init; }

    /// <summary>The evaluation of the fit's samples against the real rows.</summary>
    public EvaluationReport Report { get; init; } = new();
}
