using System;
using System.Linq;

namespace SynthKit.Modeling.Tests;

/// <summary>Every storage type the copula learns round-trips through fit and sample; the others keep their rules.</summary>
public sealed class StorageTypeTests
{
    private static readonly TableSpec Everything = SynthKit.Tests.Shared.EveryStorageType.Spec;

    [Fact]
    public void Every_learnable_storage_type_round_trips_within_the_real_range()
    {
        var real = new SpecSynthesizer(Everything, 1).ToBatch(0, 2_000);
        var copula = GaussianCopula.Fit(real, new ModelOptions { Knots = 50, MinimumCount = 3, Seed = 4 });
        var sample = new SpecSynthesizer(Everything, 2).WithColumnModel(copula).ToBatch(0, 2_000);

        Assert.Equal([("stamp", "storage type"), ("time", "storage type"), ("grade", "storage type"), ("key", "identifier"), ("serial", "identifier"), ("note", "text")], copula.Data.NotLearned.Select(n => (n.Column, n.Reason)));
        Assert.Equal(16, copula.Columns.Count);
        foreach (var name in copula.Columns)
        {
            var values = Enumerable.Range(0, real.RowCount).Where(r => !real[name].IsNull(r)).Select(r => real[name].GetValue(r)).ToHashSet();
            var drawn = Enumerable.Range(0, sample.RowCount).Where(r => !sample[name].IsNull(r)).Select(r => sample[name].GetValue(r)).ToList();
            Assert.NotEmpty(drawn);
            if (copula.Data.Marginals.Single(m => m.Column == name).Kind == "categorical")
            {
                Assert.All(drawn, v => Assert.Contains(v, values)); // categories come from the real data only
            }
            else
            {
                var ordered = values.Cast<IComparable>().Order().ToList();
                Assert.All(drawn, v => Assert.InRange((IComparable)v!, ordered[0], ordered[^1]));
            }
        }

        double nullShare = sample["f32"].NullCount / (double)sample.RowCount;
        Assert.InRange(nullShare, 0.21, 0.29); // 0.25 in the real data; binomial s.d. ≈ 0.01 at 2,000 rows
    }

    [Fact]
    public void A_minimum_count_merges_rare_categories_into_the_most_frequent()
    {
        var spec = new TableSpec { Name = "t", Columns = [new ColumnSpec { Name = "c", Type = StorageType.String, Kind = StatisticalKind.Categorical }] };
        var batch = new ColumnBatch(spec, 100) { RowCount = 100 };
        for (int r = 0; r < 100; r++)
        {
            ((CategoricalColumn)batch["c"]).Set(r, r < 60 ? "a" : r < 97 ? "b" : "rare" + r);
        }

        var model = GaussianCopula.Fit(batch, new ModelOptions { MinimumCount = 5 }).Data;

        Assert.Equal(["a", "b"], model.Marginals[0].Categories);
        Assert.Equal([0.63, 0.37], model.Marginals[0].Shares);
        Assert.DoesNotContain("rare", model.ToJson(), StringComparison.Ordinal);
    }
}
