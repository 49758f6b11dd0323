using System;
using System.Linq;

namespace SynthKit.Evaluation.Tests;

/// <summary>A shop's order as a .NET developer writes it: the schema the typed evaluation runs on.</summary>
[SyntheticSchema]
public sealed class Order
{
    [Pii(PiiKind.Email)]
    public string Email { get; set; } = "";

    [Normal(100, 20), Round(2)]
    public double Total { get; set; }

    [Poisson(3)]
    public int Items { get; set; }

    [Categorical("card", "cash", "voucher")]
    public string Payment { get; set; } = "";

    [Probability(0.3)]
    public bool Express { get; set; }
}

/// <summary><c>SynthEvaluation.EvaluateRows(realOrders, syntheticOrders)</c>: typed rows in, the same report as their columns give.</summary>
public sealed class TypedEvaluationTests
{
    [Fact]
    public void Typed_rows_are_evaluated_through_the_generated_columns()
    {
        var real = new OrderSynthesizer(1).Generate(800).ToList();
        var synthetic = new OrderSynthesizer(2).Generate(800).ToList();
        var holdout = new OrderSynthesizer(3).Generate(800).ToList();
        var options = new EvaluationOptions { Models = false };

        var typed = SynthEvaluation.EvaluateRows(real, synthetic, holdout, options);
        var columnar = SynthEvaluation.Evaluate(OrderSynthesizer.ToColumns(real), OrderSynthesizer.ToColumns(synthetic), OrderSynthesizer.ToColumns(holdout), options);

        Assert.Equal(columnar.ToJson(), typed.ToJson());
        Assert.Equal(["Total", "Items", "Payment", "Express"], typed.Quality.Columns.Keys);
        Assert.Equal("personal data", typed.Excluded.Single().Reason);
        Assert.True(typed.Quality.Score > 0.9, $"two seeds of one synthesizer: quality {typed.Quality.Score}");
    }

    [Fact]
    public void Rows_of_a_type_without_a_synthesizer_are_SK4008()
    {
        var ex = Assert.Throws<SynthKitException>(() => SynthEvaluation.EvaluateRows(new[] { "a" }, new[] { "b" }));

        Assert.Equal(ErrorCodes.NoSchemaColumns, ex.Code);
    }
}
