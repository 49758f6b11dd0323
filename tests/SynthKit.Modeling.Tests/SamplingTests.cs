using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;

namespace SynthKit.Modeling.Tests;

/// <summary>
/// Conditional sampling, rebalancing and the long-tail boost, checked against the distributions of processes written here
/// — conditional shares by exact binomial bounds, conditional shapes by Kolmogorov–Smirnov — at fixed seeds, α = 0.001.
/// </summary>
public sealed class SamplingTests
{
    private const int Rows = 8_000;
    private static readonly Lazy<ColumnBatch> s_process = new(() => Process(1, Rows));
    private static readonly Lazy<SynthModel> s_network = new(() => SynthModel.Fit(s_process.Value));
    private static readonly Lazy<SynthModel> s_copula = new(() => SynthModel.Fit(Normals(1, Rows), new ModelOptions { Kind = ModelKind.GaussianCopula }));

    private static readonly TableSpec ProcessSpec = new()
    {
        Name = "process",
        Columns =
        [
            new ColumnSpec { Name = "color", Type = StorageType.String, Kind = StatisticalKind.Categorical },
            new ColumnSpec { Name = "flag", Type = StorageType.Boolean, Kind = StatisticalKind.Boolean },
            new ColumnSpec { Name = "amount", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "email", Type = StorageType.String, Kind = StatisticalKind.Text, Privacy = new ColumnPrivacy { Pii = PiiKind.Email } },
        ],
    };

    private static readonly TableSpec NormalSpec = new()
    {
        Name = "normals",
        Columns =
        [
            new ColumnSpec { Name = "x", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "y", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
            new ColumnSpec { Name = "band", Type = StorageType.String, Kind = StatisticalKind.Categorical },
        ],
    };

    /// <summary>colour a/b/c (shares 0.5/0.3/0.2); flag with P = 0.9 for b, 0.1 otherwise; amount N(100 + 50·[b], 10).</summary>
    private static ColumnBatch Process(int seed, int rows)
    {
        var random = new Random(seed);
        var batch = new ColumnBatch(ProcessSpec, rows) { RowCount = rows };
        for (int r = 0; r < rows; r++)
        {
            double c = random.NextDouble();
            string color = c < 0.5 ? "a" : c < 0.8 ? "b" : "c";
            ((CategoricalColumn)batch["color"]).Set(r, color);
            batch.Get<bool>("flag")[r] = random.NextDouble() < (color == "b" ? 0.9 : 0.1);
            batch.Get<double>("amount")[r] = Normal.Sample(random, 100 + (color == "b" ? 50 : 0), 10);
            ((StringColumn)batch["email"]).Set(r, $"person{r}@example.org");
        }

        return batch;
    }

    /// <summary>x, y standard normal with correlation 0.8; band = hi when x + N(0, 0.5) > 0.5.</summary>
    private static ColumnBatch Normals(int seed, int rows)
    {
        var random = new Random(seed);
        var batch = new ColumnBatch(NormalSpec, rows) { RowCount = rows };
        for (int r = 0; r < rows; r++)
        {
            double x = Normal.Sample(random, 0, 1), y = (0.8 * x) + (0.6 * Normal.Sample(random, 0, 1));
            batch.Get<double>("x")[r] = x;
            batch.Get<double>("y")[r] = y;
            ((CategoricalColumn)batch["band"]).Set(r, x + Normal.Sample(random, 0, 0.5) > 0.5 ? "hi" : "lo");
        }

        return batch;
    }

    private static ColumnBatch Sample(IColumnModel model, TableSpec spec, int rows, long seed = 9) => new SpecSynthesizer(spec, seed, [model]).ToBatch(0, rows);

    private static SamplingOptions Given(params (string Column, string Value)[] conditions) =>
        new() { Conditions = conditions.ToDictionary(c => c.Column, c => c.Value) };

    /// <summary>The exact two-sided binomial acceptance interval at α = 0.001 for <paramref name="n"/> draws with probability <paramref name="p"/>.</summary>
    private static void AssertBinomial(int successes, int n, double p, string what)
    {
        int Quantile(double q)
        {
            int k = 0;
            while (Binomial.CDF(p, n, k) < q)
            {
                k++;
            }

            return k;
        }

        int lo = Quantile(0.0005), hi = Quantile(0.9995);
        Assert.True(successes >= lo && successes <= hi, $"{what}: {successes} of {n}, expected {lo} … {hi} (p = {p})");
    }

    private static double OneSampleKs(IEnumerable<double> values, Func<double, double> cdf)
    {
        var sorted = values.Order().ToArray();
        double d = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(((i + 1.0) / sorted.Length) - f, f - ((double)i / sorted.Length)));
        }

