using System;
using System.IO;
using System.Linq;

namespace SynthKit.Modeling.Tests;

/// <summary>UCI Adult read under its SDV metadata, split into the first 16,280 rows (to fit) and the other 16,281 (held out).</summary>
internal static class AdultSplit
{
    public static readonly string Datasets = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));
    public static readonly TableSpec Spec = SdvMetadata.Load(Path.Combine(Datasets, "adult.meta.json"));
    private static readonly Lazy<(ColumnBatch Train, ColumnBatch Holdout)> s_split = new(() => (Slice(0, 16_280), Slice(16_280, 16_281)));

    public static ColumnBatch Train => s_split.Value.Train;

    public static ColumnBatch Holdout => s_split.Value.Holdout;

    /// <summary>Rows start … start + count of adult, through CSV so the slice is read exactly as a file would be.</summary>
    private static ColumnBatch Slice(int start, int count)
    {
        var lines = File.ReadAllLines(Path.Combine(Datasets, "adult.csv"));
        string path = Path.Combine(Path.GetTempPath(), $"synthkit-adult-{start}-{Environment.ProcessId}.csv");
        File.WriteAllLines(path, lines.Take(1).Concat(lines.Skip(1 + start).Take(count)));
        try
        {
            return ColumnReader.ReadCsv(path, Spec);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
