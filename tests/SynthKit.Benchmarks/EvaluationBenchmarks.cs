using System.IO;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using SynthKit.Evaluation;

namespace SynthKit.Benchmarks;

/// <summary>Both cores (the evaluation is parallel), few iterations: a 100,000-row report takes seconds.</summary>
public sealed class TwoCoreConfig : ManualConfig
{
    public TwoCoreConfig()
    {
        AddJob(Job.Default.WithId("TwoCores").WithWarmupCount(1).WithIterationCount(5).WithGcServer(false));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.JoinSummary);
    }
}

/// <summary>
/// The evaluation of real, synthetic and holdout tables of UCI Adult's 15 columns (6 numerical, 9 categorical): quality
/// and diagnostic alone, and the full report with every privacy metric exact. The tables are drawn from adult's SDV
/// metadata by the spec-driven synthesizer with three seeds, so every size has three independent tables.
/// </summary>
[Config(typeof(TwoCoreConfig))]
public class Evaluate
{
    private ColumnBatch _real = null!;
    private ColumnBatch _synthetic = null!;
    private ColumnBatch _holdout = null!;

    [ParamsSource(nameof(Sizes))]
    public int Rows { get; set; }

    /// <summary>5,000, 20,000 and 100,000 rows, or the sizes in SYNTHKIT_BENCH_ROWS (comma-separated) for a shorter run.</summary>
    public static System.Collections.Generic.IEnumerable<int> Sizes() =>
        System.Environment.GetEnvironmentVariable("SYNTHKIT_BENCH_ROWS") is { Length: > 0 } sizes
            ? System.Linq.Enumerable.Select(sizes.Split(','), int.Parse)
            : [5_000, 20_000, 100_000];

    [GlobalSetup]
    public void Setup()
    {
        var spec = SdvMetadata.Load(Path.Combine(ReadColumns.FindRoot(), "..", "shared", "datasets", "adult.meta.json"));
        _real = new SpecSynthesizer(spec, 1).ToBatch(0, Rows);
        _synthetic = new SpecSynthesizer(spec, 2).ToBatch(0, Rows);
        _holdout = new SpecSynthesizer(spec, 3).ToBatch(0, Rows);
    }

    [Benchmark]
    public double? QualityAndDiagnostic() => SynthEvaluation.Evaluate(_real, _synthetic, null, new EvaluationOptions { Privacy = false, Fidelity = false, Models = false }).Quality.Score;

    [Benchmark]
    public double? FullReport() => SynthEvaluation.Evaluate(_real, _synthetic, _holdout, new EvaluationOptions { Fidelity = false, Models = false }).Privacy!.DcrShare;
}

/// <summary>The fidelity metrics beyond marginals (three exact nearest-neighbour passes) and the FastTree discriminator, reported apart from the privacy report.</summary>
[Config(typeof(TwoCoreConfig))]
public class EvaluateFidelity
{
    private ColumnBatch _real = null!;
    private ColumnBatch _synthetic = null!;

    [Params(5_000, 20_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var spec = SdvMetadata.Load(Path.Combine(ReadColumns.FindRoot(), "..", "shared", "datasets", "adult.meta.json"));
        _real = new SpecSynthesizer(spec, 1).ToBatch(0, Rows);
        _synthetic = new SpecSynthesizer(spec, 2).ToBatch(0, Rows);
    }

    [Benchmark]
    public double? NearestNeighbourFidelity() => SynthEvaluation.Evaluate(_real, _synthetic, null, new EvaluationOptions { Privacy = false, Models = false }).Fidelity!.Precision;

    [Benchmark]
    public double? FidelityWithDiscriminator() => SynthEvaluation.Evaluate(_real, _synthetic, null, new EvaluationOptions { Privacy = false }).Fidelity!.DiscriminatorAuc;
}
