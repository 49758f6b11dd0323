using System;
using System.IO;

namespace SynthKit.Evaluation.Tests;

/// <summary>The shared datasets (../shared/datasets beside the repository), read once per test run.</summary>
internal static class Data
{
    public static string Shared { get; } = FindShared();

    public static string Datasets => Path.Combine(Shared, "datasets");

    public static string Expected => Path.Combine(Shared, "reference", "expected");

    private static readonly Lazy<TableSpec> s_adultSpec = new(() => SdvMetadata.Load(Path.Combine(Datasets, "adult.meta.json"), "adult"));
    private static readonly Lazy<ColumnBatch> s_adult = new(() => ColumnReader.ReadCsv(Path.Combine(Datasets, "adult.csv"), AdultSpec));
    private static readonly Lazy<ColumnBatch> s_copula = new(() => ColumnReader.ReadCsv(Path.Combine(Datasets, "adult-synthetic-copula.csv"), AdultSpec));

    public static TableSpec AdultSpec => s_adultSpec.Value;

    public static ColumnBatch Adult => s_adult.Value;

    public static ColumnBatch Copula => s_copula.Value;

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }

        throw new DirectoryNotFoundException("../shared (datasets and reference figures) was not found beside the repository.");
    }
}
