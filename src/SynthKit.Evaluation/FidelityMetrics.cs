using System;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace SynthKit.Evaluation;

/// <summary>
/// α-precision, β-recall, authenticity (the hypersphere form of synthcity's <c>AlphaPrecision</c>), k-NN precision and
/// recall, density and coverage — all from exact nearest neighbours: three cross products (real × real, synthetic ×
/// synthetic, synthetic × real), SIMD across rows, split between cores, merged in an order-independent way.
/// </summary>
internal static class FidelityMetrics
{
    private const int K = 3;
    private const int AlphaSteps = 30;

    public static FidelityReport Compute(EvalContext context, double? discriminatorAuc)
    {
        var space = new EuclidSpace(context);
        var real = space.Encode(context.Real);
        var syn = space.Encode(context.Synthetic);

        var realNeighbours = TopK(real, real, same: true, context.Parallel);   // squared distances to the 1st … Kth other real row
        var synNeighbours = TopK(syn, syn, same: true, context.Parallel);
        var realRadius = realNeighbours.Select(n => n[K - 1]).ToArray();
        var synRadius = synNeighbours.Select(n => n[K - 1]).ToArray();
        var cross = Cross(syn, real, realRadius, synRadius, context.Parallel);

        // k-NN precision / recall, density / coverage.
        double precision = cross.SynWithin.Count(c => c > 0) / (double)syn.Count;
        double density = cross.SynWithin.Sum(c => (double)c) / (K * (double)syn.Count);
        double recall = cross.RealWithin.Count(w => w) / (double)real.Count;
        double coverage = Enumerable.Range(0, real.Count).Count(i => cross.RealNearest[i] <= realRadius[i]) / (double)real.Count;

        // Authenticity: a synthetic row is a copy when its nearest real row is closer to it than to that row's own nearest real neighbour.
        double authentic = Enumerable.Range(0, syn.Count).Count(j => realNeighbours[cross.SynNearestIndex[j]][0] < cross.SynNearest[j]) / (double)syn.Count;

        // α-precision: synthetic rows within the real α-support (a ball about the real centre holding α of the real rows).
        var alphas = Enumerable.Range(0, AlphaSteps).Select(i => i / (double)(AlphaSteps - 1)).ToArray();
        var realToCentre = space.ToCentre(real, space.RealCentre);
        var synToCentre = space.ToCentre(syn, space.RealCentre);
        var radii = alphas.Select(a => PrivacyMetrics.Quantile(realToCentre, a)).ToArray();
        var precisionCurve = radii.Select(r => synToCentre.Count(d => d <= r) / (double)syn.Count).ToArray();

        // β-recall: real rows whose nearest synthetic row is no farther than their nearest real neighbour, and lies in the synthetic β-support.
        var synCentre = space.Centre(context.Synthetic);
        var closestToCentre = space.ToCentre(syn, synCentre);
        var realClosest = Enumerable.Range(0, real.Count).Select(i => closestToCentre[cross.RealNearestIndex[i]]).ToArray();
        var betaRadii = alphas.Select(a => PrivacyMetrics.Quantile(realClosest, a)).ToArray();
        var recallCurve = betaRadii.Select(r => Enumerable.Range(0, real.Count).Count(i => cross.RealNearest[i] <= realNeighbours[i][0] && realClosest[i] <= r) / (double)real.Count).ToArray();

        double step = alphas[1] - alphas[0];
        return new FidelityReport
        {
            AlphaPrecision = 1 - (2 * alphas.Zip(precisionCurve, (a, p) => Math.Abs(a - p)).Sum() * step),
            BetaRecall = 1 - (2 * alphas.Zip(recallCurve, (a, p) => Math.Abs(a - p)).Sum() * step),
            Authenticity = authentic,
            Precision = precision,
            Recall = recall,
            Density = density,
            Coverage = coverage,
            K = K,
            DiscriminatorAuc = discriminatorAuc,
        };
    }

    /// <summary>For each row of <paramref name="a"/>, the K smallest squared distances to rows of <paramref name="b"/> (itself excluded when they are one table).</summary>
    internal static double[][] TopK(DistanceRows a, DistanceRows b, bool same, ParallelOptions parallel)
    {
        var result = new double[a.Count][];
        Parallel.For(0, a.Count, parallel, q =>
        {
            var visitor = new TopKVisitor(same ? q : -1);
            Scan(a, q, b, ref visitor);
            result[q] = [visitor.B0, visitor.B1, visitor.B2];
        });
        return result;
    }

