using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SynthKit.Evaluation;
using SynthKit.Fixtures;
using SynthKit.Modeling;

namespace SynthKit.Cli;

/// <summary>How each generation's training rows are made from the last one's output.</summary>
/// <param name="Kind"><c>replace</c>, <c>accumulate</c>, <c>fresh</c> or <c>mix</c>.</param>
/// <param name="Share">fresh: the share of new real rows each generation; mix: the share of the first generation's real rows kept in every one.</param>
internal sealed record CollapsePolicy(string Kind, double Share)
{
    public static CollapsePolicy Parse(string text)
    {
        string[] parts = text.Split('=', 2);
        string kind = parts[0].Trim().ToLowerInvariant();
        if (kind is "replace" or "accumulate" && parts.Length == 1)
        {
            return new CollapsePolicy(kind, 0);
        }

        if (kind is "fresh" or "mix" && parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double share) && share is > 0 and < 1)
        {
            return new CollapsePolicy(kind, share);
        }

        throw new FormatException($"'{text}' is not a policy: replace, accumulate, fresh=<share> or mix=<share>, a share strictly between 0 and 1.");
    }

    public override string ToString() => Kind is "replace" or "accumulate" ? Kind : $"{Kind}={Share.ToString("0.###", CultureInfo.InvariantCulture)}";
}

/// <summary>One generation's figures against the real data.</summary>
internal sealed class GenerationFigures
{
    public int Generation { get; init; }

    public int TrainingRows { get; init; }

    public int RealTrainingRows { get; init; }

    /// <summary>Each numeric column's variance over the real data's.</summary>
    public IReadOnlyDictionary<string, double> VarianceRatio { get; init; } = new Dictionary<string, double>();

    /// <summary>The share of numeric values beyond the real 1st and 99th percentiles (about 0.02 for data like the real).</summary>
    public double TailMass { get; init; }

    /// <summary>Real categories still present, over all categorical columns.</summary>
    public int Categories { get; init; }

    /// <summary>Real categories gone, rarest (in the real data) first: column=value.</summary>
    public IReadOnlyList<string> Lost { get; init; } = [];

    /// <summary>The mean two-sample Kolmogorov–Smirnov statistic over numeric columns.</summary>
    public double Ks { get; init; }

    public double? BetaRecall { get; init; }

    public double? Quality { get; init; }
}

/// <summary>
/// Recursive training, simulated: generation 1 is fitted on real rows; each later one on rows the policy makes from the
/// previous generation's samples (replace: only them; accumulate: everything so far; fresh=r: a share r of new real
/// rows; mix=r: a share r of the first generation's real rows). Every generation's sample is compared with the real data.
/// </summary>
internal static class CollapseSimulation
{
    internal sealed class Options
    {
        public int Generations { get; init; } = 20;

        public int Rows { get; init; } = 1_000;

        public CollapsePolicy Policy { get; init; } = new("replace", 0);

        /// <summary><c>bayes-net</c>, <c>copula</c> or <c>gaussian</c> (each numeric column by its mean and variance, each other column by its frequencies — Shumailov's example).</summary>
        public string Model { get; init; } = "bayes-net";

        public long Seed { get; init; }

        /// <summary>Whether to compute β-recall and quality each generation (the costly figures).</summary>
        public bool Evaluate { get; init; } = true;
    }

    private const int ReferenceRows = 2_000;

