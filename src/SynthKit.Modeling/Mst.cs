using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;

namespace SynthKit.Modeling;

/// <summary>
/// The MST mechanism (McKenna, Miklau, Sheldon 2021), fitted into the Bayesian network's engine: a third of the ρ-zCDP
/// budget measures every column's 1-way marginal with Gaussian noise, a third selects a maximum spanning tree of the
/// columns by the exponential mechanism (Kruskal's steps, each edge's weight the L1 distance of its real 2-way marginal
/// from the product of the noisy 1-way ones), and a third measures the tree's 2-way marginals. The rest is
/// post-processing, which costs nothing: the total and every column's marginal are combined from all the measurements
/// that hold them (inverse-variance weights) and projected onto the non-negative counts of that total; each edge's
/// table is made non-negative and fitted to its two columns' marginals by iterative proportional fitting, so the tree's
/// marginals agree; the tree is sampled exactly, root first, like every network. Domains come from declarations only.
/// </summary>
internal static class Mst
{
    /// <summary>The share of ρ spent on the 1-way marginals (the rest after selection goes to the tree's 2-way marginals).</summary>
    internal const double OneWayShare = 0.5;

    /// <summary>The share of ρ spent on selecting the tree.</summary>
    internal const double SelectionShare = 0.05;

    public static BayesianNetwork Fit(ColumnBatch table, ModelOptions options, Trace? trace = null)
    {
        var prepared = Prepare(table, options);
        if (table.RowCount == 0)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, "the table has no rows");
        }

        var binned = prepared.Columns.Select(c => Encode(table[c.Spec.Name], c.Domain, options.Bins)).ToArray();
        var sizes = prepared.Sizes(options.Bins);
        return Run(prepared, set => Count(binned, sizes, set, table.RowCount), options, trace);
    }

    /// <summary>What a private fit learns and from which declared domains — decided from the spec and the names alone.</summary>
    internal sealed class Prepared
    {
        public required TableSpec Spec { get; init; }

        public required List<(ColumnSpec Spec, ColumnDomain Domain, string From)> Columns { get; init; }

        public required List<NotLearned> Skipped { get; init; }

        public required Dictionary<string, PiiKind?> Detected { get; init; }

        /// <summary>Each learned column's bins: null, then its categories, or its minimum, the inner bins and its maximum.</summary>
        public int[] Sizes(int bins) => Columns.Select(c => 1 + (c.Domain.Categories?.Count ?? (bins + 2))).ToArray();
    }

    /// <summary>Checks the options and screens the columns: which are learned, from which declared domain, and which are not and why.</summary>
    internal static Prepared Prepare(ColumnBatch table, ModelOptions options)
    {
        var dp = options.Privacy!;
        if (options.Kind != ModelKind.BayesianNetwork || options.Target is not null || Marginals.Declared(options, table.Spec).Count > 0 || options.Bins < 1)
        {
            throw Refused("a differentially private fit is a tree-shaped Bayesian network of at least one bin per number: no copula, target or constraints (each would read the rows without noise)");
        }

        ZeroConcentratedDp.Rho(dp.Epsilon, dp.Delta);

        // Columns: screened by the spec and by name only — a test of the values would choose what to measure from the data.
        var columns = new List<(ColumnSpec Spec, ColumnDomain Domain, string From)>();
        var skipped = new List<NotLearned>();
        var detected = new Dictionary<string, PiiKind?>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var column in table.Columns)
        {
            if (Marginals.Excluded(column) is { } reason)
            {
                skipped.Add(new NotLearned { Column = column.Name, Reason = reason });
            }
            else if (PersonalData.ByName(column.Spec) is { } named)
            {
                skipped.Add(new NotLearned { Column = column.Name, Reason = $"personal data ({named.How})" });
                detected[column.Name] = named.Kind;
            }
            else if (dp.Domains?.GetValueOrDefault(column.Name) is { } given)
            {
                columns.Add((column.Spec, given, "the domains given"));
            }
            else if (Declared(column) is { } declared)
            {
                columns.Add((column.Spec, declared, "the spec"));
            }
            else
            {
                missing.Add(column.Name);
            }
        }

        if (missing.Count > 0)
        {
            throw Refused($"{missing.Count} column(s) have no declared domain, and a domain read from the data would leak it: {string.Join(", ", missing)}. Declare their categories or bounds in the spec, give a domain file (--domain), or leave the columns out of the spec");
        }

        if (columns.Count == 0)
        {
            throw Marginals.NothingToLearn(skipped);
        }

        return new Prepared { Spec = table.Spec, Columns = columns, Skipped = skipped, Detected = detected };
    }

    /// <summary>The mechanism on exact counts of the declared bins (<paramref name="exact"/> of a set of learned columns, the first most significant).</summary>
    internal static BayesianNetwork Run(Prepared prepared, Func<int[], double[]> exact, ModelOptions options, Trace? trace)
    {
        var dp = options.Privacy!;
        double rho = ZeroConcentratedDp.Rho(dp.Epsilon, dp.Delta);
        var columns = prepared.Columns;
        var skipped = prepared.Skipped;
        var detected = prepared.Detected;
        int d = columns.Count;
        var sizes = prepared.Sizes(options.Bins);
        var noise = new Noise(dp.Seed);
        var measured = new List<string>();

        // 1. Every 1-way marginal, a third of ρ (all of it with one column), split evenly.
        double rho1 = d == 1 ? rho : rho * OneWayShare, rho2 = d == 1 ? 0 : rho * SelectionShare, rho3 = d == 1 ? 0 : rho - rho1 - rho2;
        if (trace is not null)
        {
            trace.Rho = rho;
        }

        double sigma1 = Math.Sqrt(d / (2 * rho1));
        var oneWay = new double[d][];
        for (int j = 0; j < d; j++)
        {
            var counts = exact([j]);
            oneWay[j] = counts.Select(c => c + (sigma1 * noise.Normal())).ToArray();
            trace?.Measurements.Add((counts, oneWay[j], sigma1));
            measured.Add($"1-way {columns[j].Spec.Name} (σ {Format(sigma1)})");
        }

        // Domain compression (post-processing of the 1-way measurements, as MST does): the bins whose noisy count is under
        // 3σ are measured from here on as one, so the 2-way tables do not drown in the noise of empty cells.
        var compressed = new Compression[d];
        for (int j = 0; j < d; j++)
        {
            compressed[j] = Compression.Of(oneWay[j], 3 * sigma1);
        }

        var csizes = compressed.Select(c => c.Size).ToArray();
        double[] Pair(int a, int b) => Compression.Pair(exact([a, b]), compressed[a], compressed[b]);
        var cOneWay = oneWay.Select((y, j) => compressed[j].Sum(y)).ToArray();
        var cVariance = compressed.Select(c => c.Members.Select(m => m * sigma1 * sigma1).ToArray()).ToArray();
        if (compressed.Any(c => c.Merged > 0))
        {
            measured.Add($"domain compression (post-processing): {string.Join(", ", Enumerable.Range(0, d).Where(j => compressed[j].Merged > 0).Select(j => $"{columns[j].Spec.Name} {compressed[j].Merged} bins as one"))}");
        }

        // 2. The tree: Kruskal's steps, each edge chosen by the exponential mechanism on its L1 weight (sensitivity 1).
        var edges = new List<(int A, int B)>();
        var oneWayTotal = Total(oneWay.Select(y => (y, sigma1)).ToList());
        if (d > 1)
        {
            var independent = cOneWay.Select(y => Project(y, oneWayTotal)).ToArray();
            var weights = new Dictionary<(int, int), double>();
            for (int a = 0; a < d; a++)
            {
                for (int b = a + 1; b < d; b++)
                {
                    // The L1 distance of the real pair from independence, less what sampling alone would give
                    // under independence (each cell's Poisson mean absolute deviation): without it, pairs of large
                    // sparse domains look dependent. The correction depends on the noisy marginals only, so the
                    // weight's sensitivity stays 1.
                    var x = Pair(a, b);
                    double l1 = 0;
                    for (int i = 0; i < csizes[a]; i++)
                    {
                        for (int k = 0; k < csizes[b]; k++)
                        {
                            double expected = independent[a][i] * independent[b][k] / Math.Max(oneWayTotal, 1);
                            l1 += Math.Abs(x[(i * csizes[b]) + k] - expected) - PoissonDeviation(expected);
                        }
                    }

                    weights[(a, b)] = l1;
                }
            }

            double epsilonStep = Math.Sqrt(8 * rho2 / (d - 1));
            trace?.Steps.AddRange(Enumerable.Repeat(epsilonStep, d - 1));
            var component = Enumerable.Range(0, d).ToArray();
            int Find(int v) => component[v] == v ? v : component[v] = Find(component[v]);
            for (int step = 0; step < d - 1; step++)
            {
                var candidates = weights.Keys.Where(e => Find(e.Item1) != Find(e.Item2)).ToList();
                var scores = candidates.Select(e => epsilonStep / 2 * weights[e]).ToArray();
                double top = scores.Max();
                var cumulative = new double[scores.Length];
                double sum = 0;
                for (int i = 0; i < scores.Length; i++)
                {
                    sum += Math.Exp(scores[i] - top);
                    cumulative[i] = sum;
                }

                double u = noise.Uniform() * sum;
                int chosen = Math.Min(Array.FindIndex(cumulative, c => u < c) is var at && at >= 0 ? at : scores.Length - 1, scores.Length - 1);
                var (a, b) = candidates[chosen];
                edges.Add((a, b));
                component[Find(a)] = Find(b);
            }

            measured.Add($"tree selection: {d - 1} exponential-mechanism steps (ε {Format(epsilonStep)} each, L1 weights of sensitivity 1)");
        }

        // 3. The tree's 2-way marginals, over the compressed domains.
        double sigma3 = d == 1 ? 0 : Math.Sqrt((d - 1) / (2 * rho3));
        var twoWay = new double[edges.Count][];
        for (int e = 0; e < edges.Count; e++)
        {
            var (a, b) = edges[e];
            var counts = Pair(a, b);
            twoWay[e] = counts.Select(c => c + (sigma3 * noise.Normal())).ToArray();
            trace?.Measurements.Add((counts, twoWay[e], sigma3));
            measured.Add($"2-way {columns[a].Spec.Name} × {columns[b].Spec.Name} (σ {Format(sigma3)})");
        }

        // Post-processing: the total, then every column's marginal from all its measurements (each cell weighted by the
        // inverse of its variance), non-negative and summing to the total.
        var totals = oneWay.Select(y => (y, sigma1)).Concat(twoWay.Select(y => (y, sigma3))).ToList();
        double total = Math.Max(1, Total(totals));
        var marginal = new double[d][];
        for (int j = 0; j < d; j++)
        {
            var sum = cOneWay[j].Select((v, i) => v / cVariance[j][i]).ToArray();
            var weight = cVariance[j].Select(v => 1 / v).ToArray();
            for (int e = 0; e < edges.Count; e++)
            {
                if (edges[e].A != j && edges[e].B != j)
                {
                    continue;
                }

                int other = edges[e].A == j ? edges[e].B : edges[e].A;
                double w = 1 / (csizes[other] * sigma3 * sigma3);
                var rows = Sum(twoWay[e], csizes[edges[e].A], csizes[edges[e].B], keepFirst: edges[e].A == j);
                for (int i = 0; i < sum.Length; i++)
                {
                    sum[i] += rows[i] * w;
                    weight[i] += w;
                }
            }

            var estimate = sum.Select((v, i) => v / weight[i]).ToArray();
            if (!columns[j].Spec.Nullable)
            {
                estimate[0] = double.NegativeInfinity; // no nulls: the spec says so, which is public
            }

            marginal[j] = Project(estimate, total);
        }

        // Each edge's table: non-negative, fitted to both marginals (the tree's marginals then agree).
        var tables = new double[edges.Count][];
        for (int e = 0; e < edges.Count; e++)
        {
            var (a, b) = edges[e];
            tables[e] = Fit(twoWay[e], marginal[a], marginal[b], total);
        }

        // Back to the declared bins: a merged bin's mass is shared among its bins by their noisy 1-way counts.
        for (int e = 0; e < edges.Count; e++)
        {
            var (a, b) = edges[e];
            tables[e] = Expand(tables[e], compressed[a], compressed[b], oneWay[a], oneWay[b]);
        }

        for (int j = 0; j < d; j++)
        {
            marginal[j] = compressed[j].Expand(marginal[j], oneWay[j]);
        }

        return Assemble(prepared.Spec, options, dp, rho, columns, sizes, marginal, edges, tables, skipped, detected, measured, total, noise.Seeded);
    }

    private static BayesianNetwork Assemble(TableSpec spec, ModelOptions options, DifferentialPrivacy dp, double rho, List<(ColumnSpec Spec, ColumnDomain Domain, string From)> columns, int[] sizes, double[][] marginal, List<(int A, int B)> edges, double[][] tables, List<NotLearned> skipped, Dictionary<string, PiiKind?> detected, List<string> measured, double total, bool seeded)
    {
        int d = columns.Count;
        var marginals = new List<Marginal>();
        var cuts = new double[]?[d];
        for (int j = 0; j < d; j++)
        {
            var (column, domain, _) = columns[j];
            double nullShare = marginal[j][0] / total;
            var values = marginal[j].Skip(1).ToArray();
            double present = values.Sum();
            var shares = present > 0 ? values.Select(v => v / present).ToArray() : values.Select(_ => 1.0 / values.Length).ToArray();
            if (domain.Categories is { } categories)
            {
                marginals.Add(new Marginal { Column = column.Name, Kind = "categorical", NullShare = Marginals.Round12(nullShare), Categories = categories, Shares = shares.Select(Marginals.Round12).ToArray() });
                continue;
            }

            // Numbers: a histogram over the declared bins — the minimum itself, equal-width bins between, the maximum itself —
            // each inner bin's values spread evenly; the knots are its quantiles. Every bin keeps a sliver of probability
            // so its cut stays strictly inside the next.
            var floored = shares.Select(s => Math.Max(s, 1e-9)).ToArray();
            double norm = floored.Sum();
            floored = floored.Select(s => s / norm).ToArray();
            var cumulative = Marginals.Cumulative(floored);
            double min = domain.Min!.Value, max = domain.Max!.Value, width = (max - min) / options.Bins;
            var knots = new double[options.Knots + 1];
            for (int i = 0; i <= options.Knots; i++)
            {
                double p = (double)i / options.Knots;
                int bin = Math.Min(Array.FindIndex(cumulative, c => p <= c) is var at && at >= 0 ? at : floored.Length - 1, floored.Length - 1);
                double below = bin == 0 ? 0 : cumulative[bin - 1];
                knots[i] = Marginals.Round12(bin == 0 ? min : bin == floored.Length - 1 ? max : min + (width * (bin - 1 + Math.Clamp((p - below) / floored[bin], 0, 1))));
            }

            cuts[j] = cumulative.Take(floored.Length - 1).Select(Marginals.Round12).ToArray();
            bool integral = column.Type is StorageType.Int8 or StorageType.UInt8 or StorageType.Int16 or StorageType.UInt16 or StorageType.Int32 or StorageType.UInt32 or StorageType.Int64 or StorageType.UInt64 or StorageType.Date or StorageType.Boolean;
            marginals.Add(new Marginal { Column = column.Name, Kind = "numeric", NullShare = Marginals.Round12(nullShare), Knots = knots, Integral = integral });
        }

        // The tree, rooted at the first column, walked breadth first; each child's counts under each of its parent's bins.
        var network = new List<NetworkNode>();
        var placed = new bool[d];
        var queue = new Queue<int>();
        for (int root = 0; root < d; root++)
        {
            if (placed[root])
            {
                continue;
            }

            placed[root] = true;
            queue.Enqueue(root);
            network.Add(new NetworkNode { Column = columns[root].Spec.Name, Cuts = cuts[root], Counts = [new CountRow { Given = [], Counts = Round(marginal[root]) }] });
            while (queue.Count > 0)
            {
                int parent = queue.Dequeue();
                for (int e = 0; e < edges.Count; e++)
                {
                    var (a, b) = edges[e];
                    if ((a != parent && b != parent) || placed[a == parent ? b : a])
                    {
                        continue;
                    }

                    int child = a == parent ? b : a;
                    placed[child] = true;
                    queue.Enqueue(child);
                    var rows = new List<CountRow>();
                    for (int given = 0; given < sizes[parent]; given++)
                    {
                        var counts = new int[sizes[child]];
                        for (int c = 0; c < sizes[child]; c++)
                        {
                            double v = a == parent ? tables[e][(given * sizes[b]) + c] : tables[e][(c * sizes[b]) + given];
                            counts[c] = (int)Math.Round(v, MidpointRounding.ToEven);
                        }

                        if (counts.Sum() > 0)
                        {
                            rows.Add(new CountRow { Given = [given], Counts = counts });
                        }
                    }

                    network.Add(new NetworkNode { Column = columns[child].Spec.Name, Parents = [columns[parent].Spec.Name], Cuts = cuts[child], Counts = rows });
                }
            }
        }

        // The network's nodes in sampling order, the marginals in spec order.
        var declared = columns.Select(c => c.Domain.Categories is { } k
            ? $"{c.Spec.Name}: {k.Count} categories (declared in {c.From})"
            : $"{c.Spec.Name}: [{Format(c.Domain.Min!.Value)}, {Format(c.Domain.Max!.Value)}], its bounds and {options.Bins} equal bins between (declared in {c.From})").ToList();
        declared.Add("the columns learned and left out (the spec and the columns' names)");
        var privacy = new PrivacyData { Mechanism = "mst", Epsilon = dp.Epsilon, Delta = dp.Delta, Rho = Marginals.Round12(rho), Measured = measured, Public = declared, Seeded = seeded };
        var model = BayesianNetwork.Assemble(spec.Name, (int)Math.Min(int.MaxValue, Math.Round(total)), new ModelOptions { MinimumCount = 1 }, PersonalData.Rewrite(spec, detected), marginals, skipped, network, null);
        return (BayesianNetwork)SynthModel.FromData(model.Data.WithPrivacy(privacy));
    }

    /// <summary>
    /// A column's domain from its spec: a boolean's two values; an enum's members or a categorical rule's values; for
    /// numbers a clamp's bounds (<c>[Clamp]</c>) or a rule's minimum and maximum (<c>[Range]</c>, <c>[Uniform]</c>).
    /// </summary>
    private static ColumnDomain? Declared(Column column)
    {
        var spec = column.Spec;
        if (column.Type == StorageType.Boolean)
        {
            return new ColumnDomain { Categories = ["False", "True"] };
        }

        if (Marginals.IsCategorical(column))
        {
            var values = spec.Categories is { Count: > 0 } categories ? categories : spec.Rule.Values?.Where(v => v is not null).Select(v => v!).ToArray();
            return values is { Count: > 0 } ? new ColumnDomain { Categories = values.Distinct(StringComparer.Ordinal).ToArray() } : null;
        }

        return spec.Modifiers is { ClampMin: { } low, ClampMax: { } high } && low < high ? new ColumnDomain { Min = low, Max = high }
            : spec.Rule is { Min: { } min, Max: { } max } && min < max ? new ColumnDomain { Min = min, Max = max }
            : null;
    }

    /// <summary>
    /// Each row's bin: 0 for null, then the category's position; for numbers 1 for the minimum (and below), then the
    /// equal-width inner bins, then the maximum (and above) — so a point mass at a bound, such as the zeros of an amount,
    /// keeps its own bin.
    /// </summary>
    internal static int[] Encode(Column column, ColumnDomain domain, int bins)
    {
        var result = new int[column.Count];
        if (domain.Categories is { } categories)
        {
            var index = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i + 1, StringComparer.Ordinal);
            var (codes, labels) = ColumnValues.LabelCodes(column);
            var map = labels.Select(l => index.GetValueOrDefault(l, -1)).ToArray();
            for (int r = 0; r < result.Length; r++)
            {
                if (codes[r] >= 0)
                {
                    result[r] = map[codes[r]] > 0 ? map[codes[r]] : throw Refused($"column '{column.Name}' holds '{labels[codes[r]]}', which is not one of its {categories.Count} declared categories; declare every category the data may hold");
                }
            }

            return result;
        }

        double min = domain.Min!.Value, max = domain.Max!.Value;
        var numbers = ColumnValues.Numbers(column);
        for (int r = 0; r < result.Length; r++)
        {
            if (!double.IsNaN(numbers[r]))
            {
                double v = numbers[r];
                result[r] = v <= min ? 1 : v >= max ? bins + 2 : 2 + Math.Clamp((int)Math.Floor((v - min) / (max - min) * bins), 0, bins - 1);
            }
        }

        return result;
    }

    /// <summary>The exact counts of the combinations of some columns' bins (the first column most significant).</summary>
    private static double[] Count(int[][] binned, int[] sizes, int[] set, int n)
    {
        var counts = new double[set.Aggregate(1, (a, j) => a * sizes[j])];
        for (int r = 0; r < n; r++)
        {
            int at = 0;
            foreach (int j in set)
            {
                at = (at * sizes[j]) + binned[j][r];
            }

            counts[at]++;
        }

        return counts;
    }

    /// <summary>The total rows, from every noisy measurement's sum, each weighted by the inverse of its variance.</summary>
    private static double Total(List<(double[] Counts, double Sigma)> measurements)
    {
        double sum = 0, weight = 0;
        foreach (var (counts, sigma) in measurements)
        {
            double w = 1 / (counts.Length * sigma * sigma);
            sum += counts.Sum() * w;
            weight += w;
        }

        return sum / weight;
    }

    /// <summary>A 2-way table summed over one of its columns: the first's marginal (<paramref name="keepFirst"/>) or the second's.</summary>
    private static double[] Sum(double[] table, int first, int second, bool keepFirst)
    {
        var result = new double[keepFirst ? first : second];
        for (int i = 0; i < first; i++)
        {
            for (int k = 0; k < second; k++)
            {
                result[keepFirst ? i : k] += table[(i * second) + k];
            }
        }

        return result;
    }

    /// <summary>The closest non-negative vector (Euclidean) summing to <paramref name="total"/>; −∞ entries become 0.</summary>
    internal static double[] Project(double[] v, double total)
    {
        var finite = v.Where(double.IsFinite).OrderByDescending(x => x).ToArray();
        double cumulative = 0, threshold = 0;
        for (int i = 0; i < finite.Length; i++)
        {
            cumulative += finite[i];
            double t = (cumulative - total) / (i + 1);
            if (i == finite.Length - 1 || finite[i + 1] <= t)
            {
                threshold = t;
                break;
            }
        }

        return v.Select(x => double.IsFinite(x) ? Math.Max(x - threshold, 0) : 0).ToArray();
    }

    /// <summary>A noisy 2-way table made non-negative and fitted to its row and column marginals by iterative proportional fitting.</summary>
    private static double[] Fit(double[] noisy, double[] rows, double[] columns, double total)
    {
        int r = rows.Length, c = columns.Length;
        // The closest non-negative table of the total first (noise-only cells go to 0 rather than keep their positive
        // half), then a sliver everywhere so every row and column can still be scaled to its marginal.
        double floor = total * 1e-9;
        var t = Project(noisy, total).Select(v => v + floor).ToArray();
        for (int iteration = 0; iteration < 200; iteration++)
        {
            double worst = Math.Max(ScaleTo(t, r, c, rows, byRow: true), ScaleTo(t, r, c, columns, byRow: false));
            if (worst < total * 1e-9)
            {
                break;
            }
        }

        return t;
    }

    /// <summary>E|X − μ| for X ~ Poisson(μ): 2 e^−μ μ^(⌊μ⌋ + 1) / ⌊μ⌋!.</summary>
    internal static double PoissonDeviation(double mu)
    {
        if (mu <= 0)
        {
            return 0;
        }

        double k = Math.Floor(mu);
        return 2 * Math.Exp(-mu + ((k + 1) * Math.Log(mu)) - MathNet.Numerics.SpecialFunctions.GammaLn(k + 1));
    }

    /// <summary>A 2-way table over compressed domains, back over the declared bins.</summary>
    private static double[] Expand(double[] table, Compression a, Compression b, double[] noisyA, double[] noisyB)
    {
        var fa = a.Fractions(noisyA);
        var fb = b.Fractions(noisyB);
        var result = new double[a.Map.Length * b.Map.Length];
        for (int i = 0; i < a.Map.Length; i++)
        {
            for (int k = 0; k < b.Map.Length; k++)
            {
                result[(i * b.Map.Length) + k] = table[(a.Map[i] * b.Size) + b.Map[k]] * fa[i] * fb[k];
            }
        }

        return result;
    }

    /// <summary>
    /// How a column's declared bins are measured after compression: null and every bin whose noisy count reached the
    /// threshold keep their own cell, the others (when two or more) share one.
    /// </summary>
    private sealed class Compression
    {
        private Compression(int[] map, int size, int merged)
        {
            Map = map;
            Size = size;
            Merged = merged;
            Members = new long[size];
            foreach (int c in map)
            {
                Members[c]++;
            }
        }

        /// <summary>Each declared bin's cell.</summary>
        public int[] Map { get; }

        public int Size { get; }

        /// <summary>How many declared bins share the merged cell (0 when none do).</summary>
        public int Merged { get; }

        /// <summary>How many declared bins each cell holds.</summary>
        public long[] Members { get; }

        public static Compression Of(double[] noisy, double threshold)
        {
            var small = Enumerable.Range(1, noisy.Length - 1).Where(bin => noisy[bin] < threshold).ToList();
            var map = Enumerable.Range(0, noisy.Length).ToArray();
            if (small.Count < 2)
            {
                return new Compression(map, noisy.Length, 0);
            }

            int next = 1;
            for (int bin = 1; bin < noisy.Length; bin++)
            {
                if (!small.Contains(bin))
                {
                    map[bin] = next++;
                }
            }

            foreach (int bin in small)
            {
                map[bin] = next;
            }

            return new Compression(map, next + 1, small.Count);
        }

        /// <summary>A 2-way table over two columns' declared bins summed into their cells.</summary>
        public static double[] Pair(double[] table, Compression a, Compression b)
        {
            var result = new double[a.Size * b.Size];
            for (int i = 0; i < a.Map.Length; i++)
            {
                for (int k = 0; k < b.Map.Length; k++)
                {
                    result[(a.Map[i] * b.Size) + b.Map[k]] += table[(i * b.Map.Length) + k];
                }
            }

            return result;
        }

        /// <summary>A vector over the declared bins summed into the cells.</summary>
        public double[] Sum(double[] values)
        {
            var result = new double[Size];
            for (int bin = 0; bin < Map.Length; bin++)
            {
                result[Map[bin]] += values[bin];
            }

            return result;
        }

        /// <summary>Each declared bin's share of its cell: by the noisy counts (their positive part) among its cell's bins, evenly when all are 0.</summary>
        public double[] Fractions(double[] noisy)
        {
            var positive = noisy.Select(v => Math.Max(v, 0)).ToArray();
            var cell = Sum(positive);
            return Enumerable.Range(0, Map.Length).Select(bin => Members[Map[bin]] == 1 ? 1 : cell[Map[bin]] > 0 ? positive[bin] / cell[Map[bin]] : 1.0 / Members[Map[bin]]).ToArray();
        }

        /// <summary>A vector over the cells, back over the declared bins.</summary>
        public double[] Expand(double[] cells, double[] noisy)
        {
            var fractions = Fractions(noisy);
            return Enumerable.Range(0, Map.Length).Select(bin => cells[Map[bin]] * fractions[bin]).ToArray();
        }
    }

    /// <summary>Scales each row (or column) of an r × c table to its target sum; returns the largest difference found before.</summary>
    private static double ScaleTo(double[] t, int r, int c, double[] targets, bool byRow)
    {
        double worst = 0;
        int lines = byRow ? r : c, length = byRow ? c : r;
        for (int a = 0; a < lines; a++)
        {
            double sum = 0;
            for (int b = 0; b < length; b++)
            {
                sum += t[byRow ? (a * c) + b : (b * c) + a];
            }

            double scale = sum > 0 ? targets[a] / sum : 0;
            worst = Math.Max(worst, Math.Abs(sum - targets[a]));
            for (int b = 0; b < length; b++)
            {
                t[byRow ? (a * c) + b : (b * c) + a] *= scale;
            }
        }

        return worst;
    }

    private static int[] Round(double[] counts) => counts.Select(v => (int)Math.Round(v, MidpointRounding.ToEven)).ToArray();

    private static string Format(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static SynthKitException Refused(string detail) => new(ModelingErrorCodes.PrivacyRefused, detail);

    /// <summary>What a fit measured, for tests: every measurement's exact and noisy counts with its σ, and each selection step's ε.</summary>
    internal sealed class Trace
    {
        public double Rho { get; set; }

        public List<(double[] Exact, double[] Noisy, double Sigma)> Measurements { get; } = [];

        public List<double> Steps { get; } = [];
    }

    /// <summary>The mechanism's randomness: a seeded counter-based stream, or the operating system's cryptographic generator.</summary>
    internal sealed class Noise(long? seed)
    {
        private readonly SynthRandom _random = new();
        private readonly ulong _scope = SynthRandom.ScopeOf(seed ?? 0);
        private readonly ulong _key = SynthRandom.KeyOf("mst.noise");
        private long _draws;

        public bool Seeded => seed is not null;

        /// <summary>A uniform draw in [0, 1).</summary>
        public double Uniform()
        {
            if (seed is null)
            {
                return (RandomNumberGenerator.GetInt32(1 << 26) * (double)(1 << 27) + RandomNumberGenerator.GetInt32(1 << 27)) / (1L << 53);
            }

            _random.Reset(_scope, _key, _draws++);
            return _random.NextDouble();
        }

        /// <summary>A standard normal draw (Box–Muller).</summary>
        public double Normal()
        {
            double u1 = 1 - Uniform(), u2 = Uniform();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
    }
}
