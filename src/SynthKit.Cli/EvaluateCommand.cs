using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Spectre.Console;
using SynthKit.Evaluation;

namespace SynthKit.Cli;

/// <summary><c>synthkit evaluate</c>: scores synthetic rows against real ones, writes reports, and enforces gates.</summary>
internal static class EvaluateCommand
{
    public static Command Create(Reporter console)
    {
        var real = new Option<FileInfo>("--real") { Description = "The real (training) rows, CSV.", Required = true };
        var synthetic = new Option<FileInfo>("--synthetic") { Description = "The synthetic rows, CSV.", Required = true };
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Real rows the generator never saw, CSV: the baseline for exact copies, DCR share, overfitting protection and the membership-inference attack." };
        var metadata = new Option<FileInfo?>("--metadata", "-m") { Description = "SDV single-table metadata describing the columns (without it or --spec, the columns are inferred from --real and printed)." };
        var specFile = new Option<FileInfo?>("--spec") { Description = "A SynthKit column spec (JSON) describing the columns." };
        var target = new Option<string?>("--target") { Description = "The outcome column for the bias report's outcome rates and demographic parity." };
        var positive = new Option<string?>("--positive") { Description = "The target value counted as the outcome (default: the real data's rarer value)." };
        var protectedColumns = new Option<string?>("--protected") { Description = "Comma-separated protected columns for the bias report (default: the spec's sensitive and quasi-identifying columns)." };
        var known = new Option<string?>("--known") { Description = "Comma-separated columns an attacker knows (attribute disclosure; with --sensitive)." };
        var sensitive = new Option<string?>("--sensitive") { Description = "Comma-separated columns an attacker wants (attribute disclosure; with --known)." };
        var json = new Option<FileInfo?>("--json") { Description = "Write the JSON report (docs/evaluation.md) here." };
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Write the Markdown scorecard here." };
        var html = new Option<FileInfo?>("--html") { Description = "Write the HTML report here: one self-contained page with plots that opens offline." };
        var gates = new Option<string[]>("--gate") { Description = "A bound the report must meet, e.g. \"quality>=0.9\" or \"privacy.membershipInference.auc<=0.6\" (repeatable); a failed gate exits 1 with an SK6101 line.", AllowMultipleArgumentsPerToken = false };
        var seed = new Option<long>("--seed") { Description = "The seed of the random baseline (DCRBaselineProtection); default 0.", DefaultValueFactory = _ => 0 };
        var noPrivacy = new Option<bool>("--no-privacy") { Description = "Skip the privacy metrics (distances between every pair of rows)." };
        var noFidelity = new Option<bool>("--no-fidelity") { Description = "Skip the fidelity metrics beyond marginals (nearest neighbours within and between the tables)." };
        foreach (var file in new[] { real, synthetic })
        {
            Cli.MustBeAFile(file!);
        }

        foreach (var file in new[] { holdout, metadata, specFile })
        {
            Cli.MustBeAFile(file);
        }

        var command = new Command("evaluate", "Score synthetic rows against real ones (quality as SDMetrics defines it, diagnostic, exact privacy metrics, diversity, bias), write JSON and Markdown reports, and fail on gates. Exit codes: 0 every gate holds, 1 a gate fails, 2 bad arguments, 3 unusable input.")
        {
            real, synthetic, holdout, metadata, specFile, target, positive, protectedColumns, known, sensitive, json, markdown, html, gates, seed, noPrivacy, noFidelity,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(metadata) is not null && result.GetValue(specFile) is not null)
            {
                result.AddError("Give --metadata or --spec, not both (or neither, to infer the columns from --real).");
            }

            if ((result.GetValue(known) is null) != (result.GetValue(sensitive) is null))
            {
                result.AddError("--known and --sensitive go together.");
            }
        });
        command.SetAction(parse =>
        {
            List<ReportGate> parsedGates;
            try
            {
                parsedGates = (parse.GetValue(gates) ?? []).Select(ReportGate.Parse).ToList();
            }
            catch (SynthKitException ex)
            {
                console.Error(ex);
                return Cli.UsageError;
            }

            var spec = Tables.Resolve(console, parse.GetValue(metadata), parse.GetValue(specFile), parse.GetValue(real)!);
            var options = new EvaluationOptions
            {
                Privacy = !parse.GetValue(noPrivacy),
                Fidelity = !parse.GetValue(noFidelity),
                Seed = parse.GetValue(seed),
                Target = parse.GetValue(target),
                PositiveClass = parse.GetValue(positive),
                Protected = List(parse.GetValue(protectedColumns)),
                Known = List(parse.GetValue(known)),
                Sensitive = List(parse.GetValue(sensitive)),
                Guarantee = Guarantee(parse.GetValue(synthetic)!.FullName),
            };

            var report = Run(console, "Evaluating", () =>
            {
                var realRows = ColumnReader.ReadCsv(parse.GetValue(real)!.FullName, spec);
                var synRows = ColumnReader.ReadCsv(parse.GetValue(synthetic)!.FullName, spec);
                var holdoutRows = parse.GetValue(holdout) is { } h ? ColumnReader.ReadCsv(h.FullName, spec) : null;
                return SynthEvaluation.Evaluate(realRows, synRows, holdoutRows, options);
            });

            List<GateResult> results;
            try
            {
                results = parsedGates.Select(g => g.Check(report)).ToList();
            }
            catch (SynthKitException ex)
            {
                console.Error(ex);
                return Cli.UsageError;
            }

            string scorecard = MarkdownReport.Render(report, results);
            if (parse.GetValue(json) is { } jsonFile)
            {
                Fixtures.AtomicFile.WriteIfChanged(jsonFile.FullName, report.ToJsonBytes());
            }

            if (parse.GetValue(markdown) is { } markdownFile)
            {
                Fixtures.AtomicFile.WriteIfChanged(markdownFile.FullName, Encoding.UTF8.GetBytes(scorecard));
            }

            if (parse.GetValue(html) is { } htmlFile)
            {
                Fixtures.AtomicFile.WriteIfChanged(htmlFile.FullName, Encoding.UTF8.GetBytes(HtmlReport.Render(report, results)));
            }

            console.Output.Write(scorecard);
            var failed = results.Where(r => !r.Holds).ToList();
            foreach (var failure in failed)
            {
                console.ErrorWriter.WriteLine($"error {EvaluationErrorCodes.GateFailed}: gate '{failure.Gate.Text}' failed: {failure.Describe()}");
            }

            return failed.Count == 0 ? Cli.Ok : Cli.FixtureProblem;
        });
        return command;
    }

    /// <summary>The differential-privacy budget the manifest beside the synthetic file records for its model, if any.</summary>
    private static PrivacyGuarantee? Guarantee(string synthetic)
    {
        string manifest = synthetic + ".synth.json";
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            foreach (var model in System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))?["models"] as System.Text.Json.Nodes.JsonArray ?? [])
            {
                if (model?["details"] is System.Text.Json.Nodes.JsonObject details && Text(details, "privacy.mechanism") is { } mechanism
                    && Number(details, "privacy.epsilon") is { } epsilon && Number(details, "privacy.delta") is { } delta && Number(details, "privacy.rho") is { } rho)
                {
                    return new PrivacyGuarantee { Mechanism = mechanism, Epsilon = epsilon, Delta = delta, Rho = rho };
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // a manifest that is not JSON states no guarantee; synthkit verify reports it
        }

        return null;

        static string? Text(System.Text.Json.Nodes.JsonObject o, string key) => o[key] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue(out string? text) ? text : null;
        static double? Number(System.Text.Json.Nodes.JsonObject o, string key) => double.TryParse(Text(o, key), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double d) ? d : null;
    }

    private static List<string> List(string? text) => text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static T Run<T>(Reporter console, string label, Func<T> work)
    {
        if (!console.IsTerminal)
        {
            return work();
        }

        T result = default!;
        AnsiConsole.Status().Start(label + "…", _ => result = work());
        return result;
    }
}
