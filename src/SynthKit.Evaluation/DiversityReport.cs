using System.Collections.Generic;

namespace SynthKit.Evaluation;

/// <summary>Whether the synthetic data keep the real data's variety: categories, rare categories, ranges, tails, distinct rows.</summary>
public sealed class DiversityReport
{
    /// <summary>The mean over categorical columns of the share of real categories the synthetic data contain (SDMetrics' CategoryCoverage).</summary>
    public double? CategoryCoverage { get; init; }

    /// <summary>The mean over numeric columns of the share of the real range the synthetic data span (SDMetrics' RangeCoverage).</summary>
    public double? RangeCoverage { get; init; }

    /// <summary>Each column's coverage and tails, by name.</summary>
    public IReadOnlyDictionary<string, ColumnDiversity> Columns { get; init; } = new Dictionary<string, ColumnDiversity>();

    /// <summary>Every category under 1% of the real rows, with its synthetic frequency: the long tail a generator loses first.</summary>
    public IReadOnlyList<RareCategory> RareCategories { get; init; } = [];

    /// <summary>Rare categories the synthetic data do not have at all.</summary>
    public int RareCategoriesLost { get; init; }

    /// <summary>The share of synthetic rows that are distinct from every other synthetic row.</summary>
    public double DistinctRowShare { get; init; }

    /// <summary>Synthetic rows that repeat an earlier synthetic row.</summary>
    public int DuplicateRows { get; init; }
}

/// <summary>One column's variety.</summary>
public sealed class ColumnDiversity
{
    /// <summary>CategoryCoverage (categorical and boolean columns) or RangeCoverage (numbers and datetimes).</summary>
    public string Metric { get; init; } = "";

    /// <summary>The coverage in [0, 1].</summary>
    public double? Score { get; init; }

    /// <summary>Numbers: the synthetic share below the real 1st percentile (about 0.01 is faithful; far less means the tail was lost).</summary>
    public double? BelowP1 { get; init; }

    /// <summary>Numbers: the synthetic share above the real 99th percentile.</summary>
    public double? AboveP99 { get; init; }
}

/// <summary>A category under 1% of the real rows.</summary>
public sealed class RareCategory
{
    /// <summary>The column.</summary>
    public string Column { get; init; } = "";

    /// <summary>The category.</summary>
    public string Category { get; init; } = "";

    /// <summary>Its share of the real rows.</summary>
    public double RealShare { get; init; }

    /// <summary>Its share of the synthetic rows.</summary>
    public double SyntheticShare { get; init; }

    /// <summary><c>kept</c>, <c>lost</c> (absent from the synthetic data) or <c>inflated</c> (more than twice its real share).</summary>
    public string Status { get; init; } = "";
}

/// <summary>Whether groups of protected columns are represented, and treated, as in the real data.</summary>
public sealed class BiasReport
{
    /// <summary>The protected columns (given, or those the spec marks sensitive or quasi-identifying).</summary>
    public IReadOnlyList<string> Protected { get; init; } = [];

    /// <summary>The target column, when outcome rates were measured.</summary>
    public string? Target { get; init; }

    /// <summary>The target's value counted as the outcome (the real data's rarer value unless given).</summary>
    public string? PositiveClass { get; init; }

    /// <summary>Every group of every protected column.</summary>
    public IReadOnlyList<GroupRepresentation> Groups { get; init; } = [];

    /// <summary>Groups whose synthetic share fell below 0.8 × their real share (minority erosion).</summary>
    public int GroupsEroded { get; init; }

    /// <summary>Per protected column, the demographic-parity difference (largest minus smallest outcome rate over its groups), real vs synthetic.</summary>
    public IReadOnlyDictionary<string, ParityGap> DemographicParity { get; init; } = new Dictionary<string, ParityGap>();
}

/// <summary>One group's representation and outcome.</summary>
public sealed class GroupRepresentation
{
    /// <summary>The protected column.</summary>
    public string Column { get; init; } = "";

    /// <summary>The group (the column's value; "(null)" for missing).</summary>
    public string Group { get; init; } = "";

    /// <summary>Its share of the real rows.</summary>
    public double RealShare { get; init; }

    /// <summary>Its share of the synthetic rows.</summary>
    public double SyntheticShare { get; init; }

    /// <summary>Synthetic over real share.</summary>
    public double Ratio { get; init; }

    /// <summary>Whether the ratio is below 0.8.</summary>
    public bool Eroded { get; init; }

    /// <summary>With a target: the share of the group's real rows with the positive outcome.</summary>
    public double? RealOutcomeRate { get; init; }

    /// <summary>With a target: the share of the group's synthetic rows with the positive outcome.</summary>
    public double? SyntheticOutcomeRate { get; init; }
}

/// <summary>A fairness gap in the real and in the synthetic data.</summary>
public sealed class ParityGap
{
    /// <summary>The gap in the real data.</summary>
    public double Real { get; init; }

    /// <summary>The gap in the synthetic data.</summary>
    public double Synthetic { get; init; }
}
