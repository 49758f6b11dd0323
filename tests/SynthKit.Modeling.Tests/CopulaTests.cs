using System;
using System.IO;
using System.Linq;
using SynthKit.Evaluation;

namespace SynthKit.Modeling.Tests;

/// <summary>
/// The Gaussian copula fitted to UCI Adult's first half and compared, with SynthKit.Evaluation, with the second half
/// (rows it never saw); and its aggregates-only, deterministic model.
/// </summary>
public sealed class CopulaTests
{
    private static readonly TableSpec Spec = AdultSplit.Spec;
    private static readonly Lazy<(ColumnBatch Train, ColumnBatch Holdout)> s_split = new(() => (AdultSplit.Train, AdultSplit.Holdout));
    private static readonly Lazy<GaussianCopula> s_copula = new(() => GaussianCopula.Fit(s_split.Value.Train));

    [Fact]
    public void Samples_score_better_than_the_SDV_style_copula_against_rows_the_fit_never_saw()
    {
        var (train, holdout) = s_split.Value;
        var synthetic = new SpecSynthesizer(Spec, 7).WithColumnModel(s_copula.Value).ToBatch(0, holdout.RowCount);

        var report = SynthEvaluation.Evaluate(holdout, synthetic, options: new EvaluationOptions { Privacy = false, Fidelity = false, Models = false });

        // SDV-style copula (beta marginals) on adult: 0.813 and a capital-gain shape of 0.089 (issue 11).
        Assert.True(report.Quality.Score > 0.85, $"quality {report.Quality.Score}");
        Assert.True(report.Quality.Columns["capital-gain"].Score > 0.9, $"capital-gain shape {report.Quality.Columns["capital-gain"].Score}");
        Assert.True(report.Quality.ColumnShapes > 0.95, $"column shapes {report.Quality.ColumnShapes}");
    }

    [Fact]
    public void The_model_is_aggregates_only_and_the_same_bytes_every_time()
    {
        var (train, _) = s_split.Value;
        string json = s_copula.Value.ToJson();

        Assert.Equal(json, GaussianCopula.Fit(train).ToJson());
        Assert.Equal(15, s_copula.Value.Data.Marginals.Count);
        Assert.Equal(16_280, s_copula.Value.Data.Rows);
        Assert.Equal(json, ModelData.FromJson(json).ToJson());
        Assert.True(json.Length < 200_000, $"{json.Length} characters: knots and shares, not rows");
    }

    [Fact]
    public void Sampling_is_counter_based_so_slices_concatenate()
    {
        var synthesizer = new SpecSynthesizer(Spec, 3).WithColumnModel(SynthModel.FromJson(s_copula.Value.ToJson()));
        using var whole = new MemoryStream();
        using var parts = new MemoryStream();

        synthesizer.WriteCsv(whole, 0, 600);
        synthesizer.WriteCsv(parts, 0, 250);
        using (var rest = new MemoryStream())
        {
            synthesizer.WriteCsv(rest, 250, 350);
            parts.Write(rest.ToArray().AsSpan(Array.IndexOf(rest.ToArray(), (byte)'\n') + 1));
        }

        Assert.Equal(whole.ToArray(), parts.ToArray());
    }

    [Fact]
    public void Personal_data_and_identifiers_are_never_read()
    {
        var spec = SdvMetadata.Read(System.Text.Encoding.UTF8.GetBytes("""
            { "METADATA_SPEC_VERSION": "SINGLE_TABLE_V1", "primary_key": "id",
              "columns": { "id": { "sdtype": "id" }, "email": { "sdtype": "email", "pii": true }, "age": { "sdtype": "numerical", "computer_representation": "Int64" } } }
            """), "people");
        var batch = new ColumnBatch(spec, 50) { RowCount = 50 };
        for (int r = 0; r < 50; r++)
        {
            ((StringColumn)batch["id"]).Set(r, $"id-{r:000}");
            ((StringColumn)batch["email"]).Set(r, $"secret{r}@example.com");
            batch.Get<long>("age")[r] = 20 + r;
        }

        var model = GaussianCopula.Fit(batch).Data;
        string json = model.ToJson();

        Assert.Equal(["age"], model.Marginals.Select(m => m.Column));
        Assert.Equal([("id", "identifier"), ("email", "personal data")], model.NotLearned.Select(n => (n.Column, n.Reason)));
        Assert.DoesNotContain("secret", json, StringComparison.Ordinal);
        Assert.DoesNotContain("id-0", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_to_fit_is_SK6000_and_a_bad_model_file_is_SK6001()
    {
        var empty = new ColumnBatch(Spec, 1) { RowCount = 0 };
        Assert.Equal(ModelingErrorCodes.CannotFit, Assert.Throws<SynthKitException>(() => GaussianCopula.Fit(empty)).Code);

        var onlyPii = SdvMetadata.Read(System.Text.Encoding.UTF8.GetBytes("""
            { "METADATA_SPEC_VERSION": "SINGLE_TABLE_V1", "columns": { "email": { "sdtype": "email", "pii": true } } }
            """), "pii");
        var batch = new ColumnBatch(onlyPii, 2) { RowCount = 2 };
        Assert.Contains("no column can be learned", Assert.Throws<SynthKitException>(() => GaussianCopula.Fit(batch)).Message, StringComparison.Ordinal);

        Assert.Equal(ModelingErrorCodes.InvalidModel, Assert.Throws<SynthKitException>(() => ModelData.FromJson("x")).Code);
        Assert.Equal(ModelingErrorCodes.InvalidModel, Assert.Throws<SynthKitException>(() => ModelData.FromJson("{\"modelVersion\": 2}")).Code);
    }

    [Fact]
    public void A_zero_inflated_column_keeps_its_point_mass_and_nulls_keep_their_share()
    {
        var (_, holdout) = s_split.Value;
        var synthetic = new SpecSynthesizer(Spec, 11).WithColumnModel(s_copula.Value).ToBatch(0, 20_000);

        double Zero(ColumnBatch b) => Enumerable.Range(0, b.RowCount).Count(r => b.Get<long>("capital-gain")[r] == 0) / (double)b.RowCount;
        double Nulls(ColumnBatch b) => b["occupation"].NullCount / (double)b.RowCount;

        // Binomial standard errors at 20,000 rows are under 0.003; 0.01 is beyond four of them plus the holdout's own noise.
        Assert.Equal(Zero(holdout), Zero(synthetic), 0.01);
        Assert.Equal(Nulls(holdout), Nulls(synthetic), 0.01);
    }
}
