using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;

namespace SynthKit.Evaluation;

/// <summary>The encoded tables of one evaluation, with per-column work (sorting, binning) done once and shared.</summary>
internal sealed class EvalContext
{
    private readonly ConcurrentDictionary<(EvalTable, int), double[]> _sorted = new();
    private readonly ConcurrentDictionary<(EvalTable, int), (int[], int)> _discrete = new();

    public EvalContext(TableSpec spec, EvalTable real, EvalTable synthetic, EvalTable? holdout, CategoryIndex[] categories, int maxDegreeOfParallelism)
    {
        Spec = spec;
        Real = real;
        Synthetic = synthetic;
        Holdout = holdout;
        Categories = categories;
        Parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism <= 0 ? Environment.ProcessorCount : maxDegreeOfParallelism };
    }

    public TableSpec Spec { get; }

    public EvalTable Real { get; }

    public EvalTable Synthetic { get; }

    public EvalTable? Holdout { get; }

    public CategoryIndex[] Categories { get; }

    public ParallelOptions Parallel { get; }

    /// <summary>The indices of the columns that take part in statistics (not personal data, identifiers or text).</summary>
    public int[] Evaluated => Enumerable.Range(0, Real.Columns.Count).Where(c => Real.Columns[c].Kind != EvalKind.Excluded).ToArray();

    /// <summary>A numeric column's real minimum and range (0, 0 when it has no values).</summary>
    public (double Min, double Range) RealRange(int column)
    {
        var sorted = Sorted(Real, column);
        return sorted.Length == 0 ? (0, 0) : (sorted[0], sorted[^1] - sorted[0]);
    }

    /// <summary>A numeric column's non-null values, sorted (and rounded as SDMetrics rounds them).</summary>
    public double[] Sorted(EvalTable table, int column) => _sorted.GetOrAdd((table, column), key => Statistics.SortedValues(key.Item1.Columns[key.Item2]));

    /// <summary>A column as discrete codes for contingency tables: its categories, or its own table's 10 equal-width bins.</summary>
    public (int[] Codes, int Size) Discrete(EvalTable table, int column) => _discrete.GetOrAdd((table, column), key =>
    {
        var c = key.Item1.Columns[key.Item2];
        return c.IsContinuous ? (Statistics.Digitize(c.Values!), 12) : (c.Codes!, Categories[key.Item2].Labels.Count);
    });
}

/// <summary>
/// The evaluated columns split into categories and numbers, each number's offset and scale from the real range: the
/// common ground of the distance embeddings. A constant real column scales by the constructor's constantScale.
/// </summary>
internal abstract class ScaledColumns
{
    protected ScaledColumns(EvalContext context, double constantScale)
    {
        var real = context.Real;
        Numeric = context.Evaluated.Where(c => real.Columns[c].IsContinuous).ToArray();
        Categorical = context.Evaluated.Where(c => real.Columns[c].IsDiscrete).ToArray();
        Offset = new double[Numeric.Length];
        Scale = new double[Numeric.Length];
        for (int i = 0; i < Numeric.Length; i++)
        {
            var (min, range) = context.RealRange(Numeric[i]);
            Offset[i] = min;
            Scale[i] = range > 0 ? 1 / range : constantScale;
        }
    }

    protected int[] Numeric { get; }

    protected int[] Categorical { get; }

    protected double[] Offset { get; }

    protected double[] Scale { get; }
}

