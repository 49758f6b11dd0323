using System;
using System.Linq;
using System.Text;

namespace SynthKit.Evaluation.Tests;

/// <summary>
/// The metrics that train models (ML.NET FastTree, seeded, one thread). A discriminator cannot tell two samples of one
/// process apart and can tell a shifted one; a synthetic sample that keeps the x–y relationship trains a model as good
/// as the real rows do, and one that breaks it does not.
/// </summary>
public sealed class ModelTests
{
    private const int Rows = 2_000;

    /// <summary>
    /// The known process with one outcome and no column that gives it away: <c>high</c> = (y &gt; 0.5) beside x, n, b
    /// (a binary outcome that depends on x through y), or y itself beside x, n, b.
    /// </summary>
    private static TableSpec SpecFor(string outcome) => SdvMetadata.Read(Encoding.UTF8.GetBytes($$"""
        {
          "METADATA_SPEC_VERSION": "SINGLE_TABLE_V1",
          "columns": {
            "x": { "sdtype": "numerical", "computer_representation": "Float" },
            "n": { "sdtype": "numerical", "computer_representation": "Int32" },
            "b": { "sdtype": "boolean" },
            "{{outcome}}": { {{(outcome == "y" ? "\"sdtype\": \"numerical\", \"computer_representation\": \"Float\"" : "\"sdtype\": \"boolean\"")}} }
          }
        }
        """), "outcomes");

    private static readonly TableSpec Classification = SpecFor("high");
    private static readonly TableSpec Regression = SpecFor("y");

    private static ColumnBatch Sample(int seed, bool breakRelationship = false, double shift = 0, bool regression = false)
    {
        var source = KnownProcess.Sample(Rows, seed);
        var shuffle = new Random(seed + 1000);
        var order = Enumerable.Range(0, Rows).OrderBy(_ => shuffle.Next()).ToArray();
        var batch = new ColumnBatch(regression ? Regression : Classification, Rows) { RowCount = Rows };
        for (int r = 0; r < Rows; r++)
        {
            double x = source.Get<double>("x")[breakRelationship ? order[r] : r] + shift;
            double y = source.Get<double>("y")[r];
            batch.Get<double>("x")[r] = x;
            batch.Get<int>("n")[r] = source.Get<int>("n")[r];
            batch.Get<bool>("b")[r] = source.Get<bool>("b")[r];
            if (regression)
            {
                batch.Get<double>("y")[r] = y;
            }
            else
            {
                batch.Get<bool>("high")[r] = y > 0.5;
            }
        }

        return batch;
    }

    private static readonly ColumnBatch Real = Sample(51);
    private static readonly ColumnBatch Holdout = Sample(52);

    private static readonly ColumnBatch RealY = Sample(51, regression: true);
    private static readonly ColumnBatch HoldoutY = Sample(52, regression: true);

    private static EvaluationReport Evaluate(ColumnBatch synthetic, string? target = null) => target == "y"
        ? SynthEvaluation.Evaluate(RealY, synthetic, HoldoutY, new EvaluationOptions { Privacy = false, Target = target })
        : SynthEvaluation.Evaluate(Real, synthetic, Holdout, new EvaluationOptions { Privacy = false, Target = target, Protected = ["b"] });

    [Fact]
    public void A_discriminator_cannot_tell_an_independent_sample_and_can_tell_a_shifted_one()
    {
        double ideal = Evaluate(Sample(53)).Fidelity!.DiscriminatorAuc!.Value;
        double shifted = Evaluate(Sample(54, shift: 1.5)).Fidelity!.DiscriminatorAuc!.Value;

        Assert.InRange(ideal, 0.44, 0.56);
        Assert.True(shifted > 0.8, $"shifted {shifted}");
    }

