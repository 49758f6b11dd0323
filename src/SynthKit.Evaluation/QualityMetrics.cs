using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace SynthKit.Evaluation;

/// <summary>Computes the quality and diagnostic reports from encoded tables.</summary>
internal static class QualityMetrics
{
    public static QualityReport Quality(EvalContext context, double correlationThreshold, double associationThreshold)
    {
        var real = context.Real;
        var syn = context.Synthetic;
        var evaluated = context.Evaluated;

        // Column shapes.
        var shapes = new Dictionary<string, ColumnScore>(StringComparer.Ordinal);
        var shapeScores = new double[evaluated.Length];
        Parallel.For(0, evaluated.Length, context.Parallel, i =>
        {
            int c = evaluated[i];
            shapeScores[i] = real.Columns[c].IsContinuous
                ? 1 - Statistics.KolmogorovSmirnov(context.Sorted(real, c), context.Sorted(syn, c))
                : Statistics.TvComplement(real.Columns[c].Codes!, syn.Columns[c].Codes!, context.Categories[c].Labels.Count);
        });
        for (int i = 0; i < evaluated.Length; i++)
        {
            var column = real.Columns[evaluated[i]];
            shapes.Add(column.Name, new ColumnScore { Metric = column.IsContinuous ? "KSComplement" : "TVComplement", Score = Finite(shapeScores[i]) });
        }

        // Column pair trends.
        var pairs = new List<(int A, int B)>();
        for (int i = 0; i < evaluated.Length; i++)
        {
            for (int j = i + 1; j < evaluated.Length; j++)
            {
                pairs.Add((evaluated[i], evaluated[j]));
            }
        }

        var results = new PairScore[pairs.Count];
        Parallel.For(0, pairs.Count, context.Parallel, p => results[p] = Pair(context, pairs[p].A, pairs[p].B, correlationThreshold, associationThreshold));

        double? shapesMean = Mean(shapeScores);
        double? trends = Mean(results.Where(r => r.MeetsThreshold && r.Score is not null).Select(r => r.Score!.Value));
        double? allTrends = Mean(results.Where(r => r.Score is not null).Select(r => r.Score!.Value));
        return new QualityReport
        {
            Score = Mean(new[] { shapesMean, trends }),
            ColumnShapes = shapesMean,
            ColumnPairTrends = trends,
            PairsTotal = pairs.Count,
            PairsScored = results.Count(r => r.MeetsThreshold && r.Score is not null),
            RealCorrelationThreshold = correlationThreshold,
            RealAssociationThreshold = associationThreshold,
            Columns = shapes,
            Pairs = results,
            AllPairs = new AllPairsQuality
            {
                Score = Mean(new[] { shapesMean, allTrends }),
                ColumnPairTrends = allTrends,
                PairsScored = results.Count(r => r.Score is not null),
            },
        };
    }

    private static PairScore Pair(EvalContext context, int a, int b, double correlationThreshold, double associationThreshold)
    {
        var real = context.Real;
        var syn = context.Synthetic;
        var columnA = real.Columns[a];
        var columnB = real.Columns[b];
        string[] names = [columnA.Name, columnB.Name];
        if (columnA.IsContinuous && columnB.IsContinuous)
        {
            double r = Statistics.Pearson(columnA.Values!, columnB.Values!);
            double s = Statistics.Pearson(syn.Columns[a].Values!, syn.Columns[b].Values!);
            double score = 1 - (Math.Abs(r - s) / 2);
            bool meets = correlationThreshold <= 0 || (!double.IsNaN(r) && Math.Abs(r) > correlationThreshold);
            return new PairScore
            {
                Columns = names,
                Metric = "CorrelationSimilarity",
                Score = Finite(score),
                RealCorrelation = Finite(r),
                SyntheticCorrelation = Finite(s),
                MeetsThreshold = meets,
            };
        }

        var (realA, sizeA) = context.Discrete(real, a);
        var (realB, sizeB) = context.Discrete(real, b);
        var (synA, _) = context.Discrete(syn, a);
        var (synB, _) = context.Discrete(syn, b);
        double association = Statistics.CramersV(realA, realB, sizeA, sizeB);
        bool counts = associationThreshold <= 0 || (!double.IsNaN(association) && association > associationThreshold);
        return new PairScore
        {
            Columns = names,
            Metric = "ContingencySimilarity",
            Score = Statistics.ContingencySimilarity(realA, realB, synA, synB, sizeA, sizeB),
            RealAssociation = Finite(association),
            SyntheticAssociation = Finite(Statistics.CramersV(synA, synB, sizeA, sizeB)),
            MeetsThreshold = counts,
        };
    }

