using System.Linq;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

public class RecordStructTests
{
    [Fact]
    public void Attributes_on_a_record_structs_primary_constructor_parameters_are_honoured()
    {
        var rows = new PriceTagSynthesizer(2).Generate(2_000).ToList();

        Assert.Equal(new[] { "EUR", "USD" }, rows.Select(r => r.Currency).Distinct().OrderBy(c => c));
        Assert.All(rows, r => Assert.Equal(r.Amount, decimal.Round(r.Amount, 2)));
        // LogNormal(3, 1) has median e^3 ≈ 20.09; the default rule (uniform 0 … 1000) has median 500.
        var median = rows.Select(r => r.Amount).OrderBy(a => a).ElementAt(1_000);
        Assert.InRange(median, 17m, 23.5m);
        Assert.Equal((RuleKind.Categorical, RuleKind.LogNormal), (PriceTagSynthesizer.Spec.FindColumn("Currency")!.Rule.Kind, PriceTagSynthesizer.Spec.FindColumn("Amount")!.Rule.Kind));
    }
}
