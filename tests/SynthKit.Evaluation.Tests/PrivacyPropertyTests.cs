using System;

namespace SynthKit.Evaluation.Tests;

/// <summary>
/// Properties the privacy metrics must have, on a known process (fixed seeds): a verbatim copy of the training rows is
/// caught by every metric; an independent sample of the same process — what an ideal generator gives — scores like
/// the holdout, the natural baseline. Bounds are ±0.03 around 0.5, more than six standard errors at 4,000 rows.
/// </summary>
public sealed class PrivacyPropertyTests
{
    private const int Rows = 4_000;

    private static readonly EvaluationOptions NoFidelity = new() { Fidelity = false };

    private static readonly ColumnBatch Training = KnownProcess.Sample(Rows, seed: 1);
    private static readonly ColumnBatch Holdout = KnownProcess.Sample(Rows, seed: 2);

    private static readonly Lazy<PrivacyReport> s_copy = new(() => SynthEvaluation.Evaluate(Training, KnownProcess.Slice(Training, 0, Rows), Holdout, NoFidelity).Privacy!);
    private static readonly Lazy<PrivacyReport> s_independent = new(() => SynthEvaluation.Evaluate(Training, KnownProcess.Sample(Rows, seed: 3), Holdout, NoFidelity).Privacy!);

    [Fact]
    public void A_verbatim_copy_is_all_exact_copies_and_closer_to_training()
    {
        var copy = s_copy.Value;

        Assert.Equal(Rows, copy.ExactMatches.Count);
        Assert.Equal(1, copy.ExactMatches.Share);
        Assert.Equal(0, copy.ExactMatches.HoldoutShare);
        Assert.Equal(0, copy.NewRowSynthesis);
        Assert.True(copy.DcrShare > 0.99, $"DCR share {copy.DcrShare}");
        Assert.Equal(0, copy.DcrOverfittingProtection!.Value, 1e-2);
        Assert.Equal(0, copy.Dcr.SyntheticToTrainingMedian);
        Assert.Equal(0, copy.DcrBaselineProtection);
    }

    [Fact]
    public void A_verbatim_copy_gives_the_membership_attack_everything()
    {
        var attack = s_copy.Value.MembershipInference!;

        Assert.True(attack.Auc > 0.99, $"AUC {attack.Auc}");
        Assert.True(attack.TprAt1PctFpr > 0.99, $"TPR at 1% FPR {attack.TprAt1PctFpr}");
    }

    [Fact]
    public void An_independent_sample_scores_like_the_holdout()
    {
        var ideal = s_independent.Value;

        Assert.Equal(ideal.ExactMatches.HoldoutShare!.Value, ideal.ExactMatches.Share, 0.005);
        Assert.InRange(ideal.DcrShare!.Value, 0.47, 0.53);
        Assert.InRange(ideal.MembershipInference!.Auc, 0.47, 0.53);
        Assert.InRange(ideal.MembershipInference.TprAt1PctFpr, 0, 0.04);
        Assert.True(ideal.DcrOverfittingProtection > 0.94, $"overfitting protection {ideal.DcrOverfittingProtection}");
        Assert.True(ideal.NewRowSynthesis > 0.95, $"new rows {ideal.NewRowSynthesis}");
    }

    [Fact]
    public void An_independent_sample_is_as_far_from_training_as_from_holdout()
    {
        var dcr = s_independent.Value.Dcr;

        Assert.Equal(dcr.SyntheticToHoldoutMedian!.Value, dcr.SyntheticToTrainingMedian, 0.1 * dcr.SyntheticToTrainingMedian);
        Assert.True(dcr.RandomToTrainingMedian > dcr.SyntheticToTrainingMedian, "uniform noise should sit farther from the real rows than a faithful sample");
        Assert.Equal(Rows, Sum(dcr.TrainingHistogram));
        Assert.Equal(Rows, Sum(dcr.HoldoutHistogram!));
    }

    [Fact]
    public void Half_copied_rows_are_found_in_proportion()
    {
        var half = KnownProcess.Sample(Rows, seed: 4);
        var copied = KnownProcess.Slice(Training, 0, Rows / 2);
        var mixed = Concat(copied, KnownProcess.Slice(half, 0, Rows / 2));

        var privacy = SynthEvaluation.Evaluate(Training, mixed, Holdout, NoFidelity).Privacy!;

        Assert.Equal(Rows / 2, privacy.ExactMatches.Count);
        Assert.InRange(privacy.DcrShare!.Value, 0.72, 0.78); // ½ copies (closer to training) + ½ × ½
    }

    private static int Sum(System.Collections.Generic.IReadOnlyList<int> values)
    {
        int sum = 0;
        foreach (int v in values)
        {
            sum += v;
        }

        return sum;
    }

    private static ColumnBatch Concat(ColumnBatch a, ColumnBatch b)
    {
        var all = new ColumnBatch(a.Spec, a.RowCount + b.RowCount) { RowCount = a.RowCount + b.RowCount };
        foreach (var (source, offset) in new[] { (a, 0), (b, a.RowCount) })
        {
            for (int r = 0; r < source.RowCount; r++)
            {
                all.Get<double>("x")[offset + r] = source.Get<double>("x")[r];
                all.Get<double>("y")[offset + r] = source.Get<double>("y")[r];
                all.Get<int>("n")[offset + r] = source.Get<int>("n")[r];
                ((CategoricalColumn)all["c"]).Set(offset + r, ((CategoricalColumn)source["c"])[r]);
                all.Get<bool>("b")[offset + r] = source.Get<bool>("b")[r];
                ((StringColumn)all["email"]).Set(offset + r, ((StringColumn)source["email"])[r]);
            }
        }

        return all;
    }
}

/// <summary>The privacy figures do not depend on how many cores computed them.</summary>
public sealed class PrivacyDeterminismTests
{
    [Fact]
    public void One_core_and_two_give_the_same_report()
    {
        var real = KnownProcess.Sample(700, seed: 41);
        var synthetic = KnownProcess.Sample(900, seed: 42);
        var holdout = KnownProcess.Sample(600, seed: 43);

        string one = SynthEvaluation.Evaluate(real, synthetic, holdout, new EvaluationOptions { MaxDegreeOfParallelism = 1, Known = ["n"], Sensitive = ["c"] }).ToJson();
        string two = SynthEvaluation.Evaluate(real, synthetic, holdout, new EvaluationOptions { MaxDegreeOfParallelism = 2, Known = ["n"], Sensitive = ["c"] }).ToJson();

        Assert.Equal(one, two);
        Assert.Contains("\"membershipInference\": {", one, System.StringComparison.Ordinal);
    }
}

/// <summary>The 512-bit distance kernel and the Vector&lt;double&gt; one give the same report, byte for byte.</summary>
public sealed class KernelTests
{
    [Fact]
    public void Both_distance_kernels_give_the_same_report()
    {
        var real = KnownProcess.Sample(1_003, seed: 71);
        var synthetic = KnownProcess.Sample(997, seed: 72);
        var holdout = KnownProcess.Sample(1_001, seed: 73);
        var options = new EvaluationOptions { Fidelity = false, Models = false };
        bool original = PrivacyMetrics.Use512;
        try
        {
            PrivacyMetrics.Use512 = false;
            string vector = SynthEvaluation.Evaluate(real, synthetic, holdout, options).ToJson();
            PrivacyMetrics.Use512 = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;
            string wide = SynthEvaluation.Evaluate(real, synthetic, holdout, options).ToJson();

            Assert.Equal(vector, wide);
        }
        finally
        {
            PrivacyMetrics.Use512 = original;
        }
    }
}
