using nietras.SeparatedValues;
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

if (args.Length > 0 && args[0] == "exp")
{
    var read = new ReadColumns();
    read.Setup();
    byte[] data = (byte[])typeof(ReadColumns).GetField("_adult", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(read)!;
    for (int rep = 0; rep < 3; rep++)
    {
        var w = System.Diagnostics.Stopwatch.StartNew();
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = false, DisableColCountCheck = true }).From(new MemoryStream(data));
        long total = 0;
        foreach (var r in reader)
        {
            for (int c = 0; c < r.ColCount; c++) total += r[c].Span.Length;
        }
        Console.WriteLine($"sep only: {w.Elapsed.TotalSeconds:F3} s ({total})");
        w.Restart();
        read.Adult();
        Console.WriteLine($"columns: {w.Elapsed.TotalSeconds:F3} s, gen0 {GC.CollectionCount(0)} gen1 {GC.CollectionCount(1)} gen2 {GC.CollectionCount(2)}");
    }
    return;
}

if (args.Length > 0 && args[0] == "quick-models")
{
    // A rough development-time reading, not a benchmark: best of three runs each.
    var fit = new FitModel { Copies = 1 };
    fit.Setup();
    var sample = new SampleModel { Rows = 1_000_000 };
    sample.Setup();
    foreach (var (name, run, units) in new (string, Func<long>, double)[]
    {
        ("fit copula", () => fit.Copula(), 1), ("fit network", () => fit.BayesianNetwork(), 1),
        ("sample network 1M", () => sample.BayesianNetwork(), 1_000_000), ("sample copula 1M", () => sample.Copula(), 1_000_000),
    })
    {
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(units == 1 ? $"{name}: {best:F3} s" : $"{name}: {units / best:N0} rows/s");
    }

    return;
}

if (args.Length > 1 && args[0] == "make-adult-parquet")
{
    // make-adult-parquet FILE ROWS: adult's real rows repeated, for quick-stats (a separate process, so its peak memory is the fit's).
    var watch = System.Diagnostics.Stopwatch.StartNew();
    var (_, bytes) = AdultRows.Write(args[1], int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"{args[1]}: {args[2]} rows, {bytes:N0} bytes in {watch.Elapsed.TotalSeconds:F1} s");
    return;
}