        return d;
    }

    [Fact]
    public void A_network_condition_on_a_parent_gives_the_childs_conditional_distribution()
    {
        var sample = Sample(s_network.Value.WithSampling(Given(("color", "b"))), ProcessSpec, 4_000);

        Assert.All(Enumerable.Range(0, sample.RowCount), r => Assert.Equal("b", ((CategoricalColumn)sample["color"])[r]));
        AssertBinomial(Enumerable.Range(0, sample.RowCount).Count(r => sample.Get<bool>("flag")[r]), sample.RowCount, 0.9, "flag given colour b");

        // amount given b is N(150, 10): one-sample KS at α = 0.001 (critical 1.949 / √n), with the marginal's knots as the only approximation.
        double d = OneSampleKs(Enumerable.Range(0, sample.RowCount).Select(r => sample.Get<double>("amount")[r]), v => Normal.CDF(150, 10, v));
        Assert.True(d < 1.949 / Math.Sqrt(sample.RowCount), $"KS D = {d}");
    }

    [Fact]
    public void A_network_condition_on_a_child_reaches_back_to_its_parent_by_bayes_rule()
    {
        // P(b | flag) = 0.3·0.9 / (0.3·0.9 + 0.7·0.1) = 0.794; the ancestors are enumerated, or drawn by rejection: both exact.
        var network = (BayesianNetwork)SynthModel.FromJson(s_network.Value.ToJson());
        var enumerated = Sample(network.WithSampling(Given(("flag", "True"))), ProcessSpec, 4_000);
        network.EnumerationLimit = 1;
        var rejected = Sample(network.WithSampling(Given(("flag", "True"))), ProcessSpec, 4_000);

        foreach (var sample in new[] { enumerated, rejected })
        {
            Assert.All(Enumerable.Range(0, sample.RowCount), r => Assert.True(sample.Get<bool>("flag")[r]));
            AssertBinomial(Enumerable.Range(0, sample.RowCount).Count(r => ((CategoricalColumn)sample["color"])[r] == "b"), sample.RowCount, 0.27 / 0.34, "colour b given the flag");
        }
    }

    [Fact]
    public void Rebalancing_draws_equal_or_given_shares_and_keeps_what_follows_from_each_class()
    {
        var equal = Sample(s_network.Value.WithSampling(new SamplingOptions { Rebalance = "flag" }), ProcessSpec, 4_000);
        var given = s_network.Value.WithSampling(new SamplingOptions { Rebalance = "color", Shares = new Dictionary<string, double> { ["c"] = 3, ["a"] = 1 } });
        var skewed = Sample(given, ProcessSpec, 4_000);

        int flagged = Enumerable.Range(0, equal.RowCount).Count(r => equal.Get<bool>("flag")[r]);
        AssertBinomial(flagged, equal.RowCount, 0.5, "flag rebalanced to a half");
        int bAmongFlagged = Enumerable.Range(0, equal.RowCount).Count(r => equal.Get<bool>("flag")[r] && ((CategoricalColumn)equal["color"])[r] == "b");
        AssertBinomial(bAmongFlagged, flagged, 0.27 / 0.34, "colour b among flagged rows");

        Assert.Equal(["a", "c"], given.Classes.Order());
        int c = Enumerable.Range(0, skewed.RowCount).Count(r => ((CategoricalColumn)skewed["color"])[r] == "c");
        AssertBinomial(c, skewed.RowCount, 0.75, "colour c at the given share");
        Assert.DoesNotContain(Enumerable.Range(0, skewed.RowCount), r => ((CategoricalColumn)skewed["color"])[r] == "b");
    }

    [Fact]
    public void A_copula_condition_on_a_number_gives_the_conditional_normal()
    {
        // y given x = 1 is N(0.8, 0.6²).
        var sample = Sample(s_copula.Value.WithSampling(Given(("x", "1"))), NormalSpec, 4_000);

        Assert.All(Enumerable.Range(0, sample.RowCount), r => Assert.Equal(1.0, sample.Get<double>("x")[r]));
        double d = OneSampleKs(Enumerable.Range(0, sample.RowCount).Select(r => sample.Get<double>("y")[r]), v => Normal.CDF(0.8, 0.6, v));
        Assert.True(d < 1.949 / Math.Sqrt(sample.RowCount), $"KS D = {d}");
    }

    [Fact]
    public void A_copula_condition_on_a_category_matches_the_models_own_rows_of_that_category()
    {
        // Exact under the model: x among the band = hi rows of a plain sample of the same copula (rejection, done by
        // hand), against the conditioned copula — two-sample KS. (A copula's category ↔ number link is its own
        // approximation of the data, so the reference is the model, not the process.)
        var sample = Sample(s_copula.Value.WithSampling(Given(("band", "hi"))), NormalSpec, 4_000);
        var plain = Sample(s_copula.Value, NormalSpec, 30_000, seed: 21);
        var real = Enumerable.Range(0, plain.RowCount).Where(r => ((CategoricalColumn)plain["band"])[r] == "hi").Select(r => plain.Get<double>("x")[r]).Order().ToArray();
        var synthetic = Enumerable.Range(0, sample.RowCount).Select(r => sample.Get<double>("x")[r]).Order().ToArray();

        Assert.All(Enumerable.Range(0, sample.RowCount), r => Assert.Equal("hi", ((CategoricalColumn)sample["band"])[r]));
        double d = KnownProcessTests.Ks(real, synthetic), critical = 1.949 * Math.Sqrt((real.Length + synthetic.Length) / (double)(real.Length * synthetic.Length));
        Assert.True(d < critical, $"KS D = {d}, critical {critical}");

        // Two conditions at once (a category and a number): every row meets both, and y still follows x.
        var both = Sample(s_copula.Value.WithSampling(Given(("band", "hi"), ("x", "1.5"))), NormalSpec, 2_000);
        Assert.All(Enumerable.Range(0, both.RowCount), r => Assert.Equal(("hi", 1.5), (((CategoricalColumn)both["band"])[r], both.Get<double>("x")[r])));
        double mean = Enumerable.Range(0, both.RowCount).Average(r => both.Get<double>("y")[r]);
        Assert.InRange(mean, 1.2 - (4 * 0.6 / Math.Sqrt(2_000)), 1.2 + (4 * 0.6 / Math.Sqrt(2_000)));
    }

    [Fact]
    public void The_boost_draws_rare_categories_more_often_and_is_recorded()
    {
        var boosted = s_network.Value.WithSampling(new SamplingOptions { Boost = 4 });
        var plain = Sample(s_network.Value, ProcessSpec, 4_000);
        var sample = Sample(boosted, ProcessSpec, 4_000);

        // The flag is rare only for colours a and c; amounts' extreme bins grow from 2 × 5 % of rows.
        static int Extreme(ColumnBatch b) => Enumerable.Range(0, b.RowCount).Count(r => b.Get<double>("amount")[r] is < 90 or > 160);
        Assert.True(Extreme(sample) > 1.5 * Extreme(plain), $"{Extreme(sample)} vs {Extreme(plain)} extreme amounts");
        Assert.Contains(new KeyValuePair<string, string>("boost", "4"), boosted.Describe().Details);
    }

    [Fact]
    public void Conditioned_samples_are_counter_based_and_described_in_the_manifest()
    {
        var model = s_network.Value.WithSampling(new SamplingOptions { Conditions = new Dictionary<string, string> { ["flag"] = "True" }, Rebalance = "color" });
        var whole = Sample(model, ProcessSpec, 300);
        var tail = new SpecSynthesizer(ProcessSpec, 9, [model]).ToBatch(100, 200);

        Assert.Equal(Enumerable.Range(100, 200).Select(r => whole.Get<double>("amount")[r]), Enumerable.Range(0, 200).Select(r => tail.Get<double>("amount")[r]));
        var info = model.Describe();
        Assert.Equal(s_network.Value.Describe().Sha256, info.Sha256);
        Assert.Contains(new KeyValuePair<string, string>("condition.flag", "True"), info.Details);
        Assert.Contains(info.Details, d => d.Key == "rebalance.color" && d.Value.Contains("b=0.333333", StringComparison.Ordinal));
        Assert.DoesNotContain("email", info.Columns);
    }

    [Theory]
    [InlineData("email", "x", "did not learn it (personal data)")]
    [InlineData("nope", "x", "has no such column")]
    [InlineData("color", "z", "is not a category")]
    [InlineData("amount", "many", "is not a number")]
    [InlineData("amount", "1e9", "outside the range")]
    public void A_condition_the_model_cannot_meet_is_SK6002(string column, string value, string reason)
    {
        var error = Assert.Throws<SynthKitException>(() => s_network.Value.WithSampling(Given((column, value))));
        Assert.Equal(ModelingErrorCodes.CannotSample, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Impossible_rebalancing_and_boosts_are_SK6002()
    {
        SynthKitException Fails(SynthModel model, SamplingOptions options) => Assert.Throws<SynthKitException>(() => model.WithSampling(options));

        Assert.Contains("only a categorical", Fails(s_network.Value, new() { Rebalance = "amount" }).Message, StringComparison.Ordinal);
        Assert.Contains("not a column the model learned", Fails(s_network.Value, new() { Rebalance = "email" }).Message, StringComparison.Ordinal);
        Assert.Contains("not a class", Fails(s_network.Value, new() { Rebalance = "color", Shares = new Dictionary<string, double> { ["q"] = 1 } }).Message, StringComparison.Ordinal);
        Assert.Contains("must not all be zero", Fails(s_network.Value, new() { Rebalance = "color", Shares = new Dictionary<string, double> { ["a"] = 0 } }).Message, StringComparison.Ordinal);
        Assert.Contains("both rebalanced and fixed", Fails(s_network.Value, new() { Rebalance = "color", Conditions = new Dictionary<string, string> { ["color"] = "a" } }).Message, StringComparison.Ordinal);
        Assert.Contains("needs a Bayesian network", Fails(s_copula.Value, new() { Boost = 2 }).Message, StringComparison.Ordinal);
        Assert.Contains("between 1 and 1000", Fails(s_network.Value, new() { Boost = 0.5 }).Message, StringComparison.Ordinal);
    }
}
