using System;
using System.IO;
using System.Linq;
using SynthKit.Evaluation;

namespace SynthKit.Modeling.Tests;

/// <summary>
/// The Bayesian network fitted to UCI Adult's first half and compared, with SynthKit.Evaluation, with the second half:
/// the learning issue's goals, measured at fixed seeds.
/// </summary>
public sealed class NetworkTests
{
    private static readonly Lazy<SynthModel> s_network = new(() => SynthModel.Fit(AdultSplit.Train));
    private static readonly Lazy<EvaluationReport> s_report = new(() =>
    {
        var synthetic = new SpecSynthesizer(AdultSplit.Spec, 7).WithColumnModel(s_network.Value).ToBatch(0, AdultSplit.Holdout.RowCount);
        return SynthEvaluation.Evaluate(AdultSplit.Holdout, synthetic, AdultSplit.Train, new EvaluationOptions { Fidelity = false, Target = "income", PositiveClass = ">50K" });
    });

    [Fact]
    public void The_default_model_is_a_network_whose_dependencies_follow_the_data()
    {
        var network = Assert.IsType<BayesianNetwork>(s_network.Value).Data.Network!;
        Assert.Equal(15, network.Count);
        Assert.All(network, node => Assert.True(node.Parents.Count <= 2, node.Column));

        // education and education-num are one variable written twice: the structure must join them directly.
        var edges = network.SelectMany(n => n.Parents.Select(p => (n.Column, p))).ToList();
        Assert.Contains(edges, e => (e.Column, e.p) is ("education-num", "education") or ("education", "education-num"));
        Assert.Contains(edges, e => (e.Column, e.p) is ("marital-status", "relationship") or ("relationship", "marital-status"));
    }

    [Fact]
    public void Quality_is_above_0_95_with_every_column_shape_above_0_95()
    {
        var quality = s_report.Value.Quality;

        // Goals of issue 11: quality ≥ 0.95 (SDV-style copula 0.813, this copula 0.894, two halves of adult 0.988) and every
        // column shape ≥ 0.95, capital-gain included.
        Assert.True(quality.Score >= 0.95, $"quality {quality.Score}");
        Assert.All(quality.Columns, c => Assert.True(c.Value.Score >= 0.95, $"{c.Key}: {c.Value.Score}"));
        Assert.True(quality.ColumnPairTrends > 0.9, $"pair trends {quality.ColumnPairTrends}");
    }

    [Fact]
    public void Privacy_is_that_of_an_independent_sample()
    {
        var privacy = s_report.Value.Privacy!;

        // Exact copies no more than the holdout's own rate; DCR share within 50 ± 3 %; membership inference AUC ≤ 0.55.
        Assert.True(privacy.ExactMatches.Share <= privacy.ExactMatches.HoldoutShare, $"{privacy.ExactMatches.Share} > {privacy.ExactMatches.HoldoutShare}");
        Assert.InRange(privacy.DcrShare!.Value, 0.47, 0.53);
        Assert.True(privacy.MembershipInference!.Auc <= 0.55, $"MIA AUC {privacy.MembershipInference.Auc}");
    }

    [Fact]
    public void A_classifier_trained_on_samples_comes_close_to_one_trained_on_real_rows()
    {
        var utility = s_report.Value.Utility!;

        // Measured 0.8405 against 0.8678: 2.7 points (the goal is 2). The check guards against losing more than 4.
        Assert.True(utility.Tstr.Accuracy!.Value >= utility.Trtr.Accuracy!.Value - 0.04, $"TSTR {utility.Tstr.Accuracy} vs TRTR {utility.Trtr.Accuracy}");
        Assert.True(utility.Tstr.Accuracy.Value > 0.80, $"TSTR {utility.Tstr.Accuracy}");
    }

    [Fact]
    public void With_income_as_the_target_a_classifier_trained_on_samples_is_within_two_points()
    {
        var model = SynthModel.Fit(AdultSplit.Train, new ModelOptions { Target = "income" });
        var synthetic = new SpecSynthesizer(AdultSplit.Spec, 7).WithColumnModel(model).ToBatch(0, AdultSplit.Holdout.RowCount);
        var report = SynthEvaluation.Evaluate(AdultSplit.Holdout, synthetic, AdultSplit.Train, new EvaluationOptions { Fidelity = false, Target = "income", PositiveClass = ">50K" });

        // Measured: TSTR 0.8507 against TRTR 0.8678 (1.7 points; without the target's tree 2.7), quality 0.975.
        Assert.True(report.Utility!.Tstr.Accuracy!.Value >= report.Utility.Trtr.Accuracy!.Value - 0.02, $"TSTR {report.Utility.Tstr.Accuracy} vs TRTR {report.Utility.Trtr.Accuracy}");
        Assert.True(report.Quality.Score >= 0.95, $"quality {report.Quality.Score}");
        Assert.InRange(report.Privacy!.DcrShare!.Value, 0.47, 0.53);
        Assert.True(report.Privacy.MembershipInference!.Auc <= 0.55);

        // The target is last, its tree's leaves each stand for at least 30 real rows.
        var node = model.Data.Network![^1];
        Assert.Equal("income", node.Column);
        static System.Collections.Generic.IEnumerable<TreeNode> Leaves(TreeNode t) => t.Counts is not null ? [t] : Leaves(t.IfLeft!).Concat(Leaves(t.Otherwise!));
        var leaves = Leaves(node.Tree!).ToList();
        Assert.True(leaves.Count > 10, $"{leaves.Count} leaves");
        Assert.All(leaves, l => Assert.True(l.Counts!.Sum() >= 30));
        Assert.Equal(AdultSplit.Train.RowCount, leaves.Sum(l => l.Counts!.Sum()));
    }

    [Fact]
    public void The_model_is_aggregates_only_deterministic_and_round_trips()
    {
        string json = s_network.Value.ToJson();

        Assert.Equal(json, SynthModel.Fit(AdultSplit.Train).ToJson());
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // Another culture (decimal commas, other digits grouping): the same bytes.
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal(json, SynthModel.Fit(AdultSplit.Train).ToJson());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        Assert.Equal(json, SynthModel.FromJson(json).ToJson());
        Assert.True(json.Length < 100_000, $"{json.Length} characters");

        // Samples from the reloaded model are the same bytes, and slices concatenate to the whole.
        var reloaded = new SpecSynthesizer(AdultSplit.Spec, 3).WithColumnModel(SynthModel.FromJson(json));
        var original = new SpecSynthesizer(AdultSplit.Spec, 3).WithColumnModel(s_network.Value);
        Assert.Equal(Csv(original, 0, 500), Csv(reloaded, 0, 500));
        Assert.Equal(Csv(original, 0, 500), Csv(reloaded, 0, 123) + Csv(reloaded, 123, 377)[(Csv(reloaded, 123, 377).IndexOf('\n') + 1)..]);
    }

    private static string Csv(ISynthesizer synthesizer, long start, int count)
    {
        using var stream = new MemoryStream();
        synthesizer.WriteCsv(stream, start, count);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}

