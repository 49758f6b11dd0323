using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Bogus.Bson;
using MathNet.Numerics.Distributions;
using SynthKit.Generation;
using SynthKit.Tests.Schemas;
using SynthKit.Tests.Support;

namespace SynthKit.Tests;

/// <summary>
/// Rules across the columns of a row ([After], [OnlyWhen], names that match a sex) and across tables ([Sequence],
/// [Key], [References]): exact checks on a million rows, chi-square checks of children per parent at
/// <see cref="Stats.Alpha"/>, and the coherence of people.
/// </summary>
public class RelationalTests
{
    private const int Million = 1_000_000;

    private static readonly HashSet<string> s_female = LocaleNames("female_first_name");
    private static readonly HashSet<string> s_male = LocaleNames("male_first_name");

    // Bogus's own locale tree, read independently of SynthKit's LocaleData.
    private static HashSet<string> LocaleNames(string list)
    {
        var names = (BArray)((BObject)Bogus.Database.GetLocale("en")["name"])[list];
        return Enumerable.Range(0, names.Count).Select(i => names[i].StringValue).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void A_million_orders_keep_every_ordering_conditional_key_and_money_rule()
    {
        long index = 0;
        int shipped = 0;
        foreach (var o in new ShopOrderSynthesizer(11).Generate(Million))
        {
            index++;
            bool sent = o.Status is OrderStatus.Shipped or OrderStatus.Delivered;
            Assert.Equal(sent, o.ShippedDate is not null);
            if (o.ShippedDate is { } date)
            {
                shipped++;
                var gap = date - o.OrderDate;
                Assert.True(gap >= TimeSpan.FromDays(1) && gap <= TimeSpan.FromDays(30), $"row {index}: shipped {gap} after the order");
            }

            Assert.Equal(index, o.Id);
            Assert.InRange(o.CustomerId, 1, 1000);
            Assert.InRange(o.Price, 0.01m, 10000m);
            Assert.Equal(decimal.Round(o.Price, 2), o.Price);
            Assert.InRange(o.Reserved - o.Quantity, 0, 10);
            Assert.InRange(o.PriceWithTax - (double)o.Price, 0.5, 2);
        }

        Assert.Equal(Million, index);
        Assert.InRange(shipped, 380_000, 420_000); // two of five statuses
        Assert.Equal("ORD-000001", new ShopOrderSynthesizer(11).Create(0).Number);
        Assert.Equal("ORD-1000000", new ShopOrderSynthesizer(11).Create(999_999).Number);
    }

    [Fact]
    public void A_million_employees_keep_dates_after_nullable_dates_and_conditions_on_booleans()
    {
        foreach (var e in new EmployeeSynthesizer(5).Generate(Million))
        {
            if (e.TerminationDate is { } end)
            {
                Assert.InRange(end.DayNumber - e.HireDate.DayNumber, 30, 3000);
                Assert.NotNull(e.ExitInterview);
                Assert.InRange(e.ExitInterview!.Value.DayNumber - end.DayNumber, 1, 90);
            }
            else
            {
                Assert.Null(e.ExitInterview);
            }

            Assert.Equal(e.Manager, e.Reports is not null);
        }
    }

    [Fact]
    public void Every_foreign_key_of_a_million_children_names_an_existing_parent_in_any_slice()
    {
        var customers = new HashSet<long>(new CustomerSynthesizer(3).Generate(1000).Select(c => (long)c.Id));
        var employees = new HashSet<string>(new EmployeeSynthesizer(3).Generate(50).Select(e => e.Code));
        var orders = new HashSet<long>(new ShopOrderSynthesizer(3).Generate(500).Select(o => (long)o.Id));
        var assignments = new AssignmentSynthesizer(3);
        foreach (var a in assignments.Generate(Million))
        {
            Assert.Contains(a.EmployeeCode, employees);
            Assert.Contains(a.CustomerId, customers);
            Assert.Contains(a.OrderId, orders);
        }

        foreach (var o in new ShopOrderSynthesizer(3).Generate(Million))
        {
            Assert.Contains(o.CustomerId, customers);
        }

        // A slice names the same parents as the whole.
        var whole = new ShopOrderSynthesizer(3).Generate(0, 20_000).Skip(17_000).Select(o => o.CustomerId).ToList();
        var slice = new ShopOrderSynthesizer(3).Generate(17_000, 3_000).Select(o => o.CustomerId).ToList();
        Assert.Equal(whole, slice);
        Assert.Equal(whole[5], new ShopOrderSynthesizer(3).Create(17_005).CustomerId);
    }

    [Fact]
    public void Poisson_children_per_parent_follow_the_declared_distribution()
    {
        const long seed = 21;
        var picker = new ParentPicker(SynthRandom.ScopeOf(seed), SynthRandom.KeyOf("ShopOrder.CustomerId"), "ShopOrder.CustomerId", 1000, 3, 3, 1);
        int rows = checked((int)picker.ChildRows);
        var counts = new long[1001];
        int previous = 0;
        foreach (var o in new ShopOrderSynthesizer(seed).Generate(rows))
        {
            counts[o.CustomerId]++;
            Assert.True(o.CustomerId >= previous, "children come in parent order");
            previous = o.CustomerId;
        }

        for (int parent = 0; parent < 1000; parent++)
        {
            Assert.Equal(picker.ChildrenOf(parent), counts[parent + 1]);
        }

        // Parents with k children, k = 0 … 7 and a tail cell ≥ 8, against Poisson(3).
        var observed = Enumerable.Range(0, 9).Select(k => (long)counts.Skip(1).Count(c => k < 8 ? c == k : c >= 8)).ToList();
        var expected = Enumerable.Range(0, 9).Select(k => k < 8 ? Poisson.PMF(3, k) : 1 - Poisson.CDF(3, 7)).ToList();
        var (chi, p) = Stats.ChiSquare(observed, expected);
        Assert.True(p > Stats.Alpha, $"chi² = {chi:F2}, p = {p:G3}");
        Assert.InRange(rows, 2800, 3200);

        // The wrong distribution is rejected by the same test: Poisson(2).
        var wrong = Enumerable.Range(0, 9).Select(k => k < 8 ? Poisson.PMF(2, k) : 1 - Poisson.CDF(2, 7)).ToList();
        Assert.True(Stats.ChiSquare(observed, wrong).P < Stats.Alpha);
    }

    [Fact]
    public void Fixed_uniform_and_zipf_spreads_give_their_counts()
    {
        const long seed = 8;
        var rows = new AssignmentSynthesizer(seed).Generate(100_000).ToList();

        // Fixed: four children per employee, in order, and again after the natural 200 rows.
        var codes = new EmployeeSynthesizer(seed).Generate(50).Select(e => e.Code).ToList();
        for (int i = 0; i < 400; i++)
        {
            Assert.Equal(codes[(i / 4) % 50], rows[i].EmployeeCode);
        }

        // Uniform: each child picks one of 200 customers with probability 1/200.
        var (chiU, pU) = Stats.ChiSquare(rows.Select(r => r.CustomerId), Enumerable.Range(1, 200).Select(i => (long)i).ToList(), _ => 1.0 / 200);
        Assert.True(pU > Stats.Alpha, $"uniform: chi² = {chiU:F2}, p = {pU:G3}");

        // Zipf: the parent of popularity rank k (k = 1 … 500) with probability ∝ k^-1.2. Ranks map to parents through a
        // keyed permutation; its inverse recovers each child's rank.
        var key = SynthRandom.ScopeOf(seed) ^ SynthRandom.KeyOf("Assignment.OrderId");
        var rankOf = new Dictionary<long, int>();
        for (int rank = 0; rank < 500; rank++)
        {
            rankOf[(long)UniquePermutation.Permute(rank, 500, key, "Assignment.OrderId") + 1] = rank + 1;
        }

        var observed = new long[21];
        foreach (var r in rows)
        {
            int rank = rankOf[r.OrderId];
            observed[Math.Min(rank, 21) - 1]++;
        }

        var expected = Enumerable.Range(1, 21).Select(k => k < 21 ? Zipf.PMF(1.2, 500, k) : 1 - Zipf.CDF(1.2, 500, 20)).ToList();
        var (chiZ, pZ) = Stats.ChiSquare(observed, expected);
        Assert.True(pZ > Stats.Alpha, $"zipf: chi² = {chiZ:F2}, p = {pZ:G3}");
        var flat = Enumerable.Range(1, 21).Select(k => k < 21 ? 1.0 / 500 : 480.0 / 500).ToList();
        Assert.True(Stats.ChiSquare(observed, flat).P < Stats.Alpha);
    }

    [Fact]
    public void People_are_coherent_names_match_sex_and_addresses_derive_from_them()
    {
        var customers = new CustomerSynthesizer(4).Generate(20_000).ToList();
        Assert.All(customers, c => Assert.Contains(c.FirstName, c.Sex == "F" ? s_female : s_male));
        Assert.All(customers, c => Assert.StartsWith(Fakes.Fold(c.FirstName).Replace("'", string.Empty, StringComparison.Ordinal), c.Email, StringComparison.Ordinal));
        Assert.All(customers, c => Assert.DoesNotContain("x", c.Phone, StringComparison.Ordinal));
        Assert.All(customers, c => Assert.InRange(c.Note.Length, 3, 24));
        var words = (BArray)((BObject)Bogus.Database.GetLocale("en")["lorem"])["words"];
        var lorem = Enumerable.Range(0, words.Count).Select(i => words[i].StringValue).ToHashSet(StringComparer.Ordinal);
        int whole = customers.Count(c => c.Note.Split(' ').All(lorem.Contains));
        Assert.True(whole >= 19_800, $"{whole} of 20,000 notes are whole words");

        var employees = new EmployeeSynthesizer(4).Generate(20_000).ToList();
        Assert.All(employees.Where(e => e.Gender != Gender.Other), e => Assert.Contains(e.Name.Split(' ')[0], e.Gender == Gender.Female ? s_female : s_male));
        var others = employees.Where(e => e.Gender == Gender.Other).Select(e => e.Name.Split(' ')[0]).ToList();
        Assert.Contains(others, n => s_female.Contains(n) && !s_male.Contains(n));
        Assert.Contains(others, n => s_male.Contains(n) && !s_female.Contains(n));
    }

    [Theory]
    [InlineData("Zoë", "Müller", "Zoe", "Muller")]
    [InlineData("Łukasz", "Øster", "Lukasz", "Oster")]
    [InlineData("Straße", "Æsir", "Strasse", "Aesir")]
    public void Email_addresses_fold_accents(string first, string last, string foldedFirst, string foldedLast)
    {
        var random = new SynthRandom();
        for (int i = 0; i < 50; i++)
        {
            random.Reset(1, 2, i);
            string email = Fakes.Email(random, first, last);
            Assert.StartsWith(foldedFirst, email, StringComparison.Ordinal);
            Assert.True(email.All(char.IsAscii), email);
            string user = email.Substring(0, email.IndexOf('@'));
            Assert.True(user == foldedFirst + user.Substring(foldedFirst.Length) && (user.Contains(foldedLast, StringComparison.Ordinal) || user.Substring(foldedFirst.Length).All(char.IsAsciiDigit)), user);
        }
    }

    [Theory]
    [InlineData("lorem ipsum dolor", 13, "lorem ipsum")]
    [InlineData("lorem ipsum dolor", 11, "lorem ipsum")]
    [InlineData("lorem ipsum dolor", 12, "lorem ipsum")]
    [InlineData("consectetur", 5, "conse")]
    [InlineData("ab", 5, "ab")]
    [InlineData("a b", 0, "")]
    public void Truncation_cuts_at_word_boundaries(string text, int max, string expected) =>
        Assert.Equal(expected, Fakes.Truncate(text, max));

    [Fact]
    public void Keys_are_sequences_and_the_key_is_the_primary_key()
    {
        var spec = ShopOrderSynthesizer.Spec;
        Assert.Equal("Id", spec.PrimaryKey);
        Assert.Equal(StatisticalKind.Identifier, spec.FindColumn("CustomerId")!.Kind);
        Assert.Equal(new[] { "E100", "E110", "E120" }, new EmployeeSynthesizer(9).Generate(3).Select(e => e.Code));
        Assert.Equal(new[] { 1, 2, 3 }, new ShopOrderSynthesizer(9).Generate(3).Select(o => o.Id));
        Assert.Equal("sequence 1 + row × 1", ShopOrderSynthesizer.Schema.Columns.First(c => c.Name == "Id").Rule);
    }

    [Theory]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"numerical","rule":{"kind":"after","column":"B","min":0,"max":1}},{"name":"B","type":"int32","kind":"numerical","rule":{"kind":"after","column":"A","min":0,"max":1}}]}""", "cycle: A → B → A")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"numerical","rule":{"kind":"after","column":"Z","min":0,"max":1}}]}""", "'Z' is not another column")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"date","kind":"datetime","rule":{"kind":"after","column":"B","min":0,"max":1}},{"name":"B","type":"int32","kind":"numerical"}]}""", "cannot follow 'B'")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"numerical","rule":{"kind":"after","column":"B","min":0,"max":1}},{"name":"B","type":"int32","nullable":true,"kind":"numerical"}]}""", "'B' is nullable")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"numerical","modifiers":{"when":{"column":"B","values":["true"]}}},{"name":"B","type":"boolean","kind":"boolean"}]}""", "must be nullable")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","nullable":true,"kind":"numerical","modifiers":{"when":{"column":"B","values":["yes"]}}},{"name":"B","type":"boolean","kind":"boolean"}]}""", "each a value of Boolean")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","nullable":true,"kind":"numerical","modifiers":{"when":{"column":"B","values":["1"]}}},{"name":"B","type":"float64","kind":"numerical"}]}""", "must be a string, enum, boolean or integer")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"identifier","rule":{"kind":"sequence","step":0}}]}""", "step other than zero")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"identifier","rule":{"kind":"sequence","format":"X{0}"}}]}""", "composite format")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"string","kind":"identifier","rule":{"kind":"sequence","format":"X{1}"}}]}""", "composite format")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"identifier","rule":{"kind":"reference","table":"P","parentKey":"Id","parents":0}}]}""", "positive number of parents")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"identifier","rule":{"kind":"reference","parents":5}}]}""", "parent table and its key")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"identifier","rule":{"kind":"reference","table":"P","parentKey":"Id","parents":5,"perParent":"fixed","mean":1.5}}]}""", "whole for fixed")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"date","kind":"identifier","rule":{"kind":"reference","table":"P","parentKey":"Id","parents":5}}]}""", "integer or string column")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"string","kind":"text","rule":{"kind":"fake","fake":"Email","sex":"S"}},{"name":"S","type":"string","kind":"categorical"}]}""", "only FirstName and FullName")]
    [InlineData("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"string","kind":"text","rule":{"kind":"fake","fake":"FirstName","sex":"S"}},{"name":"S","type":"int32","kind":"numerical"}]}""", "not a string, enum or char column")]
    public void Specs_with_broken_row_rules_are_SK4006(string json, string message)
    {
        var error = Assert.Throws<SynthKitException>(() => TableSpec.FromJson(json, "t.json"));
        Assert.Equal(ErrorCodes.InvalidSpec, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_written_spec_holds_together_like_the_attributes()
    {
        var spec = TableSpec.FromJson("""
            {"specVersion":1,"name":"Visit","primaryKey":"Id","columns":[
              {"name":"Discharged","type":"date","nullable":true,"kind":"datetime","rule":{"kind":"after","column":"Admitted","min":1,"max":14},"modifiers":{"when":{"column":"Ward","values":["A","C"]}}},
              {"name":"Id","type":"string","kind":"identifier","rule":{"kind":"sequence","start":10,"step":5,"format":"V-{0:D5}"}},
              {"name":"Admitted","type":"date","kind":"datetime","rule":{"kind":"dateRange","from":"2024-01-01","to":"2024-12-31"}},
              {"name":"Ward","type":"string","kind":"categorical","rule":{"kind":"categorical","values":["A","B","C"]}},
              {"name":"Patient","type":"int64","kind":"identifier","rule":{"kind":"reference","table":"Patient","parentKey":"Id","parents":100,"perParent":"poisson","mean":2}},
              {"name":"Level","type":"int16","nullable":true,"kind":"numerical","modifiers":{"when":{"column":"Patient","values":["1","2","3"]}}},
              {"name":"Cost","type":"float64","kind":"numerical","rule":{"kind":"after","column":"Level","min":0,"max":1}, "nullable": true}
            ]}
            """);
        var batch = new SpecSynthesizer(spec, 6).ToBatch(0, 5000);
        var discharged = batch.Get<DateOnly>("Discharged");
        var admitted = batch.Get<DateOnly>("Admitted");
        var ward = (CategoricalColumn)batch["Ward"];
        var patient = batch.Get<long>("Patient");
        var level = batch.Get<short>("Level");
        var cost = batch.Get<double>("Cost");
        for (int row = 0; row < 5000; row++)
        {
            Assert.Equal(ward[row] is "A" or "C", !discharged.IsNull(row));
            if (!discharged.IsNull(row))
            {
                Assert.InRange(discharged.Values[row].DayNumber - admitted.Values[row].DayNumber, 1, 14);
            }

            Assert.InRange(patient.Values[row], 1, 100);
            Assert.Equal(patient.Values[row] <= 3, !level.IsNull(row));
            Assert.Equal(level.IsNull(row), cost.IsNull(row));
            if (!cost.IsNull(row))
            {
                Assert.InRange(cost.Values[row] - level.Values[row], 0, 1);
            }
        }

        Assert.Equal("V-00010", ((StringColumn)batch["Id"])[0]);
        Assert.Equal("V-00015", ((StringColumn)batch["Id"])[1]);
    }

    [Fact]
    public void A_dataset_closes_over_its_parents_and_sizes_every_table_for_its_references()
    {
        var all = new ISynthesizer[] { new AssignmentSynthesizer(1), new ShopOrderSynthesizer(1), new CustomerSynthesizer(1), new EmployeeSynthesizer(1), new AllTypesSynthesizer(1) };

        var tables = Fixtures.RelatedTables.Close(all, new[] { "Assignment" });
        Assert.Equal(new[] { "Employee", "Customer", "ShopOrder", "Assignment" }, tables.Select(t => t.Spec.Name));
        var rows = Fixtures.RelatedTables.Rows(tables, 7);
        Assert.Equal(50, rows["Employee"]);
        Assert.Equal(1000, rows["Customer"]);   // the most parents any child names (ShopOrder 1000, Assignment 200)
        Assert.Equal(500, rows["ShopOrder"]);   // what Assignment names, not its own natural size
        Assert.Equal(200, rows["Assignment"]);  // its first reference: 50 employees × 4
        Assert.Equal(7, Fixtures.RelatedTables.Rows(new ISynthesizer[] { new AllTypesSynthesizer(1) }, 7)["AllTypes"]);
        Assert.Null(Fixtures.RelatedTables.ChildRows(new AllTypesSynthesizer(1)));
        Assert.DoesNotContain(Fixtures.RelatedTables.Close(all, Array.Empty<string>()), t => t.Spec.Name == "AllTypes");

        Assert.Contains("no table 'Nope'", Assert.Throws<SynthKitException>(() => Fixtures.RelatedTables.Close(all, new[] { "Nope" })).Message, StringComparison.Ordinal);
        var missing = Assert.Throws<SynthKitException>(() => Fixtures.RelatedTables.Close(new ISynthesizer[] { new ShopOrderSynthesizer(1) }, new[] { "ShopOrder" }));
        Assert.Contains("references 'Customer', which is not in the dataset", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_picker_refuses_what_cannot_be_spread_and_nested_objects_pick_on_their_own()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParentPicker(1, 2, "x", 0, 1, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ParentPicker(1, 2, "x", 10, 5, 1, 1));
        var fixedPicker = new ParentPicker(1, 2, "x", 10, 2, 3, 1);
        Assert.Equal((30L, 3L), (fixedPicker.ChildRows, fixedPicker.ChildrenOf(4)));
        Assert.Equal(-1, new ParentPicker(1, 2, "x", 10, 1, 3, 1).ChildrenOf(4));
        var random = new SynthRandom();
        var picks = Enumerable.Range(0, 2000).Select(i => { random.Reset(3, 4, i); return ParentPicker.PickAny(random, 10, 4, 1.5); }).ToList();
        Assert.All(picks, p => Assert.InRange(p, 0, 9));
        Assert.True(picks.Count(p => p == 0) > picks.Count(p => p == 9) * 5, "rank 1 is the most popular");
    }

    [Fact]
    public void Members_whose_names_say_what_they_hold_get_the_matching_fakes_without_a_privacy_mark()
    {
        var firsts = LocaleNames("first_name");
        var rows = new ContactSynthesizer(12).Generate(5000).ToList();
        Assert.All(rows, r => Assert.Contains(r.FirstName, firsts));
        Assert.All(rows, r => Assert.StartsWith(Fakes.Fold(r.FirstName).Replace("'", string.Empty, StringComparison.Ordinal), r.EmailAddress, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.InRange(r.DateOfBirth, new DateOnly(1935, 1, 1), new DateOnly(2006, 12, 31)));

        // A work address: the same person's names at a company domain, never a free e-mail provider.
        var free = new HashSet<string>(new[] { "gmail.com", "yahoo.com", "hotmail.com" }, StringComparer.Ordinal);
        Assert.All(rows, r => Assert.StartsWith(Fakes.Fold(r.FirstName).Replace("'", string.Empty, StringComparison.Ordinal), r.WorkEmail, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.DoesNotContain(r.WorkEmail.Substring(r.WorkEmail.IndexOf('@') + 1), free));
        Assert.Contains(rows, r => free.Contains(r.EmailAddress.Substring(r.EmailAddress.IndexOf('@') + 1)));
        Assert.True(rows.Select(r => r.WorkEmail.Substring(r.WorkEmail.IndexOf('@') + 1)).Distinct().Count() > 100);
        Assert.Equal("WorkEmail", ContactSynthesizer.Spec.FindColumn("WorkEmail")!.Rule.Fake);
        Assert.All(rows, r => Assert.Matches(@"^\d{5}(-\d{4})?$", r.PostalCode));
        Assert.All(rows, r => Assert.True(r.HomePhone.Count(char.IsAsciiDigit) >= 10 && !r.HomePhone.Contains('x'), r.HomePhone));
        Assert.All(rows, r => Assert.InRange(r.Latitude, -90, 90));
        Assert.True(rows.Select(r => r.City).Distinct().Count() > 500);

        // What the name does not fit keeps its default: an integer Zip, a word for "EmailSent".
        Assert.All(rows, r => Assert.InRange(r.Zip, 0, 1000));
        Assert.All(rows, r => Assert.DoesNotContain("@", r.EmailSent, StringComparison.Ordinal));

        var spec = ContactSynthesizer.Spec;
        Assert.Equal("FirstName", spec.FindColumn("FirstName")!.Rule.Fake);
        Assert.Equal("DateOfBirth", spec.FindColumn("DateOfBirth")!.Rule.Fake);
        Assert.All(spec.Columns, c => Assert.Null(c.Privacy)); // the analyzer still asks for the marks (SK1001)
        Assert.Equal(RuleKind.Default, spec.FindColumn("Zip")!.Rule.Kind);
    }

    [Fact]
    public void Row_aware_overrides_see_the_row_and_keep_every_other_column()
    {
        var plain = new ShopOrderSynthesizer(13).Generate(2000).ToList();
        var synth = new ShopOrderSynthesizer(13)
            .WithReserved((_, row) => row.Quantity * 2)
            .WithPriceWithTax((_, row) => (double)row.Price * 1.2 + row.Reserved)
            .WithNumber((random, row) => $"{row.Status}-{random.Int32(0, 9)}");
        var changed = synth.Generate(2000).ToList();
        for (int i = 0; i < plain.Count; i++)
        {
            var (p, c) = (plain[i], changed[i]);
            Assert.Equal((p.Id, p.CustomerId, p.OrderDate, p.Status, p.ShippedDate, p.Price, p.Quantity), (c.Id, c.CustomerId, c.OrderDate, c.Status, c.ShippedDate, c.Price, c.Quantity));
            Assert.Equal(c.Quantity * 2, c.Reserved);
            Assert.Equal((double)c.Price * 1.2 + c.Reserved, c.PriceWithTax); // declared after Reserved: sees its override
            Assert.StartsWith(c.Status + "-", c.Number, StringComparison.Ordinal);
        }

        Assert.Equal(changed.Select(c => c.Number), synth.Generate(2000).Select(c => c.Number)); // deterministic
        Assert.Equal(changed[700].Number, synth.Create(700).Number);                            // and slice-stable
        Assert.Equal(plain.Select(p => p.Number), new ShopOrderSynthesizer(13).Generate(2000).Select(p => p.Number));

        // A plain override afterwards replaces the row-aware one.
        Assert.All(synth.WithReserved(5).Generate(100), c => Assert.Equal(5, c.Reserved));
    }
}

/// <summary>[Derived]: members computed by the schema's own methods, which the generated code calls.</summary>
public class DerivedMemberTests
{
    [Fact]
    public void Derived_members_are_computed_from_the_drawn_row_in_declaration_order()
    {
        int nulls = 0, rows = 0;
        foreach (var invoice in new SynthKit.Tests.Schemas.InvoiceSynthesizer(4).Generate(100_000))
        {
            rows++;
            Assert.Equal(invoice.Quantity * invoice.UnitPrice, invoice.Total);
            Assert.Equal(Math.Round(invoice.Total * 0.2m, 2), invoice.Tax);
            Assert.Equal(invoice.Quantity / 2, invoice.HalfQuantity);
            if (invoice.Summary is null)
            {
                nulls++;
            }
            else
            {
                Assert.Equal($"{invoice.Quantity} x {invoice.UnitPrice}", invoice.Summary);
            }
        }

        // [NullRate(0.3)] still applies: 100,000 Bernoulli(0.3) draws lie within 4.5 σ (σ ≈ 145) of 30,000 (p < 10⁻⁵).
        Assert.Equal(100_000, rows);
        Assert.InRange(nulls, 30_000 - 650, 30_000 + 650);
    }

    [Fact]
    public void Overrides_win_and_derived_members_follow_overridden_sources()
    {
        var synthesizer = new SynthKit.Tests.Schemas.InvoiceSynthesizer(4);
        Assert.All(synthesizer.WithQuantity(5).Generate(200), i => Assert.Equal(5 * i.UnitPrice, i.Total));
        Assert.All(synthesizer.WithTotal(7m).Generate(200), i => Assert.Equal((7m, 1.4m), (i.Total, i.Tax)));
        Assert.Equal(synthesizer.Generate(1_000).Select(i => i.Total).Skip(500), synthesizer.Generate(500, 500).Select(i => i.Total)); // slices agree
    }

    [Fact]
    public void The_spec_records_the_method_and_the_spec_synthesizer_says_it_cannot_call_it()
    {
        var column = SynthKit.Tests.Schemas.InvoiceSynthesizer.Spec.FindColumn("Total")!;
        Assert.Equal((RuleKind.Derived, "ComputeTotal"), (column.Rule.Kind, column.Rule.Method));
        Assert.Equal("derived by row.ComputeTotal()", SynthKit.Tests.Schemas.InvoiceSynthesizer.Schema.Columns.Single(c => c.Name == "Total").Rule);
        Assert.Equal("derived by TaxOf(row)", SynthKit.Tests.Schemas.InvoiceSynthesizer.Schema.Columns.Single(c => c.Name == "Tax").Rule);
        var e = Assert.Throws<SynthKitException>(() => new SpecSynthesizer(SynthKit.Tests.Schemas.InvoiceSynthesizer.Spec));
        Assert.Equal(ErrorCodes.InvalidSpec, e.Code);
        Assert.Contains("derived by the C# method 'ComputeTotal'", e.Message, StringComparison.Ordinal);
        var roundTrip = TableSpec.FromJson(SynthKit.Tests.Schemas.InvoiceSynthesizer.Spec.ToJson());
        Assert.Equal("ComputeTotal", roundTrip.FindColumn("Total")!.Rule.Method);
        Assert.Throws<SynthKitException>(() => TableSpec.FromJson("""{"specVersion":1,"name":"T","columns":[{"name":"A","type":"int32","kind":"numerical","rule":{"kind":"derived"}}]}"""));
    }
}

/// <summary>[Children]: navigation lists that hold exactly the child table's rows naming the parent.</summary>
public class NavigationListTests
{
    [Fact]
    public void A_parent_list_holds_exactly_the_child_rows_that_name_it()
    {
        var novels = new NovelSynthesizer(5);
        var picker = ParentPicker.FromRule(SynthRandom.ScopeOf(5), "Novel.AuthorId", NovelSynthesizer.Spec.FindColumn("AuthorId")!.Rule);
        var table = novels.Generate((int)picker.ChildRows).ToList();
        var authors = new AuthorSynthesizer(5).Generate(60).ToList();
        for (int i = 0; i < authors.Count; i++)
        {
            var author = authors[i];
            var expected = table.Where(n => n.AuthorId == author.Id).Select(n => (n.Id, n.Title, n.Setting)).ToList();
            Assert.Equal(expected, author.Novels.Select(n => (n.Id, n.Title, n.Setting)).ToList());
            Assert.All(author.Novels, n => Assert.Equal(author.Id, n.AuthorId));
        }

        Assert.All(authors.Skip(50), a => Assert.Empty(a.Novels)); // past the reference's 50 parents
        Assert.Equal(table.Count, authors.Sum(a => a.Novels.Count));
        Assert.Equal(authors[7].Novels.Select(n => n.Id), new AuthorSynthesizer(5).Create(7).Novels.Select(n => n.Id));

        // Fixed layout, array member: 5 players per team, the players table's rows 5j … 5j + 4.
        var players = new PlayerSynthesizer(2).Generate(100).ToList();
        var teams = new SquadSynthesizer(2).Generate(20).ToList();
        Assert.All(teams, t => Assert.Equal(players.Where(p => p.TeamId == t.Id).Select(p => p.Name), t.Players.Select(p => p.Name)));
        Assert.All(teams, t => Assert.Equal(5, t.Players.Length));
    }

    [Fact]
    public void The_list_follows_the_parent_locale_and_seed()
    {
        var german = new AuthorSynthesizer(5).InLocale("de").Create(3);
        Assert.NotEmpty(german.Novels);
        // The natural child table ends after the last child of the 50 parents; rows past it wrap around.
        Assert.Equal(new NovelSynthesizer(5).InLocale("de").Generate(german.Novels[^1].Id).Where(n => n.AuthorId == german.Id).Select(n => n.Setting), german.Novels.Select(n => n.Setting));
        Assert.NotEqual(new AuthorSynthesizer(5).Create(3).Novels.Select(n => n.Setting), german.Novels.Select(n => n.Setting));
    }
}