    [Fact]
    public void Classification_utility_matches_real_training_when_the_relationship_is_kept()
    {
        var good = Evaluate(Sample(55), target: "high").Utility!;
        var broken = Evaluate(Sample(56, breakRelationship: true), target: "high").Utility!;

        Assert.Equal(("classification", "holdout"), (good.Task, good.TestSet));
        Assert.InRange(good.Trtr.RocAuc!.Value, 0.75, 0.95); // y > 0.5 from x alone, ρ = 0.7
        Assert.Equal(good.Trtr.RocAuc!.Value, good.Tstr.RocAuc!.Value, 0.05);
        Assert.Equal(good.Trtr.Accuracy!.Value, good.Tstr.Accuracy!.Value, 0.05);
        Assert.InRange(broken.Tstr.RocAuc!.Value, 0.4, 0.6);
        Assert.True(broken.Tstr.MacroF1 < good.Tstr.MacroF1 - 0.1, $"macro-F1 {broken.Tstr.MacroF1} vs {good.Tstr.MacroF1}");
    }

    [Fact]
    public void Regression_utility_by_R2_and_MAE()
    {
        var good = Evaluate(Sample(57, regression: true), target: "y").Utility!;
        var broken = Evaluate(Sample(58, breakRelationship: true, regression: true), target: "y").Utility!;

        Assert.Equal("regression", good.Task);
        Assert.InRange(good.Trtr.R2!.Value, 0.35, 0.6); // ρ² = 0.49
        Assert.Equal(good.Trtr.R2!.Value, good.Tstr.R2!.Value, 0.08);
        Assert.True(broken.Tstr.R2 < good.Tstr.R2 - 0.2, $"R² {broken.Tstr.R2} vs {good.Tstr.R2}");
        Assert.True(broken.Tstr.Mae > good.Tstr.Mae, "breaking the relationship must raise the error");
    }

    [Fact]
    public void Fairness_gaps_per_protected_group_for_both_models()
    {
        var utility = Evaluate(Sample(59), target: "high").Utility!;

        var trtr = utility.Trtr.Fairness!["b"];
        var tstr = utility.Tstr.Fairness!["b"];
        Assert.Equal(["False", "True"], trtr.Accuracy.Keys);
        Assert.InRange(trtr.TprGap, 0, 0.15); // b is independent of the outcome
        Assert.InRange(tstr.FprGap, 0, 0.15);
    }

    [Fact]
    public void Models_are_deterministic_and_a_bad_target_is_SK6100()
    {
        var a = Evaluate(Sample(60), target: "high");
        var b = Evaluate(Sample(60), target: "high");
        Assert.Equal(a.ToJson(), b.ToJson());

        var ex = Assert.Throws<SynthKitException>(() => Evaluate(Sample(61), target: "nope"));
        Assert.Equal(EvaluationErrorCodes.InvalidInput, ex.Code);
    }

    [Fact]
    public void Without_a_holdout_every_fifth_real_row_is_the_test_set()
    {
        var utility = SynthEvaluation.Evaluate(Real, Sample(62), options: new EvaluationOptions { Privacy = false, Fidelity = false, Target = "high" }).Utility!;

        Assert.Equal("every 5th real row", utility.TestSet);
        Assert.InRange(utility.Trtr.Accuracy!.Value, 0.65, 0.9);
    }

    [Fact]
    public void A_target_with_one_class_in_the_training_rows_is_SK6100_and_small_tables_have_no_discriminator()
    {
        var constant = Sample(63);
        for (int r = 0; r < Rows; r++)
        {
            constant.Get<bool>("high")[r] = false;
        }

        var ex = Assert.Throws<SynthKitException>(() => Evaluate(constant, target: "high"));
        Assert.Contains("only one class", ex.Message, StringComparison.Ordinal);

        var small = KnownProcess.Sample(ModelMetrics.MinimumRows - 1, seed: 64);
        Assert.Null(SynthEvaluation.Evaluate(small, small, options: new EvaluationOptions { Privacy = false }).Fidelity!.DiscriminatorAuc);
    }
}
