using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit.Modeling;

/// <summary>
/// A Bayesian network over binned columns — the non-private sibling of the MST / PrivBayes mechanisms. Every learned
/// column keeps its empirical marginal (as in the copula); its values are cut into bins (a category each, null, and for
/// numbers probability ranges with point masses in bins of their own), and the network stores how many real rows fell in
/// each bin under each combination of the bins of at most <see cref="ModelOptions.MaxParents"/> parent columns. The
/// structure is chosen greedily by mutual information less a penalty for the cells it adds (with one parent this is
/// the Chow–Liu tree). Sampling walks the columns in order, draws a bin from the counts under the parents' sampled bins
/// (combinations never seen fall back to fewer parents, then to the marginal), then a value inside the bin from the
/// column's knots.
/// </summary>
public sealed class BayesianNetwork : SynthModel
{
    private const int MaxCells = 1 << 20;
    private readonly Node[] _nodes;

    internal BayesianNetwork(ModelData data)
        : base(data)
    {
        _nodes = Nodes(data, 1);
    }

    private static Node[] Nodes(ModelData data, double boost)
    {
        var index = data.Marginals.Select((m, i) => (m.Column, i)).ToDictionary(p => p.Column, p => p.i, StringComparer.Ordinal);
        var bins = data.Network!.ToDictionary(n => n.Column, n => Bins.Of(data.Marginals[index[n.Column]], n.Cuts), StringComparer.Ordinal);
        var position = data.Network!.Select((n, i) => (n.Column, i)).ToDictionary(p => p.Column, p => p.i, StringComparer.Ordinal);
        return data.Network!.Select(n => new Node(data.Marginals[index[n.Column]], bins[n.Column], n, n.Parents.Select(p => (position[p], bins[p].Count)).ToArray(), boost, c => position[c])).ToArray();
    }

    /// <inheritdoc />
    public override string Key => "bayes-net";

