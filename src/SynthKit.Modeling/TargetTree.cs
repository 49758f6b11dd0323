using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit.Modeling;

/// <summary>
/// A classification tree over the other columns' bins, for the fit's target column (<see cref="ModelOptions.Target"/>):
/// the target is drawn last, from the class counts of the leaf the row's other values reach — so every column can inform
/// it, as in sequential CART synthesis (synthpop), while the model still holds aggregates only (every leaf stands for at
/// least <see cref="ModelOptions.TargetLeafSize"/> real rows).
/// </summary>
internal static class TargetTree
{
    private const int MaxDepth = 12;

    /// <summary>Grows the tree: greedy Gini splits, each a threshold on a column's bins (categories ordered by their share of the target's most frequent class).</summary>
    public static TreeNode Grow(int[][] features, int[] sizes, string[] names, int[] target, int classes, int leafSize)
    {
        var rows = Enumerable.Range(0, target.Length).ToArray();
        return Grow(features, sizes, names, target, classes, Math.Max(1, leafSize), rows, 0);
    }

    private static TreeNode Grow(int[][] features, int[] sizes, string[] names, int[] target, int classes, int leafSize, int[] rows, int depth)
    {
        var counts = new int[classes];
        foreach (int r in rows)
        {
            counts[target[r]]++;
        }

        var leaf = new TreeNode { Counts = counts };
        if (depth >= MaxDepth || rows.Length < 2 * leafSize || counts.Count(c => c > 0) < 2)
        {
            return leaf;
        }

        int major = Array.IndexOf(counts, counts.Max());
        double parent = Gini(counts, rows.Length);
        (double Gain, int Feature, int[] Left) best = (1e-7, -1, []);
        for (int f = 0; f < features.Length; f++)
        {
            // Class counts per bin of the feature, then bins ordered by their share of the major class.
            var byBin = new int[sizes[f], classes];
            var binTotals = new int[sizes[f]];
            foreach (int r in rows)
            {
                byBin[features[f][r], target[r]]++;
                binTotals[features[f][r]]++;
            }

            var order = Enumerable.Range(0, sizes[f]).Where(b => binTotals[b] > 0)
                .OrderBy(b => (double)byBin[b, major] / binTotals[b]).ThenBy(b => b).ToArray();
            var left = new int[classes];
            int leftTotal = 0;
            for (int k = 0; k < order.Length - 1; k++)
            {
                for (int c = 0; c < classes; c++)
                {
                    left[c] += byBin[order[k], c];
                }

                leftTotal += binTotals[order[k]];
                int rightTotal = rows.Length - leftTotal;
                if (leftTotal < leafSize || rightTotal < leafSize)
                {
                    continue;
                }

                var right = counts.Select((c, i) => c - left[i]).ToArray();
                double gain = parent - ((leftTotal * Gini(left, leftTotal)) + (rightTotal * Gini(right, rightTotal))) / rows.Length;
                if (gain > best.Gain)
                {
                    best = (gain, f, order[..(k + 1)].Order().ToArray());
                }
            }
        }

        if (best.Feature < 0)
        {
            return leaf;
        }

        var goesLeft = new HashSet<int>(best.Left);
        var l = rows.Where(r => goesLeft.Contains(features[best.Feature][r])).ToArray();
        var rr = rows.Where(r => !goesLeft.Contains(features[best.Feature][r])).ToArray();
        return new TreeNode
        {
            Column = names[best.Feature],
            Left = best.Left,
            IfLeft = Grow(features, sizes, names, target, classes, leafSize, l, depth + 1),
            Otherwise = Grow(features, sizes, names, target, classes, leafSize, rr, depth + 1),
        };
    }

    private static double Gini(int[] counts, int total)
    {
        if (total == 0)
        {
            return 0;
        }

        double sum = 0;
        foreach (int c in counts)
        {
            double p = (double)c / total;
            sum += p * p;
        }

        return 1 - sum;
    }
}
