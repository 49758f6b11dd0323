using System.Collections.Generic;
using System.IO;
using BenchmarkDotNet.Attributes;
using SynthKit.Modeling;
using SynthKit.Provenance;

namespace SynthKit.Benchmarks;

/// <summary>
/// What the synthkit-wm1 watermark costs: sampling 100,000 adult rows from the network to columns, unmarked and marked
/// (every fnlwgt value moved to the key's nearest green value), and detecting the mark in those rows as text; one core.
/// </summary>
[Config(typeof(OneCoreConfig))]
public class Watermarking
{
    private const int Rows = 100_000;
    private ISynthesizer _plain = null!;
    private ISynthesizer _marked = null!;
    private ColumnBatch _batch = null!;
    private Dictionary<string, List<string?>> _text = null!;
    private readonly WatermarkKey _key = new("benchmark-key-2026");

    [GlobalSetup]
    public void Setup()
    {
        string datasets = Path.Combine(ReadColumns.FindRoot(), "..", "shared", "datasets");
        var spec = SdvMetadata.Load(Path.Combine(datasets, "adult.meta.json"));
        var adult = ColumnReader.ReadCsv(Path.Combine(datasets, "adult.csv"), spec);
        _plain = SynthModel.Fit(adult).CreateSynthesizer(1);
        _marked = Watermark.Embed(_plain, _key);
        _batch = new ColumnBatch(spec, 65_536);
        string path = Path.Combine(Path.GetTempPath(), "synthkit-bench-marked.csv");
        using (var file = File.Create(path))
        {
            _marked.WriteCsv(file, 0, Rows);
        }

        _text = Watermark.ReadText(path);
        File.Delete(path);
    }

    [Benchmark(Baseline = true)]
    public long SampleUnmarked() => Fill(_plain);

    [Benchmark]
    public long SampleMarked() => Fill(_marked);

    [Benchmark]
    public double Detect() => Watermark.Detect(_text, _key).Log10PValue;

    private long Fill(ISynthesizer synthesizer)
    {
        long sum = 0;
        for (int start = 0; start < Rows; start += 65_536)
        {
            synthesizer.Fill(_batch, start, System.Math.Min(65_536, Rows - start));
            sum += _batch.RowCount;
        }

        return sum;
    }
}
