using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Running;
using SynthKit.Benchmarks;

if (args.Length > 0 && args[0] == "sizes")
{
    // CSV bytes per row of each contender, for turning rows/s into MB/s (docs/benchmarks.md).
    const int rows = 100_000;
    var synthKit = new MemoryStream();
    new PatientSynthesizer(42).WriteCsv(synthKit, rows);
    var hand = new MemoryStream();
    HandWrittenPatients.WriteCsv(hand, rows, 42);
    var bogus = new MemoryStream();
    HandWrittenPatients.WriteCsv(bogus, BogusPatients.Create(42).GenerateLazy(rows));
    Console.WriteLine($"CSV bytes per row over {rows:N0} rows: SynthKit {synthKit.Length / (double)rows:F1}, hand-written {hand.Length / (double)rows:F1}, Bogus {bogus.Length / (double)rows:F1}");
    Console.WriteLine(string.Join(Environment.NewLine, System.Text.Encoding.UTF8.GetString(synthKit.ToArray()).Split('\n').Take(3)));
    return;
}

if (args.Length > 0 && args[0] == "parts")
{
    Parts.Run();
    return;
}

if (args.Length > 0 && args[0] == "quick")
{
    // A rough development-time reading, not a benchmark: best of five 1,000,000-row streamed runs each.
    const int rows = 1_000_000;
    var streamed = new Streamed();
    foreach (var (name, run) in new (string, Func<long>)[] { ("hand-written", streamed.HandWrittenMillion), ("SynthKit", streamed.SynthKitMillion) })
    {
        double best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine($"{name}: {rows / best:N0} rows/s");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Streamed).Assembly).Run(args);
