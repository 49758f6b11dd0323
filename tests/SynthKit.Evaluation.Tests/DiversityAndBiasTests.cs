using System;
using System.Linq;

namespace SynthKit.Evaluation.Tests;

/// <summary>
/// Diversity and bias on the known process: an independent sample keeps the rare category, its tails and its groups;
/// a sample that drops the rare category or halves a minority is caught.
/// </summary>
public sealed class DiversityAndBiasTests
{
    private const int Rows = 4_000;

    private static readonly ColumnBatch Real = KnownProcess.Sample(Rows, seed: 11);

    private static EvaluationReport Evaluate(ColumnBatch synthetic, EvaluationOptions? options = null) =>
        SynthEvaluation.Evaluate(Real, synthetic, options: options ?? new EvaluationOptions { Privacy = false, Fidelity = false, Protected = ["b", "c"] });

    [Fact]
    public void An_independent_sample_keeps_the_rare_category_and_both_tails()
    {
        var diversity = Evaluate(KnownProcess.Sample(Rows, seed: 12)).Diversity;

        var rare = Assert.Single(diversity.RareCategories);
        Assert.Equal(("c", "e", "kept"), (rare.Column, rare.Category, rare.Status));
        Assert.Equal(0, diversity.RareCategoriesLost);
        Assert.Equal(1, diversity.CategoryCoverage);

        // P(below the 1st percentile) = 0.01 for a faithful sample: 4,000 rows put it within 0.004 … 0.02 (≈ 4 s.d.).
        Assert.InRange(diversity.Columns["x"].BelowP1!.Value, 0.004, 0.02);
        Assert.InRange(diversity.Columns["x"].AboveP99!.Value, 0.004, 0.02);
        Assert.True(diversity.RangeCoverage > 0.8, $"range coverage {diversity.RangeCoverage}");
        Assert.Equal(1, diversity.DistinctRowShare);
        Assert.Equal(0, diversity.DuplicateRows);
    }

    [Fact]
    public void A_sample_that_drops_the_rare_category_is_listed_as_losing_it()
    {
        var diversity = Evaluate(KnownProcess.Sample(Rows, seed: 13, rareShare: 0)).Diversity;

        var rare = Assert.Single(diversity.RareCategories);
        Assert.Equal(("e", "lost", 0.0), (rare.Category, rare.Status, rare.SyntheticShare));
        Assert.Equal(1, diversity.RareCategoriesLost);
        Assert.Equal(0.8, diversity.Columns["c"].Score);
    }

    [Fact]
    public void A_sample_that_inflates_the_rare_category_is_listed_as_inflating_it()
    {
        var diversity = Evaluate(KnownProcess.Sample(Rows, seed: 14, rareShare: 1)).Diversity;
        Assert.Equal("kept", diversity.RareCategories.Single().Status);

        var inflated = Evaluate(Repeat(KnownProcess.Sample(Rows, seed: 15), rows => Enumerable.Repeat(rows.Where(r => r.C == "e"), 3).SelectMany(e => e).Concat(rows).Take(Rows))).Diversity;
        Assert.Equal("inflated", inflated.RareCategories.Single().Status);
    }

    [Fact]
    public void Duplicated_rows_are_counted()
    {
        var sample = KnownProcess.Sample(Rows / 2, seed: 16);
        var doubled = Repeat(sample, rows => rows.Concat(rows));

        var diversity = Evaluate(doubled).Diversity;

        Assert.Equal(0.5, diversity.DistinctRowShare);
        Assert.Equal(Rows / 2, diversity.DuplicateRows);
    }

    [Fact]
    public void A_sample_that_halves_a_minority_is_flagged()
    {
        var bias = Evaluate(KnownProcess.Sample(Rows, seed: 17, minorityShare: 0.15)).Bias;

        var minority = bias.Groups.Single(g => g.Column == "b" && g.Group == "True");
        Assert.True(minority.Eroded);
        Assert.InRange(minority.Ratio, 0.4, 0.6);
        Assert.False(bias.Groups.Single(g => g.Column == "b" && g.Group == "False").Eroded);
        Assert.Equal(1, bias.Groups.Count(g => g.Column == "b" && g.Eroded));
    }

