using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SynthKit.Modeling;

namespace SynthKit.Benchmarks;

/// <summary>
/// Fitting UCI Adult (32,561 rows × 15 columns, under its SDV metadata) with each model, and the same table ten times
/// over (325,610 rows) to show the cost grows linearly with rows; one core.
/// </summary>
[Config(typeof(OneCoreConfig))]
public class FitModel
{
    private ColumnBatch _adult = null!;

    [Params(1, 10)]
    public int Copies { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string datasets = Path.Combine(ReadColumns.FindRoot(), "..", "shared", "datasets");
        var spec = SdvMetadata.Load(Path.Combine(datasets, "adult.meta.json"));
        var adult = ColumnReader.ReadCsv(Path.Combine(datasets, "adult.csv"), spec);
        _adult = Copies == 1 ? adult : adult.Select(Enumerable.Range(0, Copies).SelectMany(_ => Enumerable.Range(0, adult.RowCount)).ToArray());
    }

    [Benchmark]
    public int Copula() => SynthModel.Fit(_adult, new ModelOptions { Kind = ModelKind.GaussianCopula }).Data.Marginals.Count;

    [Benchmark]
    public int BayesianNetwork() => SynthModel.Fit(_adult).Data.Marginals.Count;
}

/// <summary>Sampling 100,000 rows (and 1,000,000, for linearity) of adult to columns from each fitted model; one core.</summary>
[Config(typeof(OneCoreConfig))]
public class SampleModel
{
    private SpecSynthesizer _network = null!;
    private SpecSynthesizer _copula = null!;
    private ColumnBatch _batch = null!;

    [Params(100_000, 1_000_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string datasets = Path.Combine(ReadColumns.FindRoot(), "..", "shared", "datasets");
        var spec = SdvMetadata.Load(Path.Combine(datasets, "adult.meta.json"));
        var adult = ColumnReader.ReadCsv(Path.Combine(datasets, "adult.csv"), spec);
        _network = SynthModel.Fit(adult).CreateSynthesizer(1);
        _copula = SynthModel.Fit(adult, new ModelOptions { Kind = ModelKind.GaussianCopula }).CreateSynthesizer(1);
        _batch = new ColumnBatch(spec, 65_536);
    }

    [Benchmark]
    public long BayesianNetwork() => Fill(_network);

    [Benchmark]
    public long Copula() => Fill(_copula);

    /// <summary>Rows in blocks of 65,536 into one reused batch, as the CSV and Parquet writers do.</summary>
    private long Fill(SpecSynthesizer synthesizer)
    {
        long sum = 0;
        for (int start = 0; start < Rows; start += 65_536)
        {
            int count = System.Math.Min(65_536, Rows - start);
            synthesizer.Fill(_batch, start, count);
            sum += _batch.RowCount;
        }

        return sum;
    }
}

/// <summary>1,000,000 Patient rows to CSV (into a null stream) on one thread and on both cores: the same bytes either way.</summary>
[Config(typeof(TwoCoreConfig))]
public class ParallelCsv
{
    private readonly PatientSynthesizer _patients = new(42);

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark]
    public void Patients() => _patients.WriteCsv(Stream.Null, 0, 1_000_000, Threads);
}