if (args.Length > 1 && args[0] == "quick-stats")
{
    // quick-stats FILE: both rounds of a partition's statistics over a Parquet file, one row group at a time, once each.
    var spec = SynthKit.SdvMetadata.Load(Path.Combine(ReadColumns.FindRoot(), "..", "shared", "datasets", "adult.meta.json"));
    var watch = System.Diagnostics.Stopwatch.StartNew();
    long read = SynthKit.ParquetFiles.ReadParquetRowGroups(args[1], spec).Sum(g => (long)g.RowCount);
    double reading = watch.Elapsed.TotalSeconds;
    watch.Restart();
    var one = SynthKit.Modeling.FitStatistics.CountValues(SynthKit.ParquetFiles.ReadParquetRowGroups(args[1], spec), null);
    double first = watch.Elapsed.TotalSeconds;
    var plan = SynthKit.Modeling.FitStatistics.Plan([one]);
    watch.Restart();
    var two = SynthKit.Modeling.FitStatistics.CountBins(SynthKit.ParquetFiles.ReadParquetRowGroups(args[1], spec), plan);
    double second = watch.Elapsed.TotalSeconds;
    long size = new FileInfo(args[1]).Length;
    Console.WriteLine($"{one.Rows:N0} rows, {size:N0} bytes: reading alone {reading:F1} s ({read / reading:N0} rows/s); round one {first:F1} s ({one.Rows / first:N0} rows/s, {size / first / 1e6:F0} MB/s), round two {second:F1} s ({two.Rows / second:N0} rows/s); statistics {one.ToJson().Length:N0} and {two.ToJson().Length:N0} bytes; peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    return;
}

if (args.Length > 0 && args[0] == "quick-dp")
{
    // The ε–quality curve of the MST fit on the discretised adult (every row fitted, as many sampled), and raw adult
    // with declared bounds and categories (tests/SynthKit.Benchmarks/adult.domain.json) against its held-out half.
    string datasets = Path.Combine(ReadColumns.FindRoot(), "..", "shared", "datasets");
    var discretized = SynthKit.ColumnReader.ReadCsv(Path.Combine(datasets, "adult-discretized.csv"), SynthKit.SdvMetadata.Load(Path.Combine(datasets, "adult-discretized.meta.json")));
    var domains = SynthKit.Modeling.ColumnDomain.Load(Path.Combine(datasets, "adult-discretized.domain.json"));
    void Report(string what, SynthKit.Modeling.SynthModel model, SynthKit.ColumnBatch real, SynthKit.ColumnBatch? holdout, double seconds)
    {
        var sample = model.CreateSynthesizer(2).ToBatch(0, real.RowCount);
        var report = SynthKit.Evaluation.SynthEvaluation.Evaluate(real, sample, holdout, new SynthKit.Evaluation.EvaluationOptions { Fidelity = false, Models = false });
        Console.WriteLine($"{what}: quality {report.Quality.Score:F4} (shapes {report.Quality.ColumnShapes:F4}, pairs {report.Quality.ColumnPairTrends:F4}, all pairs {report.Quality.AllPairs?.Score:F4}){(holdout is null ? "" : $", MIA AUC {report.Privacy?.MembershipInference?.Auc:F4}, DCR share {report.Privacy?.DcrShare:F4}")}; fit {seconds:F2} s");
    }

    foreach (double e in new[] { 0.1, 0.3, 1, 3, 10 })
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var model = SynthKit.Modeling.SynthModel.Fit(discretized, new SynthKit.Modeling.ModelOptions { Privacy = new SynthKit.Modeling.DifferentialPrivacy { Epsilon = e, Domains = domains, Seed = 1 } });
        Report($"discretized ε = {e}", model, discretized, null, watch.Elapsed.TotalSeconds);
    }

    Report("discretized exact network", SynthKit.Modeling.SynthModel.Fit(discretized), discretized, null, 0);
    Report("discretized exact tree", SynthKit.Modeling.SynthModel.Fit(discretized, new SynthKit.Modeling.ModelOptions { MaxParents = 1 }), discretized, null, 0);

    var spec = SynthKit.SdvMetadata.Load(Path.Combine(datasets, "adult.meta.json"));
    var adult = SynthKit.ColumnReader.ReadCsv(Path.Combine(datasets, "adult.csv"), spec);
    var train = adult.Select(Enumerable.Range(0, 16_280).ToArray());
    var held = adult.Select(Enumerable.Range(16_280, 16_281).ToArray());
    var rawDomains = SynthKit.Modeling.ColumnDomain.Load(Path.Combine(ReadColumns.FindRoot(), "tests", "SynthKit.Benchmarks", "adult.domain.json"));
    foreach (double e in new[] { 1.0, 3 })
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var model = SynthKit.Modeling.SynthModel.Fit(train, new SynthKit.Modeling.ModelOptions { Privacy = new SynthKit.Modeling.DifferentialPrivacy { Epsilon = e, Domains = rawDomains, Seed = 1 } });
        Report($"raw adult ε = {e}", model, train, held, watch.Elapsed.TotalSeconds);
    }

    Report("raw adult exact network", SynthKit.Modeling.SynthModel.Fit(train), train, held, 0);
    return;
}

if (args.Length > 0 && args[0] == "quick-sinks")
{
    // A rough development-time reading, not a benchmark: best of three runs each.
    var parquet = new ParquetPatients();
    var sqlite = new SqliteLoad();
    var postgres = new PostgresCopy();
    postgres.Start();
    try
    {
        foreach (var (name, run, rows) in new (string, Action, double)[]
        {
            ("parquet 1 thread", () => { parquet.Threads = 1; parquet.Patients(); }, 1_000_000),
            ("parquet 2 threads", () => { parquet.Threads = 2; parquet.Patients(); }, 1_000_000),
            ("csv 1 thread", () => SynthKit.ParallelWriting.WriteCsv(new PatientSynthesizer(42), Stream.Null, 0, 1_000_000, 1), 1_000_000),
            ("csv 2 threads", () => SynthKit.ParallelWriting.WriteCsv(new PatientSynthesizer(42), Stream.Null, 0, 1_000_000, 2), 1_000_000),
            ("sqlite", () => { sqlite.Fresh(); sqlite.Patients(); sqlite.Remove(); }, 200_000),
            ("postgres", () => postgres.Patients(), 200_000),
        })
        {
            double best = double.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                run();
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }

            Console.WriteLine($"{name}: {rows / best:N0} rows/s");
        }
    }
    finally
    {
        postgres.Stop();
    }

    return;
}

if (args.Length > 0 && args[0] == "quick-columns")
{
    // A rough development-time reading: best of three runs each.
    var columnar = new Columnar();
    var read = new ReadColumns();
    read.Setup();
    foreach (var (name, run, units) in new (string, Func<long>, double)[]
    {
        ("streamed 1M", () => columnar.Streamed(), 1_000_000), ("fill generated 1M", () => columnar.FillGenerated(), 1_000_000),
        ("fill spec 1M", () => columnar.FillFromSpec(), 1_000_000), ("read adult", () => read.Adult(), 0), ("read patients", () => read.Patients(), 0),
        ("read patient objects", () => read.PatientObjects(), 0),
    })
    {
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            run();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(units > 0 ? $"{name}: {best * 1e9 / units:F1} ns/row" : $"{name}: {best:F3} s");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Streamed).Assembly).Run(args);
