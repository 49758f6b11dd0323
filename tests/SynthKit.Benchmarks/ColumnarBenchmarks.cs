using System;
using System.IO;
using BenchmarkDotNet.Attributes;

namespace SynthKit.Benchmarks;

/// <summary>
/// 1,000,000 Patient rows filled into a reused column batch (typed arrays, no boxing) beside the same rows streamed as
/// objects; and the spec-driven synthesizer filling the same batch from the spec alone. Results are per row.
/// </summary>
[Config(typeof(OneCoreConfig))]
public class Columnar
{
    public const int Rows = 1_000_000;
    private readonly PatientSynthesizer _generated = new(seed: 42);
    private readonly SpecSynthesizer _fromSpec = new(PatientSynthesizer.Spec, seed: 42);
    private readonly ColumnBatch _batch = new(PatientSynthesizer.Spec, Rows);

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "SynthKit Generate (streamed objects)")]
    public long Streamed()
    {
        long sink = 0;
        foreach (var patient in _generated.Generate(Rows))
        {
            sink += Patients.Consume(patient);
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "SynthKit Fill (generated, into columns)")]
    public int FillGenerated()
    {
        _generated.Fill(_batch, 0, Rows);
        return _batch.RowCount;
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "SpecSynthesizer Fill (spec only, into columns)")]
    public int FillFromSpec()
    {
        _fromSpec.Fill(_batch, 0, Rows);
        return _batch.RowCount;
    }
}

/// <summary>
/// Reading about 100 MB of CSV into columns under a spec: the real adult.csv (15 columns, 9 categorical) repeated, and
/// SynthKit's own Patient CSV. Results are per file; MB/s = file size / time (the sizes print at set-up).
/// </summary>
[Config(typeof(OneCoreConfig))]
public class ReadColumns
{
    private byte[] _adult = Array.Empty<byte>();
    private byte[] _patients = Array.Empty<byte>();
    private TableSpec _adultSpec = null!;

    [GlobalSetup]
    public void Setup()
    {
        string datasets = Path.Combine(FindRoot(), "..", "shared", "datasets");
        _adultSpec = SdvMetadata.Load(Path.Combine(datasets, "adult.meta.json"));
        byte[] adult = File.ReadAllBytes(Path.Combine(datasets, "adult.csv"));
        int header = Array.IndexOf(adult, (byte)'\n') + 1;
        using (var buffer = new MemoryStream())
        {
            buffer.Write(adult);
            while (buffer.Length < 100_000_000)
            {
                buffer.Write(adult.AsSpan(header));
            }

            _adult = buffer.ToArray();
        }

        using (var buffer = new MemoryStream())
        {
            new PatientSynthesizer(42).WriteCsv(buffer, 650_000);
            _patients = buffer.ToArray();
        }

        Console.WriteLine($"// adult CSV {_adult.Length:N0} bytes; Patient CSV {_patients.Length:N0} bytes");
    }

    [Benchmark(Description = "ColumnReader (Sep) adult × 28, ~100 MB")]
    public int Adult() => ColumnReader.ReadCsv(new MemoryStream(_adult, writable: false), _adultSpec).RowCount;

    [Benchmark(Description = "ColumnReader (Sep) Patient, ~100 MB")]
    public int Patients() => ColumnReader.ReadCsv(new MemoryStream(_patients, writable: false), PatientSynthesizer.Spec).RowCount;

    [Benchmark(Baseline = true, Description = "Generated ReadCsv to objects (hand-written reader), Patient ~100 MB")]
    public int PatientObjects()
    {
        int n = 0;
        foreach (var _ in PatientSynthesizer.ReadCsv(new MemoryStream(_patients, writable: false)))
        {
            n++;
        }

        return n;
    }

    internal static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SynthKit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}

internal static class Patients
{
    public static long Consume(Patient p) => Streamed.Consume(p);
}