    private interface IVisitor
    {
        void Visit(double sum, int index);
    }

    /// <summary>The three smallest sums, skipping one index (the row itself).</summary>
    private struct TopKVisitor : IVisitor
    {
        private readonly int _skip;

        public TopKVisitor(int skip)
        {
            _skip = skip;
            B0 = B1 = B2 = double.PositiveInfinity;
        }

        public double B0;
        public double B1;
        public double B2;

        public void Visit(double sum, int index)
        {
            if (sum >= B2 || index == _skip)
            {
                return;
            }

            if (sum < B0)
            {
                B2 = B1;
                B1 = B0;
                B0 = sum;
            }
            else if (sum < B1)
            {
                B2 = B1;
                B1 = sum;
            }
            else
            {
                B2 = sum;
            }
        }
    }

    /// <summary>One synthetic row against every real row: its nearest, its neighbourhood count, and the real side's minima.</summary>
    private struct CrossVisitor : IVisitor
    {
        public double Best;
        public int BestIndex;
        public int Within;
        public int Row;
        public double Radius;
        public double[] RealRadius;
        public double[] Nearest;
        public int[] Index;
        public bool[] RealWithin;

        public void Visit(double sum, int i)
        {
            if (sum < Best)
            {
                Best = sum;
                BestIndex = i;
            }

            Within += sum <= RealRadius[i] ? 1 : 0;
            if (sum < Nearest[i] || (sum == Nearest[i] && Row < Index[i]))
            {
                Nearest[i] = sum;
                Index[i] = Row;
            }

            RealWithin[i] |= sum <= Radius;
        }
    }

    internal sealed class CrossResult
    {
        public required double[] SynNearest { get; init; }

        public required int[] SynNearestIndex { get; init; }

        public required int[] SynWithin { get; init; }

        public required double[] RealNearest { get; init; }

        public required int[] RealNearestIndex { get; init; }

        public required bool[] RealWithin { get; init; }
    }

    /// <summary>Synthetic × real once: each side's nearest row (ties to the lower index), and the neighbourhood counts.</summary>
    internal static CrossResult Cross(DistanceRows syn, DistanceRows real, double[] realRadius, double[] synRadius, ParallelOptions parallel)
    {
        var synNearest = new double[syn.Count];
        var synIndex = new int[syn.Count];
        var synWithin = new int[syn.Count];
        var realNearest = Enumerable.Repeat(double.PositiveInfinity, real.Count).ToArray();
        var realIndex = Enumerable.Repeat(int.MaxValue, real.Count).ToArray();
        var realWithin = new bool[real.Count];
        var gate = new object();
        Parallel.For(
            0,
            syn.Count,
            parallel,
            () => (Nearest: Enumerable.Repeat(double.PositiveInfinity, real.Count).ToArray(), Index: Enumerable.Repeat(int.MaxValue, real.Count).ToArray(), Within: new bool[real.Count]),
            (j, _, local) =>
            {
                var visitor = new CrossVisitor
                {
                    Best = double.PositiveInfinity,
                    BestIndex = -1,
                    Row = j,
                    Radius = synRadius[j],
                    RealRadius = realRadius,
                    Nearest = local.Nearest,
                    Index = local.Index,
                    RealWithin = local.Within,
                };
                Scan(syn, j, real, ref visitor);
                synNearest[j] = visitor.Best;
                synIndex[j] = visitor.BestIndex;
                synWithin[j] = visitor.Within;
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (int i = 0; i < real.Count; i++)
                    {
                        if (local.Nearest[i] < realNearest[i] || (local.Nearest[i] == realNearest[i] && local.Index[i] < realIndex[i]))
                        {
                            realNearest[i] = local.Nearest[i];
                            realIndex[i] = local.Index[i];
                        }

                        realWithin[i] |= local.Within[i];
                    }
                }
            });
        return new CrossResult { SynNearest = synNearest, SynNearestIndex = synIndex, SynWithin = synWithin, RealNearest = realNearest, RealNearestIndex = realIndex, RealWithin = realWithin };
    }

    /// <summary>The squared distance from row <paramref name="q"/> of <paramref name="a"/> to every row of <paramref name="b"/>, in order, four at a time through SIMD lanes.</summary>
    private static void Scan<TVisitor>(DistanceRows a, int q, DistanceRows b, ref TVisitor visitor)
        where TVisitor : struct, IVisitor
    {
        int width = b.Width, categorical = b.Categorical, count = b.Count, lanes = Vector<double>.Count;
        Span<double> point = stackalloc double[width];
        for (int c = 0; c < width; c++)
        {
            point[c] = a.Columns[c][q];
        }

        var one = Vector<double>.One;
        var zero = Vector<double>.Zero;
        Span<double> sums = stackalloc double[lanes];
        int vectorEnd = count - (count % lanes);
        for (int i = 0; i < vectorEnd; i += lanes)
        {
            var sum = zero;
            for (int c = 0; c < categorical; c++)
            {
                var v = Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(b.Columns[c]), (nuint)i);
                sum += Vector.ConditionalSelect(Vector.Equals(v, new Vector<double>(point[c])), zero, one);
            }

            for (int c = categorical; c < width; c++)
            {
                var d = Vector.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(b.Columns[c]), (nuint)i) - new Vector<double>(point[c]);
                sum += d * d;
            }

            sum.CopyTo(sums);
            for (int l = 0; l < lanes; l++)
            {
                visitor.Visit(sums[l], i + l);
            }
        }

        for (int i = vectorEnd; i < count; i++)
        {
            double sum = 0;
            for (int c = 0; c < categorical; c++)
            {
                sum += b.Columns[c][i] == point[c] ? 0 : 1;
            }

            for (int c = categorical; c < width; c++)
            {
                double d = b.Columns[c][i] - point[c];
                sum += d * d;
            }

            visitor.Visit(sum, i);
        }
    }
}

