using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MathNet.Numerics.Distributions;
using SynthKit.Evaluation;
using SynthKit.Tests.Support;
using Xunit.Abstractions;

namespace SynthKit.Modeling.Tests;

/// <summary>
/// Differential privacy (issue 12): the MST mechanism's accounting against an independent computation, its noise
/// against the analytic σ, an empirical privacy audit on neighbouring tables, and utility across ε on the discretised
/// adult. Statistical assertions at fixed seeds, α = <see cref="Stats.Alpha"/> unless stated.
/// </summary>
public sealed class PrivacyTests(ITestOutputHelper output)
{
    private static readonly Lazy<(ColumnBatch Table, IReadOnlyDictionary<string, ColumnDomain> Domains)> s_discretized = new(() =>
    {
        var spec = SdvMetadata.Load(Path.Combine(AdultSplit.Datasets, "adult-discretized.meta.json"));
        return (ColumnReader.ReadCsv(Path.Combine(AdultSplit.Datasets, "adult-discretized.csv"), spec), ColumnDomain.Load(Path.Combine(AdultSplit.Datasets, "adult-discretized.domain.json")));
    });

    [Theory]
    // ε, δ, ρ — ρ computed independently (a grid and golden-section search over α of the Canonne–Kamath–Steinke bound itself, in Python).
    [InlineData(1, 1e-9, 0.014973057673588523)]
    [InlineData(0.1, 1e-9, 0.0001771384471850203)]
    [InlineData(3, 1e-9, 0.12058242891101997)]
    [InlineData(10, 1e-9, 1.0907857043970153)]
    [InlineData(1, 1e-5, 0.030556595197639553)]
    public void The_zCDP_budget_of_an_epsilon_delta_guarantee_matches_an_independent_computation(double epsilon, double delta, double rho)
    {
        Assert.Equal(rho, ZeroConcentratedDp.Rho(epsilon, delta), rho * 1e-6);
        Assert.Equal(epsilon, ZeroConcentratedDp.Epsilon(rho, delta), epsilon * 1e-6);
        Assert.InRange(ZeroConcentratedDp.Delta(rho, epsilon), delta * (1 - 1e-5), delta * (1 + 1e-5));
    }

    [Theory]
    [InlineData(0.05, 1.0, 0.00038570916374441264)]
    [InlineData(0.5, 3.0, 0.005143184063862152)]
    [InlineData(0.01, 0.5, 3.505878060052395e-05)]
    [InlineData(0, 0.5, 0)]
    public void The_delta_of_a_zCDP_budget_matches_an_independent_computation(double rho, double epsilon, double delta)
    {
        Assert.Equal(delta, ZeroConcentratedDp.Delta(rho, epsilon), Math.Max(delta * 1e-6, 1e-300));
    }