    [Fact]
    public void An_independent_sample_erodes_no_group()
    {
        var bias = Evaluate(KnownProcess.Sample(Rows, seed: 18)).Bias;

        Assert.Equal(["b", "c"], bias.Protected);
        Assert.Equal(0, bias.Groups.Count(g => g.Column == "b" && g.Eroded));
        Assert.All(bias.Groups.Where(g => g.RealShare > 0.05), g => Assert.InRange(g.Ratio, 0.85, 1.15));
    }

    [Fact]
    public void Outcome_rates_and_demographic_parity_per_group()
    {
        // b's outcome is c = "a" (45% overall, independent of b): the parity gap is near 0 in both tables.
        var options = new EvaluationOptions { Privacy = false, Fidelity = false, Protected = ["b"], Target = "c", PositiveClass = "a" };
        var bias = Evaluate(KnownProcess.Sample(Rows, seed: 19), options).Bias;

        Assert.Equal("a", bias.PositiveClass);
        Assert.All(bias.Groups, g => Assert.InRange(g.RealOutcomeRate!.Value, 0.40, 0.50));
        Assert.InRange(bias.DemographicParity["b"].Real, 0, 0.06);
        Assert.InRange(bias.DemographicParity["b"].Synthetic, 0, 0.06);
    }

    [Fact]
    public void The_default_outcome_is_the_rarer_value_and_unknown_columns_are_SK6100()
    {
        var bias = Evaluate(KnownProcess.Sample(Rows, seed: 20), new EvaluationOptions { Privacy = false, Fidelity = false, Protected = ["c"], Target = "b" }).Bias;
        Assert.Equal("True", bias.PositiveClass);
        Assert.Equal(2, bias.Groups.Count(g => g.Column == "c" && g.Group is "a" or "b"));

        var ex = Assert.Throws<SynthKitException>(() => Evaluate(Real, new EvaluationOptions { Protected = ["nope"] }));
        Assert.Equal(EvaluationErrorCodes.InvalidInput, ex.Code);
        Assert.Throws<SynthKitException>(() => Evaluate(Real, new EvaluationOptions { Protected = ["b"], Target = "c", PositiveClass = "zz" }));
    }

    [Fact]
    public void Numeric_protected_columns_are_grouped_in_ten_bins_of_the_real_range()
    {
        var bias = Evaluate(KnownProcess.Sample(Rows, seed: 21), new EvaluationOptions { Privacy = false, Fidelity = false, Protected = ["n"] }).Bias;

        Assert.Equal(10, bias.Groups.Count);
        Assert.Equal("[0, 2)", bias.Groups[0].Group);
        Assert.Equal(1, bias.Groups.Sum(g => g.RealShare), 9);
    }

    private static ColumnBatch Repeat(ColumnBatch source, Func<(double X, double Y, int N, string C, bool B, string E)[], System.Collections.Generic.IEnumerable<(double X, double Y, int N, string C, bool B, string E)>> select)
    {
        var rows = Enumerable.Range(0, source.RowCount).Select(r => (
            source.Get<double>("x")[r], source.Get<double>("y")[r], source.Get<int>("n")[r],
            ((CategoricalColumn)source["c"])[r]!, source.Get<bool>("b")[r], ((StringColumn)source["email"])[r]!)).ToArray();
        var chosen = select(rows).ToArray();
        var batch = new ColumnBatch(source.Spec, chosen.Length) { RowCount = chosen.Length };
        for (int r = 0; r < chosen.Length; r++)
        {
            batch.Get<double>("x")[r] = chosen[r].X;
            batch.Get<double>("y")[r] = chosen[r].Y;
            batch.Get<int>("n")[r] = chosen[r].N;
            ((CategoricalColumn)batch["c"]).Set(r, chosen[r].C);
            batch.Get<bool>("b")[r] = chosen[r].B;
            ((StringColumn)batch["email"]).Set(r, chosen[r].E);
        }

        return batch;
    }
}
