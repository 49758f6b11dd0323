using System;
using System.Linq;
using System.Text;

namespace SynthKit.Evaluation.Tests;

/// <summary>Every metric on tables small enough to work out by hand (the working is in each test's comment).</summary>
public sealed class HandComputedTests
{
    private static readonly TableSpec Small = SdvMetadata.Read(Encoding.UTF8.GetBytes("""
        {
          "METADATA_SPEC_VERSION": "SINGLE_TABLE_V1",
          "primary_key": "id",
          "columns": {
            "id": { "sdtype": "id" },
            "x": { "sdtype": "numerical", "computer_representation": "Float" },
            "c": { "sdtype": "categorical" }
          }
        }
        """), "small");

    private static ColumnBatch Table(params (string Id, double? X, string? C)[] rows)
    {
        var batch = new ColumnBatch(Small, rows.Length) { RowCount = rows.Length };
        for (int r = 0; r < rows.Length; r++)
        {
            batch["id"].SetNull(r, false);
            ((StringColumn)batch["id"]).Set(r, rows[r].Id);
            if (rows[r].X is { } x)
            {
                batch.Get<double>("x")[r] = x;
            }
            else
            {
                batch["x"].SetNull(r);
            }

            ((CategoricalColumn)batch["c"]).Set(r, rows[r].C);
        }

        return batch;
    }

    [Fact]
    public void Kolmogorov_Smirnov_is_the_largest_gap_between_the_two_step_functions()
    {
        // a = 1 2 3, b = 2 3 4 5: at 1 the gap is 1/3, at 2 2/3 − 1/4, at 3 1 − 2/4 = 0.5, at 4 1 − 3/4.
        Assert.Equal(0.5, Statistics.KolmogorovSmirnov([1, 2, 3], [2, 3, 4, 5]), 12);
        Assert.Equal(1, Statistics.KolmogorovSmirnov([1, 2], [3, 4]), 12);
        Assert.True(double.IsNaN(Statistics.KolmogorovSmirnov([], [1])));
    }

    [Fact]
    public void Total_variation_gives_categories_only_the_synthetic_data_have_a_pseudo_count()
    {
        // real a a b, synthetic a b c: c gets 1e-6 in real, whose total becomes 3.000001;
        // ½(|1/3 − 2/3.000001| + |1/3 − 1/3.000001| + |1/3 − 1e-6/3.000001|) = 0.3333331111…
        Assert.Equal(0.6666668888888149, Statistics.TvComplement([0, 0, 1], [0, 1, 2], 3), 12);
        // nulls dropped: real {a: 1, b: 1e-6 (synthetic only)} vs {a: ½, b: ½}: ½(|½ − 1/1.000001| + |½ − 1e-6/1.000001|).
        Assert.Equal(0.50000049999975, Statistics.TvComplement([0, 0, -1], [0, 1, -1], 2), 12);
        Assert.True(double.IsNaN(Statistics.TvComplement([-1], [0], 1)));
    }

    [Fact]
    public void Pearson_drops_rows_with_a_null_and_has_no_value_for_a_constant()
    {
        // x 1 2 3 4, y 2 4 5 4: Sxy 3.5, Sxx 5, Syy 4.75, r = 3.5 / √23.75.
        Assert.Equal(0.7181848464596079, Statistics.Pearson([1, 2, 3, 4, double.NaN], [2, 4, 5, 4, 100]), 12);
        Assert.True(double.IsNaN(Statistics.Pearson([1, 1, 1], [1, 2, 3])));
        Assert.True(double.IsNaN(Statistics.Pearson([1], [2])));
    }

    [Fact]
    public void Digitize_counts_the_edges_at_or_below_a_value_like_numpy()
    {
        // 0 … 10 in 10 bins: edges 0, 1, …, 10; the maximum and a null land in bin 11.
        Assert.Equal([1, 6, 10, 11, 11], Statistics.Digitize([0, 5, 9.5, 10, double.NaN]));

        // a constant column's edges are c − 0.5 … c + 0.5, so c is in the middle bin.
        Assert.Equal([6, 6], Statistics.Digitize([3, 3]));
        Assert.Equal([11], Statistics.Digitize([double.NaN]));
    }

    [Fact]
    public void Contingency_similarity_and_Cramers_V_by_hand()
    {
        // real (a,x) (a,y) (b,x) (b,y): ¼ each; synthetic all (a,x): ½(¾ + ¼ + ¼ + ¼) = 0.75 apart.
        Assert.Equal(0.25, Statistics.ContingencySimilarity([0, 0, 1, 1], [0, 1, 0, 1], [0, 0, 0, 0], [0, 0, 0, 0], 2, 2), 12);

        // a diagonal table is perfectly associated, a uniform one not at all, one row has no association to measure.
        Assert.Equal(1, Statistics.CramersV([0, 0, 1, 1], [0, 0, 1, 1], 2, 2), 12);
        Assert.Equal(0, Statistics.CramersV([0, 0, 1, 1], [0, 1, 0, 1], 2, 2), 12);
        Assert.True(double.IsNaN(Statistics.CramersV([0, 0], [0, 1], 1, 2)));
    }

