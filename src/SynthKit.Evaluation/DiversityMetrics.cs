using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit.Evaluation;

/// <summary>Diversity and bias, from the encoded tables.</summary>
internal static class DiversityMetrics
{
    private const double RareShare = 0.01;

    public static DiversityReport Diversity(EvalContext context)
    {
        var real = context.Real;
        var syn = context.Synthetic;
        var columns = new Dictionary<string, ColumnDiversity>(StringComparer.Ordinal);
        var rare = new List<RareCategory>();
        var categoryScores = new List<double>();
        var rangeScores = new List<double>();
        for (int c = 0; c < real.Columns.Count; c++)
        {
            var column = real.Columns[c];
            if (column.IsDiscrete)
            {
                int size = context.Categories[c].Labels.Count;
                var realCounts = Counts(column.Codes!, size);
                var synCounts = Counts(syn.Columns[c].Codes!, size);
                int present = 0, covered = 0;
                for (int k = 0; k < size; k++)
                {
                    if (realCounts[k] > 0)
                    {
                        present++;
                        covered += synCounts[k] > 0 ? 1 : 0;
                        double realShare = (double)realCounts[k] / real.RowCount, synShare = (double)synCounts[k] / syn.RowCount;
                        if (realShare < RareShare)
                        {
                            rare.Add(new RareCategory
                            {
                                Column = column.Name,
                                Category = context.Categories[c].Labels[k],
                                RealShare = realShare,
                                SyntheticShare = synShare,
                                Status = synCounts[k] == 0 ? "lost" : synShare > 2 * realShare ? "inflated" : "kept",
                            });
                        }
                    }
                }

                double? coverage = present == 0 ? null : (double)covered / present;
                if (coverage is { } v)
                {
                    categoryScores.Add(v);
                }

                columns.Add(column.Name, new ColumnDiversity { Metric = "CategoryCoverage", Score = coverage });
            }
            else if (column.IsContinuous)
            {
                var r = context.Sorted(real, c);
                var s = context.Sorted(syn, c);
                double? coverage = null;
                double? below = null, above = null;
                if (r.Length > 0 && s.Length > 0)
                {
                    double range = r[^1] - r[0];
                    coverage = range == 0
                        ? (s[0] <= r[0] && s[^1] >= r[0] ? 1 : 0)
                        : Math.Clamp((Math.Min(s[^1], r[^1]) - Math.Max(s[0], r[0])) / range, 0, 1);
                    double p1 = PrivacyMetrics.Quantile(r, 0.01), p99 = PrivacyMetrics.Quantile(r, 0.99);
                    below = (double)s.Count(v => v < p1) / s.Length;
                    above = (double)s.Count(v => v > p99) / s.Length;
                    rangeScores.Add(coverage.Value);
                }

                columns.Add(column.Name, new ColumnDiversity { Metric = "RangeCoverage", Score = coverage, BelowP1 = below, AboveP99 = above });
            }
        }

        int distinct = DistinctRows(syn);
        return new DiversityReport
        {
            CategoryCoverage = QualityMetrics.Mean(categoryScores),
            RangeCoverage = QualityMetrics.Mean(rangeScores),
            Columns = columns,
            RareCategories = rare,
            RareCategoriesLost = rare.Count(r => r.Status == "lost"),
            DistinctRowShare = (double)distinct / syn.RowCount,
            DuplicateRows = syn.RowCount - distinct,
        };
    }

    public static BiasReport Bias(EvalContext context, IReadOnlyList<string>? protectedColumns, string? target, string? positiveClass)
    {
        var real = context.Real;
        var syn = context.Synthetic;
        var names = real.Columns.Select(c => c.Name).ToList();
        var chosen = protectedColumns is { Count: > 0 }
            ? protectedColumns.ToList()
            : context.Spec.Columns.Where(c => c.Privacy is { } p && (p.Sensitive || p.QuasiIdentifier) && !c.IsPersonalData).Select(c => c.Name).ToList();
        foreach (var name in chosen.Append(target).Where(n => n is not null))
        {
            if (!names.Contains(name!))
            {
                throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"'{name}' is not a column of the table");
            }
        }

        // The outcome: a target value, the real data's rarer one unless given.
        int targetIndex = target is null ? -1 : names.IndexOf(target);
        int[]? realOutcome = null, synOutcome = null;
        string? positive = null;
        if (targetIndex >= 0)
        {
            var (realCodes, size, labels) = Groups(context, real, targetIndex);
            var (synCodes, _, _) = Groups(context, syn, targetIndex);
            var counts = Counts(realCodes, size);
            int positiveCode = positiveClass is not null
                ? Array.IndexOf(labels, positiveClass)
                : Enumerable.Range(0, size).Where(k => counts[k] > 0).OrderBy(k => counts[k]).ThenBy(k => labels[k], StringComparer.Ordinal).FirstOrDefault(-1);
            if (positiveCode < 0)
            {
                throw new SynthKitException(EvaluationErrorCodes.InvalidInput, $"the target '{target}' has no value '{positiveClass}'");
            }

            positive = labels[positiveCode];
            realOutcome = realCodes;
            synOutcome = synCodes;
            realOutcome = realCodes.Select(v => v == positiveCode ? 1 : 0).ToArray();
            synOutcome = synCodes.Select(v => v == positiveCode ? 1 : 0).ToArray();
        }

