using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit.Evaluation;

/// <summary>
/// SDMetrics' random baseline for DCRBaselineProtection: as many rows as the synthetic table, numbers uniform within the
/// real [min, max] (whole numbers for integer columns), categories uniform among the real ones, each column's real null
/// rate kept. Drawn from SynthKit's counter-based generator, so it does not depend on threads.
/// </summary>
internal static class RandomBaseline
{
    public static EvalTable Create(EvalContext context, long seed)
    {
        var real = context.Real;
        int rows = context.Synthetic.RowCount;
        ulong scope = SynthRandom.ScopeOf(seed);
        var random = new SynthRandom();
        var columns = new EvalColumn[real.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            var column = real.Columns[c];
            ulong key = SynthRandom.KeyOf("evaluation.baseline." + column.Name);
            int nulls = 0;
            for (int r = 0; r < real.RowCount; r++)
            {
                nulls += column.IsNull(r) ? 1 : 0;
            }

            double nullRate = (double)nulls / real.RowCount;
            if (column.Values is not null)
            {
                var sorted = context.Sorted(real, c);
                var values = new double[rows];
                for (int r = 0; r < rows; r++)
                {
                    random.Reset(scope, key, r);
                    if (sorted.Length == 0 || random.NextDouble() < nullRate)
                    {
                        values[r] = double.NaN;
                        continue;
                    }

                    double min = sorted[0], max = sorted[^1];
                    values[r] = column.Integral ? Math.Floor(min + (random.NextDouble() * (max - min + 1))) : min + (random.NextDouble() * (max - min));
                    values[r] = Math.Min(values[r], max);
                }

                columns[c] = new EvalColumn(column.Name, column.Kind, values, null, column.Integral);
            }
            else
            {
                var present = column.Codes!.Where(code => code >= 0).Distinct().Order().ToArray();
                var codes = new int[rows];
                for (int r = 0; r < rows; r++)
                {
                    random.Reset(scope, key, r);
                    codes[r] = present.Length == 0 || random.NextDouble() < nullRate ? -1 : present[random.Below(present.Length)];
                }

                columns[c] = new EvalColumn(column.Name, column.Kind, null, codes, integral: false);
            }
        }

        return new EvalTable(columns, rows);
    }
}

/// <summary>Rows of a reference table, hashed over every column, to count exact copies in another table.</summary>
internal sealed class ExactRows
{
    private readonly EvalTable _reference;
    private readonly Dictionary<ulong, List<int>> _rows = new();

    public ExactRows(EvalContext context, EvalTable reference)
    {
        _reference = reference;
        for (int r = 0; r < reference.RowCount; r++)
        {
            ulong hash = Hash(reference, r);
            if (!_rows.TryGetValue(hash, out var list))
            {
                _rows.Add(hash, list = new List<int>(1));
            }

            list.Add(r);
        }
    }

    /// <summary>How many rows of <paramref name="table"/> equal some reference row in every column.</summary>
    public int CountIn(EvalTable table)
    {
        int count = 0;
        for (int r = 0; r < table.RowCount; r++)
        {
            if (_rows.TryGetValue(Hash(table, r), out var candidates) && candidates.Any(c => Equal(table, r, _reference, c)))
            {
                count++;
            }
        }

        return count;
    }

    private static ulong Hash(EvalTable table, int row)
    {
        ulong hash = 0x9E3779B97F4A7C15UL;
        foreach (var column in table.Columns)
        {
            ulong cell = column.Values is { } v ? (double.IsNaN(v[row]) ? 0x7FF8000000000001UL : (ulong)BitConverter.DoubleToInt64Bits(v[row] == 0 ? 0 : v[row])) : (ulong)(uint)column.Codes![row];
            hash = SynthRandom.Mix(hash ^ cell);
        }

        return hash;
    }