    public static List<GenerationFigures> Run(ColumnBatch real, Options options, Action<GenerationFigures>? progress = null)
    {
        var numeric = real.Spec.Columns.Where(c => c.Kind == StatisticalKind.Numerical && c.Privacy?.Pii is null && real[c.Name] is Column<int> or Column<long> or Column<double> or Column<float> or Column<decimal> or Column<short>).Select(c => c.Name).ToArray();
        var categorical = real.Spec.Columns.Where(c => c.Kind is StatisticalKind.Categorical or StatisticalKind.Boolean && c.Privacy?.Pii is null).Select(c => c.Name).ToArray();
        var realNumbers = numeric.ToDictionary(c => c, c => Numbers(real[c]));
        var realCategories = categorical.ToDictionary(c => c, c => Counts(real[c]));
        var reference = real.RowCount <= ReferenceRows ? real : real.Select(Permutation(real.RowCount, options.Seed ^ 0x7265666572656E63L).Take(ReferenceRows).ToArray());

        var random = new Random(unchecked((int)(options.Seed ^ (options.Seed >> 32)))); // the selections of real rows; models have their own seeds
        ColumnBatch RealRows(int count) => real.Select(Enumerable.Range(0, count).Select(_ => random.Next(real.RowCount)).ToArray());
        var first = real.RowCount <= options.Rows ? real : real.Select(Permutation(real.RowCount, options.Seed).Take(options.Rows).ToArray());
        var training = first;
        int realInTraining = first.RowCount;
        var figures = new List<GenerationFigures>();
        for (int g = 1; g <= options.Generations; g++)
        {
            var sample = Sample(training, options, g);
            var numbers = numeric.ToDictionary(c => c, c => Numbers(sample[c]));
            var present = categorical.ToDictionary(c => c, c => Counts(sample[c]));
            var lost = categorical.SelectMany(c => realCategories[c].Where(kv => !present[c].ContainsKey(kv.Key)).Select(kv => (Name: c + "=" + kv.Key, kv.Value)))
                .OrderBy(l => l.Value).ThenBy(l => l.Name, StringComparer.Ordinal).Select(l => l.Name).ToArray();
            double? betaRecall = null, quality = null;
            if (options.Evaluate)
            {
                var report = SynthEvaluation.Evaluate(reference, sample, null, new EvaluationOptions { Privacy = false, Models = false, Fidelity = true, Seed = options.Seed, MaxDegreeOfParallelism = 1 });
                (betaRecall, quality) = (report.Fidelity?.BetaRecall, report.Quality.Score);
            }

            var step = new GenerationFigures
            {
                Generation = g,
                TrainingRows = training.RowCount,
                RealTrainingRows = realInTraining,
                VarianceRatio = numeric.ToDictionary(c => c, c => Variance(numbers[c]) / Variance(realNumbers[c])),
                TailMass = MeanOfFinite(numeric.Select(c => TailShare(realNumbers[c], numbers[c]))),
                Categories = categorical.Sum(c => realCategories[c].Keys.Count(present[c].ContainsKey)),
                Lost = lost,
                Ks = MeanOfFinite(numeric.Select(c => KsStatistic(realNumbers[c], numbers[c]))),
                BetaRecall = betaRecall,
                Quality = quality,
            };
            figures.Add(step);
            progress?.Invoke(step);

            switch (options.Policy.Kind)
            {
                case "replace":
                    training = sample;
                    realInTraining = 0;
                    break;
                case "accumulate":
                    training = ColumnBatch.Concat([training, sample]);
                    break;
                case "fresh":
                    int fresh = (int)Math.Round(options.Rows * options.Policy.Share);
                    training = ColumnBatch.Concat([sample.Select(Enumerable.Range(0, options.Rows - fresh).ToArray()), RealRows(fresh)]);
                    realInTraining = fresh;
                    break;
                default:
                    int kept = (int)Math.Round(options.Rows * options.Policy.Share);
                    training = ColumnBatch.Concat([sample.Select(Enumerable.Range(0, options.Rows - kept).ToArray()), first.Select(Enumerable.Range(0, Math.Min(kept, first.RowCount)).ToArray())]);
                    realInTraining = Math.Min(kept, first.RowCount);
                    break;
            }
        }

        return figures;
    }

    private static ColumnBatch Sample(ColumnBatch training, Options options, int generation)
    {
        long seed = options.Seed + (generation * 1_000_003L);
        if (options.Model == "gaussian")
        {
            return Gaussian(training, options.Rows, seed);
        }

        var model = SynthModel.Fit(training, new ModelOptions
        {
            Kind = options.Model == "copula" ? ModelKind.GaussianCopula : ModelKind.BayesianNetwork,
            Seed = seed,
        });
        return new SpecSynthesizer(training.Spec, seed).WithColumnModel(model).ToBatch(0, options.Rows);
    }