    public static DiagnosticReport Diagnostic(EvalContext context, string? primaryKey)
    {
        var real = context.Real;
        var syn = context.Synthetic;
        var columns = new Dictionary<string, ColumnScore>(StringComparer.Ordinal);
        var scores = new List<double>();
        for (int c = 0; c < real.Columns.Count; c++)
        {
            var column = real.Columns[c];
            ColumnScore? score = null;
            if (column.Name == primaryKey)
            {
                score = new ColumnScore { Metric = "KeyUniqueness", Score = KeyUniqueness(syn.Columns[c]) };
            }
            else if (column.IsContinuous)
            {
                score = new ColumnScore { Metric = "BoundaryAdherence", Score = BoundaryAdherence(context.Sorted(real, c), syn.Columns[c].Values!) };
            }
            else if (column.IsDiscrete)
            {
                score = new ColumnScore { Metric = "CategoryAdherence", Score = CategoryAdherence(column.Codes!, syn.Columns[c].Codes!, context.Categories[c].Labels.Count) };
            }

            if (score is not null)
            {
                columns.Add(column.Name, score);
                if (score.Score is { } s)
                {
                    scores.Add(s);
                }
            }
        }

        double? validity = Mean(scores);
        const double structure = 1; // both tables are read under one spec, so they have the same columns
        return new DiagnosticReport
        {
            Score = Mean(new[] { validity, structure }),
            DataValidity = validity,
            DataStructure = structure,
            Columns = columns,
        };
    }

    /// <summary>BoundaryAdherence: the share of synthetic non-null values within the real [min, max].</summary>
    internal static double? BoundaryAdherence(double[] sortedReal, double[] synthetic)
    {
        if (sortedReal.Length == 0)
        {
            return null;
        }

        double min = sortedReal[0], max = sortedReal[^1];
        long inside = 0, total = 0;
        foreach (double v in synthetic)
        {
            if (!double.IsNaN(v))
            {
                total++;
                inside += v >= min && v <= max ? 1 : 0;
            }
        }

        return total == 0 ? null : (double)inside / total;
    }

    /// <summary>CategoryAdherence: the share of synthetic values (null counting as a value) that the real data have.</summary>
    internal static double? CategoryAdherence(int[] real, int[] synthetic, int categories)
    {
        if (synthetic.Length == 0)
        {
            return null;
        }

        var seen = new bool[categories + 1];
        foreach (int code in real)
        {
            seen[code + 1] = true;
        }

        long inside = 0;
        foreach (int code in synthetic)
        {
            inside += seen[code + 1] ? 1 : 0;
        }

        return (double)inside / synthetic.Length;
    }

    /// <summary>KeyUniqueness: 1 − the share of synthetic keys that are null or repeat an earlier key.</summary>
    internal static double? KeyUniqueness(EvalColumn key)
    {
        int rows = key.Values?.Length ?? key.Codes!.Length;
        if (rows == 0)
        {
            return null;
        }

        long bad = 0;
        if (key.Values is { } values)
        {
            var seen = new HashSet<double>();
            foreach (double v in values)
            {
                bad += double.IsNaN(v) || !seen.Add(v) ? 1 : 0;
            }
        }
        else
        {
            var seen = new HashSet<int>();
            foreach (int code in key.Codes!)
            {
                bad += code < 0 || !seen.Add(code) ? 1 : 0;
            }
        }

        return 1 - ((double)bad / rows);
    }

    internal static double? Finite(double value) => double.IsFinite(value) ? value : null;

    internal static double? Mean(IEnumerable<double> values)
    {
        double sum = 0;
        int n = 0;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        return n == 0 ? null : sum / n;
    }

    internal static double? Mean(IEnumerable<double?> values) => Mean(values.Where(v => v is not null).Select(v => v!.Value));
}
