using System;
using System.Linq;
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
        Measure("Reset+NextUInt64(b)", n, i => { r.Reset(1, 2, i); return (int)r.NextUInt64(1001); });
        Measure("Reset+Below", n, i => { r.Reset(1, 2, i); return r.Below(1001); });
        Measure("Normal.Sample", n, i => { r.Reset(1, 2, i); return (int)MathNet.Numerics.Distributions.Normal.Sample(r, 45, 18); });
        Measure("LogNormal.Sample", n, i => { r.Reset(1, 2, i); return (int)MathNet.Numerics.Distributions.LogNormal.Sample(r, 10.5, 0.6); });
        Measure("WeightedTable(12)", n, i => { r.Reset(1, 2, i); return table.Sample(r); });
        Measure("Pattern #####", n, i => { r.Reset(1, 2, i); return pattern.Next(r).Length; });
        Measure("FirstName", n, i => { r.Reset(1, 2, i); return Fakes.FirstName(r).Length; });
        Measure("Email(first,last)", n, i => { r.Reset(1, 2, i); return Fakes.Email(r, "Maudie", "Bergnaum").Length; });
        Measure("NextGuid", n, i => { r.Reset(1, 2, i); return r.NextGuid().GetHashCode(); });
        Measure("new Patient", n, i => new Patient { FirstName = "a" }.Age);
        var buf = new byte[128];
        var rows = new PatientSynthesizer(42).Generate(1024).ToArray();
        var csv = new SynthKit.IO.CsvWriter(System.IO.Stream.Null);
        Measure("csv: Id", n, i => { csv.Write(rows[i & 1023].Id); if ((i & 15) == 0) csv.EndRow(); return 0; });
        Measure("csv: strings x6", n, i => { var p = rows[i & 1023]; csv.Write(p.FirstName); csv.Write(p.LastName); csv.Write(p.Email); csv.Write(p.Sex); csv.Write(p.Zip); csv.Write(p.Diagnosis); csv.EndRow(); return 0; });
        Measure("csv: BirthDate", n, i => { csv.Write(rows[i & 1023].BirthDate); if ((i & 15) == 0) csv.EndRow(); return 0; });
        Measure("csv: Age", n, i => { csv.Write(rows[i & 1023].Age); if ((i & 15) == 0) csv.EndRow(); return 0; });
        Measure("csv: Income", n, i => { csv.Write(rows[i & 1023].Income); if ((i & 15) == 0) csv.EndRow(); return 0; });
        Measure("bcl: Income", n, i => rows[i & 1023].Income.TryFormat(buf, out int w, default, System.Globalization.CultureInfo.InvariantCulture) ? w : 0);
        Measure("ryu: Income", n, i => SynthKit.IO.ShortestDouble.Write(rows[i & 1023].Income, buf));
        Measure("iso: BirthDate", n, i => SynthKit.IO.IsoFormat.Write(rows[i & 1023].BirthDate, buf));
        Measure("iso: AdmittedAt", n, i => SynthKit.IO.IsoFormat.Write(rows[i & 1023].AdmittedAt, buf));
        Measure("csv: Smoker", n, i => { csv.Write(rows[i & 1023].Smoker); if ((i & 15) == 0) csv.EndRow(); return 0; });
        Measure("csv: AdmittedAt", n, i => { csv.Write(rows[i & 1023].AdmittedAt); if ((i & 15) == 0) csv.EndRow(); return 0; });
        Measure("double utf8", n, i => { r.Reset(1, 2, i); double d = MathNet.Numerics.Distributions.LogNormal.Sample(r, 10.5, 0.6); return d.TryFormat(buf, out int w, default, System.Globalization.CultureInfo.InvariantCulture) ? w : 0; });
        Measure("guid utf8", n, i => { r.Reset(1, 2, i); return r.NextGuid().TryFormat(buf, out int w, "D") ? w : 0; });
        Measure("datetime iso", n, i => { r.Reset(1, 2, i); return new DateTime(638000000000000000L + (long)r.NextUInt64(100000000000000UL)).TryFormat(buf, out int w, "O") ? w : 0; });
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