    [Fact]
    public void Distances_to_the_closest_record_follow_SDMetrics()
    {
        // x's real range is 10. Synthetic (5, a): to (0, a) (0.5 + 0) / 2 = 0.25, to (10, b) (0.5 + 1) / 2.
        // Synthetic (null, a): null vs a number counts 1: (1 + 0) / 2. Synthetic (20, b): |20 − 10| / 10 capped at 1: to (10, b) 0.5.
        var real = Table(("r1", 0, "a"), ("r2", 10, "b"));
        var synthetic = Table(("s1", 5, "a"), ("s2", null, "a"), ("s3", 20, "b"));
        var context = SynthEvaluation.CreateContext(real, synthetic, null, new EvaluationOptions());
        var space = new DistanceSpace(context);

        var (first, second) = PrivacyMetrics.Nearest(space.Encode(context.Synthetic), space.Encode(context.Real), second: true, context.Parallel);

        Assert.Equal([0.25, 0.5, 0.5], first);
        Assert.Equal([0.75, 1, 1], second!);
    }

    [Fact]
    public void New_row_synthesis_allows_one_percent_of_the_synthetic_value()
    {
        // (100.9, a) is within 1.009 of (100, a); (102, a) is not; (100, b) differs in its category; (null, a) matches (null, a).
        var real = Table(("r1", 100, "a"), ("r2", null, "a"));
        var synthetic = Table(("s1", 100.9, "a"), ("s2", 102, "a"), ("s3", 100, "b"), ("s4", null, "a"));

        var privacy = SynthEvaluation.Evaluate(real, synthetic).Privacy!;

        Assert.Equal(0.5, privacy.NewRowSynthesis, 12);
        Assert.Equal(0, privacy.ExactMatches.Count); // ids differ: an exact copy must match in every column
    }

    [Fact]
    public void Exact_copies_look_at_every_column_including_identifiers()
    {
        var real = Table(("r1", 1, "a"), ("r2", 2, "b"));
        var privacy = SynthEvaluation.Evaluate(real, Table(("r1", 1, "a"), ("r9", 2, "b"), ("r2", 2, "b")), Table(("r2", 2, "b"))).Privacy!;

        Assert.Equal(2, privacy.ExactMatches.Count);
        Assert.Equal(2.0 / 3, privacy.ExactMatches.Share, 12);
        Assert.Equal(1, privacy.ExactMatches.HoldoutShare);
    }

    [Fact]
    public void The_membership_attack_by_hand()
    {
        // members 0 1 2 against non-members 1 3: wins (0,1) (0,3) (1,3) (2,3), a tie (1,1), a loss (2,1): 4.5 / 6.
        // 1% of two holdout rows is none: the threshold sits below 1, where one member of three is.
        var attack = PrivacyMetrics.Attack([0, 1, 2], [1, 3]);

        Assert.Equal(0.75, attack.Auc, 12);
        Assert.Equal(1.0 / 3, attack.TprAt1PctFpr, 12);
    }

    [Fact]
    public void The_membership_attack_may_flag_one_percent_of_the_holdout()
    {
        // 200 non-members at 1 … 200: two may be flagged, so the threshold sits below 3; members at 0.5, 2.5 and 7.
        var attack = PrivacyMetrics.Attack([0.5, 2.5, 7], Enumerable.Range(1, 200).Select(i => (double)i).ToArray());

        Assert.Equal(2.0 / 3, attack.TprAt1PctFpr, 12);
    }

    [Fact]
    public void Attribute_disclosure_by_hand()
    {
        // The attacker knows x (binned) and wants c. Real (0,a) (0,b) (10,a); synthetic the same rows.
        // Row 1: synthetic rows with x in bin 0 carry a, b: ½ right. Row 2: ½. Row 3: x = 10 is bin 9, carrying a: 1.
        // CAP = 1 − (½ + ½ + 1)/3 = ⅓; guessing among {a, b} protects 1 − ½; score min(⅓ / ½, 1).
        var real = Table(("r1", 0, "a"), ("r2", 0, "b"), ("r3", 10, "a"));
        var options = new EvaluationOptions { Known = ["x"], Sensitive = ["c"] };

        var cap = SynthEvaluation.Evaluate(real, Table(("s1", 0, "a"), ("s2", 0, "b"), ("s3", 10, "a")), options: options).Privacy!.AttributeDisclosure!;

        Assert.Equal(1.0 / 3, cap.CapProtection, 12);
        Assert.Equal(0.5, cap.BaselineProtection, 12);
        Assert.Equal(2.0 / 3, cap.Score, 12);
    }

    [Fact]
    public void An_unknown_disclosure_column_is_SK6100()
    {
        var real = Table(("r1", 0, "a"));
        var ex = Assert.Throws<SynthKitException>(() => SynthEvaluation.Evaluate(real, real, options: new EvaluationOptions { Known = ["nope"], Sensitive = ["c"] }));

        Assert.Equal(EvaluationErrorCodes.InvalidInput, ex.Code);
        Assert.Contains("'nope'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diagnostic_by_hand()
    {
        // x: real range 0 … 10; synthetic 5 and 20 (outside) → ½. c: a (seen) and z (never seen) → ½. id: s1 twice → ½.
        var real = Table(("r1", 0, "a"), ("r2", 10, "b"));
        var report = SynthEvaluation.Evaluate(real, Table(("s1", 5, "a"), ("s1", 20, "z")), options: new EvaluationOptions { Privacy = false, Fidelity = false });

        Assert.Equal("KeyUniqueness", report.Diagnostic.Columns["id"].Metric);
        Assert.Equal(0.5, report.Diagnostic.Columns["id"].Score);
        Assert.Equal(0.5, report.Diagnostic.Columns["x"].Score);
        Assert.Equal(0.5, report.Diagnostic.Columns["c"].Score);
        Assert.Equal(0.75, report.Diagnostic.Score!.Value, 12); // mean(½, 1)
        Assert.Equal([new ExcludedColumn { Column = "id", Reason = "identifier" }.Column], report.Excluded.Select(e => e.Column));
    }
}
