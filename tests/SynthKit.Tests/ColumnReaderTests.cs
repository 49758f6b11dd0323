using System;
using System.IO;
using System.Linq;
using System.Text;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>Loading real data into columns under a spec: the CSV user's adult.csv + adult.meta.json, and coded, located errors.</summary>
public class ColumnReaderTests
{
    internal static readonly string Datasets = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));

    private static ColumnBatch Read(string csv, TableSpec spec) => ColumnReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), spec, "in.csv");

    private static TableSpec Spec(string columnsJson) => TableSpec.FromJson("{\"specVersion\":1,\"name\":\"t\",\"columns\":[" + columnsJson + "]}");

    [Fact]
    public void Adult_loads_under_its_sdv_metadata_with_the_documented_counts()
    {
        var spec = SdvMetadata.Load(Path.Combine(Datasets, "adult.meta.json"));
        var batch = ColumnReader.ReadCsv(Path.Combine(Datasets, "adult.csv"), spec);

        // Figures from shared/datasets/README.md, counted independently of this reader.
        Assert.Equal(32_561, batch.RowCount);
        Assert.Equal((1_836, 1_843, 583), (batch["workclass"].NullCount, batch["occupation"].NullCount, batch["native-country"].NullCount));
        var income = (CategoricalColumn)batch["income"];
        Assert.Equal(new[] { 24_720, 7_841 }, new[] { "<=50K", ">50K" }.Select(v => income.Codes.ToArray().Count(c => income.Categories[c] == v)));
        Assert.Equal(2, income.Categories.Count);
        var age = batch.Get<long>("age");
        Assert.Equal((39L, 50L), (age[0], age[1]));
        Assert.Equal(0, age.NullCount);
    }

    [Fact]
    public void Quoted_fields_escapes_and_the_difference_between_null_and_empty_survive()
    {
        var spec = Spec("{\"name\":\"s\",\"type\":\"string\",\"nullable\":true,\"kind\":\"text\"},{\"name\":\"n\",\"type\":\"int32\",\"nullable\":true,\"kind\":\"numerical\"},{\"name\":\"d\",\"type\":\"date\",\"kind\":\"datetime\"}");
        var batch = Read("n,s,d,extra\n1,\"a, \"\"quoted\"\" b\",2024-02-29,x\n,\"\",2024-03-01,y\n3,,2024-03-02,z\n", spec);

        var s = (StringColumn)batch["s"];
        Assert.Equal(("a, \"quoted\" b", "", (string?)null), (s[0], s[1], s[2]));
        Assert.Equal((1, true, 3), (batch.Get<int>("n")[0], batch["n"].IsNull(1), batch.Get<int>("n")[2]));
        Assert.Equal(new DateOnly(2024, 2, 29), batch.Get<DateOnly>("d")[0]);
    }

    [Fact]
    public void A_value_that_does_not_parse_is_sk4002_at_its_line_and_column()
    {
        var spec = Spec("{\"name\":\"a\",\"type\":\"int32\",\"kind\":\"numerical\"},{\"name\":\"b\",\"type\":\"float64\",\"kind\":\"numerical\"}");
        var ex = Assert.Throws<SynthKitException>(() => Read("a,b\n1,2.5\n2,abc\n", spec));
        Assert.Equal((ErrorCodes.MalformedInput, "in.csv", 3, 3), (ex.Code, ex.FilePath, ex.Line, ex.Column));
        Assert.Contains("column 'b': 'abc' is not a Float64 value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_in_a_column_that_is_not_nullable_is_sk4005()
    {
        var spec = Spec("{\"name\":\"a\",\"type\":\"int32\",\"kind\":\"numerical\"}");
        var ex = Assert.Throws<SynthKitException>(() => Read("a\n1\n\n", spec));
        Assert.Equal((ErrorCodes.UnexpectedNull, 3), (ex.Code, ex.Line));
    }

    [Fact]
    public void A_missing_column_is_sk4004_and_a_short_record_is_sk4002()
    {
        var spec = Spec("{\"name\":\"a\",\"type\":\"int32\",\"kind\":\"numerical\"},{\"name\":\"b\",\"type\":\"int32\",\"kind\":\"numerical\"}");
        Assert.Equal(ErrorCodes.MissingColumn, Assert.Throws<SynthKitException>(() => Read("a,c\n1,2\n", spec)).Code);
        var ex = Assert.Throws<SynthKitException>(() => Read("a,b\n1,2\n3\n", spec));
        Assert.Equal(ErrorCodes.MalformedInput, ex.Code);
        Assert.Equal(3, ex.Line);
        Assert.Equal(ErrorCodes.MissingColumn, Assert.Throws<SynthKitException>(() => Read(string.Empty, spec)).Code);
    }

    [Fact]
    public void Generated_csv_reads_back_into_the_same_columns()
    {
        var synthesizer = new AllTypesSynthesizer(21);
        using var stream = new MemoryStream();
        synthesizer.WriteCsv(stream, 0, 500);
        stream.Position = 0;

        var read = ColumnReader.ReadCsv(stream, AllTypesSynthesizer.Spec);
        var made = synthesizer.ToBatch(0, 500);

        Assert.Equal(500, read.RowCount);
        for (int c = 0; c < made.Columns.Count; c++)
        {
            for (int row = 0; row < 500; row++)
            {
                object? expected = made[c].GetValue(row);
                object? actual = read[c].GetValue(row);
                Assert.True(Equals(expected, actual) || (made[c].Type == StorageType.String && expected is null && (string?)actual == string.Empty), $"{made[c].Name} row {row}: {expected} vs {actual}");
            }
        }
    }

    [Fact]
    public void Batches_convert_to_dataframes_and_arrow_and_back()
    {
        var synthesizer = new DistributionsSynthesizer(4);
        var batch = synthesizer.ToBatch(0, 200);

        var frame = batch.ToDataFrame();
        var back = ColumnInterop.FromDataFrame(frame, DistributionsSynthesizer.Spec);
        var arrow = batch.ToRecordBatch();

        Assert.Equal(200, frame.Rows.Count);
        Assert.Equal(batch.Columns.Count, arrow.ColumnCount);
        Assert.Equal(200, arrow.Length);
        for (int c = 0; c < batch.Columns.Count; c++)
        {
            Assert.Equal(Enumerable.Range(0, 200).Select(r => batch[c].GetValue(r)), Enumerable.Range(0, 200).Select(r => back[c].GetValue(r)));
        }

        var normal = (Apache.Arrow.DoubleArray)arrow.Column("Normal");
        Assert.Equal(batch.Get<double>("Normal")[17], normal.GetValue(17));
        var weighted = (Apache.Arrow.StringArray)arrow.Column("Weighted");
        Assert.Equal(((CategoricalColumn)batch["Weighted"])[3], weighted.GetString(3));
    }
}
