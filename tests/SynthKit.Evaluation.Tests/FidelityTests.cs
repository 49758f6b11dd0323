using System;
using System.Linq;

namespace SynthKit.Evaluation.Tests;

/// <summary>
/// Fidelity beyond marginals on the known process. The "ideal" figures come from an independent sample of the same
/// process (β-recall and authenticity sit near ½ there, by their definitions); a copy, a collapsed sample and a shifted
/// sample must each move the metric that is about them, well past the independent sample's value.
/// </summary>
public sealed class FidelityTests
{
    private const int Rows = 3_000;

    private static readonly ColumnBatch Real = KnownProcess.Sample(Rows, seed: 31);
    private static readonly Lazy<FidelityReport> s_ideal = new(() => Fidelity(KnownProcess.Sample(Rows, seed: 32)));

    private static FidelityReport Fidelity(ColumnBatch synthetic) =>
        SynthEvaluation.Evaluate(Real, synthetic, options: new EvaluationOptions { Privacy = false }).Fidelity!;

    [Fact]
    public void An_independent_sample_lies_on_the_real_manifold_and_covers_it()
    {
        var ideal = s_ideal.Value;

        Assert.InRange(ideal.Precision, 0.9, 1);
        Assert.InRange(ideal.Recall, 0.9, 1);
        Assert.InRange(ideal.Density, 0.85, 1.15);
        Assert.InRange(ideal.Coverage, 0.8, 1);
        Assert.InRange(ideal.AlphaPrecision, 0.95, 1);
        Assert.InRange(ideal.Authenticity, 0.35, 0.65);
    }

    [Fact]
    public void A_copy_is_not_authentic()
    {
        var copy = Fidelity(KnownProcess.Slice(Real, 0, Rows));

        Assert.Equal(0, copy.Authenticity);
        Assert.True(copy.BetaRecall > s_ideal.Value.BetaRecall + 0.3, $"copy β-recall {copy.BetaRecall} vs independent {s_ideal.Value.BetaRecall}");
    }

    [Fact]
    public void A_collapsed_sample_keeps_precision_and_loses_recall()
    {
        // Only the rows of one category and one flag: the synthetic data sit in a corner of the real data.
        var collapsed = Only(KnownProcess.Sample(Rows * 4, seed: 33), "a", flag: false);
        var fidelity = Fidelity(collapsed);

        Assert.True(fidelity.Precision > 0.9, $"precision {fidelity.Precision}");
        Assert.True(fidelity.Recall < s_ideal.Value.Recall - 0.4, $"recall {fidelity.Recall} vs independent {s_ideal.Value.Recall}");
        Assert.True(fidelity.Coverage < s_ideal.Value.Coverage - 0.4, $"coverage {fidelity.Coverage}");
    }

    [Fact]
    public void A_shifted_sample_loses_precision()
    {
        var shifted = KnownProcess.Sample(Rows, seed: 34);
        var x = shifted.Get<double>("x");
        var y = shifted.Get<double>("y");
        for (int r = 0; r < Rows; r++)
        {
            x[r] += 3;
            y[r] += 3;
        }

        var fidelity = Fidelity(shifted);

        Assert.True(fidelity.Precision < s_ideal.Value.Precision - 0.3, $"precision {fidelity.Precision}");
        Assert.True(fidelity.AlphaPrecision < s_ideal.Value.AlphaPrecision - 0.2, $"α-precision {fidelity.AlphaPrecision}");
    }

    [Fact]
    public void Fidelity_does_not_depend_on_the_thread_count()
    {
        var synthetic = KnownProcess.Sample(500, seed: 35);
        var one = SynthEvaluation.Evaluate(Real, synthetic, options: new EvaluationOptions { Privacy = false, MaxDegreeOfParallelism = 1 });
        var two = SynthEvaluation.Evaluate(Real, synthetic, options: new EvaluationOptions { Privacy = false, MaxDegreeOfParallelism = 2 });

        Assert.Equal(one.ToJson(), two.ToJson());
    }

    private static ColumnBatch Only(ColumnBatch source, string category, bool flag)
    {
        var keep = Enumerable.Range(0, source.RowCount).Where(r => ((CategoricalColumn)source["c"])[r] == category && source.Get<bool>("b")[r] == flag).Take(Rows).ToArray();
        var batch = new ColumnBatch(source.Spec, keep.Length) { RowCount = keep.Length };
        for (int i = 0; i < keep.Length; i++)
        {
            batch.Get<double>("x")[i] = source.Get<double>("x")[keep[i]];
            batch.Get<double>("y")[i] = source.Get<double>("y")[keep[i]];
            batch.Get<int>("n")[i] = source.Get<int>("n")[keep[i]];
            ((CategoricalColumn)batch["c"]).Set(i, category);
            batch.Get<bool>("b")[i] = flag;
            ((StringColumn)batch["email"]).Set(i, ((StringColumn)source["email"])[keep[i]]);
        }

        return batch;
    }
}
