using System.Collections.Generic;

namespace SynthKit.Evaluation;

/// <summary>
/// Machine-learning utility: a model trained on the synthetic rows and tested on real ones (TSTR), beside the same
/// learner with the same settings trained on real rows (TRTR), for one target column.
/// </summary>
public sealed class UtilityReport
{
    /// <summary>The target column.</summary>
    public string Target { get; init; } = "";

    /// <summary><c>classification</c> (a categorical or boolean target) or <c>regression</c> (a numeric one).</summary>
    public string Task { get; init; } = "";

    /// <summary>Where the test rows come from: <c>holdout</c>, or <c>every 5th real row</c> (kept out of TRTR's training) without one.</summary>
    public string TestSet { get; init; } = "";

    /// <summary>The learner and its settings (the same on both sides).</summary>
    public string Learner { get; init; } = "";

    /// <summary>Train on real, test on real.</summary>
    public TaskScores Trtr { get; init; } = new();

    /// <summary>Train on synthetic, test on real.</summary>
    public TaskScores Tstr { get; init; } = new();
}

/// <summary>A model's scores on the test rows.</summary>
public sealed class TaskScores
{
    /// <summary>Classification: the share of test rows predicted right.</summary>
    public double? Accuracy { get; init; }

    /// <summary>Classification: the mean over classes of F1.</summary>
    public double? MacroF1 { get; init; }

    /// <summary>Binary classification: ROC AUC of the positive class's score.</summary>
    public double? RocAuc { get; init; }

    /// <summary>Regression: the coefficient of determination.</summary>
    public double? R2 { get; init; }

    /// <summary>Regression: the mean absolute error.</summary>
    public double? Mae { get; init; }

    /// <summary>Binary classification with protected columns: per protected column, accuracy per group and the equalized-odds gaps.</summary>
    public IReadOnlyDictionary<string, GroupFairness>? Fairness { get; init; }
}

/// <summary>How a model treats the groups of one protected column.</summary>
public sealed class GroupFairness
{
    /// <summary>Accuracy per group.</summary>
    public IReadOnlyDictionary<string, double> Accuracy { get; init; } = new Dictionary<string, double>();

    /// <summary>The largest minus the smallest true-positive rate over the groups.</summary>
    public double TprGap { get; init; }

    /// <summary>The largest minus the smallest false-positive rate over the groups.</summary>
    public double FprGap { get; init; }
}