    /// <summary>Fits a network to a table (read under its spec).</summary>
    /// <param name="table">The real rows.</param>
    /// <param name="options">Options, or null for the defaults (<see cref="ModelOptions.Kind"/> is ignored).</param>
    /// <returns>The fitted network.</returns>
    /// <exception cref="SynthKitException">SK6000: no rows, or no column to learn.</exception>
    public static new BayesianNetwork Fit(ColumnBatch table, ModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new ModelOptions();
        if (options.Privacy is not null)
        {
            return Mst.Fit(table, options);
        }

        if (options.MaxParents < 0 || options.Bins < 1)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, $"MaxParents must not be negative and Bins must be positive (got {options.MaxParents} and {options.Bins})");
        }

        var fitted = Marginals.FitAll(table, options, jittered: false);
        var marginals = fitted.Marginals;
        int d = marginals.Count, n = table.RowCount;
        var cuts = Cuts(marginals, options);
        var binning = new Bins[d];
        var binned = new int[d][];
        for (int j = 0; j < d; j++)
        {
            binning[j] = Bins.Of(marginals[j], cuts[j]);
            binned[j] = fitted.Midpoints[j].Select(u => binning[j].Of(u)).ToArray();
        }

        int target = -1;
        if (options.Target is { } targetName)
        {
            target = marginals.FindIndex(m => m.Column == targetName);
            if (target < 0)
            {
                throw new SynthKitException(ModelingErrorCodes.CannotFit, $"the target '{targetName}' is not a column the model learns (learned: {string.Join(", ", marginals.Select(m => m.Column))})");
            }
        }

        // The structure over every column but the target, which comes last with its tree.
        var others = Enumerable.Range(0, d).Where(j => j != target).ToArray();
        var sizes = binning.Select(b => b.Count).ToArray();
        var network = Learn(new RowCounts(binned, sizes, n), marginals, cuts, sizes, others, options);
        if (target >= 0)
        {
            var tree = TargetTree.Grow(others.Select(j => binned[j]).ToArray(), others.Select(j => binning[j].Count).ToArray(), others.Select(j => marginals[j].Column).ToArray(), binned[target], binning[target].Count, Math.Max(options.TargetLeafSize, options.MinimumCount));
            network.Add(new NetworkNode { Column = marginals[target].Column, Parents = network.Select(x => x.Column).ToArray(), Cuts = cuts[target], Tree = tree });
        }

        return Assemble(table.Spec.Name, n, options, fitted.Spec, marginals, fitted.Skipped, network, Marginals.Declared(options, table.Spec) is { Count: > 0 } declared ? BoundConstraints.Fit(declared, marginals, table, options.MinimumCount).Data : null);
    }

    /// <summary>The network's model from its parts (shared by the fit and the merge of partition statistics).</summary>
    internal static BayesianNetwork Assemble(string table, int rows, ModelOptions options, TableSpec spec, IReadOnlyList<Marginal> marginals, IReadOnlyList<NotLearned> skipped, IReadOnlyList<NetworkNode> network, IReadOnlyList<ModelConstraintData>? constraints) => new(new ModelData
    {
        Kind = "bayes-net",
        Table = table,
        Rows = rows,
        MinimumCount = options.MinimumCount,
        Spec = SynthModel.SpecElement(spec),
        Constraints = constraints,
        Marginals = marginals,
        NotLearned = skipped,
        Network = network,
    });

    /// <summary>The cuts of every numeric column's bins (null for categories).</summary>
    internal static double[]?[] Cuts(IReadOnlyList<Marginal> marginals, ModelOptions options) =>
        marginals.Select(m => m.Knots is { } knots ? NumericCuts(knots, options.Bins) : null).ToArray();

    /// <summary>The structure and conditional counts of the columns <paramref name="columns"/>, from their joint counts.</summary>
    internal static List<NetworkNode> Learn(IJointCounts counts, IReadOnlyList<Marginal> marginals, double[]?[] cuts, int[] sizes, int[] columns, ModelOptions options)
    {
        var structure = new Structure(counts, columns.Select(j => sizes[j]).ToArray(), columns, options.MaxParents);
        var network = new List<NetworkNode>();
        foreach (var (local, localParents) in structure.Learn())
        {
            int child = columns[local];
            var parents = localParents.Select(p => columns[p]).ToArray();
            network.Add(new NetworkNode
            {
                Column = marginals[child].Column,
                Parents = parents.Select(p => marginals[p].Column).ToArray(),
                Cuts = cuts[child],
                Counts = Rows(counts, sizes, child, parents, options.MinimumCount),
            });
        }

        return network;
    }

    private protected override void DrawRow(SynthRandom random, ColumnBatch batch, int row)
    {
        Span<int> bins = stackalloc int[_nodes.Length];
        for (int i = 0; i < _nodes.Length; i++)
        {
            var node = _nodes[i];
            int bin = node.Draw(node.Config(bins), random.NextDouble());
            bins[i] = bin;
            node.Write(batch[node.Marginal.Column], row, bin, random.NextDouble());
        }
    }

    /// <summary>The most combinations of a condition's ancestors that are enumerated; beyond, likelihood-weighted rejection (tests lower it).</summary>
    internal int EnumerationLimit { get; set; } = 1 << 20;

    internal override RowSampler Sampler(IReadOnlyList<Evidence> evidence, double boost) =>
        new NetworkSampler(boost == 1 ? _nodes : Nodes(Data, boost), evidence, EnumerationLimit);

    /// <summary>Cuts between equal-probability bins, moved out of point masses, and around every point mass heavier than a bin.</summary>
    internal static double[] NumericCuts(IReadOnlyList<double> knots, int bins)
    {
        int k = knots.Count - 1;
        if (k < 1)
        {
            return [];
        }

        var runs = new List<(double From, double To)>();
        for (int a = 0; a < k;)
        {
            int b = a;
            while (b < k && knots[b + 1] == knots[a])
            {
                b++;
            }

            if (b > a)
            {
                runs.Add(((double)a / k, (double)b / k));
            }

            a = b + 1;
        }

        var cuts = new SortedSet<double>();
        for (int i = 1; i < bins; i++)
        {
            double c = (double)i / bins;
            foreach (var (from, to) in runs)
            {
                if (c > from && c < to)
                {
                    c = c - from <= to - c ? from : to;
                    break;
                }
            }

            cuts.Add(c);
        }

        foreach (var (from, to) in runs.Where(r => r.To - r.From >= 1.0 / bins))
        {
            cuts.Add(from);
            cuts.Add(to);
        }

        return cuts.Where(c => c > 0 && c < 1).Select(Marginals.Round12).Distinct().ToArray();
    }

    private static List<CountRow> Rows(IJointCounts joint, int[] sizes, int child, int[] parents, int minimumCount)
    {
        int size = sizes[child];
        int configs = parents.Aggregate(1, (a, p) => a * sizes[p]);
        var counts = new int[configs * size];
        joint.Fill(child, parents, counts);
        var rows = new List<CountRow>();
        for (int config = 0; config < configs; config++)
        {
            var row = counts.AsSpan(config * size, size);
            int sum = 0;
            foreach (int c in row)
            {
                sum += c;
            }

            if (sum < Math.Max(1, minimumCount))
            {
                continue;
            }

            var given = new int[parents.Length];
            int rest = config;
            for (int p = parents.Length - 1; p >= 0; p--)
            {
                given[p] = rest % sizes[parents[p]];
                rest /= sizes[parents[p]];
            }

            rows.Add(new CountRow { Given = given, Counts = row.ToArray() });
        }

        return rows;
    }

    /// <summary>How many rows fall in each combination of some columns' bins: counted from the rows, or merged from partitions.</summary>
    internal interface IJointCounts
    {
        /// <summary>How many rows were counted.</summary>
        long Rows { get; }

        /// <summary>
        /// Adds the count of every combination to <paramref name="counts"/>, at <c>config · size(child) + bin(child)</c> where
        /// <c>config</c> numbers the parents' bins in the order given (the first parent most significant).
        /// </summary>
        void Fill(int child, int[] parents, Span<int> counts);
    }

    /// <summary>Joint counts read from every row's bins.</summary>
    private sealed class RowCounts(int[][] binned, int[] sizes, int n) : IJointCounts
    {
        public long Rows => n;

        public void Fill(int child, int[] parents, Span<int> counts)
        {
            var x = binned[child];
            int size = sizes[child];
            for (int r = 0; r < n; r++)
            {
                int c = 0;
                foreach (int p in parents)
                {
                    c = (c * sizes[p]) + binned[p][r];
                }

                counts[(c * size) + x[r]]++;
            }
        }
    }

    /// <summary>The greedy structure search: each step adds the column and parent set with the best penalized mutual information.</summary>
    private sealed class Structure(IJointCounts joint, int[] sizes, int[] columns, int maxParents)
    {
        private readonly double n = joint.Rows;
        private readonly Dictionary<(int, int, int), double> _scores = [];
        private int[] _buffer = [];

        public List<(int Child, int[] Parents)> Learn()
        {
            int d = sizes.Length;
            var order = new List<(int, int[])>();
            var placed = new List<int>();
            var remaining = Enumerable.Range(0, d).ToList();

            // The first column: the one that shares the most information with the others.
            int first = remaining.OrderByDescending(j => remaining.Where(k => k != j).Sum(k => Score(j, [k], penalize: false))).ThenBy(j => j).First();
            order.Add((first, []));
            placed.Add(first);
            remaining.Remove(first);
            while (remaining.Count > 0)
            {
                (int Child, int[] Parents, double Score) best = (-1, [], double.NegativeInfinity);
                foreach (int x in remaining)
                {
                    foreach (var parents in Subsets(placed, Math.Min(maxParents, placed.Count)))
                    {
                        double s = parents.Length == 0 ? 0 : Score(x, parents, penalize: true);
                        if (s > best.Score)
                        {
                            best = (x, parents, s);
                        }
                    }
                }

                order.Add((best.Child, best.Parents));
                placed.Add(best.Child);
                remaining.Remove(best.Child);
            }

            return order;
        }

        private static IEnumerable<int[]> Subsets(List<int> placed, int most)
        {
            yield return [];
            if (most >= 1)
            {
                foreach (int a in placed)
                {
                    yield return [a];
                }
            }

            for (int size = 2; size <= most; size++)
            {
                foreach (var set in Combinations(placed, size, 0))
                {
                    yield return set;
                }
            }
        }

        private static IEnumerable<int[]> Combinations(List<int> items, int size, int from)
        {
            if (size == 0)
            {
                yield return [];
                yield break;
            }

            for (int i = from; i <= items.Count - size; i++)
            {
                foreach (var rest in Combinations(items, size - 1, i + 1))
                {
                    yield return [items[i], .. rest];
                }
            }
        }

        /// <summary>I(x; parents) in nats, less (with <paramref name="penalize"/>) ln n / 2n per free cell (BIC).</summary>
        private double Score(int x, int[] parents, bool penalize)
        {
            var sorted = parents.Order().ToArray();
            var key = (x, sorted[0], sorted.Length > 1 ? sorted[1] : -1);
            if (sorted.Length <= 2 && _scores.TryGetValue(key, out double cached))
            {
                return penalize ? cached - Penalty(x, sorted) : cached;
            }

            long configs = 1;
            foreach (int p in sorted)
            {
                configs *= sizes[p];
            }

            if (configs * sizes[x] > MaxCells)
            {
                return double.NegativeInfinity;
            }

            int cells = (int)(configs * sizes[x]);
            if (_buffer.Length < cells)
            {
                _buffer = new int[cells];
            }

            var counts = _buffer.AsSpan(0, cells);
            counts.Clear();
            joint.Fill(columns[x], sorted.Select(p => columns[p]).ToArray(), counts);

            var configTotals = new double[configs];
            var childTotals = new double[sizes[x]];
            for (int c = 0; c < configs; c++)
            {
                for (int b = 0; b < sizes[x]; b++)
                {
                    int v = counts[(c * sizes[x]) + b];
                    configTotals[c] += v;
                    childTotals[b] += v;
                }
            }

            double mi = 0;
            for (int c = 0; c < configs; c++)
            {
                for (int b = 0; b < sizes[x]; b++)
                {
                    int v = counts[(c * sizes[x]) + b];
                    if (v > 0)
                    {
                        mi += v / n * Math.Log(v * n / (configTotals[c] * childTotals[b]));
                    }
                }
            }

            if (sorted.Length <= 2)
            {
                _scores[key] = mi;
            }

            return penalize ? mi - Penalty(x, sorted) : mi;
        }

        private double Penalty(int x, int[] parents)
        {
            double configs = parents.Aggregate(1.0, (a, p) => a * sizes[p]);
            return (sizes[x] - 1) * (configs - 1) * Math.Log(n) / (2.0 * n);
        }
    }

    /// <summary>A column's bins: 0 is null, then the categories or the numeric probability ranges.</summary>
    internal sealed class Bins
    {
        private readonly double _nullShare;
        private readonly double[] _bounds;

        private Bins(double nullShare, double[] bounds)
        {
            _nullShare = nullShare;
            _bounds = bounds;
        }

        /// <summary>How many bins, null included.</summary>
        public int Count => _bounds.Length;

        public static Bins Of(Marginal m, IReadOnlyList<double>? cuts)
        {
            // Upper bounds in probability among the non-null values: bin k (k ≥ 1) is [bounds[k − 1], bounds[k]).
            var inner = m.Shares is { } shares ? Marginals.Cumulative(shares).Take(shares.Count - 1) : cuts ?? [];
            return new Bins(m.NullShare, [0, .. inner, 1]);
        }

        public int Of(double u)
        {
            if (u < _nullShare)
            {
                return 0;
            }

            double p = _nullShare >= 1 ? 0 : (u - _nullShare) / (1 - _nullShare);
            int k = Array.BinarySearch(_bounds, 1, _bounds.Length - 1, p);
            k = k < 0 ? ~k : k + 1;
            return Math.Min(k, _bounds.Length - 1);
        }

        /// <summary>The bin's share of all rows under the marginal.</summary>
        public double Share(int bin) => bin == 0 ? _nullShare : (1 - _nullShare) * (_bounds[bin] - _bounds[bin - 1]);

        /// <summary>A probability among the non-null values inside bin <paramref name="bin"/> (≥ 1).</summary>
        public double Inside(int bin, double u) => _bounds[bin - 1] + ((_bounds[bin] - _bounds[bin - 1]) * u);
    }

    /// <summary>
    /// Sampling under evidence: the evidence's ancestors are drawn jointly from their posterior (enumerated when their
    /// combinations number at most <see cref="EnumerationLimit"/>; otherwise forward-sampled and accepted with the evidence's likelihood, which is
    /// exact too), then every other column forward from its parents.
    /// </summary>
    private sealed class NetworkSampler : RowSampler
    {
        private readonly Node[] _nodes;
        private readonly Evidence?[] _evidence;
        private readonly int[] _evidenceBins;
        private readonly int[] _ancestors;
        private readonly bool[] _isAncestor;
        private readonly double[]? _posterior;

        public NetworkSampler(Node[] nodes, IReadOnlyList<Evidence> evidence, int enumerationLimit)
        {
            _nodes = nodes;
            _evidence = new Evidence?[nodes.Length];
            _evidenceBins = Enumerable.Repeat(-1, nodes.Length).ToArray();
            foreach (var e in evidence)
            {
                int at = Array.FindIndex(nodes, n => n.Marginal.Column == e.Marginal.Column);
                _evidence[at] = e;
                _evidenceBins[at] = e.Number is null ? e.Category + 1 : nodes[at].Binning.Of(e.Marginal.NullShare + ((1 - e.Marginal.NullShare) * e.P));
            }

            var ancestors = new SortedSet<int>();
            var stack = new Stack<int>(Enumerable.Range(0, nodes.Length).Where(i => _evidence[i] is not null));
            while (stack.Count > 0)
            {
                foreach (var (parent, _) in nodes[stack.Pop()].Parents)
                {
                    if (_evidence[parent] is null && ancestors.Add(parent))
                    {
                        stack.Push(parent);
                    }
                }
            }

            _ancestors = ancestors.ToArray();
            _isAncestor = Enumerable.Range(0, nodes.Length).Select(ancestors.Contains).ToArray();
            long states = _ancestors.Aggregate(1L, (a, i) => Math.Min(a * nodes[i].Binning.Count, long.MaxValue / 1024));
            if (evidence.Count > 0 && states <= enumerationLimit)
            {
                _posterior = Posterior((int)states);
            }
        }

        private double[] Posterior(int states)
        {
            var cumulative = new double[states];
            var bins = new int[_nodes.Length];
            Array.Copy(_evidenceBins, bins, bins.Length);
            var relevant = _ancestors.Concat(Enumerable.Range(0, _nodes.Length).Where(i => _evidence[i] is not null)).ToArray();
            double total = 0;
            for (int s = 0; s < states; s++)
            {
                Decode(s, bins);
                double w = 1;
                foreach (int v in relevant)
                {
                    w *= _nodes[v].Probability(_nodes[v].Config(bins), bins[v]);
                    if (w == 0)
                    {
                        break;
                    }
                }

                total += w;
                cumulative[s] = total;
            }

            if (total <= 0)
            {
                throw new SynthKitException(ModelingErrorCodes.CannotSample, "the conditions cannot be met together: the model gives their combination no probability");
            }

            for (int s = 0; s < states; s++)
            {
                cumulative[s] /= total;
            }

            return cumulative;
        }

        private void Decode(int state, Span<int> bins)
        {
            for (int k = _ancestors.Length - 1; k >= 0; k--)
            {
                int size = _nodes[_ancestors[k]].Binning.Count;
                bins[_ancestors[k]] = state % size;
                state /= size;
            }
        }

        public override void Draw(SynthRandom random, ColumnBatch batch, int row)
        {
            Span<int> bins = stackalloc int[_nodes.Length];
            _evidenceBins.CopyTo(bins);
            bool drawn = _ancestors.Length > 0;
            if (_posterior is not null)
            {
                int s = Array.BinarySearch(_posterior, random.NextDouble());
                Decode(Math.Min(s < 0 ? ~s : s + 1, _posterior.Length - 1), bins);
            }
            else if (drawn)
            {
                Reject(random, bins);
            }

            for (int i = 0; i < _nodes.Length; i++)
            {
                var node = _nodes[i];
                var column = batch[node.Marginal.Column];
                if (_evidence[i] is { } e)
                {
                    e.Write(column, row);
                    continue;
                }

                if (!drawn || !_isAncestor[i])
                {
                    bins[i] = node.Draw(node.Config(bins), random.NextDouble());
                }

                node.Write(column, row, bins[i], random.NextDouble());
            }
        }

        /// <summary>Forward-samples the ancestors and accepts them with the evidence's likelihood (at most 1).</summary>
        private void Reject(SynthRandom random, Span<int> bins)
        {
            for (int attempt = 0; attempt < MaxAttempts; attempt++)
            {
                foreach (int a in _ancestors)
                {
                    bins[a] = _nodes[a].Draw(_nodes[a].Config(bins), random.NextDouble());
                }

                double likelihood = 1;
                for (int i = 0; i < _nodes.Length; i++)
                {
                    if (_evidence[i] is not null)
                    {
                        likelihood *= _nodes[i].Probability(_nodes[i].Config(bins), bins[i]);
                    }
                }

                if (random.NextDouble() < likelihood)
                {
                    return;
                }
            }

            throw new SynthKitException(ModelingErrorCodes.CannotSample, $"the conditions were not met in {MaxAttempts:N0} attempts for one row: they are too rare under the model");
        }
    }

    /// <summary>A column ready to sample: its bins, and a cumulative distribution of its bins for every parent combination.</summary>
    private sealed class Node
    {
        private readonly Bins _bins;
        private readonly double[] _cumulative;
        private readonly int _size;

        private readonly (int Position, bool[] Left, int IfLeft, int Otherwise)[]? _tree;

        public Node(Marginal marginal, Bins bins, NetworkNode node, (int Position, int Size)[] parents, double boost, Func<string, int> columnPosition)
        {
            Marginal = marginal;
            _bins = bins;
            Parents = parents;
            _size = bins.Count;
            var prior = Enumerable.Range(0, _size).Select(bins.Share).ToArray();

            // The long-tail boost: rare categories (under 5 % of rows) and the lowest and highest bins of numbers.
            var factor = Enumerable.Range(0, _size).Select(b => b > 0 && boost != 1 && (marginal.Categories is not null ? prior[b] < 0.05 : b == 1 || b == _size - 1) ? boost : 1.0).ToArray();
            if (node.Tree is { } tree)
            {
                // A target's tree: the "combination" of a row is the leaf its bins reach.
                var leaves = new List<IReadOnlyList<int>>();
                _tree = Flatten(tree, columnPosition, leaves);
                _cumulative = new double[leaves.Count * _size];
                for (int leaf = 0; leaf < leaves.Count; leaf++)
                {
                    Fill(leaf, leaves[leaf].Select(c => (double)c).ToArray(), factor);
                }

                return;
            }

            int configs = parents.Aggregate(1, (a, p) => a * p.Size);
            _cumulative = new double[configs * _size];

            // Counts by full combination, then by every prefix of the parents (summing out the later ones), so a
            // combination never seen in the real rows falls back to the closest one that was.
            var prefixes = new Dictionary<int, double[]>[parents.Length + 1];
            for (int level = 0; level <= parents.Length; level++)
            {
                prefixes[level] = [];
            }

            foreach (var row in node.Counts)
            {
                int config = 0;
                for (int level = 0; level <= parents.Length; level++)
                {
                    if (!prefixes[level].TryGetValue(config, out var sum))
                    {
                        prefixes[level][config] = sum = new double[_size];
                    }

                    for (int b = 0; b < _size; b++)
                    {
                        sum[b] += row.Counts[b];
                    }

                    if (level < parents.Length)
                    {
                        config = (config * parents[level].Size) + row.Given[level];
                    }
                }
            }

            for (int config = 0; config < configs; config++)
            {
                double[] weights = prior;
                for (int level = parents.Length; level >= 0; level--)
                {
                    int prefix = config;
                    for (int drop = parents.Length; drop > level; drop--)
                    {
                        prefix /= parents[drop - 1].Size;
                    }

                    if (prefixes[level].TryGetValue(prefix, out var found) && found.Sum() > 0)
                    {
                        weights = found;
                        break;
                    }
                }

                Fill(config, weights, factor);
            }
        }

        /// <summary>The cumulative distribution of the node's bins under one combination (or leaf), boosted.</summary>
        private void Fill(int config, double[] weights, double[] factor)
        {
            double total = 0, at = 0;
            for (int b = 0; b < _size; b++)
            {
                total += weights[b] * factor[b];
            }

            for (int b = 0; b < _size; b++)
            {
                at += weights[b] * factor[b];
                _cumulative[(config * _size) + b] = total > 0 ? at / total : (double)(b + 1) / _size;
            }
        }

        /// <summary>The tree as arrays: per node its column's position, its left bins, and its children (or, for a leaf, −1 − leaf index).</summary>
        private static (int Position, bool[] Left, int IfLeft, int Otherwise)[] Flatten(TreeNode root, Func<string, int> position, List<IReadOnlyList<int>> leaves)
        {
            var nodes = new List<(int, bool[], int, int)>();
            int Add(TreeNode t)
            {
                if (t.Counts is { } counts)
                {
                    leaves.Add(counts);
                    return -leaves.Count;
                }

                int at = nodes.Count;
                nodes.Add((0, [], 0, 0));
                var left = new bool[(t.Left!.Count == 0 ? 0 : t.Left.Max()) + 1];
                foreach (int b in t.Left)
                {
                    left[b] = true;
                }

                int l = Add(t.IfLeft!), o = Add(t.Otherwise!);
                nodes[at] = (position(t.Column!), left, l, o);
                return at;
            }

            return Add(root) < 0 ? [(-1, [], -1, -1)] : nodes.ToArray();
        }

        public Marginal Marginal { get; }

        public (int Position, int Size)[] Parents { get; }

        public Bins Binning => _bins;

        /// <summary>The combination of the parents' bins in <paramref name="bins"/> (by network position).</summary>
        public int Config(ReadOnlySpan<int> bins)
        {
            if (_tree is { } tree)
            {
                if (tree[0].Position < 0)
                {
                    return 0; // a tree that is one leaf
                }

                int at = 0;
                while (true)
                {
                    var (position, left, ifLeft, otherwise) = tree[at];
                    int bin = bins[position];
                    at = bin < left.Length && left[bin] ? ifLeft : otherwise;
                    if (at < 0)
                    {
                        return -1 - at;
                    }
                }
            }

            int config = 0;
            foreach (var (parent, size) in Parents)
            {
                config = (config * size) + bins[parent];
            }

            return config;
        }

        /// <summary>P(bin | the parents' combination).</summary>
        public double Probability(int config, int bin)
        {
            int at = (config * _size) + bin;
            return _cumulative[at] - (bin > 0 ? _cumulative[at - 1] : 0);
        }

        public int Draw(int config, double u)
        {
            int start = config * _size;
            for (int b = 0; b < _size - 1; b++)
            {
                if (u < _cumulative[start + b])
                {
                    return b;
                }
            }

            return _size - 1;
        }

        public void Write(Column column, int row, int bin, double u)
        {
            if (bin == 0)
            {
                column.SetNull(row);
                return;
            }

            if (Marginal.Knots is { } knots)
            {
                double v = Marginals.Quantile(knots, _bins.Inside(bin, u));
                ColumnValues.SetNumber(column, row, Marginal.Integral ? Math.Round(v, MidpointRounding.ToEven) : v);
            }
            else
            {
                ColumnValues.SetLabel(column, row, Marginal.Categories![bin - 1]);
            }
        }
    }
}
