using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SynthKit.Modeling;

/// <summary>
/// The statistics a Bayesian network's fit needs, computed partition by partition where the rows live (a Spark task, a
/// database query, a shard) and merged into the model the single fit of all the rows would give — byte for byte, because
/// every statistic is an exact count. Two rounds, as a distributed quantile binning needs: the network's bins are
/// quantiles of the merged marginals, which no partition can know alone.
/// <list type="number">
/// <item><see cref="CountValues(ColumnBatch, ModelOptions?)"/> on each partition: the exact counts of every learned column's
/// values (stage <c>marginals</c>).</item>
/// <item><see cref="Plan"/> of all of them: the merged marginals and every column's bins (a <see cref="FitPlan"/>).</item>
/// <item><see cref="CountBins(ColumnBatch, FitPlan)"/> on each partition: the joint counts of the bins of every one, two and
/// three columns (stage <c>counts</c>).</item>
/// <item><see cref="Merge"/> of all of them: the model.</item>
/// </list>
/// Like the fit, no partition ever reads personal data, identifiers or free text; the files hold counts only.
/// </summary>
public sealed class FitStatistics
{
    /// <summary>The <see cref="Stage"/> of a partition's value counts.</summary>
    public const string MarginalsStage = "marginals";

    /// <summary>The <see cref="Stage"/> of a partition's joint counts under a plan.</summary>
    public const string CountsStage = "counts";

    /// <summary>The <see cref="Stage"/> of a partition's exact counts of the declared bins of every one and two columns, for a private fit (<see cref="MergePrivate"/>).</summary>
    public const string PrivateStage = "private";

    private const int MaxCells = 1 << 20;

    private FitStatistics(StatisticsData data) => Data = data;

    /// <summary><see cref="MarginalsStage"/> or <see cref="CountsStage"/>.</summary>
    public string Stage => Data.Stage;

    /// <summary>The table's name.</summary>
    public string Table => Data.Table;

    /// <summary>How many rows of the partition were counted.</summary>
    public long Rows => Data.Rows;

    /// <summary>What the partition's rows were read from (<c>synthkit fit --partial</c> records it), or null; a merged model's lineage lists every partition's.</summary>
    public IReadOnlyList<SynthKit.Provenance.LineageNode>? Inputs => Data.Inputs;

    internal StatisticsData Data { get; }

    /// <summary>These statistics with <paramref name="inputs"/> recorded as what the partition's rows were read from.</summary>
    /// <param name="inputs">The partition's inputs (<see cref="SynthKit.Provenance.LineageGuard.Inspect"/>).</param>
    /// <returns>A copy.</returns>
    public FitStatistics WithInputs(IReadOnlyList<SynthKit.Provenance.LineageNode> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return new FitStatistics(new StatisticsData
        {
            StatisticsVersion = Data.StatisticsVersion, Stage = Data.Stage, Table = Data.Table, Rows = Data.Rows, Spec = Data.Spec, Options = Data.Options,
            Columns = Data.Columns, NotLearned = Data.NotLearned, Plan = Data.Plan, Tables = Data.Tables, Domains = Data.Domains, Inputs = inputs,
        });
    }

    /// <summary>The merged model, with the partitions' inputs as its lineage when every partition records them (in an order that does not depend on the partitions').</summary>
    private static BayesianNetwork Traced(BayesianNetwork model, List<FitStatistics> parts) => parts.Any(p => p.Data.Inputs is null)
        ? model
        : (BayesianNetwork)model.WithLineage(SynthKit.Provenance.DataLineage.OfModel(parts.SelectMany(p => p.Data.Inputs!).OrderBy(i => i.Sha256, StringComparer.Ordinal).ThenBy(i => i.Name, StringComparer.Ordinal).ToArray()));

