using System;
using System.Linq;
using MathNet.Numerics.Distributions;

namespace SynthKit.Modeling.Tests;

/// <summary>
/// Constraints: every sampled row meets them (checked on every row of 5,000, for both models, plain and conditioned),
/// while the same models without them break them — so the checks can fail; real rows that break one are reported.
/// </summary>
public sealed class ConstraintTests
{
    private static readonly TableSpec Spec = new()
    {
        Name = "stays",
        Columns =
        [
            new ColumnSpec { Name = "start", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "end", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "ward", Type = StorageType.String, Kind = StatisticalKind.Categorical },
            new ColumnSpec { Name = "code", Type = StorageType.Int64, Kind = StatisticalKind.Numerical },
        ],
    };

    private static readonly string[] Wards = ["cardiology", "oncology", "surgery", "maternity"];

    /// <summary>start ~ U(0, 10), end = start + Exp(1); each ward has its code (10, 20, 30, 40).</summary>
    private static ColumnBatch Stays(int seed, int rows)
    {
        var random = new Random(seed);
        var batch = new ColumnBatch(Spec, rows) { RowCount = rows };
        for (int r = 0; r < rows; r++)
        {
            double start = random.NextDouble() * 10;
            batch.Get<double>("start")[r] = start;
            batch.Get<double>("end")[r] = start + Exponential.Sample(random, 1);
            int ward = random.Next(4);
            ((CategoricalColumn)batch["ward"]).Set(r, Wards[ward]);
            batch.Get<long>("code")[r] = 10 * (ward + 1);
        }

        return batch;
    }

    private static readonly string[] Declared = ["start < end", "0 <= start <= 10", "ward ~ code"];

    private static int Broken(ColumnBatch b) => Enumerable.Range(0, b.RowCount).Count(r =>
        b.Get<double>("start")[r] >= b.Get<double>("end")[r] || b.Get<double>("start")[r] is < 0 or > 10
        || b.Get<long>("code")[r] != 10 * (Array.IndexOf(Wards, ((CategoricalColumn)b["ward"])[r]) + 1));

    [Theory]
    [InlineData(ModelKind.BayesianNetwork)]
    [InlineData(ModelKind.GaussianCopula)]
    public void Every_sampled_row_meets_the_constraints_and_without_them_some_do_not(ModelKind kind)
    {
        var real = Stays(1, 4_000);
        var free = SynthModel.Fit(real, new ModelOptions { Kind = kind });
        var bound = SynthModel.Fit(real, new ModelOptions { Kind = kind, Constraints = Declared });

        Assert.True(Broken(new SpecSynthesizer(Spec, 2, [free]).ToBatch(0, 5_000)) > 0, "the unconstrained model should break a constraint somewhere");
        Assert.Equal(0, Broken(new SpecSynthesizer(Spec, 2, [bound]).ToBatch(0, 5_000)));

        // Conditioned too, and from the saved model.
        var reloaded = SynthModel.FromJson(bound.ToJson());
        var given = reloaded.WithSampling(new SamplingOptions { Conditions = new System.Collections.Generic.Dictionary<string, string> { ["ward"] = "surgery" } });
        var surgery = new SpecSynthesizer(Spec, 3, [given]).ToBatch(0, 2_000);
        Assert.Equal(0, Broken(surgery));
        Assert.All(Enumerable.Range(0, surgery.RowCount), r => Assert.Equal(30, surgery.Get<long>("code")[r]));
        Assert.Equal(4, bound.Data.Constraints!.Single(c => c.Text == "ward ~ code").Combinations!.Count);
    }

    [Fact]
    public void Real_rows_that_break_a_constraint_are_reported_with_their_row()
    {
        var real = Stays(1, 100);
        real.Get<double>("end")[7] = real.Get<double>("start")[7] - 1;
        real.Get<double>("start")[42] = -5;

        var violations = SynthModel.CheckConstraints(real, Declared);

        Assert.Equal([7, 42], violations.Select(v => v.Row).Distinct());
        Assert.Contains(violations, v => v.Row == 7 && v.Constraint == "start < end" && v.Detail.Contains("does not hold", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Row == 42 && v.Constraint == "0 <= start <= 10");
    }

    [Theory]
    [InlineData("start <", "cannot be read")]
    [InlineData("start << end", "is not one of")]
    [InlineData("1 < 2", "compares two numbers")]
    [InlineData("`start < end", "backtick is not closed")]
    [InlineData("start < length", "not a column the model learns")]
    [InlineData("ward < 3", "is categorical")]
    public void A_constraint_that_cannot_be_read_or_bound_is_SK6004(string text, string reason)
    {
        var error = Assert.Throws<SynthKitException>(() => SynthModel.Fit(Stays(1, 50), new ModelOptions { Constraints = [text] }));
        Assert.Equal(ModelingErrorCodes.InvalidConstraint, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_constraint_the_model_cannot_meet_is_SK6002_when_sampling_and_backticks_name_columns()
    {
        var model = SynthModel.Fit(Stays(1, 500), new ModelOptions { Constraints = ["`start` > 50"] });
        var error = Assert.Throws<SynthKitException>(() => new SpecSynthesizer(Spec, 1, [model]).ToBatch(0, 1));
        Assert.Equal(ModelingErrorCodes.CannotSample, error.Code);
        Assert.Contains("constraint '`start` > 50' was not met in 1,000 draws", error.Message, StringComparison.Ordinal);
        Assert.Equal(["start"], ModelConstraint.Parse("`start` > 50").Columns);
    }
}
