using System;
using System.Globalization;
using System.IO;
using System.Linq;
using AutoFixture;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Bogus;

namespace SynthKit.Benchmarks;

/// <summary>
/// One core (affinity to CPU 0), workstation non-concurrent GC; warm-up and iteration counts chosen by BenchmarkDotNet
/// (fixed small warm-ups measured WriteCsv's long loop before tiered compilation had optimised it).
/// </summary>
public sealed class OneCoreConfig : ManualConfig
{
    public OneCoreConfig()
    {
        AddJob(Job.Default
            .WithId("OneCore")
            .WithAffinity(1)
            .WithGcServer(false)
            .WithGcConcurrent(false));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.JoinSummary);
    }
}

/// <summary>Rows made and consumed one at a time, none kept. Results are per row (OperationsPerInvoke).</summary>
[Config(typeof(OneCoreConfig))]
public class Streamed
{
    public const int Rows = 10_000;
    private readonly PatientSynthesizer _synthKit = new(seed: 42);
    private readonly Faker<Patient> _bogus = BogusPatients.Create(42);
    private readonly Fixture _autoFixture = AutoFixturePatients.Create();

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "Hand-written loop")]
    public long HandWritten()
    {
        var rows = new HandWrittenPatients(42);
        long sink = 0;
        for (int i = 0; i < Rows; i++)
        {
            sink += Consume(rows.Next());
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "SynthKit")]
    public long SynthKit()
    {
        long sink = 0;
        foreach (var patient in _synthKit.Generate(Rows))
        {
            sink += Consume(patient);
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "Bogus Faker<T>")]
    public long Bogus()
    {
        long sink = 0;
        foreach (var patient in _bogus.GenerateLazy(Rows))
        {
            sink += Consume(patient);
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "AutoFixture (no rules)")]
    public long AutoFixture()
    {
        long sink = 0;
        for (int i = 0; i < Rows; i++)
        {
            sink += Consume(_autoFixture.Create<Patient>());
        }

        return sink;
    }

    internal long HandWrittenMillion()
    {
        var rows = new HandWrittenPatients(42);
        long sink = 0;
        for (int i = 0; i < 1_000_000; i++)
        {
            sink += Consume(rows.Next());
        }

        return sink;
    }

    internal long SynthKitMillion()
    {
        long sink = 0;
        foreach (var patient in _synthKit.Generate(1_000_000))
        {
            sink += Consume(patient);
        }

        return sink;
    }

    internal static long Consume(Patient p) => p.Age + p.Email.Length + p.Zip.Length + (p.Smoker ? 1 : 0) + p.BirthDate.Day;
}

/// <summary>Rows made and written as CSV to a null stream. Results are per row; MB/s = bytes per row × rows/s (run with "sizes").</summary>
[Config(typeof(OneCoreConfig))]
public class Csv
{
    public const int Rows = 10_000;
    private readonly PatientSynthesizer _synthKit = new(seed: 42);
    private readonly Faker<Patient> _bogus = BogusPatients.Create(42);
    private readonly Fixture _autoFixture = AutoFixturePatients.Create();

    [Benchmark(Baseline = true, OperationsPerInvoke = Rows, Description = "Hand-written loop + StreamWriter")]
    public void HandWritten() => HandWrittenPatients.WriteCsv(Stream.Null, Rows, 42);

    [Benchmark(OperationsPerInvoke = Rows, Description = "SynthKit WriteCsv")]
    public void SynthKit() => _synthKit.WriteCsv(Stream.Null, Rows);

    [Benchmark(OperationsPerInvoke = Rows, Description = "Bogus Faker<T> + StreamWriter")]
    public void Bogus() => HandWrittenPatients.WriteCsv(Stream.Null, _bogus.GenerateLazy(Rows));

    [Benchmark(OperationsPerInvoke = Rows, Description = "AutoFixture + StreamWriter")]
    public void AutoFixture() => HandWrittenPatients.WriteCsv(Stream.Null, Enumerable.Range(0, Rows).Select(_ => _autoFixture.Create<Patient>()));
}

/// <summary>Where Bogus spends a row: each rule of the schema on its own (per call).</summary>
[Config(typeof(OneCoreConfig))]
public class BogusRuleCosts
{
    private const int Calls = 10_000;
    private readonly Faker _faker = new("en") { Random = new Randomizer(42) };
    private readonly string[] _sexes = ["F", "M", "X"];
    private readonly float[] _weights = [0.49f, 0.49f, 0.02f];

    [Benchmark(OperationsPerInvoke = Calls)]
    public int FirstName() => Repeat(() => _faker.Name.FirstName().Length);

    [Benchmark(OperationsPerInvoke = Calls)]
    public int EmailOfNames() => Repeat(() => _faker.Internet.Email("Maudie", "O'Bergnaum").Length);

    [Benchmark(OperationsPerInvoke = Calls)]
    public int Guid() => Repeat(() => _faker.Random.Guid().GetHashCode());

    [Benchmark(OperationsPerInvoke = Calls)]
    public int ZipReplace() => Repeat(() => _faker.Random.Replace("#####").Length);

    [Benchmark(OperationsPerInvoke = Calls)]
    public int WeightedCategory() => Repeat(() => _faker.Random.WeightedRandom(_sexes, _weights).Length);

    [Benchmark(OperationsPerInvoke = Calls)]
    public int DateBetween() => Repeat(() => _faker.Date.Between(new DateTime(2023, 1, 1), new DateTime(2025, 1, 1)).Second);

    [Benchmark(OperationsPerInvoke = Calls)]
    public int DoubleDraw() => Repeat(() => (int)(_faker.Random.Double() * 10));

    private static int Repeat(Func<int> call)
    {
        int sink = 0;
        for (int i = 0; i < Calls; i++)
        {
            sink += call();
        }

        return sink;
    }
}
