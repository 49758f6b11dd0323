using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Data.Analysis;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>Every storage type through the adapters and the reader, and the spec's description for tools.</summary>
public class ColumnarCoverageTests
{
    private static TableSpec Spec(string columnsJson, string extra = "") => TableSpec.FromJson("{\"specVersion\":1,\"name\":\"t\"" + extra + ",\"columns\":[" + columnsJson + "]}");

    [Fact]
    public void Every_storage_type_survives_dataframe_and_arrow()
    {
        var batch = new AllTypesSynthesizer(9).ToBatch(0, 300);

        var back = ColumnInterop.FromDataFrame(batch.ToDataFrame(), AllTypesSynthesizer.Spec);
        var arrow = batch.ToRecordBatch();

        Assert.Equal(batch.Columns.Count, arrow.ColumnCount);
        for (int c = 0; c < batch.Columns.Count; c++)
        {
            Assert.Equal(300, arrow.Column(c).Length);
            Assert.Equal(batch[c].NullCount, arrow.Column(c).NullCount);
            for (int row = 0; row < 300; row++)
            {
                object? expected = batch[c].GetValue(row);
                object? actual = back[c].GetValue(row);
                Assert.True(Equals(expected, actual), $"{batch[c].Name} row {row}: {expected} vs {actual}");
            }
        }
    }

    [Fact]
    public void A_dataframe_of_text_converts_into_typed_columns_invariantly()
    {
        var spec = Spec("""
            {"name":"i","type":"int32","kind":"numerical","nullable":true},{"name":"d","type":"float64","kind":"numerical"},
            {"name":"m","type":"decimal","kind":"numerical"},{"name":"b","type":"boolean","kind":"boolean"},
            {"name":"day","type":"date","kind":"datetime"},{"name":"at","type":"dateTime","kind":"datetime"},
            {"name":"g","type":"guid","kind":"identifier"},{"name":"dur","type":"duration","kind":"numerical"},
            {"name":"t","type":"time","kind":"datetime"},{"name":"o","type":"dateTimeOffset","kind":"datetime"},
            {"name":"c","type":"char","kind":"categorical"},{"name":"u8","type":"uInt8","kind":"numerical"},
            {"name":"s8","type":"int8","kind":"numerical"},{"name":"s16","type":"int16","kind":"numerical"},
            {"name":"u16","type":"uInt16","kind":"numerical"},{"name":"u32","type":"uInt32","kind":"numerical"},
            {"name":"i64","type":"int64","kind":"numerical"},{"name":"u64","type":"uInt64","kind":"numerical"},
            {"name":"f","type":"float32","kind":"numerical"},{"name":"s","type":"string","kind":"text"},{"name":"k","type":"string","kind":"categorical"}
            """);
        var frame = new DataFrame(
            new StringDataFrameColumn("i", new[] { "12", null }), new StringDataFrameColumn("d", new[] { "1.5", "-2e3" }),
            new StringDataFrameColumn("m", new[] { "3.25", "1E2" }), new StringDataFrameColumn("b", new[] { "true", "False" }),
            new StringDataFrameColumn("day", new[] { "2024-02-29", "2000-01-01" }), new StringDataFrameColumn("at", new[] { "2024-02-29T10:11:12", "2000-01-01T00:00:00" }),
            new StringDataFrameColumn("g", new[] { "6f9619ff-8b86-d011-b42d-00cf4fc964ff", "00000000-0000-0000-0000-000000000001" }),
            new StringDataFrameColumn("dur", new[] { "01:02:03", "1.00:00:00" }), new StringDataFrameColumn("t", new[] { "10:11:12", "23:59:59" }),
            new StringDataFrameColumn("o", new[] { "2024-02-29T10:11:12+00:00", "2000-01-01T00:00:00+00:00" }), new StringDataFrameColumn("c", new[] { "x", "y" }),
            new StringDataFrameColumn("u8", new[] { "255", "0" }), new StringDataFrameColumn("s8", new[] { "-128", "1" }), new StringDataFrameColumn("s16", new[] { "-3", "4" }),
            new StringDataFrameColumn("u16", new[] { "65535", "5" }), new StringDataFrameColumn("u32", new[] { "4000000000", "6" }),
            new StringDataFrameColumn("i64", new[] { "-9000000000", "7" }), new StringDataFrameColumn("u64", new[] { "18000000000000000000", "8" }),
            new StringDataFrameColumn("f", new[] { "0.5", "2" }), new StringDataFrameColumn("s", new[] { "a", "b" }), new StringDataFrameColumn("k", new[] { "x", "x" }));

        var batch = ColumnInterop.FromDataFrame(frame, spec);

        Assert.Equal((12, true), (batch.Get<int>("i")[0], batch["i"].IsNull(1)));
        Assert.Equal(-2000.0, batch.Get<double>("d")[1]);
        Assert.Equal(100m, batch.Get<decimal>("m")[1]);
        Assert.False(batch.Get<bool>("b")[1]);
        Assert.Equal(new DateOnly(2024, 2, 29), batch.Get<DateOnly>("day")[0]);
        Assert.Equal(new DateTime(2024, 2, 29, 10, 11, 12), batch.Get<DateTime>("at")[0]);
        Assert.Equal(TimeSpan.FromDays(1), batch.Get<TimeSpan>("dur")[1]);
        Assert.Equal(new TimeOnly(23, 59, 59), batch.Get<TimeOnly>("t")[1]);
        Assert.Equal('y', batch.Get<char>("c")[1]);
        Assert.Equal(18000000000000000000UL, batch.Get<ulong>("u64")[0]);
        Assert.Equal("b", ((StringColumn)batch["s"])[1]);
        Assert.Equal(new[] { "x" }, ((CategoricalColumn)batch["k"]).Categories);
    }

