using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace SynthKit.Modeling.Tests;

/// <summary>A fit's target drawn from a tree over the other columns: an interaction a network of two parents cannot hold, rebalancing through it, and checked files.</summary>
public sealed class TargetTests
{
    private static readonly TableSpec Spec = new()
    {
        Name = "loans",
        Columns =
        [
            new ColumnSpec { Name = "a", Type = StorageType.String, Kind = StatisticalKind.Categorical },
            new ColumnSpec { Name = "b", Type = StorageType.String, Kind = StatisticalKind.Categorical },
            new ColumnSpec { Name = "c", Type = StorageType.String, Kind = StatisticalKind.Categorical },
            new ColumnSpec { Name = "paid", Type = StorageType.Boolean, Kind = StatisticalKind.Boolean },
        ],
    };

    /// <summary>a, b, c fair coins; paid with P = 0.9 when a = b = c, else 0.2: a three-way interaction.</summary>
    private static ColumnBatch Loans(int seed, int rows)
    {
        var random = new Random(seed);
        var batch = new ColumnBatch(Spec, rows) { RowCount = rows };
        for (int r = 0; r < rows; r++)
        {
            string a = random.Next(2) == 0 ? "x" : "y", b = random.Next(2) == 0 ? "x" : "y", c = random.Next(2) == 0 ? "x" : "y";
            ((CategoricalColumn)batch["a"]).Set(r, a);
            ((CategoricalColumn)batch["b"]).Set(r, b);
            ((CategoricalColumn)batch["c"]).Set(r, c);
            batch.Get<bool>("paid")[r] = random.NextDouble() < (a == b && b == c ? 0.9 : 0.2);
        }

        return batch;
    }

    private static double PaidWhenAllEqual(ColumnBatch s)
    {
        var same = Enumerable.Range(0, s.RowCount).Where(r => ((CategoricalColumn)s["a"])[r] == ((CategoricalColumn)s["b"])[r] && ((CategoricalColumn)s["b"])[r] == ((CategoricalColumn)s["c"])[r]).ToList();
        return same.Count(r => s.Get<bool>("paid")[r]) / (double)same.Count;
    }

    [Fact]
    public void The_targets_tree_keeps_a_three_way_interaction_that_two_parents_cannot()
    {
        var real = Loans(1, 8_000);
        var plain = new SpecSynthesizer(Spec, 2, [SynthModel.Fit(real)]).ToBatch(0, 8_000);
        var targeted = new SpecSynthesizer(Spec, 2, [SynthModel.Fit(real, new ModelOptions { Target = "paid" })]).ToBatch(0, 8_000);

        // About 2,000 rows have a = b = c: binomial sd 0.007 around 0.9; the plain network holds only part of it (two parents).
        Assert.InRange(PaidWhenAllEqual(targeted), 0.87, 0.93);
        Assert.True(PaidWhenAllEqual(plain) < 0.8, $"plain network: {PaidWhenAllEqual(plain)}"); // measured 0.72: two parents hold part of it
    }

    [Fact]
    public void Rebalancing_the_target_draws_the_rest_given_it()
    {
        var model = SynthModel.Fit(Loans(1, 8_000), new ModelOptions { Target = "paid" });
        var sample = new SpecSynthesizer(Spec, 4, [model.WithSampling(new SamplingOptions { Rebalance = "paid" })]).ToBatch(0, 4_000);

        int paid = Enumerable.Range(0, sample.RowCount).Count(r => sample.Get<bool>("paid")[r]);
        Assert.InRange(paid, 2_000 - 110, 2_000 + 110); // binomial(4000, 0.5): sd 32
        // Among paid rows, a = b = c has P = 0.225 / (0.225 + 0.15) = 0.6.
        var paidRows = Enumerable.Range(0, sample.RowCount).Where(r => sample.Get<bool>("paid")[r]).ToList();
        double same = paidRows.Count(r => ((CategoricalColumn)sample["a"])[r] == ((CategoricalColumn)sample["b"])[r] && ((CategoricalColumn)sample["b"])[r] == ((CategoricalColumn)sample["c"])[r]) / (double)paidRows.Count;
        Assert.InRange(same, 0.55, 0.65);
    }

    [Fact]
    public void A_target_the_model_does_not_learn_is_SK6000_and_a_broken_tree_is_SK6001()
    {
        Assert.Equal(ModelingErrorCodes.CannotFit, Assert.Throws<SynthKitException>(() => SynthModel.Fit(Loans(1, 100), new ModelOptions { Target = "zzz" })).Code);

        var json = JsonNode.Parse(SynthModel.Fit(Loans(1, 2_000), new ModelOptions { Target = "paid" }).ToJson())!;
        var tree = json["network"]![3]!["tree"]!;
        Assert.NotNull(tree["column"]);
        foreach (var (mutate, reason) in new (Action<JsonNode>, string)[]
        {
            (t => t["column"] = "nope", "names a column that does not come before it"),
            (t => t["left"] = JsonNode.Parse("[99]"), "bins it does not have"),
            (t => t["ifLeft"] = null, "lacks a branch"),
        })
        {
            var copy = JsonNode.Parse(json.ToJsonString())!;
            mutate(copy["network"]![3]!["tree"]!);
            Assert.Contains(reason, Assert.Throws<SynthKitException>(() => SynthModel.FromJson(copy.ToJsonString())).Message, StringComparison.Ordinal);
        }

        var leaf = JsonNode.Parse(json.ToJsonString())!;
        var node = leaf["network"]![3]!["tree"]!;
        while (node["counts"] is null)
        {
            node = node["ifLeft"]!;
        }

        node["counts"] = JsonNode.Parse("[0, 0]");
        Assert.Contains("does not hold a positive count", Assert.Throws<SynthKitException>(() => SynthModel.FromJson(leaf.ToJsonString())).Message, StringComparison.Ordinal);
    }
}