    /// <summary>Round one: a partition's exact counts of every learned column's values.</summary>
    /// <param name="partition">The partition's rows, read under the same spec as every other partition.</param>
    /// <param name="options">The fit's options (a Bayesian network with at most 2 parents, no target, no constraints), or null for the defaults.</param>
    /// <returns>The statistics (stage <see cref="MarginalsStage"/>).</returns>
    /// <exception cref="SynthKitException">SK6000: no rows or nothing to learn; SK6006: options that cannot be merged.</exception>
    public static FitStatistics CountValues(ColumnBatch partition, ModelOptions? options)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return CountValues([partition], options);
    }

    /// <summary>
    /// Round one over a partition read in chunks (<see cref="ParquetFiles.ReadParquetRowGroups"/>: one row group at a time),
    /// so memory holds the counts and one chunk, never the partition: the same statistics as the chunks read at once.
    /// </summary>
    /// <param name="chunks">The partition's rows, chunk by chunk, all under one spec.</param>
    /// <param name="options">The fit's options, or null for the defaults.</param>
    /// <returns>The statistics (stage <see cref="MarginalsStage"/>).</returns>
    /// <exception cref="SynthKitException">SK6000: no rows or nothing to learn; SK6006: options that cannot be merged, or chunks of different specs.</exception>
    public static FitStatistics CountValues(IEnumerable<ColumnBatch> chunks, ModelOptions? options)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        options ??= new ModelOptions();
        TableSpec? spec = null;
        string? specText = null;
        OptionsData? optionData = null;
        Tally[] tallies = [];
        long rows = 0;
        foreach (var chunk in chunks)
        {
            if (spec is null)
            {
                spec = chunk.Spec;
                specText = SpecText(SynthModel.SpecElement(spec));
                optionData = OptionsData.Of(options, spec);
                tallies = chunk.Columns.Select(Tally.For).ToArray();
            }
            else if (!ReferenceEquals(chunk.Spec, spec) && SpecText(SynthModel.SpecElement(chunk.Spec)) != specText)
            {
                throw Mismatch($"a chunk of the partition is read under another spec than the first (table '{chunk.Spec.Name}', not '{spec.Name}')");
            }

            var tallied = tallies;
            OnEveryCore(tallies.Length, c => tallied[c].Add(chunk[c]));
            rows += chunk.RowCount;
        }

        if (rows == 0)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, "the partition has no rows");
        }

        var columns = new List<ColumnStatistics>();
        var skipped = new List<SkippedData>();
        foreach (var tally in tallies)
        {
            if (tally.Finish(rows) is { } statistics)
            {
                columns.Add(statistics);
            }
            else
            {
                skipped.Add(tally.Skipped!);
            }
        }

        return new FitStatistics(new StatisticsData
        {
            Stage = MarginalsStage,
            Table = spec!.Name,
            Rows = rows,
            Spec = SynthModel.SpecElement(spec),
            Options = optionData!,
            Columns = columns,
            NotLearned = skipped,
        });
    }

    /// <summary>Round one's merge: the marginals of all the partitions' rows, and every learned column's bins.</summary>
    /// <param name="marginals">Every partition's round-one statistics (stage <see cref="MarginalsStage"/>), each partition once.</param>
    /// <returns>The plan to count every partition under in round two.</returns>
    /// <exception cref="SynthKitException">SK6006: no statistics, a wrong stage, or partitions of different specs or options; SK6000: nothing to learn.</exception>
    public static FitPlan Plan(IEnumerable<FitStatistics> marginals)
    {
        ArgumentNullException.ThrowIfNull(marginals);
        var parts = marginals.ToList();
        var first = Same(parts, MarginalsStage, p => SpecText(p.Spec) + "\n" + JsonSerializer.Serialize(p.Options, StatisticsJsonContext.Default.OptionsData), "spec and options");
        var spec = TableSpec.FromJson(first.Spec.GetRawText());
        var options = first.Options.ToOptions();
        long rows = parts.Sum(p => p.Data.Rows);
        var skipped = new List<SkippedData>();
        var learned = new List<Marginal>();
        var bins = new List<ColumnBins>();
        foreach (var column in spec.Columns)
        {
            if (parts.Select(p => p.Data.NotLearned.FirstOrDefault(s => s.Column == column.Name)).FirstOrDefault(s => s is not null) is { } skip)
            {
                skipped.Add(skip);
                continue;
            }

            var stats = parts.Select(p => p.Data.Columns!.FirstOrDefault(c => c.Column == column.Name) ?? throw Mismatch($"a partition of {p.Data.Rows:N0} rows has no statistics of column '{column.Name}'")).ToList();
            long nulls = stats.Sum(s => s.Nulls);
            double nullShare = (double)nulls / rows;
            if (stats[0].Kind == "categorical")
            {
                var counts = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var s in stats)
                {
                    for (int i = 0; i < s.Labels!.Count; i++)
                    {
                        counts[s.Labels[i]] = counts.GetValueOrDefault(s.Labels[i]) + s.Counts[i];
                    }
                }

                if (PersonalData.ReadsValues(column) && PersonalData.HighCardinality(counts.Count, rows) is { } how)
                {
                    skipped.Add(new SkippedData { Column = column.Name, Reason = $"personal data ({how})", Detected = true });
                    continue;
                }

                var (marginal, intervals) = Marginals.Categorical(column.Name, counts, nulls, rows, options);
                var binning = BayesianNetwork.Bins.Of(marginal, null);
                var labels = counts.Keys.Order(StringComparer.Ordinal).ToArray();
                learned.Add(marginal);
                bins.Add(new ColumnBins
                {
                    Column = column.Name,
                    Labels = labels,
                    Bins = labels.Select(l => binning.Of(nullShare + ((1 - nullShare) * (intervals[l].Start + (intervals[l].Width / 2))))).ToArray(),
                });
            }
            else
            {
                var all = stats.SelectMany(s => s.Values!.Select((v, i) => (Value: v, Count: s.Counts[i]))).OrderBy(p => p.Value).ToList();
                var values = new List<double>();
                var valueCounts = new List<long>();
                foreach (var (value, count) in all)
                {
                    if (values.Count > 0 && values[^1] == value)
                    {
                        valueCounts[^1] += count;
                    }
                    else
                    {
                        values.Add(value);
                        valueCounts.Add(count);
                    }
                }

                var numbers = new NumericCounts(values.ToArray(), valueCounts.ToArray());
                var marginal = Marginals.Numeric(column.Name, numbers, nulls, rows, options);
                var binning = BayesianNetwork.Bins.Of(marginal, BayesianNetwork.Cuts([marginal], options)[0]);
                var from = new List<double>();
                var bin = new List<int>();
                long below = 0;
                for (int i = 0; i < values.Count; i++)
                {
                    long atOrBelow = below + valueCounts[i];
                    int b = binning.Of(Marginals.Midpoint(nullShare, below, atOrBelow, numbers.Present));
                    if (bin.Count == 0 || bin[^1] != b)
                    {
                        from.Add(values[i]);
                        bin.Add(b);
                    }

                    below = atOrBelow;
                }

                learned.Add(marginal);
                bins.Add(new ColumnBins { Column = column.Name, From = from, Bins = bin });
            }
        }

        if (learned.Count == 0)
        {
            throw Marginals.NothingToLearn(skipped.Select(s => new NotLearned { Column = s.Column, Reason = s.Reason }));
        }

        return new FitPlan(new PlanData { Table = first.Table, Rows = rows, Spec = first.Spec, Options = first.Options, Marginals = learned, NotLearned = skipped, Bins = bins });
    }

    /// <summary>Round two: a partition's joint counts of the plan's bins, for every one, two and three learned columns.</summary>
    /// <param name="partition">The partition's rows, read under <see cref="FitPlan.Spec"/>.</param>
    /// <param name="plan">The plan made from every partition's round-one statistics.</param>
    /// <returns>The statistics (stage <see cref="CountsStage"/>).</returns>
    /// <exception cref="SynthKitException">SK6006: the partition is not read under the plan's spec, or holds a category the plan never counted.</exception>
    public static FitStatistics CountBins(ColumnBatch partition, FitPlan plan)
    {
        ArgumentNullException.ThrowIfNull(partition);
        return CountBins([partition], plan);
    }

    /// <summary>Round two over a partition read in chunks: memory holds the counts and one chunk.</summary>
    /// <param name="chunks">The partition's rows, chunk by chunk, each under <see cref="FitPlan.Spec"/>.</param>
    /// <param name="plan">The plan made from every partition's round-one statistics.</param>
    /// <returns>The statistics (stage <see cref="CountsStage"/>).</returns>
    /// <exception cref="SynthKitException">SK6006: a chunk is not read under the plan's spec, or holds a category the plan never counted.</exception>
    public static FitStatistics CountBins(IEnumerable<ColumnBatch> chunks, FitPlan plan)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(plan);
        var data = plan.Data;
        string specText = SpecText(data.Spec);
        int d = data.Marginals.Count;
        var sizes = plan.Sizes;
        int most = Math.Min(d, Math.Min(data.Options.MaxParents, 2) + 1);
        var sets = Sets(d, Math.Max(most, Math.Min(d, 2))).Where(set => set.Aggregate(1L, (a, j) => a * sizes[j]) <= MaxCells).ToArray();
        var counts = sets.Select(set => new long[set.Aggregate(1, (a, j) => a * sizes[j])]).ToArray();
        var binned = new int[d][];
        TableSpec? checkedSpec = null;
        long rows = 0;
        foreach (var chunk in chunks)
        {
            if (!ReferenceEquals(chunk.Spec, checkedSpec))
            {
                if (SpecText(SynthModel.SpecElement(chunk.Spec)) != specText)
                {
                    throw Mismatch($"the partition of table '{chunk.Spec.Name}' is not read under the plan's spec of table '{data.Table}'; read it with the plan's spec");
                }

                checkedSpec = chunk.Spec;
            }

            OnEveryCore(d, j => binned[j] = Bin(chunk[data.Marginals[j].Column], data.Bins[j]));
            OnEveryCore(sets.Length, t => Count(sets[t], binned, sizes, chunk.RowCount, counts[t]));

            rows += chunk.RowCount;
        }

        var tables = new List<TableCounts>();
        for (int t = 0; t < sets.Length; t++)
        {
            var table = counts[t];
            var seen = Enumerable.Range(0, table.Length).Where(c => table[c] > 0).ToArray();
            tables.Add(new TableCounts { Columns = sets[t], Cells = seen, Counts = seen.Select(c => table[c]).ToArray() });
        }

        return new FitStatistics(new StatisticsData
        {
            Stage = CountsStage,
            Table = data.Table,
            Rows = rows,
            Spec = data.Spec,
            Options = data.Options,
            Plan = data,
            Tables = tables,
        });
    }

    /// <summary>Round two's merge: the Bayesian network of all the partitions' rows — the model <see cref="BayesianNetwork.Fit"/> gives for them at once.</summary>
    /// <param name="counts">Every partition's round-two statistics (stage <see cref="CountsStage"/>), under one plan, each partition once.</param>
    /// <returns>The model.</returns>
    /// <exception cref="SynthKitException">SK6006: no statistics, a wrong stage, different plans, or counts of a different number of rows than the plan's.</exception>
    public static BayesianNetwork Merge(IEnumerable<FitStatistics> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var parts = counts.ToList();
        var first = Same(parts, CountsStage, p => JsonSerializer.Serialize(p.Plan!, StatisticsJsonContext.Default.PlanData), "plan");
        var plan = new FitPlan(first.Plan!);
        long rows = parts.Sum(p => p.Data.Rows);
        if (rows != plan.Rows)
        {
            throw Mismatch($"the counts cover {rows:N0} rows but the plan was made from {plan.Rows:N0}: give the counts of every partition the plan was made from, each once");
        }

        if (rows > int.MaxValue)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, $"{rows:N0} rows are more than a model counts ({int.MaxValue:N0})");
        }

        var merged = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var table in parts.SelectMany(p => p.Data.Tables!))
        {
            string key = string.Join(",", table.Columns);
            if (!merged.TryGetValue(key, out var sum))
            {
                merged[key] = sum = new long[table.Columns.Aggregate(1L, (a, j) => a * plan.Sizes[j])];
            }

            for (int i = 0; i < table.Cells.Count; i++)
            {
                sum[table.Cells[i]] += table.Counts[i];
            }
        }

        var data = plan.Data;
        var options = data.Options.ToOptions();
        var marginals = data.Marginals;
        var cuts = BayesianNetwork.Cuts(marginals, options);
        var network = BayesianNetwork.Learn(new MergedCounts(merged, plan.Sizes, rows), marginals, cuts, plan.Sizes, Enumerable.Range(0, marginals.Count).ToArray(), options);
        var detected = data.NotLearned.Where(s => s.Detected).ToDictionary(s => s.Column, s => s.Pii is { } k ? Enum.Parse<PiiKind>(k) : (PiiKind?)null, StringComparer.Ordinal);
        var spec = PersonalData.Rewrite(plan.Spec, detected);
        return Traced(BayesianNetwork.Assemble(data.Table, (int)rows, options, spec, marginals, data.NotLearned.Select(s => new NotLearned { Column = s.Column, Reason = s.Reason }).ToArray(), network, null), parts);
    }

    /// <summary>
    /// One round for a differentially private fit: a partition's exact counts of the declared bins (no noise yet) of every
    /// learned column and pair of columns. The bins come from the declared domains, so no plan is needed; the noise is
    /// added once, after the merge (<see cref="MergePrivate"/>). The file holds exact counts: keep it as private as the rows.
    /// </summary>
    /// <param name="chunks">The partition's rows, chunk by chunk, all under one spec.</param>
    /// <param name="options">The fit's options, with <see cref="ModelOptions.Privacy"/>'s domains (its ε and δ are the merge's).</param>
    /// <returns>The statistics (stage <see cref="PrivateStage"/>).</returns>
    /// <exception cref="SynthKitException">SK6007: a column without a declared domain or a value outside it; SK6006: options that cannot be merged or chunks of different specs; SK6000: no rows.</exception>
    public static FitStatistics CountPrivate(IEnumerable<ColumnBatch> chunks, ModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Privacy is null)
        {
            throw Mismatch("a private partition's counts need ModelOptions.Privacy (its domains)");
        }

        Mst.Prepared? prepared = null;
        string? specText = null;
        OptionsData? optionData = null;
        long[][] tables = [];
        int[][] sets = [];
        int[] sizes = [];
        long rows = 0;
        foreach (var chunk in chunks)
        {
            if (prepared is null)
            {
                prepared = Mst.Prepare(chunk, options);
                specText = SpecText(SynthModel.SpecElement(chunk.Spec));
                optionData = OptionsData.Of(new ModelOptions { Knots = options.Knots, Bins = options.Bins, MinimumCount = 1, Marginals = options.Marginals }, chunk.Spec);
                sizes = prepared.Sizes(options.Bins);
                int d = sizes.Length;
                sets = Sets(d, Math.Min(d, 2)).ToArray();
                tables = sets.Select(set => new long[set.Aggregate(1, (a, j) => a * sizes[j])]).ToArray();
            }
            else if (SpecText(SynthModel.SpecElement(chunk.Spec)) != specText)
            {
                throw Mismatch($"a chunk of the partition is read under another spec than the first (table '{chunk.Spec.Name}', not '{prepared.Spec.Name}')");
            }

            var binned = prepared.Columns.Select(c => Mst.Encode(chunk[c.Spec.Name], c.Domain, options.Bins)).ToArray();
            var counted = tables;
            OnEveryCore(sets.Length, t => Count(sets[t], binned, sizes, chunk.RowCount, counted[t]));
            rows += chunk.RowCount;
        }

        if (prepared is null || rows == 0)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, "the partition has no rows");
        }

        return new FitStatistics(new StatisticsData
        {
            Stage = PrivateStage,
            Table = prepared.Spec.Name,
            Rows = rows,
            Spec = SynthModel.SpecElement(prepared.Spec),
            Options = optionData!,
            NotLearned = prepared.Skipped.Select(n => new SkippedData { Column = n.Column, Reason = n.Reason, Detected = prepared.Detected.ContainsKey(n.Column), Pii = prepared.Detected.GetValueOrDefault(n.Column)?.ToString() }).ToArray(),
            Domains = prepared.Columns.Select(c => new DomainData { Column = c.Spec.Name, Categories = c.Domain.Categories, Min = c.Domain.Min, Max = c.Domain.Max, From = c.From }).ToArray(),
            Tables = sets.Select((set, t) => (set, t)).Select(p => { var seen = Enumerable.Range(0, tables[p.t].Length).Where(c => tables[p.t][c] > 0).ToArray(); return new TableCounts { Columns = p.set, Cells = seen, Counts = seen.Select(c => tables[p.t][c]).ToArray() }; }).ToArray(),
        });
    }

    /// <summary>
    /// The private merge: the partitions' exact counts summed, then the MST mechanism run once on them — the noise added
    /// once, after the merge — giving the model a private fit of all the rows at once gives (the same bytes for the same
    /// secret seed).
    /// </summary>
    /// <param name="counts">Every partition's statistics of stage <see cref="PrivateStage"/>, each once.</param>
    /// <param name="privacy">The budget (its domains are those the partitions were counted under).</param>
    /// <returns>The model.</returns>
    /// <exception cref="SynthKitException">SK6006: statistics that do not belong together; SK6007: a budget that is not one.</exception>
    public static BayesianNetwork MergePrivate(IEnumerable<FitStatistics> counts, DifferentialPrivacy privacy)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(privacy);
        var parts = counts.ToList();
        var first = Same(parts, PrivateStage, p => SpecText(p.Spec) + "\n" + JsonSerializer.Serialize(p.Options, StatisticsJsonContext.Default.OptionsData) + "\n" + JsonSerializer.Serialize(p.Domains!.ToList(), StatisticsJsonContext.Default.ListDomainData), "spec, options and domains");
        var spec = TableSpec.FromJson(first.Spec.GetRawText());
        var prepared = new Mst.Prepared
        {
            Spec = spec,
            Columns = first.Domains!.Select(d => (spec.Columns.First(c => c.Name == d.Column), new ColumnDomain { Categories = d.Categories, Min = d.Min, Max = d.Max }, d.From)).ToList(),
            Skipped = first.NotLearned.Select(s => new NotLearned { Column = s.Column, Reason = s.Reason }).ToList(),
            Detected = first.NotLearned.Where(s => s.Detected).ToDictionary(s => s.Column, s => s.Pii is { } k ? Enum.Parse<PiiKind>(k) : (PiiKind?)null, StringComparer.Ordinal),
        };
        var options = new ModelOptions { Knots = first.Options.Knots, Bins = first.Options.Bins, Privacy = privacy };
        var sizes = prepared.Sizes(options.Bins);
        var merged = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var table in parts.SelectMany(p => p.Data.Tables!))
        {
            string key = string.Join(",", table.Columns);
            if (!merged.TryGetValue(key, out var sum))
            {
                merged[key] = sum = new double[table.Columns.Aggregate(1, (a, j) => a * sizes[j])];
            }

            for (int i = 0; i < table.Cells.Count; i++)
            {
                sum[table.Cells[i]] += table.Counts[i];
            }
        }

        return Traced(Mst.Run(prepared, set => merged.TryGetValue(string.Join(",", set), out var t) ? t : throw Mismatch($"the counts hold no table of the columns {string.Join(", ", set)}"), options, null), parts);
    }

    /// <summary>Reads statistics written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="SynthKitException">SK6006: not SynthKit fit statistics of this version.</exception>
    public static FitStatistics FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var data = Read(json, StatisticsJsonContext.Default.StatisticsData, "fit statistics");
        bool valid = data.StatisticsVersion == 1 && data.Table is not null && data.Spec.ValueKind == JsonValueKind.Object && data.Options is not null && data.NotLearned is not null
            && (data.Stage == MarginalsStage
                ? data.Columns is not null && data.Columns.All(c => c?.Counts is not null && (c.Labels?.Count ?? c.Values?.Count) == c.Counts.Count)
                : data.Stage == PrivateStage
                    ? data.Domains is { Count: > 0 } domains && domains.All(d => d is not null && (d.Categories is { Count: > 0 } || (d.Min < d.Max))) && data.Tables is not null
                        && data.Tables.All(t => Fits(t, domains.Select(d => 1 + (d.Categories?.Count ?? (data.Options.Bins + 2))).ToArray()))
                    : data.Stage == CountsStage && data.Plan is not null && FitPlan.IsValid(data.Plan) && data.Tables is not null && Fit(data.Tables, data.Plan));
        if (!valid)
        {
            throw Mismatch("the file is not version-1 SynthKit fit statistics (stage 'marginals' with columns, 'counts' with a plan and tables, or 'private' with domains and tables)");
        }

        return new FitStatistics(data);
    }

    /// <summary>Reads a statistics file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The statistics.</returns>
    /// <exception cref="SynthKitException">SK6006: not fit statistics (the message names the file).</exception>
    public static FitStatistics Load(string path) => Named(path, () => FromJson(File.ReadAllText(path)));

    /// <summary>The statistics as indented JSON (the same bytes for the same rows and options).</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(Data, StatisticsJsonContext.Default.StatisticsData);

    /// <summary>Writes the statistics to a file, through a temporary file renamed into place.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path) => Write(path, ToJson());

    internal static T Read<T>(string json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw Mismatch($"the file is not {what}");
        }
        catch (JsonException ex)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotMerge, $"the file is not {what} of the expected shape: {ex.Message}", innerException: ex);
        }
    }

    internal static T Named<T>(string path, Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return read();
        }
        catch (SynthKitException ex) when (ex.Code == ModelingErrorCodes.CannotMerge)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotMerge, $"{path}: {ex.Detail}", innerException: ex);
        }
    }

    internal static void Write(string path, string json)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string temp = full + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            File.WriteAllText(temp, json);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static bool Fit(IReadOnlyList<TableCounts> tables, PlanData plan)
    {
        var sizes = FitPlan.FromJson(JsonSerializer.Serialize(plan, StatisticsJsonContext.Default.PlanData)).Sizes;
        return tables.All(t => Fits(t, sizes));
    }

    /// <summary>Whether a table's columns are learned columns of the plan, in order, and its cells lie inside them.</summary>
    private static bool Fits(TableCounts? table, int[] sizes)
    {
        if (table?.Columns is not { Count: > 0 } columns || table.Cells is null || table.Counts is null || table.Cells.Count != table.Counts.Count)
        {
            return false;
        }

        long cells = 1;
        for (int i = 0; i < columns.Count; i++)
        {
            if (columns[i] < 0 || columns[i] >= sizes.Length || (i > 0 && columns[i] <= columns[i - 1]))
            {
                return false;
            }

            cells *= sizes[columns[i]];
        }

        return table.Cells.All(c => c >= 0 && c < cells) && table.Counts.All(c => c >= 0);
    }

    /// <summary>A spec's JSON in one form, however the file it came from was indented.</summary>
    private static string SpecText(JsonElement spec) => System.Text.Encoding.UTF8.GetString(TableSpec.FromJson(spec.GetRawText()).ToJsonBytes(indented: false));

    internal static SynthKitException Mismatch(string detail) => new(ModelingErrorCodes.CannotMerge, detail);

    /// <summary>The first of <paramref name="parts"/>, after checking they are all of <paramref name="stage"/> and agree on <paramref name="what"/>.</summary>
    private static StatisticsData Same(List<FitStatistics> parts, string stage, Func<StatisticsData, string> key, string what)
    {
        if (parts.Count == 0)
        {
            throw Mismatch("no statistics to merge");
        }

        for (int i = 0; i < parts.Count; i++)
        {
            if (parts[i].Stage != stage)
            {
                throw Mismatch($"statistics {i + 1} are of stage '{parts[i].Stage}', not '{stage}'" + (stage == CountsStage ? ": merge round one's statistics into a plan first" : ": round two's counts merge into a model, not a plan"));
            }
        }

        string expected = key(parts[0].Data);
        for (int i = 1; i < parts.Count; i++)
        {
            if (key(parts[i].Data) != expected)
            {
                throw Mismatch($"statistics {i + 1} differ from statistics 1 in their {what}: every partition must be read under the same spec and counted with the same options");
            }
        }

        return parts[0].Data;
    }

    /// <summary>Adds every row's combination of the bins of <paramref name="set"/> to <paramref name="table"/>.</summary>
    private static void Count(int[] set, int[][] binned, int[] sizes, int rows, long[] table)
    {
        switch (set.Length)
        {
            case 1:
                foreach (int b in binned[set[0]].AsSpan(0, rows))
                {
                    table[b]++;
                }

                break;
            case 2:
            {
                var (a, b) = (binned[set[0]], binned[set[1]]);
                int sb = sizes[set[1]];
                for (int r = 0; r < rows; r++)
                {
                    table[(a[r] * sb) + b[r]]++;
                }

                break;
            }

            default:
            {
                var (a, b, c) = (binned[set[0]], binned[set[1]], binned[set[2]]);
                int sb = sizes[set[1]], sc = sizes[set[2]];
                for (int r = 0; r < rows; r++)
                {
                    table[(((a[r] * sb) + b[r]) * sc) + c[r]]++;
                }

                break;
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> for 0 … n − 1 on every core; a failure is the lowest index's, whatever the order they ran in.</summary>
    private static void OnEveryCore(int n, Action<int> body)
    {
        var failures = new Exception?[n];
        System.Threading.Tasks.Parallel.For(0, n, i =>
        {
            try
            {
                body(i);
            }
            catch (Exception ex)
            {
                failures[i] = ex;
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    /// <summary>Every set of <paramref name="most"/> or fewer of <paramref name="d"/> columns, in increasing order within and between sets of one size.</summary>
    private static IEnumerable<int[]> Sets(int d, int most)
    {
        for (int size = 1; size <= most; size++)
        {
            var set = Enumerable.Range(0, size).ToArray();
            while (true)
            {
                yield return (int[])set.Clone();
                int i = size - 1;
                while (i >= 0 && set[i] == d - size + i)
                {
                    i--;
                }

                if (i < 0)
                {
                    break;
                }

                set[i]++;
                for (int k = i + 1; k < size; k++)
                {
                    set[k] = set[k - 1] + 1;
                }
            }
        }
    }

    /// <summary>Each row's bin of a column under the plan: null is 0; a category's bin is looked up; a number's is the last threshold at or below it.</summary>
    private static int[] Bin(Column column, ColumnBins bins)
    {
        var result = new int[column.Count];
        if (bins.Labels is { } planned)
        {
            var index = planned.Select((l, i) => (l, bins.Bins[i])).ToDictionary(p => p.l, p => p.Item2, StringComparer.Ordinal);
            var (codes, labels) = ColumnValues.LabelCodes(column);
            var map = labels.Select(l => index.TryGetValue(l, out int b) ? b : -1).ToArray();
            for (int r = 0; r < result.Length; r++)
            {
                int code = codes[r];
                if (code >= 0)
                {
                    result[r] = map[code] >= 0 ? map[code] : throw Mismatch($"column '{column.Name}' holds '{labels[code]}', which the plan never counted: the partition is not one the plan was made from");
                }
            }

            return result;
        }

        var from = bins.From!.ToArray();
        var numbers = ColumnValues.Numbers(column);
        for (int r = 0; r < result.Length; r++)
        {
            if (numbers[r] is var v && !double.IsNaN(v))
            {
                int i = Array.BinarySearch(from, v);
                i = i < 0 ? ~i - 1 : i;
                result[r] = i < 0 ? throw Mismatch($"column '{column.Name}' holds {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}, below every value the plan counted: the partition is not one the plan was made from") : bins.Bins[i];
            }
        }

        return result;
    }

    /// <summary>
    /// One column's round-one counts, chunk by chunk: its labels or distinct numbers with their counts, and for text the first
    /// values, so personal data is judged on the whole partition exactly as the single fit judges a column.
    /// </summary>
    private sealed class Tally
    {
        private readonly string _name;
        private readonly bool _readsValues;
        private readonly Dictionary<string, long>? _labels;
        private readonly Dictionary<double, long>? _numbers;
        private readonly List<string> _sample = [];
        private long _nulls;

        private Tally(Column column, SkippedData? skipped)
        {
            _name = column.Name;
            Skipped = skipped;
            _readsValues = PersonalData.ReadsValues(column.Spec);
            if (skipped is null)
            {
                bool categorical = Marginals.IsCategorical(column);
                _labels = categorical ? new Dictionary<string, long>(StringComparer.Ordinal) : null;
                _numbers = categorical ? null : [];
            }
        }

        /// <summary>Why the column is not learned, when that is known (from the spec, its name, or at the end its values).</summary>
        public SkippedData? Skipped { get; private set; }

        public static Tally For(Column column)
        {
            if (Marginals.Excluded(column) is { } reason)
            {
                return new Tally(column, new SkippedData { Column = column.Name, Reason = reason });
            }

            return PersonalData.ByName(column.Spec) is { } named
                ? new Tally(column, new SkippedData { Column = column.Name, Reason = $"personal data ({named.How})", Detected = true, Pii = named.Kind?.ToString() })
                : new Tally(column, null);
        }

        public void Add(Column column)
        {
            if (Skipped is not null)
            {
                return;
            }

            if (_numbers is not null)
            {
                foreach (double v in ColumnValues.Numbers(column))
                {
                    if (double.IsNaN(v))
                    {
                        _nulls++;
                    }
                    else
                    {
                        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_numbers, v, out _)++;
                    }
                }

                return;
            }

            var (codes, labels) = ColumnValues.LabelCodes(column);
            var counts = new long[labels.Count];
            foreach (int code in codes)
            {
                if (code < 0)
                {
                    _nulls++;
                }
                else
                {
                    counts[code]++;
                }
            }

            for (int k = 0; k < counts.Length; k++)
            {
                if (counts[k] > 0)
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_labels!, labels[k], out _) += counts[k];
                }
            }

            for (int r = 0; _readsValues && r < codes.Length && _sample.Count < PersonalData.Sampled; r++)
            {
                if (codes[r] >= 0)
                {
                    _sample.Add(labels[codes[r]]);
                }
            }
        }

        /// <summary>The column's statistics, or null when it is not learned (<see cref="Skipped"/> says why).</summary>
        public ColumnStatistics? Finish(long rows)
        {
            if (Skipped is null && _readsValues && PersonalData.ByValues(_sample, _labels!.Count, rows) is { } found)
            {
                Skipped = new SkippedData { Column = _name, Reason = $"personal data ({found.How})", Detected = true, Pii = found.Kind?.ToString() };
            }

            if (Skipped is not null)
            {
                return null;
            }

            if (_labels is not null)
            {
                var labels = _labels.Keys.Order(StringComparer.Ordinal).ToArray();
                return new ColumnStatistics { Column = _name, Kind = "categorical", Nulls = _nulls, Labels = labels, Counts = labels.Select(l => _labels[l]).ToArray() };
            }

            var values = _numbers!.Keys.Order().ToArray();
            return new ColumnStatistics { Column = _name, Kind = "numeric", Nulls = _nulls, Values = values, Counts = values.Select(v => _numbers[v]).ToArray() };
        }
    }

    /// <summary>Joint counts merged from every partition's tables.</summary>
    private sealed class MergedCounts(Dictionary<string, long[]> tables, int[] sizes, long rows) : BayesianNetwork.IJointCounts
    {
        public long Rows => rows;

        public void Fill(int child, int[] parents, Span<int> counts)
        {
            var set = parents.Append(child).Order().ToArray();
            if (!tables.TryGetValue(string.Join(",", set), out var table))
            {
                throw Mismatch($"the counts hold no table of the columns {string.Join(", ", set)}");
            }

            // Where each member of the set sits among (parents…, child), to number a cell of the set as the caller wants.
            var role = set.Select(j => j == child ? -1 : Array.IndexOf(parents, j)).ToArray();
            var bins = new int[set.Length];
            for (int cell = 0; cell < table.Length; cell++)
            {
                long count = table[cell];
                if (count == 0)
                {
                    continue;
                }

                int rest = cell;
                for (int k = set.Length - 1; k >= 0; k--)
                {
                    bins[k] = rest % sizes[set[k]];
                    rest /= sizes[set[k]];
                }

                int config = 0;
                for (int p = 0; p < parents.Length; p++)
                {
                    config = (config * sizes[parents[p]]) + bins[Array.IndexOf(role, p)];
                }

                counts[(config * sizes[child]) + bins[Array.IndexOf(role, -1)]] += checked((int)count);
            }
        }
    }
}

/// <summary>
/// Round one's merge of <see cref="FitStatistics"/>: the merged marginals and every learned column's bins, under which each
/// partition counts its rows in round two. JSON, the same bytes for the same statistics.
/// </summary>
public sealed class FitPlan
{
    internal FitPlan(PlanData data)
    {
        Data = data;
        Spec = TableSpec.FromJson(data.Spec.GetRawText());
        Sizes = data.Marginals.Select((m, j) => BayesianNetwork.Bins.Of(m, BayesianNetwork.Cuts([m], data.Options.ToOptions())[0]).Count).ToArray();
    }

    /// <summary>The spec every partition is read under.</summary>
    public TableSpec Spec { get; }

    /// <summary>How many rows all the partitions hold.</summary>
    public long Rows => Data.Rows;

    /// <summary>The learned columns' merged marginals.</summary>
    public IReadOnlyList<Marginal> Marginals => Data.Marginals;

    internal PlanData Data { get; }

    /// <summary>How many bins each learned column has, null included.</summary>
    internal int[] Sizes { get; }

    /// <summary>Reads a plan written by <see cref="ToJson"/>.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="SynthKitException">SK6006: not a SynthKit fit plan of this version.</exception>
    public static FitPlan FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var data = FitStatistics.Read(json, StatisticsJsonContext.Default.PlanData, "a fit plan");
        if (!IsValid(data))
        {
            throw FitStatistics.Mismatch("the file is not a version-1 SynthKit fit plan with a bin table for every learned column");
        }

        var plan = new FitPlan(data);
        if (data.Bins.Select((b, j) => b.Bins.Any(x => x < 0 || x >= plan.Sizes[j])).Any(bad => bad))
        {
            throw FitStatistics.Mismatch("the plan maps a value to a bin its column does not have");
        }

        return plan;
    }

    /// <summary>Whether a plan read from JSON has every part a plan has, a bin table for every learned column, of the right length.</summary>
    internal static bool IsValid(PlanData data) =>
        data.PlanVersion == 1 && data.Table is not null && data.Spec.ValueKind == JsonValueKind.Object && data.Options is not null && data.NotLearned is not null
        && data.Marginals is { Count: > 0 } marginals && data.Bins is { } bins && bins.Count == marginals.Count
        && marginals.Zip(bins).All(p => p.First is not null && p.Second?.Bins is not null && p.First.Column == p.Second.Column
            && (p.First.Categories is not null ? p.Second.Labels?.Count == p.Second.Bins.Count : p.First.Knots is not null && p.Second.From?.Count == p.Second.Bins.Count));

    /// <summary>Reads a plan file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="SynthKitException">SK6006: not a fit plan (the message names the file).</exception>
    public static FitPlan Load(string path) => FitStatistics.Named(path, () => FromJson(File.ReadAllText(path)));

    /// <summary>The plan as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(Data, StatisticsJsonContext.Default.PlanData);

    /// <summary>Writes the plan to a file, through a temporary file renamed into place.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path) => FitStatistics.Write(path, ToJson());
}

internal sealed class StatisticsData
{
    public int StatisticsVersion { get; init; } = 1;

    public string Stage { get; init; } = "";

    public string Table { get; init; } = "";

    public long Rows { get; init; }

    public JsonElement Spec { get; init; }

    public OptionsData Options { get; init; } = new();

    public IReadOnlyList<ColumnStatistics>? Columns { get; init; }

    public IReadOnlyList<SkippedData> NotLearned { get; init; } = [];

    public PlanData? Plan { get; init; }

    public IReadOnlyList<TableCounts>? Tables { get; init; }

    public IReadOnlyList<DomainData>? Domains { get; init; }

    public IReadOnlyList<SynthKit.Provenance.LineageNode>? Inputs { get; init; }
}

/// <summary>A learned column's declared domain, as a private partition's statistics carry it.</summary>
internal sealed class DomainData
{
    public string Column { get; init; } = "";

    public IReadOnlyList<string>? Categories { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public string From { get; init; } = "";
}

/// <summary>The options of a fit that statistics are counted under.</summary>
internal sealed class OptionsData
{
    public int Knots { get; init; }

    public string Marginals { get; init; } = "";

    public int MinimumCount { get; init; }

    public int MaxParents { get; init; }

    public int Bins { get; init; }

    public static OptionsData Of(ModelOptions options, TableSpec spec)
    {
        string? refused = options.Kind != ModelKind.BayesianNetwork ? "a Gaussian copula (its normal scores need the merged marginals and a jitter of every row)"
            : options.Target is not null ? "a target's tree (it splits on rows, not on counts)"
            : Modeling.Marginals.Declared(options, spec).Count > 0 ? "constraints (they are checked and counted on rows)"
            : options.MaxParents > 2 ? $"{options.MaxParents} parents (partitions count sets of at most three columns)"
            : options.MaxParents < 0 || options.Bins < 1 || options.Knots < 1 || options.MinimumCount < 1 ? "negative parents, or fewer than one bin, knot or minimum count" : null;
        if (refused is not null)
        {
            throw FitStatistics.Mismatch($"a fit from partitions cannot have {refused}; fit a Bayesian network of at most 2 parents, without a target or constraints");
        }

        return new OptionsData { Knots = options.Knots, Marginals = options.Marginals == MarginalKind.Parametric ? "parametric" : "empirical", MinimumCount = options.MinimumCount, MaxParents = options.MaxParents, Bins = options.Bins };
    }

    public ModelOptions ToOptions() => new()
    {
        Knots = Knots,
        Marginals = Marginals == "parametric" ? MarginalKind.Parametric : MarginalKind.Empirical,
        MinimumCount = MinimumCount,
        MaxParents = MaxParents,
        Bins = Bins,
    };
}

/// <summary>A partition's exact counts of one learned column: its labels or its distinct numbers, in order, with how many rows hold each.</summary>
internal sealed class ColumnStatistics
{
    public string Column { get; init; } = "";

    public string Kind { get; init; } = "";

    public long Nulls { get; init; }

    public IReadOnlyList<string>? Labels { get; init; }

    [JsonConverter(typeof(CompactDoubles))]
    public IReadOnlyList<double>? Values { get; init; }

    [JsonConverter(typeof(CompactLongs))]
    public IReadOnlyList<long> Counts { get; init; } = [];
}

internal sealed class SkippedData
{
    public string Column { get; init; } = "";

    public string Reason { get; init; } = "";

    /// <summary>Whether the fit found personal data in it (not declared by the spec): the model's spec then gives it a fake.</summary>
    public bool Detected { get; init; }

    /// <summary>The kind found (null for free text).</summary>
    public string? Pii { get; init; }
}

internal sealed class PlanData
{
    public int PlanVersion { get; init; } = 1;

    public string Table { get; init; } = "";

    public long Rows { get; init; }

    public JsonElement Spec { get; init; }

    public OptionsData Options { get; init; } = new();

    public IReadOnlyList<Marginal> Marginals { get; init; } = [];

    public IReadOnlyList<SkippedData> NotLearned { get; init; } = [];

    public IReadOnlyList<ColumnBins> Bins { get; init; } = [];
}

/// <summary>How a learned column's values map to its bins: each label's bin, or the first value of each run of numbers in one bin.</summary>
internal sealed class ColumnBins
{
    public string Column { get; init; } = "";

    public IReadOnlyList<string>? Labels { get; init; }

    [JsonConverter(typeof(CompactDoubles))]
    public IReadOnlyList<double>? From { get; init; }

    [JsonConverter(typeof(CompactInts))]
    public IReadOnlyList<int> Bins { get; init; } = [];
}

/// <summary>A partition's count of every combination of the bins of some learned columns (by index, increasing), only those seen.</summary>
internal sealed class TableCounts
{
    [JsonConverter(typeof(CompactInts))]
    public IReadOnlyList<int> Columns { get; init; } = [];

    [JsonConverter(typeof(CompactInts))]
    public IReadOnlyList<int> Cells { get; init; } = [];

    [JsonConverter(typeof(CompactLongs))]
    public IReadOnlyList<long> Counts { get; init; } = [];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StatisticsData))]
[JsonSerializable(typeof(PlanData))]
[JsonSerializable(typeof(List<DomainData>))]
internal sealed partial class StatisticsJsonContext : JsonSerializerContext
{
}
