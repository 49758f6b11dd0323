using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using SynthKit.Evaluation;
using SynthKit.Fixtures;
using SynthKit.Modeling;
using SynthKit.Provenance;

namespace SynthKit.Cli;

/// <summary><c>synthkit fit</c>, <c>sample</c> and <c>inspect</c>: models learned from real rows.</summary>
internal static class ModelCommands
{
    public static Command Fit(Reporter console)
    {
        var data = new Argument<FileInfo?>("data") { Description = "The real rows: CSV, or Parquet (.parquet). Or leave it out and give --from-query.", Arity = ArgumentArity.ZeroOrOne };
        var fromQuery = new Option<string?>("--from-query") { Description = "Read the real rows with this SQL query, from --sqlite or --postgres, instead of a file." };
        var sqlite = new Option<FileInfo?>("--sqlite") { Description = "With --from-query: the SQLite database file." };
        var postgres = new Option<string?>("--postgres") { Description = "With --from-query: an Npgsql connection string." };
        var (metadata, specFile) = Tables.SpecOptions("describing the columns (without it or --spec, the columns are inferred from the data and printed)");
        var output = new Option<FileInfo>("--out", "-o") { Description = "The model file to write (JSON, aggregates only).", Required = true };
        var seed = new Option<long>("--seed") { Description = "The seed of the fit's tie-breaking, of the holdout split and of the evaluation sample (default 0).", DefaultValueFactory = _ => 0 };
        var kind = new Option<string>("--kind") { Description = "bayes-net (default: keeps categorical and non-monotone dependencies) or copula (Gaussian copula, as in SDV).", DefaultValueFactory = _ => "bayes-net" };
        kind.AcceptOnlyFromAmong("bayes-net", "copula");
        var marginals = new Option<string>("--marginals") { Description = "empirical (default: quantile knots, point masses kept) or parametric (the closest supported family by KS, as SDV).", DefaultValueFactory = _ => "empirical" };
        marginals.AcceptOnlyFromAmong("empirical", "parametric");
        var minimumCount = new Option<int>("--minimum-count") { Description = "The fewest real rows a category, quantile step or parent combination may stand for (default 1): higher protects more and keeps less of the long tail.", DefaultValueFactory = _ => 1 };
        var maxParents = new Option<int>("--max-parents") { Description = "bayes-net: the most parents a column may have (default 2; 1 gives a Chow–Liu tree).", DefaultValueFactory = _ => 2 };
        var bins = new Option<int>("--bins") { Description = "bayes-net: bins per numeric column (default 20).", DefaultValueFactory = _ => 20 };
        var holdoutShare = new Option<double?>("--holdout-share") { Description = "Hold out this share of the rows (e.g. 0.2), fit on the rest, evaluate against the held-out rows and store the summary in the model." };
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Real rows the fit does not see, CSV: evaluate against them and store the summary in the model." };
        var targetColumn = new Option<string?>("--target") { Description = "bayes-net: a column to draw last from a tree over every other column (leaves of at least 30 rows), for data meant to train a model of it." };
        var constraints = new Option<string[]>("--constraint") { Description = "A constraint every sampled row meets (repeatable): \"start < end\", \"0 <= age <= 120\", \"education ~ education-num\" (only combinations seen). Real rows that break one are reported (SK6005).", AllowMultipleArgumentsPerToken = false };
        var dp = new Option<bool>("--dp") { Description = "Fit with differential privacy (the MST mechanism: a tree-shaped network from noisy marginals). Every learned column needs a declared domain (--domain or the spec). See docs/privacy.md." };
        var epsilon = new Option<double>("--epsilon") { Description = "With --dp: ε of the (ε, δ) guarantee (default 1).", DefaultValueFactory = _ => 1 };
        var delta = new Option<double>("--delta") { Description = "With --dp: δ (default 1e-9).", DefaultValueFactory = _ => 1e-9 };
        var domain = new Option<FileInfo?>("--domain") { Description = "With --dp: a domain file, column → size (private-pgm's domain.json), [categories] or {\"min\", \"max\"}." };
        Cli.MustBeAFile(domain);
        var ledger = new Option<FileInfo?>("--budget-ledger") { Description = "With --dp: a ledger of every private fit of the same data (by its SHA-256); the fit is recorded in it (created when missing)." };
        var limit = new Option<double?>("--budget-limit") { Description = "With --budget-ledger: the total ε allowed for this data at the fit's δ; a fit that would pass it is refused (SK6007)." };
        var partial = new Option<bool>("--partial") { Description = "Write this partition's statistics (--out stats.json) instead of a model: round one counts its values; with --plan, round two counts its bins. Merge them with --merge." };
        var plan = new Option<FileInfo?>("--plan") { Description = "With --partial: the plan --merge made from every partition's round-one statistics; the partition is read under its spec." };
        var merge = new Option<FileInfo[]>("--merge") { Description = "Merge partitions' statistics (each once): round one's into a plan, round two's into the model the single fit of all their rows gives.", AllowMultipleArgumentsPerToken = true };
        Cli.MustBeAFile(plan);
        Cli.MustBeAFile(holdout);
        Cli.AtLeast(minimumCount, 1);
        Cli.AtLeast(maxParents, 0);
        Cli.AtLeast(bins, 1);
        data.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { } file && !file.Exists)
            {
                result.AddError(Directory.Exists(file.FullName) ? $"'{file.FullName}' is a directory; name a CSV file." : $"'{file.FullName}' does not exist.");
            }
        });

        var command = new Command("fit", "Fit a model to real rows (CSV) and write it as aggregates-only JSON. Personal data, identifiers and free text are never read. With --holdout-share or --holdout, evaluate the fit against rows it did not see and store the summary.")
        {
            data, fromQuery, sqlite, postgres, metadata, specFile, output, seed, kind, marginals, minimumCount, maxParents, bins, holdoutShare, holdout, targetColumn, constraints, partial, plan, merge, dp, epsilon, delta, domain, ledger, limit,
        };
        var guard = new ProvenanceCommands.GuardOptions();
        guard.AddTo(command);
        command.Validators.Add(result =>
        {
            Tables.OneSpecAtMost(result, metadata, specFile);
            bool merging = result.GetResult(merge) is not null, planned = result.GetValue(plan) is not null;
            if (merging && new Option[] { guard.AllowSynthetic, guard.Keyring }.FirstOrDefault(o => result.GetResult(o) is not null) is { } guarded)
            {
                result.AddError($"{guarded.Name} goes with the runs that read rows (--partial), not with --merge.");
            }

            if (result.GetValue(dp))
            {
                if (new Option[] { plan, holdoutShare, holdout }.FirstOrDefault(o => result.GetResult(o) is not null) is { } with)
                {
                    result.AddError($"{with.Name} cannot be given with --dp: a private partition needs no plan (its bins are the declared domains), and a holdout summary would be computed from real rows without noise.");
                }
            }
            else if (new Option[] { epsilon, delta, domain, ledger, limit }.FirstOrDefault(o => result.GetResult(o) is not null) is { } privateOnly)
            {
                result.AddError($"{privateOnly.Name} goes with --dp.");
            }

            if (result.GetResult(limit) is not null && result.GetResult(ledger) is null)
            {
                result.AddError("--budget-limit goes with --budget-ledger.");
            }

            if (merging || planned || result.GetValue(partial))
            {
                // A private merge takes the budget and the noise's seed; everything else travels in the statistics.
                bool privateMerge = merging && result.GetValue(dp);
                Option[] fitOptions = privateMerge ? [kind, marginals, minimumCount, maxParents, bins] : [kind, marginals, minimumCount, maxParents, bins, seed];
                var refused = new List<Option> { holdoutShare, holdout, targetColumn, constraints, ledger, limit };
                if (merging || planned)
                {
                    refused.AddRange(fitOptions);
                    refused.AddRange([metadata, specFile, domain]);
                }

                if (merging)
                {
                    refused.AddRange([partial, plan]);
                }

                if (result.GetValue(partial) && result.GetValue(dp))
                {
                    refused.AddRange([plan, epsilon, delta, seed]);
                }

                if (refused.FirstOrDefault(o => result.GetResult(o) is not null) is { } given)
                {
                    result.AddError(merging || planned
                        ? $"{given.Name} cannot be given with {(merging ? "--merge" : "--plan")}: the spec and options travel in the statistics and the plan."
                        : $"{given.Name} cannot be given with --partial: a fit from partitions has no holdout, target or constraints.");
                }

                if (planned && !result.GetValue(partial))
                {
                    result.AddError("--plan goes with --partial: it counts one partition's bins under the plan.");
                }
            }

            if (merging)
            {
                if (result.GetValue(data) is not null || result.GetValue(fromQuery) is not null || result.GetValue(sqlite) is not null || result.GetValue(postgres) is not null)
                {
                    result.AddError("--merge reads statistics files only; give the real rows to each --partial run instead.");
                }

                if (result.GetValue(merge) is not { Length: > 0 } files)
                {
                    result.AddError("--merge needs at least one statistics file.");
                }
                else if (files.FirstOrDefault(f => !f.Exists) is { } missing)
                {
                    result.AddError($"'{missing.FullName}' does not exist.");
                }

                return;
            }

            bool query = result.GetValue(fromQuery) is not null;
            int databases = (result.GetValue(sqlite) is null ? 0 : 1) + (result.GetValue(postgres) is null ? 0 : 1);
            if (query == (result.GetValue(data) is not null) || (query && databases != 1) || (!query && databases != 0))
            {
                result.AddError("Give the real rows as a file (CSV or Parquet), or as --from-query with exactly one of --sqlite and --postgres.");
            }
            if (result.GetValue(holdoutShare) is { } share && result.GetValue(holdout) is not null)
            {
                result.AddError("Give --holdout-share or --holdout, not both.");
            }
            else if (result.GetValue(holdoutShare) is { } s && !(s > 0 && s < 1))
            {
                result.AddError("--holdout-share must be strictly between 0 and 1.");
            }
        });
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!.FullName;
            if (parse.GetValue(merge) is { Length: > 0 } files)
            {
                return Merge(console, files, path, parse.GetValue(dp) ? new DifferentialPrivacy { Epsilon = parse.GetValue(epsilon), Delta = parse.GetValue(delta), Seed = parse.GetResult(seed) is { Implicit: false } ? parse.GetValue(seed) : null } : null);
            }

            var options = new ModelOptions
            {
                Kind = parse.GetValue(kind) == "copula" ? ModelKind.GaussianCopula : ModelKind.BayesianNetwork,
                Marginals = parse.GetValue(marginals) == "parametric" ? MarginalKind.Parametric : MarginalKind.Empirical,
                Seed = parse.GetValue(seed),
                MinimumCount = parse.GetValue(minimumCount),
                MaxParents = parse.GetValue(maxParents),
                Bins = parse.GetValue(bins),
                Constraints = parse.GetValue(constraints) ?? [],
                Target = parse.GetValue(targetColumn),
                Privacy = parse.GetValue(dp)
                    ? new DifferentialPrivacy
                    {
                        Epsilon = parse.GetValue(epsilon),
                        Delta = parse.GetValue(delta),
                        Domains = parse.GetValue(domain) is { } domainFile ? ColumnDomain.Load(domainFile.FullName) : null,
                        Seed = parse.GetResult(seed) is { Implicit: false } ? parse.GetValue(seed) : null,
                    }
                    : null,
            };
            if (parse.GetValue(partial))
            {
                var fitPlan = parse.GetValue(plan) is { } planFile ? FitPlan.Load(planFile.FullName) : null;
                return Partial(console, parse.GetValue(data), parse.GetValue(fromQuery), parse.GetValue(sqlite), parse.GetValue(postgres), parse.GetValue(metadata), parse.GetValue(specFile), options, fitPlan, path, rows => guard.Guard(console, parse, parse.GetValue(data), parse.GetValue(fromQuery), parse.GetValue(sqlite), parse.GetValue(postgres), rows));
            }

            var (table, file) = Tables.Read(console, parse.GetValue(data), parse.GetValue(fromQuery), parse.GetValue(sqlite), parse.GetValue(postgres), parse.GetValue(metadata), parse.GetValue(specFile));
            var input = guard.Guard(console, parse, parse.GetValue(data), parse.GetValue(fromQuery), parse.GetValue(sqlite), parse.GetValue(postgres), table.RowCount);
            var spec = table.Spec;
            var violations = SynthModel.CheckConstraints(table, options.Constraints);
            foreach (var v in violations.Take(20))
            {
                console.ErrorWriter.WriteLine($"{file}({v.Row + 2},1): warning {ModelingErrorCodes.ConstraintViolated}: row {v.Row + 1} breaks constraint '{v.Constraint}': {v.Detail}");
            }

            if (violations.Count > 20)
            {
                console.ErrorWriter.WriteLine($"{file}: warning {ModelingErrorCodes.ConstraintViolated}: {violations.Count - 20:N0} more rows break a constraint ({violations.Count:N0} in all).");
            }

            long fitSeed = options.Seed;
            ColumnBatch train = table, held = null!;
            if (parse.GetValue(holdoutShare) is { } share)
            {
                (train, held) = HoldoutSplit.Split(table, share, fitSeed);
            }
            else if (parse.GetValue(holdout) is { } h)
            {
                held = h.Extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase) ? ParquetFiles.ReadParquet(h.FullName, spec) : ColumnReader.ReadCsv(h.FullName, spec);
            }

            var model = SynthModel.Fit(train, options);
            string name = model.Data.Privacy is { } spent ? $"a differentially private tree (MST, ε = {spent.Epsilon.ToString("G6", CultureInfo.InvariantCulture)}, δ = {spent.Delta.ToString("G3", CultureInfo.InvariantCulture)})" : model is BayesianNetwork ? "a Bayesian network" : "a Gaussian copula";
            if (held is not null)
            {
                model = model.WithFit(FitEvaluation.Summarize(model, train, held, fitSeed));
            }

            model = model.WithLineage(DataLineage.OfModel([input], model.Data.Fit?.Quality));

            if (parse.GetValue(ledger) is { } ledgerFile && model.Data.Privacy is { } charged)
            {
                var book = PrivacyLedger.Load(ledgerFile.FullName);
                string source = input.Sha256; // the data's SHA-256 (or the database and query's), as the guard found it
                book.Charge(source, charged, parse.GetValue(limit), model.Describe().Sha256 ?? "");
                model.Save(path);
                book.Save(ledgerFile.FullName);
                console.Line($"Charged to {ledgerFile.FullName}: this data has now spent ρ = {book.Spent(source).ToString("G6", CultureInfo.InvariantCulture)} (ε = {book.Epsilon(source, charged.Delta).ToString("G4", CultureInfo.InvariantCulture)} at δ = {charged.Delta.ToString("G3", CultureInfo.InvariantCulture)}) in {book.Entries.Count(e => e.Source == source)} fit(s).");
            }
            else
            {
                model.Save(path);
            }

            console.Line($"Fitted {name} to {train.RowCount:N0} rows of {spec.Name}: {model.Data.Marginals.Count} columns learned, {model.Data.NotLearned.Count} not learned{NotLearned(model)}.");
            if (model.Data.Fit is { } fit)
            {
                console.Line("Against " + Summary(fit));
            }

            console.Line($"Wrote {path} ({new FileInfo(path).Length:N0} bytes).");
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>
    /// <c>fit --partial</c>: one partition's statistics — round one, or round two under a plan (and its spec). A Parquet file
    /// is read one row group at a time, so its size is bounded by the counts, not the rows.
    /// </summary>
    private static int Partial(Reporter console, FileInfo? data, string? query, FileInfo? sqlite, string? postgres, FileInfo? metadata, FileInfo? specFile, ModelOptions options, FitPlan? fitPlan, string path, Func<long, LineageNode> guard)
    {
        IEnumerable<ColumnBatch> chunks;
        if (data is not null && data.Extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            var given = fitPlan?.Spec ?? (metadata is not null ? SdvMetadata.Load(metadata.FullName) : specFile is not null ? TableSpec.Load(specFile.FullName) : null);
            chunks = ParquetFiles.ReadParquetRowGroups(data.FullName, given);
        }
        else
        {
            chunks = [Tables.Read(console, data, query, sqlite, postgres, metadata, specFile, fitPlan?.Spec).Table];
        }

        var statistics = options.Privacy is not null ? FitStatistics.CountPrivate(chunks, options) : fitPlan is null ? FitStatistics.CountValues(chunks, options) : FitStatistics.CountBins(chunks, fitPlan);
        statistics = statistics.WithInputs([guard(statistics.Rows)]);
        statistics.Save(path);
        console.Line(options.Privacy is not null
            ? $"Counted the declared bins of {statistics.Rows:N0} rows of {statistics.Table} for a private fit (exact counts, no noise yet: keep this file as private as the rows); merge every partition's counts with synthkit fit --merge … --dp --epsilon ε --out model.json."
            : fitPlan is null
            ? $"Counted the values of {statistics.Rows:N0} rows of {statistics.Table} (round one): merge every partition's statistics with synthkit fit --merge … --out plan.json."
            : $"Counted the bins of {statistics.Rows:N0} rows of {statistics.Table} under the plan (round two): merge every partition's counts with synthkit fit --merge … --out model.json.");
        console.Line($"Wrote {path} ({new FileInfo(path).Length:N0} bytes).");
        return Cli.Ok;
    }

    /// <summary><c>fit --merge</c>: round one's statistics into a plan, round two's into the model.</summary>
    private static int Merge(Reporter console, FileInfo[] files, string path, DifferentialPrivacy? privacy)
    {
        try
        {
            return Merge(console, files.Select(f => FitStatistics.Load(f.FullName)).ToList(), files, path, privacy);
        }
        catch (SynthKitException ex) when (ex.Code == ModelingErrorCodes.CannotMerge && Regex.IsMatch(ex.Detail, @"\bstatistics [0-9]+\b"))
        {
            // The library numbers the statistics in the order given; name them by their files.
            string detail = Regex.Replace(ex.Detail, @"\bstatistics ([0-9]+)( are| differ)?", m => files[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1].Name + (m.Groups[2].Value == " are" ? " is" : m.Groups[2].Value == " differ" ? " differs" : ""));
            throw new SynthKitException(ex.Code, detail, innerException: ex);
        }
    }

    private static int Merge(Reporter console, System.Collections.Generic.List<FitStatistics> statistics, FileInfo[] files, string path, DifferentialPrivacy? privacy)
    {
        long rows = statistics.Sum(s => s.Rows);
        if (privacy is not null || statistics[0].Stage == FitStatistics.PrivateStage)
        {
            if (privacy is null)
            {
                throw new SynthKitException(ModelingErrorCodes.CannotMerge, "these are a private fit's counts: merge them with --dp and the budget (--epsilon, --delta)");
            }

            var privateModel = FitStatistics.MergePrivate(statistics, privacy);
            privateModel.Save(path);
            console.Line($"Merged the exact counts of {files.Length:N0} partitions ({rows:N0} rows) and added the noise once: a differentially private tree (MST, ε = {privacy.Epsilon.ToString("G6", CultureInfo.InvariantCulture)}, δ = {privacy.Delta.ToString("G3", CultureInfo.InvariantCulture)}), {privateModel.Data.Marginals.Count} columns learned.");
            console.Line($"Wrote {path} ({new FileInfo(path).Length:N0} bytes).");
            return Cli.Ok;
        }

        if (statistics[0].Stage == FitStatistics.MarginalsStage)
        {
            var made = FitStatistics.Plan(statistics);
            made.Save(path);
            console.Line($"Merged the value counts of {files.Length:N0} partitions ({rows:N0} rows of {made.Spec.Name}) into a plan: {made.Marginals.Count} columns learned.");
            console.Line($"Wrote {path} ({new FileInfo(path).Length:N0} bytes). Next, on every partition: synthkit fit <partition> --partial --plan {Path.GetFileName(path)} --out counts-<i>.json");
            return Cli.Ok;
        }

        var model = FitStatistics.Merge(statistics);
        model.Save(path);
        console.Line($"Merged the counts of {files.Length:N0} partitions into a Bayesian network of {rows:N0} rows of {model.Data.Table}: {model.Data.Marginals.Count} columns learned, {model.Data.NotLearned.Count} not learned{NotLearned(model)}.");
        console.Line($"Wrote {path} ({new FileInfo(path).Length:N0} bytes).");
        return Cli.Ok;
    }

    /// <summary><c>synthkit privacy-curve</c>: what each privacy budget costs on this data — quality, privacy figures, a plot.</summary>
    public static Command PrivacyCurve(Reporter console)
    {
        var data = new Argument<FileInfo>("data") { Description = "The real rows (CSV or Parquet)." };
        var (metadata, specFile) = Tables.SpecOptions("describing the columns");
        var domain = new Option<FileInfo?>("--domain") { Description = "A domain file (column → size, [categories] or {\"min\", \"max\"}); without it, the spec's declarations." };
        var epsilons = new Option<double[]>("--epsilon") { Description = "A budget to try (repeatable; default 0.1, 0.3, 1, 3 and 10).", AllowMultipleArgumentsPerToken = false };
        var delta = new Option<double>("--delta") { Description = "δ of every fit (default 1e-9).", DefaultValueFactory = _ => 1e-9 };
        var holdout = new Option<FileInfo?>("--holdout") { Description = "Real rows the fits do not see (CSV), for the DCR share and the membership-inference attack against them." };
        var html = new Option<FileInfo?>("--html") { Description = "Write the curve as an HTML page: a table and a plot of quality against ε." };
        var seed = new Option<long?>("--seed") { Description = "A secret seed for the fits' noise (each budget its own); default: the system's cryptographic generator." };
        Cli.MustBeAFile(domain);
        Cli.MustBeAFile(holdout);
        data.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { } file && !file.Exists)
            {
                result.AddError($"'{file.FullName}' does not exist.");
            }
        });
        var command = new Command("privacy-curve", "Fit the data with differential privacy at several budgets, evaluate each fit's samples against the real rows, and print (and plot) what each ε costs. Each fit spends its own budget: the curve is for choosing ε, not for release.")
        {
            data, metadata, specFile, domain, epsilons, delta, holdout, html, seed,
        };
        command.Validators.Add(result =>
        {
            Tables.OneSpecAtMost(result, metadata, specFile);
            if ((result.GetValue(epsilons) ?? []).Any(e => !(e > 0) || double.IsInfinity(e)))
            {
                result.AddError("Every --epsilon must be positive and finite.");
            }
        });
        command.SetAction(parse =>
        {
            var (table, _) = Tables.Read(console, parse.GetValue(data), null, null, null, parse.GetValue(metadata), parse.GetValue(specFile));
            var held = parse.GetValue(holdout) is { } h ? ColumnReader.ReadCsv(h.FullName, table.Spec) : null;
            var domains = parse.GetValue(domain) is { } d ? ColumnDomain.Load(d.FullName) : null;
            var budgets = parse.GetValue(epsilons) is { Length: > 0 } given ? given : [0.1, 0.3, 1, 3, 10];
            var options = new EvaluationOptions { Fidelity = false, Models = false, Privacy = true };
            EvaluationReport Evaluate(SynthModel model) => SynthEvaluation.Evaluate(table, model.CreateSynthesizer(1).ToBatch(0, table.RowCount), held, options);
            var points = budgets.Select((e, i) => new PrivacyCurvePoint
            {
                Epsilon = e,
                Report = Evaluate(SynthModel.Fit(table, new ModelOptions { Privacy = new DifferentialPrivacy { Epsilon = e, Delta = parse.GetValue(delta), Domains = domains, Seed = parse.GetValue(seed) is { } s ? s + i : null } })),
            }).ToList();
            var exact = Evaluate(SynthModel.Fit(table));
            console.Line($"What each budget costs on {table.RowCount:N0} rows of {table.Spec.Name} (δ = {parse.GetValue(delta).ToString("G3", CultureInfo.InvariantCulture)}; each fit spends its own budget):");
            console.Line("| ε | quality | column shapes | pair trends | membership inference AUC |");
            console.Line("|---|---|---|---|---|");
            string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "–";
            foreach (var p in points.OrderBy(p => p.Epsilon))
            {
                console.Line($"| {p.Epsilon.ToString("G6", CultureInfo.InvariantCulture)} | {F(p.Report.Quality.Score)} | {F(p.Report.Quality.ColumnShapes)} | {F(p.Report.Quality.ColumnPairTrends)} | {F(p.Report.Privacy?.MembershipInference?.Auc)} |");
            }

            console.Line($"| no privacy | {F(exact.Quality.Score)} | {F(exact.Quality.ColumnShapes)} | {F(exact.Quality.ColumnPairTrends)} | {F(exact.Privacy?.MembershipInference?.Auc)} |");
            if (parse.GetValue(html) is { } page)
            {
                Fixtures.AtomicFile.WriteIfChanged(page.FullName, System.Text.Encoding.UTF8.GetBytes(HtmlReport.RenderPrivacyCurve(table.Spec.Name, points, exact)));
                console.Line($"Wrote {page.FullName}.");
            }

            return Cli.Ok;
        });
        return command;
    }

    public static Command Sample(Reporter console)
    {
        var modelFile = new Argument<FileInfo>("model") { Description = "A model file written by synthkit fit." };
        var rows = new Option<int>("--rows", "-n") { Description = "How many rows to write.", Required = true };
        var seed = new Option<long>("--seed") { Description = "The seed (default 0): row i depends only on (model, seed, i).", DefaultValueFactory = _ => 0 };
        var start = new Option<long>("--start") { Description = "The first row index (default 0): slices concatenate to the single run.", DefaultValueFactory = _ => 0 };
        var outputs = new Outputs();
        var (metadata, specFile) = Tables.SpecOptions("of the table to write, instead of the spec stored in the model");
        var conditions = new Option<string[]>("--condition", "-c") { Description = "column=value: every row has this value; the other learned columns follow their conditional distribution given it (repeatable).", AllowMultipleArgumentsPerToken = false };
        var rebalance = new Option<string?>("--rebalance") { Description = "column, or column=class:share,class:share: draw the column's classes in equal (or the given) shares, the rest given the class; recorded in the manifest." };
        var boost = new Option<double>("--boost") { Description = "bayes-net: draw rare categories (under 5%) and the extreme bins of numbers this many times more often (default 1); recorded in the manifest.", DefaultValueFactory = _ => 1 };
        modelFile.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { } file && !file.Exists)
            {
                result.AddError($"'{file.FullName}' does not exist.");
            }
        });
        Cli.AtLeast(rows, 0);

        var command = new Command("sample", "Write synthetic rows from a fitted model, with a manifest beside them. The model's columns are drawn jointly; personal data and identifiers come from SynthKit's fakes and keys.")
        {
            modelFile, rows, seed, start, metadata, specFile, conditions, rebalance, boost,
        };
        outputs.AddTo(command);
        command.Validators.Add(result =>
        {
            Tables.OneSpecAtMost(result, metadata, specFile);
            try
            {
                if (result.GetValue(start) < 0 || result.GetValue(start) > long.MaxValue - Math.Max(0, result.GetValue(rows)))
                {
                    result.AddError("--start must not be negative, and --start + --rows must fit in a 64-bit row index.");
                }
            }
            catch (InvalidOperationException)
            {
                // the option's own error is reported already
            }
        });
        command.SetAction(parse =>
        {
            var model = SynthModel.Load(parse.GetValue(modelFile)!.FullName);
            var table = parse.GetValue(metadata) is { } m ? SdvMetadata.Load(m.FullName)
                : parse.GetValue(specFile) is { } s ? TableSpec.Load(s.FullName)
                : null;
            long seedValue = parse.GetValue(seed);
            var sampling = Sampling(parse.GetValue(conditions) ?? [], parse.GetValue(rebalance), parse.GetValue(boost));
            var synthesizer = sampling is null ? model.CreateSynthesizer(seedValue, table) : new SpecSynthesizer(table ?? model.Spec ?? throw new SynthKitException(ModelingErrorCodes.InvalidModel, "the model holds no column spec; give --metadata or --spec"), seedValue, [model.WithSampling(sampling)]);
            outputs.Write(console, parse, synthesizer, parse.GetValue(rows), parse.GetValue(start), "Sampling");
            return Cli.Ok;
        });
        return command;
    }

    public static Command Inspect(Reporter console)
    {
        var modelFile = new Argument<FileInfo>("model") { Description = "A model file written by synthkit fit." };
        modelFile.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { } file && !file.Exists)
            {
                result.AddError($"'{file.FullName}' does not exist.");
            }
        });
        var command = new Command("inspect", "Print what a model file holds: its columns' marginals, its structure, what it did not learn and why, and its fit summary.") { modelFile };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(modelFile)!;
            var model = SynthModel.Load(file.FullName);
            var data = model.Data;
            console.Line($"{file.Name}: {(model is BayesianNetwork ? "Bayesian network" : "Gaussian copula")} of table '{data.Table}', fitted on {data.Rows:N0} rows (minimum count {data.MinimumCount}).");
            console.Line($"SHA-256 {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.FullName))).ToLowerInvariant()}");
            console.Line("");
            console.Line($"Learned ({data.Marginals.Count}):");
            var parents = data.Network?.ToDictionary(n => n.Column, n => n.Parents, StringComparer.Ordinal);
            foreach (var m in data.Marginals)
            {
                string shape = m.Knots is { Count: > 0 } knots
                    ? $"numeric {Number(knots[0])} … {Number(knots[^1])}, median {Number(knots[knots.Count / 2])}{(m.Integral ? ", whole numbers" : "")}"
                    : m.Categories is { } categories
                        ? $"categorical, {categories.Count} categories: {string.Join(", ", categories.Take(3).Select((c, i) => $"{c} {m.Shares![i]:0.0%}"))}{(categories.Count > 3 ? ", …" : "")}"
                        : "numeric, no values";
                string given = parents is not null && parents.TryGetValue(m.Column, out var p) ? (p.Count == 0 ? "; no parents" : $"; given {string.Join(", ", p)}") : "";
                console.Line($"  {m.Column}: {shape}; nulls {m.NullShare:0.0%}{given}");
            }

            if (data.NotLearned.Count > 0)
            {
                console.Line($"Not learned ({data.NotLearned.Count}), drawn by their rules when sampling:");
                foreach (var n in data.NotLearned)
                {
                    console.Line($"  {n.Column}: {n.Reason}");
                }
            }

            if (data.Privacy is { } privacy)
            {
                console.Line("");
                console.Line($"Differential privacy: {privacy.Mechanism.ToUpperInvariant()}, ε = {privacy.Epsilon.ToString("G6", CultureInfo.InvariantCulture)}, δ = {privacy.Delta.ToString("G3", CultureInfo.InvariantCulture)} (ρ-zCDP ρ = {privacy.Rho.ToString("G6", CultureInfo.InvariantCulture)}); noise {(privacy.Seeded ? "from a fixed seed: whoever knows it can remove the noise" : "from the system's cryptographic generator")}.");
                console.Line("  Measured with noise:");
                foreach (var m in privacy.Measured)
                {
                    console.Line("    " + m);
                }

                console.Line("  Declared public (no budget spent):");
                foreach (var p in privacy.Public)
                {
                    console.Line("    " + p);
                }
            }

            if (data.Fit is { } fit)
            {
                console.Line("Fit against " + Summary(fit));
            }
            else
            {
                console.Line("No fit summary (fit with --holdout-share or --holdout to store one).");
            }

            return Cli.Ok;
        });
        return command;
    }

    /// <summary>The sampling options of the command line, or null for plain sampling.</summary>
    private static SamplingOptions? Sampling(string[] conditions, string? rebalance, double boost)
    {
        if (conditions.Length == 0 && rebalance is null && boost == 1)
        {
            return null;
        }

        var fixedValues = new System.Collections.Generic.Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var condition in conditions)
        {
            int eq = condition.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new SynthKitException(ModelingErrorCodes.CannotSample, $"--condition '{condition}' is not column=value");
            }

            if (!fixedValues.TryAdd(condition[..eq].Trim(), condition[(eq + 1)..]))
            {
                throw new SynthKitException(ModelingErrorCodes.CannotSample, $"--condition names '{condition[..eq].Trim()}' twice");
            }
        }

        string? column = rebalance;
        System.Collections.Generic.Dictionary<string, double>? shares = null;
        if (rebalance is not null && rebalance.IndexOf('=', StringComparison.Ordinal) is var at and > 0)
        {
            column = rebalance[..at].Trim();
            shares = new(StringComparer.Ordinal);
            foreach (var part in rebalance[(at + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = part.LastIndexOf(':');
                if (colon <= 0 || !double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double share))
                {
                    throw new SynthKitException(ModelingErrorCodes.CannotSample, $"--rebalance part '{part}' is not class:share");
                }

                shares[part[..colon]] = share;
            }
        }

        return new SamplingOptions { Conditions = fixedValues, Rebalance = column, Shares = shares, Boost = boost };
    }

    public static Command ScaffoldCommand(Reporter console)
    {
        var data = new Argument<FileInfo?>("data") { Description = "The real rows: CSV, or Parquet (.parquet). Or leave it out and give --from-query.", Arity = ArgumentArity.ZeroOrOne };
        var fromQuery = new Option<string?>("--from-query") { Description = "Read the real rows with this SQL query, from --sqlite or --postgres, instead of a file." };
        var sqlite = new Option<FileInfo?>("--sqlite") { Description = "With --from-query: the SQLite database file." };
        var postgres = new Option<string?>("--postgres") { Description = "With --from-query: an Npgsql connection string." };
        var (metadata, specFile) = Tables.SpecOptions("describing the columns (without it or --spec, the columns are inferred from the data)");
        var ns = new Option<string>("--namespace") { Description = "The class's namespace (default Synthetic).", DefaultValueFactory = _ => "Synthetic" };
        var className = new Option<string?>("--class") { Description = "The class name (default: the file's name in PascalCase)." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the class here (atomically) instead of printing it." };
        var learned = new Option<bool>("--learned") { Description = "Mark every learnable member [Learned], to plug a fitted model in (synthesizer.WithModel(model))." };
        data.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo>() is { } file && !file.Exists)
            {
                result.AddError(Directory.Exists(file.FullName) ? $"'{file.FullName}' is a directory; name a CSV file." : $"'{file.FullName}' does not exist.");
            }
        });
        foreach (var name in new[] { ns, className! })
        {
            name.Validators.Add(result =>
            {
                var value = result.GetValueOrDefault<string?>();
                if (value is not null && !value.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_')))
                {
                    result.AddError($"{result.Option.Name} '{value}' is not a C# name.");
                }
            });
        }

        var command = new Command("scaffold", "Write an annotated C# schema class from a real CSV file: types, [Pii] guessed by name and value, [Categorical] with learned weights, the best-fitting distribution by KS with [Clamp] and [NullRate], and a [Provenance] with the file's SHA-256. No value of a personal-data column is written.")
        {
            data, metadata, specFile, ns, className, output, learned,
        };
        command.Validators.Add(result => Tables.OneSpecAtMost(result, metadata, specFile));
        command.SetAction(parse =>
        {
            var file = parse.GetValue(data)!;
            var spec = parse.GetValue(metadata) is { } m ? SdvMetadata.Load(m.FullName) : parse.GetValue(specFile) is { } s ? TableSpec.Load(s.FullName) : SpecInference.FromCsv(file.FullName);
            var table = ColumnReader.ReadCsv(file.FullName, spec);
            string source = Scaffold.CSharp(table, new ScaffoldOptions
            {
                Namespace = parse.GetValue(ns)!,
                ClassName = parse.GetValue(className),
                Source = file.Name,
                SourceSha256 = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.FullName))).ToLowerInvariant(),
                Learned = parse.GetValue(learned),
            });
            if (parse.GetValue(output) is { } target)
            {
                Fixtures.AtomicFile.WriteIfChanged(target.FullName, System.Text.Encoding.UTF8.GetBytes(source));
                console.Line($"Wrote {target.FullName} ({table.Columns.Count} members from {file.Name}).");
            }
            else
            {
                console.Output.Write(source);
            }

            return Cli.Ok;
        });
        return command;
    }

    private static string NotLearned(SynthModel model) =>
        model.Data.NotLearned.Count == 0 ? "" : " (" + string.Join(", ", model.Data.NotLearned.Select(n => $"{n.Column}: {n.Reason}")) + ")";

    private static string Summary(FitSummary fit) =>
        $"{fit.HoldoutRows:N0} held-out rows: quality {Score(fit.Quality)} (shapes {Score(fit.ColumnShapes)}, pair trends {Score(fit.ColumnPairTrends)}), exact copies {fit.ExactCopies.ToString("0.00%", CultureInfo.InvariantCulture)}, DCR share {Score(fit.DcrShare)}, membership-inference AUC {Score(fit.MembershipAuc)}.";

    private static string Score(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>Evaluates a fit against held-out rows with SynthKit.Evaluation (the summary stored in the model).</summary>
internal static class FitEvaluation
{
    public static FitSummary Summarize(SynthModel model, ColumnBatch train, ColumnBatch holdout, long seed)
    {
        var synthetic = new SpecSynthesizer(train.Spec, seed, [model]).ToBatch(0, holdout.RowCount);
        var quality = SynthEvaluation.Evaluate(holdout, synthetic, null, new EvaluationOptions { Privacy = false, Fidelity = false, Models = false, Seed = seed }).Quality;
        var privacy = SynthEvaluation.Evaluate(train, synthetic, holdout, new EvaluationOptions { Fidelity = false, Models = false, Seed = seed }).Privacy!;
        return new FitSummary
        {
            HoldoutRows = holdout.RowCount,
            Quality = Round(quality.Score),
            ColumnShapes = Round(quality.ColumnShapes),
            ColumnPairTrends = Round(quality.ColumnPairTrends),
            ExactCopies = Round(privacy.ExactMatches.Share) ?? 0,
            DcrShare = Round(privacy.DcrShare),
            MembershipAuc = Round(privacy.MembershipInference?.Auc),
        };
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 6, MidpointRounding.ToEven) : null;
}

/// <summary>How a command learns which table a CSV file holds: SDV metadata, a SynthKit spec, or inference.</summary>
internal static class Tables
{
    public static (Option<FileInfo?> Metadata, Option<FileInfo?> Spec) SpecOptions(string purpose)
    {
        var metadata = new Option<FileInfo?>("--metadata", "-m") { Description = "SDV single-table metadata " + purpose + "." };
        var spec = new Option<FileInfo?>("--spec") { Description = "A SynthKit column spec (JSON) " + purpose + "." };
        Cli.MustBeAFile(metadata);
        Cli.MustBeAFile(spec);
        return (metadata, spec);
    }

    public static void OneSpecAtMost(System.CommandLine.Parsing.CommandResult result, Option<FileInfo?> metadata, Option<FileInfo?> spec)
    {
        if (result.GetValue(metadata) is not null && result.GetValue(spec) is not null)
        {
            result.AddError("Give --metadata or --spec, not both.");
        }
    }

    /// <summary>
    /// The real rows of <c>fit</c>: a CSV file (under the spec given, or one inferred and printed), a Parquet file (under
    /// the spec given or the file's own), or a query against SQLite or PostgreSQL; and what to call them in messages.
    /// </summary>
    public static (ColumnBatch Table, string Source) Read(Reporter console, FileInfo? file, string? query, FileInfo? sqlite, string? postgres, FileInfo? metadata, FileInfo? spec, TableSpec? planned = null)
    {
        TableSpec? given = planned ?? (metadata is not null ? SdvMetadata.Load(metadata.FullName) : spec is not null ? TableSpec.Load(spec.FullName) : null);
        if (query is not null)
        {
            var rows = sqlite is not null ? SynthKit.Databases.DatabaseSource.ReadSqlite(sqlite.FullName, query, given) : SynthKit.Databases.DatabaseSource.ReadPostgres(postgres!, query, given);
            Describe(console, given, rows.Spec, "the query's result");
            return (rows, sqlite?.FullName ?? "query");
        }

        if (file!.Extension.Equals(".parquet", StringComparison.OrdinalIgnoreCase))
        {
            var rows = ParquetFiles.ReadParquet(file.FullName, given);
            Describe(console, given, rows.Spec, file.Name);
            return (rows, file.FullName);
        }

        return (ColumnReader.ReadCsv(file.FullName, planned ?? Resolve(console, metadata, spec, file)), file.FullName);
    }

    private static void Describe(Reporter console, TableSpec? given, TableSpec taken, string from)
    {
        if (given is not null)
        {
            return;
        }

        console.Line($"Took the columns from {from} (give --metadata or --spec to state them):");
        foreach (var line in SpecInference.Describe(taken))
        {
            console.Line("  " + line);
        }

        console.Line("");
    }

    /// <summary>The spec from <paramref name="metadata"/> or <paramref name="spec"/>, or inferred from <paramref name="csv"/> and printed.</summary>
    public static TableSpec Resolve(Reporter console, FileInfo? metadata, FileInfo? spec, FileInfo csv)
    {
        if (metadata is not null)
        {
            return SdvMetadata.Load(metadata.FullName);
        }

        if (spec is not null)
        {
            return TableSpec.Load(spec.FullName);
        }

        var inferred = SpecInference.FromCsv(csv.FullName);
        console.Line($"Inferred the columns from {csv.Name} (give --metadata or --spec to state them):");
        foreach (var line in SpecInference.Describe(inferred))
        {
            console.Line("  " + line);
        }

        console.Line("");
        return inferred;
    }
}
