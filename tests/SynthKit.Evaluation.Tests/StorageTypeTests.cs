using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit.Evaluation.Tests;

/// <summary>Every storage type a spec can hold goes into the evaluation's encoding; bad inputs are SK6100.</summary>
public sealed class StorageTypeTests
{
    private static readonly TableSpec Everything = SynthKit.Tests.Shared.EveryStorageType.Spec;

    [Fact]
    public void Every_storage_type_is_encoded_and_scored()
    {
        var real = new SpecSynthesizer(Everything, 1).ToBatch(0, 400);
        var synthetic = new SpecSynthesizer(Everything, 2).ToBatch(0, 400);

        var report = SynthEvaluation.Evaluate(real, synthetic, new SpecSynthesizer(Everything, 3).ToBatch(0, 400), new EvaluationOptions { Models = false });

        var statistical = Everything.Columns.Where(c => c.Kind is not StatisticalKind.Identifier and not StatisticalKind.Text).Select(c => c.Name);
        Assert.Equal(statistical, report.Quality.Columns.Keys);
        Assert.All(report.Quality.Columns.Values, c => Assert.NotNull(c.Score));
        Assert.Equal("KSComplement", report.Quality.Columns["stamp"].Metric);
        Assert.Equal("TVComplement", report.Quality.Columns["level"].Metric);
        Assert.Equal(["key", "serial", "note"], report.Excluded.Select(e => e.Column));
        Assert.Equal(["identifier", "identifier", "text"], report.Excluded.Select(e => e.Reason));
        Assert.Equal("KeyUniqueness", report.Diagnostic.Columns["key"].Metric);
        Assert.Equal(1, report.Diagnostic.Columns["key"].Score);
        Assert.Equal(0, report.Privacy!.ExactMatches.Count);
        Assert.InRange(report.Quality.Columns["f32"].Score!.Value, 0.8, 1);
    }

    [Fact]
    public void A_table_without_a_spec_column_or_rows_is_SK6100()
    {
        var real = new SpecSynthesizer(Everything, 1).ToBatch(0, 10);
        var narrower = new TableSpec { Name = "narrow", Columns = Everything.Columns.Skip(1).ToList() };
        var missing = new SpecSynthesizer(narrower, 1).ToBatch(0, 10);

        var ex = Assert.Throws<SynthKitException>(() => SynthEvaluation.Evaluate(real, missing));
        Assert.Contains("the synthetic table has no column 'i8'", ex.Message, StringComparison.Ordinal);
        Assert.Throws<SynthKitException>(() => SynthEvaluation.Evaluate(real, real, missing));

        var empty = new SpecSynthesizer(Everything, 1).ToBatch(0, 0);
        Assert.Contains("the synthetic table has no rows", Assert.Throws<SynthKitException>(() => SynthEvaluation.Evaluate(real, empty)).Message, StringComparison.Ordinal);
        Assert.Contains("the real table has no rows", Assert.Throws<SynthKitException>(() => SynthEvaluation.Evaluate(empty, real)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_personal_data_target_is_SK6100()
    {
        var real = KnownProcess.Sample(200, 1);

        var ex = Assert.Throws<SynthKitException>(() => SynthEvaluation.Evaluate(real, real, options: new EvaluationOptions { Privacy = false, Fidelity = false, Target = "email" }));
        Assert.Contains("personal data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multiclass_target_is_scored_one_versus_all_and_shows_in_the_scorecard()
    {
        var report = SynthEvaluation.Evaluate(KnownProcess.Sample(600, 1), KnownProcess.Sample(600, 2), options: new EvaluationOptions { Privacy = false, Fidelity = false, Target = "c" });

        Assert.Equal("classification", report.Utility!.Task);
        Assert.Contains("one-versus-all", report.Utility.Learner, StringComparison.Ordinal);
        Assert.Null(report.Utility.Trtr.RocAuc);
        Assert.InRange(report.Utility.Tstr.Accuracy!.Value, 0.3, 0.6); // c is independent of the features: the majority class, 45%
        string md = MarkdownReport.Render(report);
        Assert.Contains("| utility | TSTR accuracy |", md, StringComparison.Ordinal);
        Assert.DoesNotContain("| privacy |", md, StringComparison.Ordinal);
    }
}