    /// <summary>Shumailov et al.'s single-Gaussian fit: rows resampled from the training rows (so categories keep their frequencies), then every numeric column drawn afresh from a normal with the training rows' mean and unbiased variance.</summary>
    internal static ColumnBatch Gaussian(ColumnBatch training, int rows, long seed)
    {
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var result = training.Select(Enumerable.Range(0, rows).Select(_ => random.Next(training.RowCount)).ToArray());
        foreach (var column in result.Columns.Where(c => c.Spec.Kind == StatisticalKind.Numerical && c.Spec.Privacy?.Pii is null))
        {
            var values = Numbers(training[column.Name]);
            if (values.Length < 2)
            {
                continue;
            }

            double mean = values.Average(), sd = Math.Sqrt(Variance(values));
            for (int r = 0; r < rows; r++)
            {
                if (column.IsNull(r))
                {
                    continue;
                }

                double draw = MathNet.Numerics.Distributions.Normal.Sample(random, mean, sd);
                switch (column)
                {
                    case Column<double> c: c[r] = draw; break;
                    case Column<float> c: c[r] = (float)draw; break;
                    case Column<decimal> c: c[r] = (decimal)draw; break;
                    case Column<int> c: c[r] = (int)Math.Clamp(Math.Round(draw), int.MinValue, int.MaxValue); break;
                    case Column<long> c: c[r] = (long)Math.Clamp(Math.Round(draw), long.MinValue, long.MaxValue); break;
                    case Column<short> c: c[r] = (short)Math.Clamp(Math.Round(draw), short.MinValue, short.MaxValue); break;
                }
            }
        }

        return result;
    }

    private static int[] Permutation(int count, long seed)
    {
        var random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        var all = Enumerable.Range(0, count).ToArray();
        random.Shuffle(all);
        return all;
    }

    internal static double[] Numbers(Column column) => Enumerable.Range(0, column.Count).Where(r => !column.IsNull(r)).Select(r => Convert.ToDouble(column.GetValue(r), CultureInfo.InvariantCulture)).ToArray();

    private static Dictionary<string, int> Counts(Column column)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < column.Count; r++)
        {
            if (column.GetValue(r) is { } v)
            {
                string key = Convert.ToString(v, CultureInfo.InvariantCulture) ?? "";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts;
    }

    internal static double Variance(double[] values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        double mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }

    private static double TailShare(double[] real, double[] sample)
    {
        if (sample.Length == 0)
        {
            return double.NaN;
        }

        double low = MathNet.Numerics.Statistics.Statistics.Quantile(real, 0.01), high = MathNet.Numerics.Statistics.Statistics.Quantile(real, 0.99);
        return sample.Count(v => v < low || v > high) / (double)sample.Length;
    }

    /// <summary>The mean of the figures that exist (a column with no values in a sample has none); NaN when none does.</summary>
    private static double MeanOfFinite(IEnumerable<double> values) => values.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

    /// <summary>The two-sample KS statistic (SynthKit.Evaluation's, as its quality report uses).</summary>
    internal static double KsStatistic(double[] a, double[] b) =>
        a.Length == 0 || b.Length == 0 ? double.NaN : Evaluation.Statistics.KolmogorovSmirnov(a.Order().ToArray(), b.Order().ToArray());
}