    [Fact]
    public void Unconvertible_and_missing_dataframe_values_are_coded()
    {
        var spec = Spec("{\"name\":\"i\",\"type\":\"int32\",\"kind\":\"numerical\"}");
        Assert.Equal(ErrorCodes.MalformedInput, Assert.Throws<SynthKitException>(() => ColumnInterop.FromDataFrame(new DataFrame(new StringDataFrameColumn("i", new[] { "x" })), spec)).Code);
        Assert.Equal(ErrorCodes.UnexpectedNull, Assert.Throws<SynthKitException>(() => ColumnInterop.FromDataFrame(new DataFrame(new StringDataFrameColumn("i", new string?[] { null })), spec)).Code);
        Assert.Equal(ErrorCodes.MissingColumn, Assert.Throws<SynthKitException>(() => ColumnInterop.FromDataFrame(new DataFrame(new StringDataFrameColumn("j", new[] { "1" })), spec)).Code);
    }

    [Theory]
    [InlineData("boolean", "yes")]
    [InlineData("char", "ab")]
    [InlineData("int8", "200")]
    [InlineData("uInt8", "-1")]
    [InlineData("int16", "1.5")]
    [InlineData("uInt16", "x")]
    [InlineData("int32", "1e3")]
    [InlineData("uInt32", "-3")]
    [InlineData("int64", "9223372036854775808")]
    [InlineData("uInt64", "-1")]
    [InlineData("float32", "one")]
    [InlineData("float64", "1,5")]
    [InlineData("decimal", "x")]
    [InlineData("date", "2024-13-01")]
    [InlineData("dateTime", "noon")]
    [InlineData("dateTimeOffset", "noon")]
    [InlineData("time", "25:00")]
    [InlineData("duration", "forever")]
    [InlineData("guid", "not-a-guid")]
    public void A_value_that_is_not_of_the_columns_type_is_sk4002_naming_the_type(string type, string value)
    {
        var spec = Spec($"{{\"name\":\"v\",\"type\":\"{type}\",\"kind\":\"numerical\"}}");
        var ex = Assert.Throws<SynthKitException>(() => ColumnReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes($"v\n\"{value}\"\n")), spec, "x.csv"));
        Assert.Equal((ErrorCodes.MalformedInput, 2, 1), (ex.Code, ex.Line, ex.Column));
        Assert.Contains($"is not a {spec.Columns[0].Type} value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sdv_datetime_formats_are_read_with_their_format()
    {
        var spec = SdvMetadata.Read(Encoding.UTF8.GetBytes("""{"columns":{"d":{"sdtype":"datetime","datetime_format":"%d/%m/%Y"},"t":{"sdtype":"datetime","datetime_format":"%Y-%m-%d %H:%M:%S"}}}"""), "t");
        var batch = ColumnReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes("d,t\n29/02/2024,2024-02-29 10:11:12\n")), spec);
        Assert.Equal(new DateOnly(2024, 2, 29), batch.Get<DateOnly>("d")[0]);
        Assert.Equal(new DateTime(2024, 2, 29, 10, 11, 12), batch.Get<DateTime>("t")[0]);
        Assert.Equal("dd/MM/yyyy", Strftime.ToDotNet("%d/%m/%Y"));
        Assert.Equal("hh:mm tt \\T MMM MMMM yy ffffff zzz %", Strftime.ToDotNet("%I:%M %p T %b %B %y %f %z %%"));
    }

    [Fact]
    public void A_quoted_header_and_a_column_the_spec_does_not_name_are_fine()
    {
        var spec = Spec("{\"name\":\"a \\\"b\\\"\",\"type\":\"int32\",\"kind\":\"numerical\"}");
        var batch = ColumnReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes("other,\"a \"\"b\"\"\"\nx,7\n")), spec);
        Assert.Equal(7, batch.Get<int>("a \"b\"")[0]);
    }

    [Fact]
    public void The_description_of_a_spec_agrees_with_the_generated_schema_description()
    {
        foreach (var (spec, generated) in new[] { (DistributionsSynthesizer.Spec, DistributionsSynthesizer.Schema), (PersonalDataSynthesizer.Spec, PersonalDataSynthesizer.Schema), (HouseholdSynthesizer.Spec, HouseholdSynthesizer.Schema) })
        {
            var described = SchemaDescription.FromSpec(spec);
            Assert.Equal(generated.Columns.Select(c => c.Name), described.Columns.Select(c => c.Name));
            foreach (var (g, d) in generated.Columns.Zip(described.Columns))
            {
                Assert.Equal((g.IsNullable, g.Pii, g.IsQuasiIdentifier, g.IsSensitive, g.IsDeclaredNotPii, g.IsUnique, g.NullRate), (d.IsNullable, d.Pii, d.IsQuasiIdentifier, d.IsSensitive, d.IsDeclaredNotPii, d.IsUnique, d.NullRate));
                Assert.Equal(g.ClrType.IsEnum ? typeof(string) : g.ClrType, d.ClrType);
                Assert.Equal(g.Categories, d.Categories);
            }
        }

        var rules = SchemaDescription.FromSpec(DistributionsSynthesizer.Spec).Columns.ToDictionary(c => c.Name, c => c.Rule);
        Assert.Equal("Normal(mean: 50, sd: 10) | round(0) | clamp(40, 60)".Replace(" | round(0)", string.Empty), rules["ClampedNormal"]);
        Assert.Equal("Triangular(0, 3, 10)", rules["Triangular"]);
        Assert.Equal("Zipf(s: 1.1, n: 20)", rules["Zipf"]);
        Assert.Equal("Gamma(shape: 2, rate: 0.5)", rules["Gamma"]);
        Assert.Equal("Beta(alpha: 2, beta: 5)", rules["Beta"]);
        Assert.Equal("Exponential(rate: 0.5)", rules["Exponential"]);
        Assert.Equal("Poisson(lambda: 3.5)", rules["Poisson"]);
        Assert.Equal("LogNormal(mu: 2, sigma: 0.8) | round(2)", rules["Money"]);
        Assert.Equal("Bernoulli(p: 0.2)", rules["Rare"]);
        Assert.Equal("default | null 0.25", rules["Sometimes"]);
        Assert.Equal("dates [2020-01-01, 2020-01-10]", rules["Day"]);
        Assert.Equal("Pattern(\"#?*-\\#\")", rules["Code"]);
        Assert.Equal("Categorical(a, b, c, d)", rules["Weighted"]);
        Assert.Equal("Uniform(-5, 15)", rules["Uniform"]);
        Assert.StartsWith("fake Email", rules["Contact"], StringComparison.Ordinal);
        Assert.Equal("default | learned", SchemaDescription.FromSpec(PairedSynthesizer.Spec).FindColumn("X")!.Rule);
        Assert.Equal("default | unique", SchemaDescription.FromSpec(UniquesSynthesizer.Spec).FindColumn("Id")!.Rule);
        var kinds = SchemaDescription.FromSpec(DistributionsSynthesizer.Spec).Columns.ToDictionary(c => c.Name, c => c.Kind);
        Assert.Equal(
            (ColumnKind.Continuous, ColumnKind.Discrete, ColumnKind.Categorical, ColumnKind.Boolean, ColumnKind.DateTime, ColumnKind.Text),
            (kinds["Normal"], kinds["Poisson"], kinds["Weighted"], kinds["Rare"], kinds["Day"], kinds["Bounded"]));
        Assert.Equal(ColumnKind.PersonalData, SchemaDescription.FromSpec(PersonalDataSynthesizer.Spec).Columns[0].Kind);
        Assert.Equal(ColumnKind.Identifier, SchemaDescription.FromSpec(UniquesSynthesizer.Spec).FindColumn("Key")!.Kind);
    }

    [Fact]
    public void A_batch_grows_clears_and_names_its_columns()
    {
        var batch = new ColumnBatch(PatientlessSpec(), 2);
        batch.RowCount = 5;
        Assert.True(batch.Capacity >= 5);
        ((StringColumn)batch["s"]).Set(4, "é");
        Assert.Equal("é", ((StringColumn)batch["s"])[4]);
        Assert.Equal(2, ((StringColumn)batch["s"]).ByteCount);
        ((StringColumn)batch["s"]).SetUtf8(3, "xy"u8);
        Assert.Equal("xy", ((StringColumn)batch["s"])[3]);
        ((StringColumn)batch["s"]).Set(3, null);
        Assert.True(batch["s"].IsNull(3));
        var k = (CategoricalColumn)batch["k"];
        k.Set(0, "b");
        k.Set(1, null);
        Assert.Equal(("b", (string?)null, -1), (k[0], k[1], k.Codes[1]));
        Assert.Throws<System.Collections.Generic.KeyNotFoundException>(() => batch["nope"]);
        Assert.Throws<InvalidCastException>(() => batch.Get<int>("n"));
        Assert.Equal("t: 5 rows × 3 columns", batch.ToString());
        batch.Clear();
        Assert.Equal((0, 0), (batch.RowCount, ((StringColumn)batch["s"]).ByteCount));
        Assert.Equal(typeof(string), batch["k"].ValueType);
        Assert.Equal(typeof(long), batch["n"].ValueType);
    }

    private static TableSpec PatientlessSpec() => Spec("""{"name":"s","type":"string","kind":"text","nullable":true},{"name":"k","type":"string","kind":"categorical","nullable":true,"rule":{"kind":"categorical","values":["a","b"]}},{"name":"n","type":"int64","kind":"numerical"}""");
}