    [Theory]
    [InlineData(0, 1e-9)]
    [InlineData(-1, 1e-9)]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(double.PositiveInfinity, 1e-9)]
    public void A_budget_that_is_not_one_is_SK6007(double epsilon, double delta)
    {
        Assert.Equal(ModelingErrorCodes.PrivacyRefused, Assert.Throws<SynthKitException>(() => ZeroConcentratedDp.Rho(epsilon, delta)).Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => ZeroConcentratedDp.Delta(-1, 1));
    }

    [Fact]
    public void The_noise_has_the_analytic_sigma_and_the_budget_shares_add_up_to_the_total()
    {
        var (table, domains) = s_discretized.Value;
        var trace = new Mst.Trace();
        var model = Mst.Fit(table, new ModelOptions { Privacy = new DifferentialPrivacy { Epsilon = 1, Delta = 1e-9, Domains = domains, Seed = 5 } }, trace);

        // 14 columns: 14 1-way and 13 2-way measurements, 13 selection steps; half of ρ, 5 % and 45 %.
        double rho = ZeroConcentratedDp.Rho(1, 1e-9);
        Assert.Equal(rho, trace.Rho);
        var oneWay = trace.Measurements.Take(14).ToList();
        var twoWay = trace.Measurements.Skip(14).ToList();
        Assert.Equal(13, twoWay.Count);
        double spentOneWay = oneWay.Sum(m => 1 / (2 * m.Sigma * m.Sigma)), spentSelection = trace.Steps.Sum(e => e * e / 8), spentTwoWay = twoWay.Sum(m => 1 / (2 * m.Sigma * m.Sigma));
        Assert.Equal(rho * 0.5, spentOneWay, rho * 1e-12);
        Assert.Equal(rho * 0.05, spentSelection, rho * 1e-12);
        Assert.Equal(rho * 0.45, spentTwoWay, rho * 1e-12);
        Assert.Equal(rho, spentOneWay + spentSelection + spentTwoWay, rho * 1e-12);
        Assert.Equal(Math.Sqrt(14 / (2 * 0.5 * rho)), oneWay[0].Sigma, 1e-9);

        // Every cell's noise, scaled by its σ, is standard normal (KS over all the cells).
        var z = trace.Measurements.SelectMany(m => m.Exact.Zip(m.Noisy, (x, y) => (y - x) / m.Sigma)).ToList();
        Assert.True(z.Count > 2_000, $"{z.Count} cells");
        var (d, p) = Stats.KolmogorovSmirnov(z, x => Normal.CDF(0, 1, x));
        Assert.True(p > Stats.Alpha, $"KS D = {d}, p = {p}");

        // The model records the guarantee, and it is a tree: one parent at most.
        var privacy = model.Data.Privacy!;
        Assert.Equal(("mst", 1.0, 1e-9, true), (privacy.Mechanism, privacy.Epsilon, privacy.Delta, privacy.Seeded));
        Assert.Equal(27, privacy.Measured.Count(m => m.StartsWith("1-way", StringComparison.Ordinal) || m.StartsWith("2-way", StringComparison.Ordinal)));
        Assert.Contains(privacy.Public, p => p.StartsWith("age: 85 categories", StringComparison.Ordinal));
        Assert.All(model.Data.Network!, n => Assert.True(n.Parents.Count <= 1));
        Assert.Equal(13, model.Data.Network!.Count(n => n.Parents.Count == 1));
    }

    [Fact]
    public void An_empirical_audit_on_neighbouring_tables_finds_no_more_privacy_loss_than_claimed()
    {
        // Neighbours: 300 rows of 'a', and the same with one row added at the extreme 'z' (MST's neighbouring: a row
        // added or removed) — and with one row changed to 'z'. The attacker reads the released model's count of 'z' and
        // says "the row is in" above a threshold fixed in advance. 600 fits of each table, each with its own seed.
        const double epsilon = 1, delta = 1e-9;
        const int fits = 600;
        var spec = new TableSpec { Name = "audit", Columns = [new ColumnSpec { Name = "x", Type = StorageType.String, Kind = StatisticalKind.Categorical }] };
        ColumnBatch Table(int extra)
        {
            var batch = new ColumnBatch(spec, 300 + extra) { RowCount = 300 + extra };
            for (int r = 0; r < batch.RowCount; r++)
            {
                ((CategoricalColumn)batch["x"]).Set(r, r < 300 ? "a" : "z");
            }

            return batch;
        }

        var domains = new Dictionary<string, ColumnDomain> { ["x"] = new ColumnDomain { Categories = ["a", "b", "c", "z"] } };
        double Released(ColumnBatch table, long seed)
        {
            var model = SynthModel.Fit(table, new ModelOptions { Privacy = new DifferentialPrivacy { Epsilon = epsilon, Delta = delta, Domains = domains, Seed = seed } });
            return model.Data.Network![0].Counts[0].Counts[4];
        }

        // Clopper–Pearson upper bounds (95 % each) on both error rates, then the standard bound ε ≥ ln((1 − δ − FNR) / FPR).
        const double threshold = 0.5;
        double Upper(int k) => k == fits ? 1 : Beta.InvCDF(k + 1, fits - k, 0.975);
        double Audit(ColumnBatch first, ColumnBatch second, Func<ColumnBatch, long, double> release)
        {
            var without = Enumerable.Range(0, fits).Select(i => release(first, 1_000 + i)).ToList();
            var with = Enumerable.Range(0, fits).Select(i => release(second, 5_000 + i)).ToList();
            int falsePositives = without.Count(v => v > threshold), falseNegatives = with.Count(v => v <= threshold);
            double fpr = Upper(falsePositives), fnr = Upper(falseNegatives);
            return Math.Max(Math.Log((1 - delta - fnr) / fpr), Math.Log((1 - delta - fpr) / fnr));
        }

        double added = Audit(Table(0), Table(1), Released);
        Assert.True(added <= epsilon, $"a row added: empirical ε ≥ {added}");

        // A row changed to the extreme value is a row removed and one added: ρ doubles, and the claim for it is the ε of 2ρ.
        var changed = Table(0);
        ((CategoricalColumn)changed["x"]).Set(0, "z");
        double claimedForChange = ZeroConcentratedDp.Epsilon(2 * ZeroConcentratedDp.Rho(epsilon, delta), delta);
        double replaced = Audit(Table(0), changed, Released);
        Assert.True(replaced <= claimedForChange, $"a row changed: empirical ε ≥ {replaced}, claimed {claimedForChange}");

        // The audit can fail: the same attack on the exact (non-private) fit separates the tables every time.
        // The exact fit releases the count of 'z' without noise, so the same attack and bound prove more than ε.
        double Exact(ColumnBatch table, long seed) => SynthModel.Fit(table, new ModelOptions { Seed = seed }).Data.Network![0].Counts[0].Counts.ElementAtOrDefault(2);
        double leaked = Audit(Table(0), Table(1), Exact);
        Assert.True(leaked > epsilon, $"the attack on the exact fit proves only ε ≥ {leaked}");
    }

    [Fact]
    public void Utility_grows_with_epsilon_and_approaches_the_non_private_model()
    {
        // Fitted on all 48,842 rows; each quality compares 10,000 sampled rows with the first 10,000 real ones (the full
        // table's figures are in docs/benchmarks.md).
        var (table, domains) = s_discretized.Value;
        var real = table.Select(Enumerable.Range(0, 10_000).ToArray());
        double Quality(SynthModel model) => SynthEvaluation.Evaluate(real, model.CreateSynthesizer(3).ToBatch(0, 10_000), null, new EvaluationOptions { Fidelity = false }).Quality.Score!.Value;

        double exact = Quality(SynthModel.Fit(table));
        var curve = new[] { 0.1, 0.3, 1, 3, 10 }.Select(e => Quality(SynthModel.Fit(table, new ModelOptions { Privacy = new DifferentialPrivacy { Epsilon = e, Domains = domains, Seed = 11 } }))).ToArray();
        output.WriteLine($"exact {exact:F4}; ε 0.1, 0.3, 1, 3, 10: {string.Join(", ", curve.Select(q => q.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)))}");

        // Against the non-private model at the same sample size: monotone within sampling noise (a quality from 10,000
        // rows moves by about 0.003 between samples); ε = 1 costs at most 0.02 and ε = 10 at most 0.01 (a tree keeps fewer
        // pairs than the two-parent network); ε = 0.1 costs visibly more.
        for (int i = 1; i < curve.Length; i++)
        {
            Assert.True(curve[i] >= curve[i - 1] - 0.01, $"quality at ε index {i}: {string.Join(", ", curve)}");
        }

        Assert.True(curve[2] >= exact - 0.02, $"ε = 1: {curve[2]} against the exact fit's {exact}");
        Assert.True(curve[^1] >= exact - 0.01, $"ε = 10: {curve[^1]} against the exact fit's {exact}");
        Assert.True(curve[0] < curve[^1] - 0.02, string.Join(", ", curve));
    }

    [Fact]
    public void The_same_secret_seed_gives_the_same_model_and_without_one_the_noise_is_fresh()
    {
        var (table, domains) = s_discretized.Value;
        var part = table.Select(Enumerable.Range(0, 4_000).ToArray());
        SynthModel Fit(long? seed) => SynthModel.Fit(part, new ModelOptions { Privacy = new DifferentialPrivacy { Epsilon = 2, Domains = domains, Seed = seed } });

        Assert.Equal(Fit(9).ToJson(), Fit(9).ToJson());
        Assert.NotEqual(Fit(9).ToJson(), Fit(10).ToJson());
        var fresh = Fit(null);
        Assert.False(fresh.Data.Privacy!.Seeded);
        Assert.NotEqual(fresh.ToJson(), Fit(null).ToJson());

        // The record survives the file and reaches every manifest through Describe.
        var loaded = SynthModel.FromJson(fresh.ToJson());
        Assert.Equal(fresh.ToJson(), loaded.ToJson());
        var details = loaded.Describe().Details.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(("mst", "2", "1E-09"), (details["privacy.mechanism"], details["privacy.epsilon"], details["privacy.delta"]));
        Assert.Equal(ZeroConcentratedDp.Rho(2, 1e-9), double.Parse(details["privacy.rho"], System.Globalization.CultureInfo.InvariantCulture), 1e-12);
        Assert.StartsWith("1-way age (σ ", details["privacy.measured"], StringComparison.Ordinal);
        Assert.Contains("2-way ", details["privacy.measured"], StringComparison.Ordinal);
        Assert.StartsWith("age: 85 categories (declared in the domains given); workclass: 9 categories", details["privacy.public"], StringComparison.Ordinal);
    }

    [Fact]
    public void Domains_come_from_declarations_only_and_everything_else_is_refused_with_SK6007()
    {
        var (table, domains) = s_discretized.Value;
        var part = table.Select(Enumerable.Range(0, 500).ToArray());
        SynthKitException Refused(ModelOptions options) => Assert.Throws<SynthKitException>(() => SynthModel.Fit(part, options));

        var missing = Refused(new ModelOptions { Privacy = new DifferentialPrivacy { Domains = domains.Where(p => p.Key is not ("age" or "sex")).ToDictionary(p => p.Key, p => p.Value) } });
        Assert.Equal(ModelingErrorCodes.PrivacyRefused, missing.Code);
        Assert.Contains("2 column(s) have no declared domain", missing.Message, StringComparison.Ordinal);
        Assert.Contains("age, sex", missing.Message, StringComparison.Ordinal);

        var narrow = new Dictionary<string, ColumnDomain>(domains) { ["age"] = new ColumnDomain { Categories = ["0", "1"] } };
        Assert.Contains("not one of its 2 declared categories", Refused(new ModelOptions { Privacy = new DifferentialPrivacy { Domains = narrow } }).Message, StringComparison.Ordinal);
        Assert.Equal(ModelingErrorCodes.PrivacyRefused, Refused(new ModelOptions { Kind = ModelKind.GaussianCopula, Privacy = new DifferentialPrivacy { Domains = domains } }).Code);
        Assert.Equal(ModelingErrorCodes.PrivacyRefused, Refused(new ModelOptions { Target = "sex", Privacy = new DifferentialPrivacy { Domains = domains } }).Code);
        Assert.Equal(ModelingErrorCodes.PrivacyRefused, Refused(new ModelOptions { Privacy = new DifferentialPrivacy { Epsilon = 0, Domains = domains } }).Code);
    }

    [Fact]
    public void Numbers_with_declared_bounds_are_binned_clamped_and_sampled_inside_them()
    {
        // y depends on x; x is declared in [0, 100], y in [0, 10] (real values beyond are clamped), plus a boolean.
        var spec = new TableSpec
        {
            Name = "bounded",
            Columns =
            [
                new ColumnSpec { Name = "x", Type = StorageType.Int32, Kind = StatisticalKind.Numerical, Rule = new RuleSpec { Kind = RuleKind.Uniform, Min = 0, Max = 100 } },
                new ColumnSpec { Name = "y", Type = StorageType.Float64, Kind = StatisticalKind.Numerical, Nullable = true },
                new ColumnSpec { Name = "flag", Type = StorageType.Boolean, Kind = StatisticalKind.Boolean },
                new ColumnSpec { Name = "email", Type = StorageType.String, Kind = StatisticalKind.Categorical },
            ],
        };
        var rng = new Random(3);
        var batch = new ColumnBatch(spec, 5_000) { RowCount = 5_000 };
        for (int r = 0; r < batch.RowCount; r++)
        {
            int x = rng.Next(0, 101);
            batch.Get<int>("x")[r] = x;
            if (r % 10 == 0)
            {
                batch["y"].SetNull(r);
            }
            else
            {
                batch.Get<double>("y")[r] = (x / 10.0) + rng.NextDouble() + (r == 1 ? 1_000 : 0);
            }

            batch.Get<bool>("flag")[r] = x > 50;
            ((CategoricalColumn)batch["email"]).Set(r, $"p{r}@example.org");
        }

        var domains = new Dictionary<string, ColumnDomain> { ["y"] = new ColumnDomain { Min = 0, Max = 12 } };
        var model = SynthModel.Fit(batch, new ModelOptions { Bins = 10, Privacy = new DifferentialPrivacy { Epsilon = 5, Domains = domains, Seed = 1 } });
        Assert.Equal(["x", "y", "flag"], model.Columns);
        Assert.Contains(model.Data.NotLearned, n => n.Column == "email" && n.Reason.Contains("by its name", StringComparison.Ordinal));
        Assert.Contains(model.Data.Privacy!.Public, p => p == "x: [0, 100], its bounds and 10 equal bins between (declared in the spec)");
        Assert.Contains(model.Data.Privacy!.Public, p => p == "y: [0, 12], its bounds and 10 equal bins between (declared in the domains given)");

        var sample = model.CreateSynthesizer(2).ToBatch(0, 5_000);
        var xs = Enumerable.Range(0, 5_000).Select(r => sample.Get<int>("x")[r]).ToList();
        Assert.All(xs, v => Assert.InRange(v, 0, 100));
        var ys = Enumerable.Range(0, 5_000).Where(r => !sample["y"].IsNull(r)).Select(r => sample.Get<double>("y")[r]).ToList();
        Assert.All(ys, v => Assert.InRange(v, 0, 12));
        Assert.InRange(5_000 - ys.Count, 350, 650); // 10 % nulls, ± noise and sampling
        Assert.Equal(0, sample["x"].NullCount);

        // The dependence survives: flag mostly follows x > 50 (exactly so in the real rows).
        double agree = Enumerable.Range(0, 5_000).Count(r => sample.Get<bool>("flag")[r] == (sample.Get<int>("x")[r] > 50)) / 5_000.0;
        Assert.True(agree > 0.8, $"flag agrees with x > 50 in {agree:P1} of rows");
    }

    [Fact]
    public void A_spec_declares_domains_by_its_categories_rule_values_clamps_and_ranges()
    {
        var spec = new TableSpec
        {
            Name = "declared",
            Columns =
            [
                new ColumnSpec { Name = "grade", Type = StorageType.String, Kind = StatisticalKind.Categorical, Categories = ["A", "B", "C"], Rule = new RuleSpec { Kind = RuleKind.Categorical, Values = ["A", "B", "C"] } },
                new ColumnSpec { Name = "tier", Type = StorageType.String, Kind = StatisticalKind.Categorical, Rule = new RuleSpec { Kind = RuleKind.Categorical, Values = ["gold", "silver"] } },
                new ColumnSpec { Name = "pressure", Type = StorageType.Int32, Kind = StatisticalKind.Numerical, Rule = new RuleSpec { Kind = RuleKind.Normal, Mean = 120, Sd = 15 }, Modifiers = new ColumnModifiers { ClampMin = 80, ClampMax = 200 } },
                new ColumnSpec { Name = "score", Type = StorageType.Float64, Kind = StatisticalKind.Numerical, Rule = new RuleSpec { Kind = RuleKind.Uniform, Min = -1, Max = 1 } },
            ],
        };
        var rows = new SpecSynthesizer(spec, 4).ToBatch(0, 3_000);
        var model = SynthModel.Fit(rows, new ModelOptions { Privacy = new DifferentialPrivacy { Epsilon = 3, Seed = 2 } });

        Assert.Equal(
            ["grade: 3 categories (declared in the spec)", "tier: 2 categories (declared in the spec)", "pressure: [80, 200], its bounds and 20 equal bins between (declared in the spec)", "score: [-1, 1], its bounds and 20 equal bins between (declared in the spec)"],
            model.Data.Privacy!.Public.Take(4));
        var sample = model.CreateSynthesizer(1).ToBatch(0, 3_000);
        Assert.All(Enumerable.Range(0, 3_000), r => Assert.InRange(sample.Get<int>("pressure")[r], 80, 200));
        Assert.All(Enumerable.Range(0, 3_000), r => Assert.Contains(((CategoricalColumn)sample["tier"])[r], new[] { "gold", "silver" }));

        // The mean pressure survives the noise: within 3 mmHg of the real rows' (the spec says 120).
        double Mean(ColumnBatch b) => Enumerable.Range(0, b.RowCount).Average(r => b.Get<int>("pressure")[r]);
        Assert.InRange(Mean(sample), Mean(rows) - 3, Mean(rows) + 3);
    }

    [Fact]
    public void Partitions_counted_apart_merge_into_the_private_fit_of_all_the_rows_with_the_noise_added_once()
    {
        var (table, domains) = s_discretized.Value;
        int[] bounds = [0, 10_000, 10_001, 30_000, table.RowCount];
        var parts = Enumerable.Range(0, 4).Select(i => table.Select(Enumerable.Range(bounds[i], bounds[i + 1] - bounds[i]).ToArray())).ToList();
        var counting = new ModelOptions { Privacy = new DifferentialPrivacy { Domains = domains } };
        var statistics = parts.Select(p => FitStatistics.FromJson(FitStatistics.CountPrivate([p], counting).ToJson())).ToList();
        Assert.All(statistics, s => Assert.Equal(FitStatistics.PrivateStage, s.Stage));

        var privacy = new DifferentialPrivacy { Epsilon = 1, Delta = 1e-9, Domains = domains, Seed = 21 };
        string single = SynthModel.Fit(table, new ModelOptions { Privacy = privacy }).ToJson();
        Assert.Equal(single, FitStatistics.MergePrivate(statistics, privacy).ToJson());
        Assert.Equal(single, FitStatistics.MergePrivate(Enumerable.Reverse(statistics), new DifferentialPrivacy { Epsilon = 1, Seed = 21 }).ToJson());

        // Counts of another stage, other domains, a missing partition or no privacy options do not merge.
        var ex = Assert.Throws<SynthKitException>(() => FitStatistics.MergePrivate([.. statistics.Take(3), FitStatistics.CountValues(parts[3], null)], privacy));
        Assert.Equal(ModelingErrorCodes.CannotMerge, ex.Code);
        var narrower = new Dictionary<string, ColumnDomain>(domains) { ["sex"] = new ColumnDomain { Categories = ["0", "1", "2"] } };
        var other = FitStatistics.CountPrivate([parts[3]], new ModelOptions { Privacy = new DifferentialPrivacy { Domains = narrower } });
        Assert.Contains("spec, options and domains", Assert.Throws<SynthKitException>(() => FitStatistics.MergePrivate([.. statistics.Take(3), other], privacy)).Message, StringComparison.Ordinal);
        Assert.Equal(ModelingErrorCodes.CannotMerge, Assert.Throws<SynthKitException>(() => FitStatistics.CountPrivate([parts[0]], new ModelOptions())).Code);
        Assert.Equal(ModelingErrorCodes.CannotFit, Assert.Throws<SynthKitException>(() => FitStatistics.CountPrivate([], counting)).Code);
        Assert.Equal(ModelingErrorCodes.CannotMerge, Assert.Throws<SynthKitException>(() => FitStatistics.FromJson(statistics[0].ToJson().Replace("\"domains\": [", "\"domains\": [{\"column\": \"x\"},", StringComparison.Ordinal))).Code);
    }

    [Fact]
    public void A_domain_file_takes_sizes_categories_and_bounds_and_refuses_anything_else()
    {
        string path = Path.Combine(Path.GetTempPath(), $"synthkit-domain-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, """{ "a": 3, "b": ["x", "y"], "c": { "min": -1, "max": 2.5 } }""");
            var domains = ColumnDomain.Load(path);
            Assert.Equal(["0", "1", "2"], domains["a"].Categories);
            Assert.Equal(["x", "y"], domains["b"].Categories);
            Assert.Equal((-1.0, 2.5), (domains["c"].Min!.Value, domains["c"].Max!.Value));

            foreach (var bad in new[] { "[1]", """{ "a": 0 }""", """{ "a": [] }""", """{ "a": { "min": 3, "max": 1 } }""", """{ "a": "x" }""", "{" })
            {
                File.WriteAllText(path, bad);
                var ex = Assert.Throws<SynthKitException>(() => ColumnDomain.Load(path));
                Assert.Equal(ModelingErrorCodes.PrivacyRefused, ex.Code);
                Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