/// <summary>The fidelity embedding, in the compact form the distance loops use: category codes, numbers scaled to the real range (null = −1).</summary>
internal sealed class EuclidSpace : ScaledColumns
{
    private readonly EvalContext _context;

    public EuclidSpace(EvalContext context)
        : base(context, 0)
    {
        _context = context;
        RealCentre = Centre(context.Real);
    }

    /// <summary>The real data's mean in the embedding: numeric means, and category frequencies.</summary>
    public (double[] Means, double[][] Frequencies) RealCentre { get; }

    public DistanceRows Encode(EvalTable table)
    {
        var rows = new DistanceRows(table.RowCount, Numeric.Length, Categorical.Length);
        for (int i = 0; i < Categorical.Length; i++)
        {
            var codes = table.Columns[Categorical[i]].Codes!;
            for (int r = 0; r < table.RowCount; r++)
            {
                rows.Columns[i][r] = codes[r];
            }
        }

        for (int i = 0; i < Numeric.Length; i++)
        {
            var values = table.Columns[Numeric[i]].Values!;
            for (int r = 0; r < table.RowCount; r++)
            {
                rows.Columns[Categorical.Length + i][r] = double.IsNaN(values[r]) ? -1 : (values[r] - Offset[i]) * Scale[i];
            }
        }

        return rows;
    }

    public (double[] Means, double[][] Frequencies) Centre(EvalTable table)
    {
        var rows = Encode(table);
        var means = new double[Numeric.Length];
        for (int i = 0; i < means.Length; i++)
        {
            means[i] = rows.Columns[Categorical.Length + i].Average();
        }

        var frequencies = new double[Categorical.Length][];
        for (int i = 0; i < Categorical.Length; i++)
        {
            var f = new double[_context.Categories[Categorical[i]].Labels.Count + 1];
            foreach (double code in rows.Columns[i])
            {
                f[(int)code + 1] += 1.0 / rows.Count;
            }

            frequencies[i] = f;
        }

        return (means, frequencies);
    }

    /// <summary>Each row's Euclidean distance to a centre: Σ (x − μ)² over numbers, ½(1 − 2p_c + Σp²) per category.</summary>
    public double[] ToCentre(DistanceRows rows, (double[] Means, double[][] Frequencies) centre)
    {
        var squares = centre.Frequencies.Select(f => f.Sum(p => p * p)).ToArray();
        var result = new double[rows.Count];
        for (int r = 0; r < rows.Count; r++)
        {
            double sum = 0;
            for (int i = 0; i < Categorical.Length; i++)
            {
                var f = centre.Frequencies[i];
                int code = (int)rows.Columns[i][r] + 1;
                double p = code < f.Length ? f[code] : 0;
                sum += 0.5 * (1 - (2 * p) + squares[i]);
            }

            for (int i = 0; i < Numeric.Length; i++)
            {
                double d = rows.Columns[Categorical.Length + i][r] - centre.Means[i];
                sum += d * d;
            }

            result[r] = Math.Sqrt(Math.Max(sum, 0));
        }

        return result;
    }
}
