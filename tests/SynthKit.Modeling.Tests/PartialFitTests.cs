using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace SynthKit.Modeling.Tests;

/// <summary>
/// Fits that merge (issue 14): four partitions of a table counted apart, in two rounds, merge into the very model the
/// single fit of the whole table gives — the same JSON bytes — because every statistic is an exact count.
/// </summary>
public class PartialFitTests
{
    private static readonly Lazy<Table> s_adult = new(() => Table.Of("adult.csv", AdultSplit.Spec, [0, 5_000, 13_001, 24_500, 32_561]));
    private static readonly Lazy<Table> s_discretized = new(() => Table.Of("adult-discretized.csv", SdvMetadata.Load(Path.Combine(AdultSplit.Datasets, "adult-discretized.meta.json")), [0, 8_000, 8_001, 20_000, 32_561]));

    public static TheoryData<string, int, int, int, bool> Fits => new()
    {
        // table, minimum count, max parents, bins, parametric marginals
        { "adult", 1, 2, 20, false },
        { "adult", 5, 1, 8, true },
        { "discretized", 1, 2, 20, false },
        { "discretized", 10, 0, 20, false },
    };

    [Theory]
    [MemberData(nameof(Fits))]
    public void Four_partitions_merge_into_the_single_fit_byte_for_byte(string name, int minimumCount, int maxParents, int bins, bool parametric)
    {
        var table = name == "adult" ? s_adult.Value : s_discretized.Value;
        var options = new ModelOptions { MinimumCount = minimumCount, MaxParents = maxParents, Bins = bins, Marginals = parametric ? MarginalKind.Parametric : MarginalKind.Empirical };
        string single = BayesianNetwork.Fit(table.Whole, options).ToJson();

        // Every file goes through its JSON, as it would between the machines that hold the partitions.
        var marginals = table.Parts.Select(p => FitStatistics.FromJson(FitStatistics.CountValues(p, options).ToJson())).ToList();
        Assert.All(marginals, m => Assert.Equal(FitStatistics.MarginalsStage, m.Stage));
        var plan = FitPlan.FromJson(FitStatistics.Plan(marginals).ToJson());
        Assert.Equal(table.Whole.RowCount, plan.Rows);
        var counts = table.Parts.Select(p => FitStatistics.FromJson(FitStatistics.CountBins(p, plan).ToJson())).ToList();
        Assert.Equal(table.Parts.Select(p => (long)p.RowCount), counts.Select(c => c.Rows));

        var merged = FitStatistics.Merge(counts);
        Assert.Equal(single, merged.ToJson());

        // The order the partitions come in changes nothing.
        var reversed = Enumerable.Reverse(table.Parts).ToList();
        var plan2 = FitStatistics.Plan(reversed.Select(p => FitStatistics.CountValues(p, options)));
        Assert.Equal(plan.ToJson(), plan2.ToJson());
        Assert.Equal(single, FitStatistics.Merge(reversed.Select(p => FitStatistics.CountBins(p, plan2))).ToJson());
    }

    [Fact]
    public void Every_storage_type_merges_like_the_single_fit_as_numbers_and_as_categories()
    {
        var spec = SynthKit.Tests.Shared.EveryStorageType.Spec;
        var synthesizer = new SpecSynthesizer(spec, 1);
        var real = synthesizer.ToBatch(0, 3_000);

        // The same columns declared categorical: integers, booleans, dates and decimals are then counted by label.
        string json = System.Text.Encoding.UTF8.GetString(spec.ToJsonBytes(indented: false));
        var categorical = TableSpec.FromJson(json.Replace("\"kind\":\"numerical\"", "\"kind\":\"categorical\"", StringComparison.Ordinal).Replace("\"kind\":\"datetime\"", "\"kind\":\"categorical\"", StringComparison.Ordinal));
        Assert.NotEqual(json, System.Text.Encoding.UTF8.GetString(categorical.ToJsonBytes(indented: false)));
        foreach (var table in new[] { real, Reread(synthesizer, categorical) })
        {
            var parts = new[] { (0, 700), (700, 1_600), (2_300, 700) }.Select(p => table.Select(Enumerable.Range(p.Item1, p.Item2).ToArray())).ToArray();
            var options = new ModelOptions { Bins = 6, MinimumCount = 2 };
            var plan = FitStatistics.Plan(parts.Select(p => FitStatistics.CountValues(p, options)));
            Assert.Equal(BayesianNetwork.Fit(table, options).ToJson(), FitStatistics.Merge(parts.Select(p => FitStatistics.CountBins(p, plan))).ToJson());
        }
    }