    private static bool Equal(EvalTable a, int ra, EvalTable b, int rb)
    {
        for (int c = 0; c < a.Columns.Count; c++)
        {
            var ca = a.Columns[c];
            var cb = b.Columns[c];
            if (ca.Values is { } va)
            {
                double x = va[ra], y = cb.Values![rb];
                if (!(x == y || (double.IsNaN(x) && double.IsNaN(y))))
                {
                    return false;
                }
            }
            else if (ca.Codes![ra] != cb.Codes![rb])
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// SDMetrics' NewRowSynthesis: a synthetic row is new unless some real row matches it — categories equal (null equals
/// null) and every number within 1% of the synthetic value (|real − syn| ≤ 0.01·|syn|; null equals null).
/// </summary>
internal static class NewRows
{
    public static double Share(EvalContext context)
    {
        var real = context.Real;
        var syn = context.Synthetic;
        var evaluated = context.Evaluated;
        var discrete = evaluated.Where(c => real.Columns[c].IsDiscrete).ToArray();
        var numeric = evaluated.Where(c => real.Columns[c].IsContinuous).ToArray();

        // Real rows grouped by their categories and which numbers are null; within a group, sorted by the first number.
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int r = 0; r < real.RowCount; r++)
        {
            string key = Key(real, r, discrete, numeric);
            if (!groups.TryGetValue(key, out var list))
            {
                groups.Add(key, list = new List<int>());
            }

            list.Add(r);
        }

        int lead = numeric.Length > 0 ? numeric[0] : -1;
        var sortedGroups = groups.ToDictionary(
            g => g.Key,
            g => lead < 0 ? g.Value.ToArray() : g.Value.OrderBy(r => Lead(real, lead, r)).ThenBy(r => r).ToArray(),
            StringComparer.Ordinal);

        int fresh = 0;
        for (int s = 0; s < syn.RowCount; s++)
        {
            if (!sortedGroups.TryGetValue(Key(syn, s, discrete, numeric), out var candidates) || !Matches(real, syn, s, candidates, numeric, lead))
            {
                fresh++;
            }
        }

        return (double)fresh / syn.RowCount;
    }

    private static double Lead(EvalTable table, int column, int row)
    {
        double v = table.Columns[column].Values![row];
        return double.IsNaN(v) ? double.NegativeInfinity : v;
    }

    private static bool Matches(EvalTable real, EvalTable syn, int s, int[] candidates, int[] numeric, int lead)
    {
        int start = 0, end = candidates.Length;
        if (lead >= 0 && !double.IsNaN(syn.Columns[lead].Values![s]))
        {
            double v = syn.Columns[lead].Values![s], tolerance = 0.01 * Math.Abs(v);
            start = LowerBound(real, lead, candidates, v - tolerance);
            end = LowerBound(real, lead, candidates, Math.BitIncrement(v + tolerance));
        }

        for (int i = start; i < end; i++)
        {
            int r = candidates[i];
            bool all = true;
            foreach (int c in numeric)
            {
                double x = real.Columns[c].Values![r], y = syn.Columns[c].Values![s];
                if (!(double.IsNaN(x) && double.IsNaN(y)) && !(Math.Abs(x - y) <= 0.01 * Math.Abs(y)))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static int LowerBound(EvalTable real, int column, int[] candidates, double value)
    {
        int lo = 0, hi = candidates.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Lead(real, column, candidates[mid]) < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static string Key(EvalTable table, int row, int[] discrete, int[] numeric)
    {
        var key = new System.Text.StringBuilder();
        foreach (int c in discrete)
        {
            key.Append(table.Columns[c].Codes![row]).Append(',');
        }

        foreach (int c in numeric)
        {
            key.Append(double.IsNaN(table.Columns[c].Values![row]) ? 'n' : 'v');
        }

        return key.ToString();
    }
}

/// <summary>SDMetrics' DisclosureProtection with the CAP attack (numbers cut into 10 equal bins of the real range, nulls their own value).</summary>
internal static class Disclosure
{
    public static AttributeDisclosure Cap(EvalContext context, IReadOnlyList<string> known, IReadOnlyList<string> sensitive)
    {
        var real = context.Real;
        var syn = context.Synthetic;
        int[] Columns(IReadOnlyList<string> names) => names.Select(n =>
        {
            int index = real.Columns.ToList().FindIndex(c => c.Name == n);
            return index >= 0
                ? index
                : throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"the attribute-disclosure column '{n}' is not a column of the table");
        }).ToArray();

        var knownColumns = Columns(known);
        var sensitiveColumns = Columns(sensitive);
        var bins = new Dictionary<int, (double Min, double Max)>();
        foreach (int c in knownColumns.Concat(sensitiveColumns).Where(c => real.Columns[c].Values is not null))
        {
            var sorted = context.Sorted(real, c);
            bins[c] = sorted.Length == 0 ? (0, 0) : (sorted[0], sorted[^1]);
        }

        string Key(EvalTable table, int row, int[] columns) => string.Join(",", columns.Select(c => Cell(table.Columns[c], row, bins.TryGetValue(c, out var b) ? b : default)));

        var synthetic = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (int s = 0; s < syn.RowCount; s++)
        {
            string k = Key(syn, s, knownColumns);
            if (!synthetic.TryGetValue(k, out var values))
            {
                synthetic.Add(k, values = new Dictionary<string, int>(StringComparer.Ordinal));
            }

            string v = Key(syn, s, sensitiveColumns);
            values[v] = values.GetValueOrDefault(v) + 1;
        }

        double sum = 0;
        int targets = 0;
        var domain = sensitiveColumns.Select(_ => new HashSet<int>()).ToArray();
        for (int r = 0; r < real.RowCount; r++)
        {
            for (int i = 0; i < sensitiveColumns.Length; i++)
            {
                domain[i].Add(Cell(real.Columns[sensitiveColumns[i]], r, bins.TryGetValue(sensitiveColumns[i], out var b) ? b : default));
            }

            if (synthetic.TryGetValue(Key(real, r, knownColumns), out var values))
            {
                sum += (double)values.GetValueOrDefault(Key(real, r, sensitiveColumns)) / values.Values.Sum();
                targets++;
            }
        }

        double protection = targets == 0 ? 1 : 1 - (sum / targets);
        double baseline = 1 - (1 / domain.Aggregate(1.0, (product, d) => product * d.Count));
        return new AttributeDisclosure
        {
            Known = known.ToArray(),
            Sensitive = sensitive.ToArray(),
            CapProtection = protection,
            BaselineProtection = baseline,
            Score = baseline == 0 ? 1 : Math.Min(protection / baseline, 1),
        };
    }

    private static int Cell(EvalColumn column, int row, (double Min, double Max) range)
    {
        if (column.Values is { } values)
        {
            double v = values[row];
            if (double.IsNaN(v))
            {
                return -1;
            }

            double width = range.Max - range.Min;
            return width <= 0 ? 0 : Math.Clamp((int)Math.Floor((v - range.Min) / width * 10), 0, 9);
        }

        return column.Codes![row];
    }
}
