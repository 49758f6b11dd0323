using System;
using System.IO;
using System.Linq;

namespace SynthKit.Evaluation.Tests;

/// <summary>Inferring a spec from a CSV file: on UCI Adult it agrees with adult.meta.json; each kind of column by hand.</summary>
public sealed class SpecInferenceTests
{
    [Fact]
    public void On_adult_the_inference_agrees_with_its_metadata()
    {
        var inferred = SpecInference.FromCsv(Path.Combine(Data.Datasets, "adult.csv"));

        Assert.Equal(Data.AdultSpec.Columns.Select(c => (c.Name, c.Kind, c.Type)), inferred.Columns.Select(c => (c.Name, c.Kind, c.Type)));
        Assert.Equal("adult", inferred.Name);
    }

    [Fact]
    public void Each_kind_of_column_is_recognised()
    {
        string file = Path.Combine(Path.GetTempPath(), "synthkit-infer-" + Guid.NewGuid().ToString("N")[..8] + ".csv");
        var lines = new[] { "n,x,flag,day,at,email,colour,id" }
            .Concat(Enumerable.Range(0, 200).Select(i => $"{i},{i / 3.0:R},{(i % 2 == 0 ? "true" : "False")},2024-01-{1 + (i % 28):00},2024-01-01T10:{i % 60:00}:00,p{i}@example.com,{(i % 3 == 0 ? "red" : "blue")},id-{i}"))
            .Append(",,,,,,,");
        File.WriteAllLines(file, lines);
        try
        {
            var spec = SpecInference.FromCsv(file);
            var kinds = spec.Columns.ToDictionary(c => c.Name, c => (c.Kind, c.Type));

            Assert.Equal((StatisticalKind.Numerical, StorageType.Int64), kinds["n"]);
            Assert.Equal((StatisticalKind.Numerical, StorageType.Float64), kinds["x"]);
            Assert.Equal((StatisticalKind.Boolean, StorageType.Boolean), kinds["flag"]);
            Assert.Equal((StatisticalKind.Datetime, StorageType.Date), kinds["day"]);
            Assert.Equal((StatisticalKind.Datetime, StorageType.DateTime), kinds["at"]);
            Assert.True(spec.Columns.Single(c => c.Name == "email").IsPersonalData);
            Assert.Equal((StatisticalKind.Categorical, StorageType.String), kinds["colour"]);
            Assert.Equal(StatisticalKind.Identifier, kinds["id"].Kind);
            Assert.Contains("email: personal data (Email), String", SpecInference.Describe(spec));

            var batch = ColumnReader.ReadCsv(file, spec); // the guess reads its own file
            Assert.Equal(201, batch.RowCount);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
