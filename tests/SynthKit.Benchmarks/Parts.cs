using System;
using System.Diagnostics;
using SynthKit.Generation;

namespace SynthKit.Benchmarks;

/// <summary>Development aid: rough per-call costs of the primitives a SynthKit row is made of (not a benchmark).</summary>
internal static class Parts
{
    public static void Run()
    {
        const int n = 5_000_000;
        var r = new SynthRandom();
        var table = new WeightedTable(0.18, 0.12, 0.11, 0.08, 0.06, 0.09, 0.08, 0.07, 0.06, 0.05, 0.04, 0.06);
        var pattern = new CompiledPattern("#####");
        Measure("Reset", n, i => { r.Reset(1, 2, i); return 0; });
        Measure("Reset+NextDouble", n, i => { r.Reset(1, 2, i); return r.NextDouble() > 0.5 ? 1 : 0; });
        Measure("Reset+Int64", n, i => { r.Reset(1, 2, i); return (int)r.Int64(0, 1000); });
        Measure("Normal.Sample", n, i => { r.Reset(1, 2, i); return (int)MathNet.Numerics.Distributions.Normal.Sample(r, 45, 18); });
        Measure("LogNormal.Sample", n, i => { r.Reset(1, 2, i); return (int)MathNet.Numerics.Distributions.LogNormal.Sample(r, 10.5, 0.6); });
        Measure("WeightedTable(12)", n, i => { r.Reset(1, 2, i); return table.Sample(r); });
        Measure("Pattern #####", n, i => { r.Reset(1, 2, i); return pattern.Next(r).Length; });
        Measure("FirstName", n, i => { r.Reset(1, 2, i); return Fakes.FirstName(r).Length; });
        Measure("Email(first,last)", n, i => { r.Reset(1, 2, i); return Fakes.Email(r, "Maudie", "Bergnaum").Length; });
        Measure("NextGuid", n, i => { r.Reset(1, 2, i); return r.NextGuid().GetHashCode(); });
        Measure("new Patient", n, i => new Patient { FirstName = "a" }.Age);
    }

    private static void Measure(string name, int n, Func<int, int> body)
    {
        double best = double.MaxValue;
        int sink = 0;
        for (int round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < n; i++)
            {
                sink += body(i);
            }

            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / n);
        }

        Console.WriteLine($"{name,-20} {best,6:F1} ns  ({sink & 1})");
    }
}
