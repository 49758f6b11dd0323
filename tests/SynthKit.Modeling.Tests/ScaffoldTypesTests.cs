using System;
using System.Linq;

namespace SynthKit.Modeling.Tests;

/// <summary>The scaffolder on every kind of column: each comes out with the type, marks and rule its data call for.</summary>
public sealed class ScaffoldTypesTests
{
    private static ColumnSpec C(string name, StorageType type, StatisticalKind kind, ColumnPrivacy? privacy = null) =>
        new() { Name = name, Type = type, Kind = kind, Nullable = true, Privacy = privacy };

    [Fact]
    public void Every_kind_of_column_gets_its_type_marks_and_rule()
    {
        var spec = new TableSpec
        {
            Name = "every_kind",
            Columns =
            [
                C("lat", StorageType.Float64, StatisticalKind.Numerical, new ColumnPrivacy { Pii = PiiKind.Latitude }),
                C("born", StorageType.Date, StatisticalKind.Datetime, new ColumnPrivacy { Pii = PiiKind.DateOfBirth }),
                C("nick", StorageType.String, StatisticalKind.Text, new ColumnPrivacy { Pii = PiiKind.Username }),
                C("uid", StorageType.Guid, StatisticalKind.Identifier),
                C("num", StorageType.Int64, StatisticalKind.Identifier),
                C("ref", StorageType.String, StatisticalKind.Identifier),
                C("ok", StorageType.Boolean, StatisticalKind.Boolean),
                C("empty", StorageType.String, StatisticalKind.Categorical),
                C("stamp", StorageType.DateTime, StatisticalKind.Datetime),
                C("big", StorageType.Int64, StatisticalKind.Numerical),
                C("flat", StorageType.Float64, StatisticalKind.Numerical),
                C("price", StorageType.Decimal, StatisticalKind.Numerical),
                C("risk", StorageType.String, StatisticalKind.Categorical, new ColumnPrivacy { Sensitive = true }),
                C("band", StorageType.String, StatisticalKind.Categorical, new ColumnPrivacy { QuasiIdentifier = true }),
                C("a b", StorageType.Float64, StatisticalKind.Numerical),
                C("a-b", StorageType.Float64, StatisticalKind.Numerical),
                C("__", StorageType.Float64, StatisticalKind.Numerical),
                C("label", StorageType.String, StatisticalKind.Categorical, new ColumnPrivacy { NotPii = true }),
            ],
        };
        const int rows = 60;
        var batch = new ColumnBatch(spec, rows) { RowCount = rows };
        for (int r = 0; r < rows; r++)
        {
            batch.Get<double>("lat")[r] = 51 + (r * 0.01);
            batch["lat"].SetNull(r, r % 2 == 0);
            batch.Get<DateOnly>("born")[r] = new DateOnly(1980, 1, 1).AddDays(r);
            ((StringColumn)batch["nick"]).Set(r, $"n{r}");
            batch.Get<Guid>("uid")[r] = new Guid(r, 0, 0, new byte[8]);
            batch.Get<long>("num")[r] = r;
            ((StringColumn)batch["ref"]).Set(r, r % 3 == 0 ? null : $"R{r}");
            batch.Get<bool>("ok")[r] = r % 3 == 0;
            batch["ok"].SetNull(r, r % 5 == 0);
            ((CategoricalColumn)batch["empty"]).Set(r, null);
            batch.Get<DateTime>("stamp")[r] = new DateTime(2024, 5, 1, 8, 0, 0).AddHours(r);
            batch.Get<long>("big")[r] = 10_000_000_000L + r;
            batch.Get<double>("flat")[r] = 4;
            batch.Get<decimal>("price")[r] = 1.5m + (r * 0.12345m);
            ((CategoricalColumn)batch["risk"]).Set(r, r % 2 == 0 ? "low" : "high");
            ((CategoricalColumn)batch["band"]).Set(r, r % 2 == 0 ? "A" : "B");
            batch.Get<double>("a b")[r] = r;
            batch.Get<double>("a-b")[r] = -r;
            batch.Get<double>("__")[r] = r * 2.5;
            ((CategoricalColumn)batch["label"]).Set(r, $"L{r}");
        }

        string source = Scaffold.CSharp(batch);

        Assert.Contains("namespace Synthetic;", source, StringComparison.Ordinal);
        Assert.Contains("public sealed class EveryKind", source, StringComparison.Ordinal);
        Assert.Contains("[Pii(PiiKind.Latitude)]\n    [NullRate(0.5)]\n    public double? Lat { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("[Pii(PiiKind.DateOfBirth)]\n    public DateOnly Born { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("[Pii(PiiKind.Username)]\n    public string Nick { get; set; } = \"\";", source, StringComparison.Ordinal);
        Assert.Contains("public Guid Uid { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public long Num { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("[Pattern(\"ID-########\")]\n    [NullRate(0.333333)]\n    public string? Ref { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("[Probability(0.333333)]\n    [NullRate(0.2)]\n    public bool? Ok { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("[Categorical(\"\")]\n    [NullRate(1)]\n    public string? Empty { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("[DateRange(\"2024-05-01T08:00:00\", \"2024-05-03T19:00:00\")]\n    public DateTime Stamp { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public long Big { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("[Uniform(4, 5)]\n    [Clamp(4, 4)]\n    public int Flat { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public decimal Price { get; set; }", source, StringComparison.Ordinal);
        Assert.DoesNotContain("[Round(", source.Split("Price")[0].Split("Flat")[1], StringComparison.Ordinal); // five decimals: no rounding rule
        Assert.Contains("[Sensitive]\n    [Categorical(", source, StringComparison.Ordinal);
        Assert.Contains("[QuasiIdentifier]\n    [Categorical(\"A\", \"B\"", source, StringComparison.Ordinal);
        Assert.Contains("public int AB { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public int AB2 { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public double Column { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public string Label { get; set; } = \"\";", source, StringComparison.Ordinal); // NotPii: learned as categories
        Assert.DoesNotContain("n1\"", source, StringComparison.Ordinal);
    }
}