/// <summary><c>synthkit collapse</c>: what recursive training does to a data set, generation by generation.</summary>
internal static class CollapseCommand
{
    public static Command Create(Reporter console)
    {
        var data = new Argument<FileInfo>("data") { Description = "The real rows (CSV or Parquet)." };
        var (metadata, specFile) = Tables.SpecOptions("describing the data (default: inferred)");
        var generations = new Option<int>("--generations", "-g") { Description = "How many generations (default 20).", DefaultValueFactory = _ => 20 };
        var rows = new Option<int>("--rows", "-n") { Description = "Rows per generation: each model's sample, and the first generation's real rows (default 1,000).", DefaultValueFactory = _ => 1_000 };
        var policy = new Option<string>("--policy") { Description = "replace (each generation fits only the last one's sample), accumulate (everything so far, real rows included), fresh=<share> (that share of new real rows each generation) or mix=<share> (that share of the first real rows kept in every generation). Default replace.", DefaultValueFactory = _ => "replace" };
        var model = new Option<string>("--model") { Description = "bayes-net (default), copula, or gaussian (each numeric column by its mean and variance, the rest by their frequencies: Shumailov et al.'s example).", DefaultValueFactory = _ => "bayes-net" };
        var seed = new Option<long>("--seed") { Description = "The seed (default 0).", DefaultValueFactory = _ => 0 };
        var json = new Option<FileInfo?>("--json") { Description = "Write every generation's figures as JSON." };
        var html = new Option<FileInfo?>("--html") { Description = "Write an HTML page with the figures and their plots." };
        var fast = new Option<bool>("--no-evaluate") { Description = "Skip β-recall and quality (the costly figures)." };
        model.AcceptOnlyFromAmong("bayes-net", "copula", "gaussian");
        Cli.AtLeast(generations, 1);
        Cli.AtLeast(rows, 2);
        var command = new Command("collapse", "Simulate recursive training: refit each generation on the previous one's output under a policy and report, per generation, each numeric column's variance against the real data, the mass beyond the real 1st/99th percentiles, the real categories still present (rarest lost first), KS to the real data, β-recall and quality.")
        {
            data, metadata, specFile, generations, rows, policy, model, seed, json, html, fast,
        };
        command.Validators.Add(result =>
        {
            Tables.OneSpecAtMost(result, metadata, specFile);
            try
            {
                CollapsePolicy.Parse(result.GetValue(policy) ?? "replace");
            }
            catch (FormatException ex)
            {
                result.AddError(ex.Message);
            }
        });
        command.SetAction(parse =>
        {
            var (table, _) = Tables.Read(console, parse.GetValue(data), null, null, null, parse.GetValue(metadata), parse.GetValue(specFile));
            var options = new CollapseSimulation.Options
            {
                Generations = parse.GetValue(generations),
                Rows = parse.GetValue(rows),
                Policy = CollapsePolicy.Parse(parse.GetValue(policy)!),
                Model = parse.GetValue(model)!,
                Seed = parse.GetValue(seed),
                Evaluate = !parse.GetValue(fast),
            };
            console.Line($"Collapse of {table.Spec.Name} ({table.RowCount:N0} real rows): {options.Generations} generations of {options.Rows:N0} rows, policy {options.Policy}, model {options.Model}.");
            console.Line("| generation | training rows (real) | variance ratio (mean) | tail mass | categories | KS | β-recall | quality | lost (rarest first) |");
            console.Line("|---|---|---|---|---|---|---|---|---|");
            var figures = CollapseSimulation.Run(table, options, f => console.Line(
                $"| {f.Generation} | {f.TrainingRows:N0} ({f.RealTrainingRows:N0}) | {Number(f.VarianceRatio.Count == 0 ? double.NaN : f.VarianceRatio.Values.Average())} | {Number(f.TailMass)} | {f.Categories:N0} | {Number(f.Ks)} | {Number(f.BetaRecall)} | {Number(f.Quality)} | {string.Join(", ", f.Lost.Take(3))}{(f.Lost.Count > 3 ? $" … ({f.Lost.Count:N0})" : "")} |"));
            if (parse.GetValue(json) is { } jsonFile)
            {
                AtomicFile.WriteIfChanged(jsonFile.FullName, Json(table.Spec.Name, options, figures));
                console.Line($"Wrote {jsonFile.FullName}.");
            }

            if (parse.GetValue(html) is { } htmlFile)
            {
                AtomicFile.WriteIfChanged(htmlFile.FullName, Encoding.UTF8.GetBytes(Html(table.Spec.Name, options, figures)));
                console.Line($"Wrote {htmlFile.FullName}.");
            }

            return Cli.Ok;
        });
        return command;
    }

