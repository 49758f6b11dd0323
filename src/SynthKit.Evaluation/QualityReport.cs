using System.Collections.Generic;

namespace SynthKit.Evaluation;

/// <summary>
/// SDMetrics' single-table quality report, exactly: Column Shapes, Column Pair Trends (pairs counted only where the real
/// data show a trend above the thresholds), their mean, and the same report counting every pair beside it.
/// </summary>
public sealed class QualityReport
{
    /// <summary>The overall score: the mean of <see cref="ColumnShapes"/> and <see cref="ColumnPairTrends"/> (SDMetrics' <c>get_score()</c>).</summary>
    public double? Score { get; init; }

    /// <summary>The mean column shape score (KSComplement for numbers and datetimes, TVComplement for categories and booleans).</summary>
    public double? ColumnShapes { get; init; }

    /// <summary>The mean pair trend score over the pairs that meet the real-trend thresholds.</summary>
    public double? ColumnPairTrends { get; init; }

    /// <summary>Pairs of evaluated columns.</summary>
    public int PairsTotal { get; init; }

    /// <summary>Pairs that count towards <see cref="ColumnPairTrends"/>.</summary>
    public int PairsScored { get; init; }

    /// <summary>A numeric pair counts when the real |Pearson r| exceeds this (SDMetrics' default 0.5).</summary>
    public double RealCorrelationThreshold { get; init; }

    /// <summary>Any other pair counts when the real Cramér's V exceeds this (SDMetrics' default 0.3).</summary>
    public double RealAssociationThreshold { get; init; }

    /// <summary>Each evaluated column's shape score, by name, in spec order.</summary>
    public IReadOnlyDictionary<string, ColumnScore> Columns { get; init; } = new Dictionary<string, ColumnScore>();

    /// <summary>Every pair of evaluated columns, in spec order.</summary>
    public IReadOnlyList<PairScore> Pairs { get; init; } = [];

    /// <summary>The same report with both thresholds at 0: every pair counts.</summary>
    public AllPairsQuality AllPairs { get; init; } = new();
}

/// <summary>The quality report when every pair counts.</summary>
public sealed class AllPairsQuality
{
    /// <summary>The mean of the column shapes and the all-pairs trend score.</summary>
    public double? Score { get; init; }

    /// <summary>The mean pair trend score over every scorable pair.</summary>
    public double? ColumnPairTrends { get; init; }

    /// <summary>Pairs with a score (a constant column has none).</summary>
    public int PairsScored { get; init; }
}

/// <summary>One column's score under one metric.</summary>
public sealed class ColumnScore
{
    /// <summary>The metric's SDMetrics name (KSComplement, TVComplement, BoundaryAdherence, CategoryAdherence, KeyUniqueness).</summary>
    public string Metric { get; init; } = "";

    /// <summary>The score in [0, 1]; null when it cannot be computed (no values).</summary>
    public double? Score { get; init; }
}

/// <summary>One pair's trend score.</summary>
public sealed class PairScore
{
    /// <summary>The two columns, in spec order.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>CorrelationSimilarity (two numeric columns) or ContingencySimilarity.</summary>
    public string Metric { get; init; } = "";

    /// <summary>The pair's score in [0, 1]; null when it cannot be computed (a constant column).</summary>
    public double? Score { get; init; }

    /// <summary>Pearson's r in the real data (numeric pairs).</summary>
    public double? RealCorrelation { get; init; }

    /// <summary>Pearson's r in the synthetic data (numeric pairs).</summary>
    public double? SyntheticCorrelation { get; init; }

    /// <summary>Cramér's V in the real data (other pairs).</summary>
    public double? RealAssociation { get; init; }

    /// <summary>Cramér's V in the synthetic data (other pairs).</summary>
    public double? SyntheticAssociation { get; init; }

    /// <summary>Whether the pair counts towards the thresholded score.</summary>
    public bool MeetsThreshold { get; init; }
}

/// <summary>SDMetrics' diagnostic report: data validity and structure.</summary>
public sealed class DiagnosticReport
{
    /// <summary>The mean of <see cref="DataValidity"/> and <see cref="DataStructure"/> (the target is 1).</summary>
    public double? Score { get; init; }

    /// <summary>The mean of the columns' validity scores (boundary adherence, category adherence, key uniqueness).</summary>
    public double? DataValidity { get; init; }

    /// <summary>TableStructure: the share of columns the two tables have in common.</summary>
    public double DataStructure { get; init; }

    /// <summary>Each column's validity score, by name.</summary>
    public IReadOnlyDictionary<string, ColumnScore> Columns { get; init; } = new Dictionary<string, ColumnScore>();
}