    /// <summary>The synthesizer's first 3,000 rows written as CSV and read again under another spec of the same columns.</summary>
    private static ColumnBatch Reread(SpecSynthesizer synthesizer, TableSpec spec)
    {
        string path = Path.Combine(Path.GetTempPath(), $"synthkit-respec-{Guid.NewGuid():N}.csv");
        using (var stream = File.Create(path))
        {
            synthesizer.WriteCsv(stream, 0, 3_000);
        }

        try
        {
            return ColumnReader.ReadCsv(path, spec);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_network_whose_bins_are_its_values_is_fitted_the_same_whatever_the_row_order()
    {
        // The network's bins depend on a row's value alone (its midpoint in probability), never on where the row sits.
        var whole = s_adult.Value.Whole;
        var order = Enumerable.Range(0, whole.RowCount).ToArray();
        new Random(11).Shuffle(order);
        Assert.Equal(BayesianNetwork.Fit(whole).ToJson(), BayesianNetwork.Fit(whole.Select(order)).ToJson());
    }

    [Fact]
    public void Partitions_with_nulls_personal_data_and_text_merge_like_the_single_fit()
    {
        var table = People();
        string single = BayesianNetwork.Fit(table.Whole).ToJson();
        var plan = FitStatistics.Plan(table.Parts.Select(p => FitStatistics.CountValues(p, null)));
        Assert.Equal(["region", "age", "score"], plan.Marginals.Select(m => m.Column));
        var merged = FitStatistics.Merge(table.Parts.Select(p => FitStatistics.CountBins(p, plan)));
        Assert.Contains(merged.Data.NotLearned, n => n.Column == "email" && n.Reason.Contains("as Email", StringComparison.Ordinal));

        // The one difference, documented: text a partition finds too varied never leaves it, so its reason gives that
        // partition's figures (the first's: 900 distinct notes in 900 rows) rather than all the rows' (1,000 in 4,000).
        Assert.Contains("high-cardinality text: 1,000 distinct values in 4,000 rows", single, StringComparison.Ordinal);
        Assert.Equal(single.Replace("1,000 distinct values in 4,000 rows", "900 distinct values in 900 rows", StringComparison.Ordinal), merged.ToJson());
    }

    [Fact]
    public void Text_too_varied_for_categories_in_all_the_rows_is_left_out_even_when_no_partition_alone_shows_it()
    {
        // 160 distinct labels in 400 rows: more than max(50, 400 / 20) — but each partition of 100 rows holds only 40 of them.
        var spec = new TableSpec
        {
            Name = "t",
            Columns =
            [
                new ColumnSpec { Name = "code", Type = StorageType.String, Kind = StatisticalKind.Categorical },
                new ColumnSpec { Name = "n", Type = StorageType.Int32, Kind = StatisticalKind.Numerical },
            ],
        };
        var lines = new List<string> { "code,n" };
        for (int i = 0; i < 400; i++)
        {
            lines.Add($"c{(i / 100 * 40) + (i % 40)},{i % 7}");
        }

        var table = Table.FromLines(lines, spec, [0, 100, 200, 300, 400]);
        var single = BayesianNetwork.Fit(table.Whole);
        Assert.Contains(single.Data.NotLearned, n => n.Column == "code");
        var plan = FitStatistics.Plan(table.Parts.Select(p => FitStatistics.CountValues(p, null)));
        Assert.Equal(single.ToJson(), FitStatistics.Merge(table.Parts.Select(p => FitStatistics.CountBins(p, plan))).ToJson());
    }

    [Fact]
    public void A_partition_read_in_chunks_gives_the_statistics_of_the_partition_read_at_once()
    {
        // The people table's text columns are judged for personal data on the whole partition, not chunk by chunk:
        // 'note' has 900 distinct values in 900 rows but only 100 per chunk of 100.
        var table = People();
        var part = table.Parts[0];
        var chunks = Enumerable.Range(0, 9).Select(i => part.Select(Enumerable.Range(i * 100, 100).ToArray())).ToList();
        var atOnce = FitStatistics.CountValues(part, null);
        Assert.Equal(atOnce.ToJson(), FitStatistics.CountValues(chunks, null).ToJson());
        var plan = FitStatistics.Plan(table.Parts.Select(p => FitStatistics.CountValues(p, null)));
        Assert.Equal(FitStatistics.CountBins(part, plan).ToJson(), FitStatistics.CountBins(chunks, plan).ToJson());

        var ex = Assert.Throws<SynthKitException>(() => FitStatistics.CountValues([part, s_discretized.Value.Parts[0]], null));
        Assert.Equal(ModelingErrorCodes.CannotMerge, ex.Code);
        Assert.Contains("another spec than the first", ex.Message, StringComparison.Ordinal);
        Assert.Equal(ModelingErrorCodes.CannotMerge, Assert.Throws<SynthKitException>(() => FitStatistics.CountBins([part, s_discretized.Value.Parts[0]], plan)).Code);
        Assert.Equal(ModelingErrorCodes.CannotFit, Assert.Throws<SynthKitException>(() => FitStatistics.CountValues([], null)).Code);
        Assert.Equal(ModelingErrorCodes.CannotFit, Assert.Throws<SynthKitException>(() => FitStatistics.CountValues([part.Select([])], null)).Code);
    }

    [Theory]
    [InlineData("copula")]
    [InlineData("target")]
    [InlineData("constraint")]
    [InlineData("parents")]
    [InlineData("bins")]
    public void Fits_that_cannot_be_made_from_counts_are_refused_with_SK6006(string what)
    {
        var options = what switch
        {
            "copula" => new ModelOptions { Kind = ModelKind.GaussianCopula },
            "target" => new ModelOptions { Target = "income" },
            "constraint" => new ModelOptions { Constraints = ["age >= 17"] },
            "parents" => new ModelOptions { MaxParents = 3 },
            _ => new ModelOptions { Bins = 0 },
        };
        var ex = Assert.Throws<SynthKitException>(() => FitStatistics.CountValues(s_discretized.Value.Parts[1], options));
        Assert.Equal(ModelingErrorCodes.CannotMerge, ex.Code);
        Assert.Contains("cannot have", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_that_do_not_belong_together_are_refused_with_SK6006()
    {
        var table = s_discretized.Value;
        var options = new ModelOptions();
        var marginals = table.Parts.Select(p => FitStatistics.CountValues(p, options)).ToList();
        var plan = FitStatistics.Plan(marginals);
        var counts = table.Parts.Select(p => FitStatistics.CountBins(p, plan)).ToList();

        void Refused(Action action, string expected)
        {
            var ex = Assert.Throws<SynthKitException>(action);
            Assert.Equal(ModelingErrorCodes.CannotMerge, ex.Code);
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }

        Refused(() => FitStatistics.Plan([]), "no statistics");
        Refused(() => FitStatistics.Merge(counts.Take(3)), "the counts cover");
        Refused(() => FitStatistics.Merge([.. counts, counts[0]]), "the counts cover");
        Refused(() => FitStatistics.Plan([.. marginals.Take(3), counts[3]]), "stage 'counts'");
        Refused(() => FitStatistics.Merge([.. counts.Take(3), marginals[3]]), "merge round one's statistics into a plan first");
        Refused(() => FitStatistics.Plan([.. marginals.Take(3), FitStatistics.CountValues(table.Parts[3], new ModelOptions { Bins = 7 })]), "differ from statistics 1 in their spec and options");

        var otherPlan = FitStatistics.Plan(table.Parts.Select(p => FitStatistics.CountValues(p, new ModelOptions { MinimumCount = 3 })));
        Refused(() => FitStatistics.Merge([.. counts.Take(3), FitStatistics.CountBins(table.Parts[3], otherPlan)]), "in their plan");
        Refused(() => FitStatistics.CountBins(table.Parts[3], FitStatistics.Plan(marginals.Take(3))), "which the plan never counted");

        // A partition the plan was not made from: a category it never counted, or another table altogether.
        var part = table.Parts[3];
        var renamed = part.Select(Enumerable.Range(0, part.RowCount).ToArray());
        var column = (CategoricalColumn)renamed["native-country"];
        column.Set(0, "Atlantis");
        Refused(() => FitStatistics.CountBins(renamed, plan), "'Atlantis', which the plan never counted");
        Refused(() => FitStatistics.CountBins(s_adult.Value.Parts[0], plan), "not read under the plan's spec");

        Refused(() => FitStatistics.FromJson("{\"statisticsVersion\":2,\"stage\":\"marginals\",\"columns\":[]}"), "not version-1");
        Refused(() => FitStatistics.FromJson("{\"stage\":\"counts\"}"), "not version-1");
        Refused(() => FitStatistics.FromJson("[1,2"), "expected shape");
        Refused(() => FitStatistics.FromJson("null"), "not fit statistics");
        Refused(() => FitPlan.FromJson("{\"planVersion\":1}"), "not a version-1 SynthKit fit plan");
        Refused(() => FitPlan.FromJson(plan.ToJson().Replace("\"planVersion\": 1", "\"planVersion\": 2", StringComparison.Ordinal)), "not a version-1 SynthKit fit plan");
        Refused(() => FitPlan.FromJson(plan.ToJson().Replace("\"bins\": [1,", "\"bins\": [99,", StringComparison.Ordinal)), "a bin its column does not have");
        Refused(() => FitStatistics.FromJson(marginals[0].ToJson().Replace("\"counts\": [", "\"counts\": [1,", StringComparison.Ordinal)), "not version-1");
        string countsJson = counts[0].ToJson();
        Refused(() => FitStatistics.FromJson(ReplaceFirst(ReplaceFirst(countsJson, "\"cells\": [", "\"cells\": [-1,"), "\"counts\": [", "\"counts\": [1,")), "not version-1");
        Refused(() => FitStatistics.FromJson(countsJson.Replace("\"columns\": [0]", "\"columns\": [99]", StringComparison.Ordinal)), "not version-1");
        Assert.Equal(countsJson, FitStatistics.FromJson(countsJson).ToJson());

        string path = Path.Combine(Path.GetTempPath(), $"synthkit-stats-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{}");
        try
        {
            Refused(() => FitStatistics.Load(path), path);
            Refused(() => FitPlan.Load(path), path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Numbers_below_every_value_the_plan_counted_are_refused()
    {
        var spec = new TableSpec { Name = "t", Columns = [new ColumnSpec { Name = "x", Type = StorageType.Float64, Kind = StatisticalKind.Numerical }] };
        var table = Table.FromLines(["x", "1", "2", "3", "4", "-5"], spec, [0, 4, 5]);
        var plan = FitStatistics.Plan([FitStatistics.CountValues(table.Parts[0], null)]);
        var ex = Assert.Throws<SynthKitException>(() => FitStatistics.CountBins(table.Parts[1], plan));
        Assert.Equal(ModelingErrorCodes.CannotMerge, ex.Code);
        Assert.Contains("-5, below every value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statistics_and_plans_are_saved_through_a_temporary_file_and_read_back()
    {
        var table = s_discretized.Value;
        var stats = FitStatistics.CountValues(table.Parts[0], null);
        var plan = FitStatistics.Plan([stats]);
        string dir = Path.Combine(Path.GetTempPath(), $"synthkit-stats-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            stats.Save(Path.Combine(dir, "s.json"));
            plan.Save(Path.Combine(dir, "p.json"));
            Assert.Equal(stats.ToJson(), FitStatistics.Load(Path.Combine(dir, "s.json")).ToJson());
            Assert.Equal(plan.ToJson(), FitPlan.Load(Path.Combine(dir, "p.json")).ToJson());
            Assert.Equal(["p.json", "s.json"], Directory.GetFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.Equal(table.Parts[0].RowCount, stats.Rows);
            Assert.Equal("adult-discretized", stats.Table);
            Assert.Equal(plan.Spec.Name, stats.Table);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the text");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }

    /// <summary>4,000 people in four partitions: an identifier, e-mail addresses, free-text notes, and regions, ages and scores with nulls.</summary>
    private static Table People()
    {
        var spec = new TableSpec
        {
            Name = "people",
            Columns =
            [
                new ColumnSpec { Name = "id", Type = StorageType.Int32, Kind = StatisticalKind.Identifier },
                new ColumnSpec { Name = "email", Type = StorageType.String, Kind = StatisticalKind.Categorical, Nullable = true },
                new ColumnSpec { Name = "note", Type = StorageType.String, Kind = StatisticalKind.Categorical, Nullable = true },
                new ColumnSpec { Name = "region", Type = StorageType.String, Kind = StatisticalKind.Categorical, Nullable = true },
                new ColumnSpec { Name = "age", Type = StorageType.Int32, Kind = StatisticalKind.Numerical, Nullable = true },
                new ColumnSpec { Name = "score", Type = StorageType.Float64, Kind = StatisticalKind.Numerical, Nullable = true },
            ],
        };
        string[] regions = ["Oslo", "Lima", "Pune", "Kyiv", "Accra"];
        var rng = new Random(7);
        var lines = new List<string> { "id,email,note,region,age,score" };
        for (int i = 0; i < 4_000; i++)
        {
            string region = rng.Next(10) == 0 ? "" : regions[rng.Next(regions.Length)];
            string age = rng.Next(20) == 0 ? "" : (18 + rng.Next(60)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            string score = rng.Next(15) == 0 ? "" : (rng.NextDouble() * (region == "Oslo" ? 10 : 3)).ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            lines.Add($"{i},user{i}@example.org,note {i * 7919 % 1_000},{region},{age},{score}");
        }

        return Table.FromLines(lines, spec, [0, 900, 2_000, 3_100, 4_000]);
    }

    /// <summary>A table read whole and in partitions (rows [bounds[i], bounds[i + 1])), each through CSV as a file would be.</summary>
    private sealed record Table(ColumnBatch Whole, ColumnBatch[] Parts)
    {
        public static Table Of(string file, TableSpec spec, int[] bounds) => FromLines(File.ReadAllLines(Path.Combine(AdultSplit.Datasets, file)), spec, bounds);

        public static Table FromLines(IReadOnlyList<string> lines, TableSpec spec, int[] bounds)
        {
            var parts = new ColumnBatch[bounds.Length - 1];
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = Read(lines.Take(1).Concat(lines.Skip(1 + bounds[i]).Take(bounds[i + 1] - bounds[i])), spec);
            }

            return new Table(Read(lines.Take(1 + bounds[^1]), spec), parts);
        }

        private static ColumnBatch Read(IEnumerable<string> lines, TableSpec spec)
        {
            string path = Path.Combine(Path.GetTempPath(), $"synthkit-part-{Guid.NewGuid():N}.csv");
            File.WriteAllLines(path, lines);
            try
            {
                return ColumnReader.ReadCsv(path, spec);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }
}