    private static string Number(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";

    internal static byte[] Json(string table, CollapseSimulation.Options options, IReadOnlyList<GenerationFigures> figures)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            void Optional(string name, double? value)
            {
                if (value is { } v && double.IsFinite(v))
                {
                    json.WriteNumber(name, Math.Round(v, 6));
                }
                else
                {
                    json.WriteNull(name);
                }
            }

            json.WriteStartObject();
            json.WriteString("table", table);
            json.WriteString("policy", options.Policy.ToString());
            json.WriteString("model", options.Model);
            json.WriteNumber("rows", options.Rows);
            json.WriteNumber("seed", options.Seed);
            json.WriteStartArray("generations");
            foreach (var f in figures)
            {
                json.WriteStartObject();
                json.WriteNumber("generation", f.Generation);
                json.WriteNumber("trainingRows", f.TrainingRows);
                json.WriteNumber("realTrainingRows", f.RealTrainingRows);
                json.WriteStartObject("varianceRatio");
                foreach (var (column, ratio) in f.VarianceRatio)
                {
                    Optional(column, ratio);
                }

                json.WriteEndObject();
                Optional("tailMass", f.TailMass);
                json.WriteNumber("categories", f.Categories);
                json.WriteStartArray("lost");
                foreach (string lost in f.Lost)
                {
                    json.WriteStringValue(lost);
                }

                json.WriteEndArray();
                Optional("ks", f.Ks);
                Optional("betaRecall", f.BetaRecall);
                Optional("quality", f.Quality);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static string Html(string table, CollapseSimulation.Options options, IReadOnlyList<GenerationFigures> figures)
    {
        var x = figures.Select(f => (double)f.Generation).ToArray();
        var columns = figures.Count == 0 ? [] : figures[0].VarianceRatio.Keys.ToArray();
        var rows = figures.Select(f => (IReadOnlyList<string>)[
            f.Generation.ToString(CultureInfo.InvariantCulture), $"{f.TrainingRows:N0} ({f.RealTrainingRows:N0})",
            Number(f.VarianceRatio.Count == 0 ? double.NaN : f.VarianceRatio.Values.Average()), Number(f.TailMass), f.Categories.ToString("N0", CultureInfo.InvariantCulture),
            Number(f.Ks), Number(f.BetaRecall), Number(f.Quality), string.Join(", ", f.Lost)]).ToArray();
        SeriesPlot Plot(string title, string y, params SeriesLine[] lines) => new() { Title = title, XTitle = "generation", YTitle = y, X = x, Lines = lines };
        var plots = new List<SeriesPlot>
        {
            Plot("variance relative to the real data", "variance ratio", columns.Select(c => new SeriesLine(c, figures.Select(f => f.VarianceRatio[c]).ToArray())).ToArray()),
            Plot("mass beyond the real 1st/99th percentiles", "share of values", new SeriesLine("tail mass", figures.Select(f => f.TailMass).ToArray()), new SeriesLine("real data", x.Select(_ => 0.02).ToArray())),
            Plot("real categories still present", "categories", new SeriesLine("categories", figures.Select(f => (double)f.Categories).ToArray())),
            Plot("distance to the real data", "score", new SeriesLine("KS (mean)", figures.Select(f => f.Ks).ToArray()), new SeriesLine("β-recall", figures.Select(f => f.BetaRecall ?? double.NaN).ToArray()), new SeriesLine("quality", figures.Select(f => f.Quality ?? double.NaN).ToArray())),
        };
        return HtmlReport.RenderSeries(
            $"Model collapse: {table}, policy {options.Policy}",
            $"Each generation fits a {options.Model} model on rows made by the policy '{options.Policy}' from the previous generation's sample of {options.Rows:N0} rows (generation 1 on real rows), and compares its sample with the real data. Without enough fresh real data, variance shrinks, the tails thin and rare categories disappear.",
            ["generation", "training rows (real)", "variance ratio (mean)", "tail mass", "categories", "KS", "β-recall", "quality", "lost (rarest first)"],
            rows,
            plots);
    }
}