        var groups = new List<GroupRepresentation>();
        var parity = new Dictionary<string, ParityGap>(StringComparer.Ordinal);
        foreach (var name in chosen)
        {
            int c = names.IndexOf(name);
            var (realCodes, size, labels) = Groups(context, real, c);
            var (synCodes, _, _) = Groups(context, syn, c);
            var realCounts = Counts(realCodes, size);
            var synCounts = Counts(synCodes, size);
            var realRates = new List<double>();
            var synRates = new List<double>();
            for (int k = 0; k < size; k++)
            {
                if (realCounts[k] == 0)
                {
                    continue;
                }

                double realShare = (double)realCounts[k] / real.RowCount, synShare = (double)synCounts[k] / syn.RowCount;
                double? realRate = realOutcome is null ? null : Rate(realCodes, realOutcome, k);
                double? synRate = synOutcome is null || synCounts[k] == 0 ? null : Rate(synCodes, synOutcome, k);
                if (realRate is { } rr)
                {
                    realRates.Add(rr);
                }

                if (synRate is { } sr)
                {
                    synRates.Add(sr);
                }

                groups.Add(new GroupRepresentation
                {
                    Column = name,
                    Group = labels[k],
                    RealShare = realShare,
                    SyntheticShare = synShare,
                    Ratio = synShare / realShare,
                    Eroded = synShare < 0.8 * realShare,
                    RealOutcomeRate = realRate,
                    SyntheticOutcomeRate = synRate,
                });
            }

            if (realOutcome is not null && realRates.Count > 0)
            {
                parity.Add(name, new ParityGap
                {
                    Real = realRates.Max() - realRates.Min(),
                    Synthetic = synRates.Count == 0 ? 0 : synRates.Max() - synRates.Min(),
                });
            }
        }

        return new BiasReport
        {
            Protected = chosen,
            Target = target,
            PositiveClass = positive,
            Groups = groups,
            GroupsEroded = groups.Count(g => g.Eroded),
            DemographicParity = parity,
        };
    }

    /// <summary>A column as group codes (0…size−1, the last code for null): its categories, or 10 bins of the real range for numbers.</summary>
    internal static (int[] Codes, int Size, string[] Labels) Groups(EvalContext context, EvalTable table, int c)
    {
        var column = table.Columns[c];
        if (column.Codes is { } codes)
        {
            var labels = context.Categories[c].Labels.Append("(null)").ToArray();
            return (codes.Select(v => v < 0 ? labels.Length - 1 : v).ToArray(), labels.Length, labels);
        }

        var real = context.Sorted(context.Real, c);
        double min = real.Length == 0 ? 0 : real[0], width = real.Length == 0 ? 0 : real[^1] - min;
        var binLabels = Enumerable.Range(0, 10)
            .Select(i => FormattableString.Invariant($"[{min + (i * width / 10):G6}, {min + ((i + 1) * width / 10):G6}{(i == 9 ? "]" : ")")}"))
            .Append("(null)")
            .ToArray();
        var binned = column.Values!.Select(v => double.IsNaN(v) ? 10 : width <= 0 ? 0 : Math.Clamp((int)Math.Floor((v - min) / width * 10), 0, 9)).ToArray();
        return (binned, binLabels.Length, binLabels);
    }

    private static double Rate(int[] groups, int[] outcome, int group)
    {
        long n = 0, positive = 0;
        for (int r = 0; r < groups.Length; r++)
        {
            if (groups[r] == group)
            {
                n++;
                positive += outcome[r];
            }
        }

        return n == 0 ? 0 : (double)positive / n;
    }

    private static int[] Counts(int[] codes, int size)
    {
        var counts = new int[size];
        foreach (int code in codes)
        {
            if (code >= 0)
            {
                counts[code]++;
            }
        }

        return counts;
    }

    private static int DistinctRows(EvalTable table)
    {
        var seen = new HashSet<RowKey>();
        for (int r = 0; r < table.RowCount; r++)
        {
            seen.Add(new RowKey(table, r));
        }

        return seen.Count;
    }

    /// <summary>A row compared by every column's value (exact, nulls equal).</summary>
    private readonly struct RowKey : IEquatable<RowKey>
    {
        private readonly EvalTable _table;
        private readonly int _row;
        private readonly int _hash;

        public RowKey(EvalTable table, int row)
        {
            _table = table;
            _row = row;
            var hash = new HashCode();
            foreach (var column in table.Columns)
            {
                if (column.Values is { } v)
                {
                    hash.Add(double.IsNaN(v[row]) ? double.NaN : v[row]);
                }
                else
                {
                    hash.Add(column.Codes![row]);
                }
            }

            _hash = hash.ToHashCode();
        }

        public bool Equals(RowKey other)
        {
            foreach (var column in _table.Columns)
            {
                if (column.Values is { } v)
                {
                    double a = v[_row], b = v[other._row];
                    if (!(a == b || (double.IsNaN(a) && double.IsNaN(b))))
                    {
                        return false;
                    }
                }
                else if (column.Codes![_row] != column.Codes[other._row])
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}
