using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using SynthKit.Modeling;

namespace SynthKit.Benchmarks;

/// <summary>
/// Fits that merge: a partition's statistics read from Parquet, one row group at a time — round one (value counts) and
/// round two (joint bin counts under the plan) — on UCI Adult's real rows repeated to 262,144 and 1,048,576 rows, to show
/// the cost grows linearly with rows; both cores (columns and sets of columns are counted in parallel).
/// </summary>
[Config(typeof(TwoCoreConfig))]
public class PartitionStatistics
{
    private string _file = "";
    private TableSpec _spec = null!;
    private FitPlan _plan = null!;

    [Params(262_144, 1_048_576)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = Path.Combine(Path.GetTempPath(), $"synthkit-bench-adult-{Rows}.parquet");
        (_spec, _) = AdultRows.Write(_file, Rows);
        _plan = FitStatistics.Plan([FitStatistics.CountValues(ParquetFiles.ReadParquetRowGroups(_file, _spec), null)]);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark]
    public long RoundOne() => FitStatistics.CountValues(ParquetFiles.ReadParquetRowGroups(_file, _spec), null).Rows;

    [Benchmark]
    public long RoundTwo() => FitStatistics.CountBins(ParquetFiles.ReadParquetRowGroups(_file, _spec), _plan).Rows;
}

/// <summary>UCI Adult's real rows, repeated in order (row i is adult row i mod 32,561), written as Parquet on every core.</summary>
internal static class AdultRows
{
    public static (TableSpec Spec, long Bytes) Write(string file, int rows)
    {
        string datasets = Path.Combine(ReadColumns.FindRoot(), "..", "shared", "datasets");
        var spec = SdvMetadata.Load(Path.Combine(datasets, "adult.meta.json"));
        var adult = ColumnReader.ReadCsv(Path.Combine(datasets, "adult.csv"), spec);
        var synthesizer = new SpecSynthesizer(spec, 0, [new Replay(adult)]);
        using (var stream = File.Create(file))
        {
            synthesizer.WriteParquet(stream, 0, rows, 0);
        }

        return (spec, new FileInfo(file).Length);
    }

    /// <summary>A column model that writes the real rows back, row i taking real row i mod n.</summary>
    private sealed class Replay(ColumnBatch real) : IColumnModel
    {
        public string Key => "replay";

        public IReadOnlyList<string> Columns { get; } = real.Spec.Columns.Select(c => c.Name).ToArray();

        public void Draw(ColumnModelContext context, ColumnBatch batch, int row)
        {
            int from = (int)(context.RowIndex % real.RowCount);
            for (int c = 0; c < real.Columns.Count; c++)
            {
                var source = real[c];
                var target = batch[c];
                if (source.IsNull(from))
                {
                    target.SetNull(row);
                    continue;
                }

                target.SetNull(row, false);
                switch (target)
                {
                    case CategoricalColumn t: t.Set(row, ((CategoricalColumn)source)[from]); break;
                    case StringColumn t: t.Set(row, ((StringColumn)source)[from]); break;
                    case Column<long> t: t[row] = ((Column<long>)source)[from]; break;
                    case Column<int> t: t[row] = ((Column<int>)source)[from]; break;
                    case Column<double> t: t[row] = ((Column<double>)source)[from]; break;
                    default: throw new NotSupportedException(target.Type.ToString());
                }
            }
        }
    }
}

/// <summary>
/// Differential privacy: the MST fit of the discretised adult (48,842 rows × 14 columns, private-pgm's domain file) at
/// ε = 1, δ = 1e-9, and the fit plus sampling the same number of rows — against private-pgm's 101.7 s for both.
/// </summary>
[Config(typeof(TwoCoreConfig))]
public class PrivateFit
{
    private ColumnBatch _table = null!;
    private ModelOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        string datasets = Path.Combine(ReadColumns.FindRoot(), "..", "shared", "datasets");
        _table = ColumnReader.ReadCsv(Path.Combine(datasets, "adult-discretized.csv"), SdvMetadata.Load(Path.Combine(datasets, "adult-discretized.meta.json")));
        _options = new ModelOptions { Privacy = new DifferentialPrivacy { Epsilon = 1, Delta = 1e-9, Domains = ColumnDomain.Load(Path.Combine(datasets, "adult-discretized.domain.json")), Seed = 1 } };
    }

    [Benchmark]
    public int Fit() => SynthModel.Fit(_table, _options).Data.Marginals.Count;

    [Benchmark]
    public int FitAndSample() => SynthModel.Fit(_table, _options).CreateSynthesizer(2).ToBatch(0, _table.RowCount).RowCount;
}
