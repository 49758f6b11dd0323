using System.Collections.Generic;

namespace SynthKit.Evaluation;

/// <summary>
/// Privacy metrics, every one exact unless <see cref="Subsampled"/> says otherwise: distances from every row to every
/// row, with SDMetrics' distance (numbers range-normalised by the real data and capped at 1, categories 0/1, null vs
/// null 0, null vs value 1; a row's distance is the mean over the evaluated columns).
/// </summary>
public sealed class PrivacyReport
{
    /// <summary>Whether any metric was computed on a subsample (never, unless asked for).</summary>
    public bool Subsampled { get; init; }

    /// <summary>Synthetic rows that copy a training row in every column (personal data included), beside the same figure for holdout rows.</summary>
    public ExactMatches ExactMatches { get; init; } = new();

    /// <summary>SDMetrics' NewRowSynthesis: the share of synthetic rows that match no real row (numbers within 1% of the synthetic value, categories equal).</summary>
    public double NewRowSynthesis { get; init; }

    /// <summary>Distances to the closest record.</summary>
    public DcrSummary Dcr { get; init; } = new();

    /// <summary>SDMetrics' DCRBaselineProtection: min(median DCR synthetic→real / median DCR random→real, 1), the random table uniform within the real ranges and categories.</summary>
    public double? DcrBaselineProtection { get; init; }

    /// <summary>SDMetrics' DCROverfittingProtection (needs a holdout): min(2·(1 − p), 1), p the share of synthetic rows strictly closer to training than to holdout.</summary>
    public double? DcrOverfittingProtection { get; init; }

    /// <summary>MOSTLY AI's DCR share (needs a holdout): the share of synthetic rows closer to training than to holdout, ties counting ½. About 0.5 is ideal; near 1 means the rows were learned by heart.</summary>
    public double? DcrShare { get; init; }

    /// <summary>The 10th percentile of the nearest-neighbour distance ratio d₁/d₂ of synthetic rows to training rows (MOSTLY AI's NNDR); near 0 means synthetic rows sit on top of single training rows.</summary>
    public double? Nndr { get; init; }

    /// <summary>A membership-inference attack (needs a holdout).</summary>
    public MembershipInference? MembershipInference { get; init; }

    /// <summary>Attribute disclosure (CAP), when known and sensitive columns are given.</summary>
    public AttributeDisclosure? AttributeDisclosure { get; init; }
}

/// <summary>Exact copies of real rows.</summary>
public sealed class ExactMatches
{
    /// <summary>Synthetic rows equal to some training row in every column.</summary>
    public int Count { get; init; }

    /// <summary><see cref="Count"/> over the synthetic rows.</summary>
    public double Share { get; init; }

    /// <summary>The natural baseline: the share of holdout rows equal to some training row (real data repeat themselves too).</summary>
    public double? HoldoutShare { get; init; }
}

/// <summary>Distances to the closest record, summarised.</summary>
public sealed class DcrSummary
{
    /// <summary>Median distance from each synthetic row to its closest training row.</summary>
    public double SyntheticToTrainingMedian { get; init; }

    /// <summary>Mean distance from each synthetic row to its closest training row.</summary>
    public double SyntheticToTrainingMean { get; init; }

    /// <summary>Median distance from each synthetic row to its closest holdout row.</summary>
    public double? SyntheticToHoldoutMedian { get; init; }

    /// <summary>Mean distance from each synthetic row to its closest holdout row.</summary>
    public double? SyntheticToHoldoutMean { get; init; }

    /// <summary>Median distance from each random baseline row to its closest training row.</summary>
    public double RandomToTrainingMedian { get; init; }

    /// <summary>A histogram of the synthetic→training distances: 20 equal bins over [0, 1].</summary>
    public IReadOnlyList<int> TrainingHistogram { get; init; } = [];

    /// <summary>A histogram of the synthetic→holdout distances over the same bins.</summary>
    public IReadOnlyList<int>? HoldoutHistogram { get; init; }
}

/// <summary>
/// A distance-based membership-inference attack: every training row and every holdout row is scored by its distance to
/// the nearest synthetic row, closer meaning "was in the training data".
/// </summary>
public sealed class MembershipInference
{
    /// <summary>The attack's ROC AUC: the chance that a training row is closer than a holdout row (ties ½). 0.5 = no leakage.</summary>
    public double Auc { get; init; }

    /// <summary>The share of training rows the attack finds while wrongly flagging at most 1% of holdout rows.</summary>
    public double TprAt1PctFpr { get; init; }
}

/// <summary>SDMetrics' DisclosureProtection with the CAP attack.</summary>
public sealed class AttributeDisclosure
{
    /// <summary>The columns the attacker knows.</summary>
    public IReadOnlyList<string> Known { get; init; } = [];

    /// <summary>The columns the attacker wants.</summary>
    public IReadOnlyList<string> Sensitive { get; init; } = [];

    /// <summary>1 − the mean share of synthetic rows with a real row's known values that carry its sensitive values (over real rows whose known values occur in the synthetic data).</summary>
    public double CapProtection { get; init; }

    /// <summary>1 − 1/∏|domain(sensitive)|: the protection against an attacker who guesses.</summary>
    public double BaselineProtection { get; init; }

    /// <summary>min(CapProtection / BaselineProtection, 1).</summary>
    public double Score { get; init; }
}
