using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit.Modeling.Tests;

/// <summary>
/// Personal data the spec did not declare is found by name, by value pattern and by cardinality, never read into the
/// model (every real value of those columns is searched for in the model's bytes), and faked when sampling.
/// </summary>
public sealed class PersonalDataTests
{
    private const int Rows = 600;

    private static ColumnSpec Text(string name, bool notPii = false) => new()
    {
        Name = name,
        Type = StorageType.String,
        Kind = StatisticalKind.Categorical,
        Privacy = notPii ? new ColumnPrivacy { NotPii = true } : null,
    };

    private static readonly TableSpec Spec = new()
    {
        Name = "customers",
        Columns =
        [
            Text("contact_email"), Text("c1"), Text("c2"), Text("c3"), Text("c4"), Text("c5"), Text("c6"), Text("comment"),
            Text("tag", notPii: true), Text("region"), Text("home_city"),
            new ColumnSpec { Name = "spend", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
        ],
    };

    /// <summary>A 16-digit number that passes the Luhn check, from <paramref name="seed"/>.</summary>
    private static string Card(int seed)
    {
        var digits = $"4{seed:D14}".Select(c => c - '0').ToList();
        int sum = 0;
        for (int i = 0; i < digits.Count; i++)
        {
            int d = digits[digits.Count - 1 - i];
            sum += i % 2 == 0 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        return string.Concat(digits) + ((10 - (sum % 10)) % 10);
    }

    private static readonly Dictionary<string, Func<int, string>> s_values = new()
    {
        ["contact_email"] = r => r % 2 == 0 ? "yes" : "no",               // found by its name alone
        ["c1"] = r => $"real.person{r}@corp.example",
        ["c2"] = r => Card(31_337 + (r * 7919)),
        ["c3"] = r => $"+44 20 7946 {r:D4}",
        ["c4"] = r => $"{100 + (r % 800):D3}-{10 + (r % 89):D2}-{1000 + r:D4}",
        ["c5"] = r => $"GB82WEST1234{r:D8}",
        ["c6"] = r => $"10.{r % 250}.{r / 250}.{(r * 7) % 250}",
        ["comment"] = r => $"Customer {r} called about order {r * 13}",
        ["tag"] = r => $"T{r}",
        ["region"] = r => (r % 3) switch { 0 => "Leeds", 1 => "York", _ => "Hull" },
        ["home_city"] = r => (r % 2) switch { 0 => "Leeds", _ => "York" },
    };

    private static ColumnBatch Table()
    {
        var batch = new ColumnBatch(Spec, Rows) { RowCount = Rows };
        for (int r = 0; r < Rows; r++)
        {
            foreach (var (column, value) in s_values)
            {
                ((CategoricalColumn)batch[column]).Set(r, value(r));
            }

            batch.Get<double>("spend")[r] = r * 1.5;
        }

        return batch;
    }

    [Fact]
    public void Undeclared_personal_data_is_found_not_learned_and_absent_from_the_model()
    {
        var model = SynthModel.Fit(Table());
        string json = model.ToJson();

        Assert.Equal(["tag", "region", "spend"], model.Columns);
        var reasons = model.Data.NotLearned.ToDictionary(n => n.Column, n => n.Reason);
        Assert.Equal("personal data (detected by its name as Email)", reasons["contact_email"]);
        Assert.Equal("personal data (detected by its name as City)", reasons["home_city"]); // as the analyzers read a member named HomeCity
        Assert.Equal("personal data (detected by its values as Email)", reasons["c1"]);
        Assert.Equal("personal data (detected by its values as CreditCardNumber)", reasons["c2"]);
        Assert.Equal("personal data (detected by its values as Phone)", reasons["c3"]);
        Assert.Equal("personal data (detected by its values as NationalId)", reasons["c4"]);
        Assert.Equal("personal data (detected by its values as Iban)", reasons["c5"]);
        Assert.Equal("personal data (detected by its values as IpAddress)", reasons["c6"]);
        Assert.StartsWith("personal data (high-cardinality text: 600 distinct values in 600 rows", reasons["comment"], StringComparison.Ordinal);

        foreach (var column in new[] { "c1", "c2", "c3", "c4", "c5", "c6", "comment" })
        {
            for (int r = 0; r < Rows; r++)
            {
                Assert.DoesNotContain(s_values[column](r), json, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Sampling_fakes_the_detected_columns_with_their_kind()
    {
        var model = SynthModel.Fit(Table());
        var sample = model.CreateSynthesizer(seed: 2).ToBatch(0, 200);
        var real = Enumerable.Range(0, Rows).Select(r => s_values["c1"](r)).ToHashSet();

        var emails = Enumerable.Range(0, 200).Select(r => ((StringColumn)sample["c1"])[r]!).ToList();
        Assert.All(emails, e => Assert.Contains('@', e));
        Assert.DoesNotContain(emails, real.Contains);
        Assert.Equal("CreditCardNumber", model.Spec!.Columns.Single(c => c.Name == "c2").Privacy!.Pii.ToString());
        Assert.All(Enumerable.Range(0, 200), r => Assert.Contains(((CategoricalColumn)sample["region"])[r], new[] { "Leeds", "York", "Hull" }));
    }

    [Fact]
    public void Ordinary_tables_lose_nothing_to_detection()
    {
        // Adult: 15 columns, nothing personal by name, value or cardinality (native-country has 41 values).
        var model = SynthModel.Fit(AdultSplit.Train);
        Assert.Empty(model.Data.NotLearned);
    }
}
