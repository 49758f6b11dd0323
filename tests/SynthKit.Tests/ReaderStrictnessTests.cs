using System;
using System.IO;
using System.Linq;
using System.Text;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>
/// Readers take exactly the forms SynthKit writes (invariant numbers, ISO 8601, declared enum names) and report anything
/// else with its position: lenient parsing changed meaning (a timestamp's offset became the machine's local time, so
/// what was read depended on the time zone; "1,000" became 1000; 1e400 became infinity; 99 became an enum value).
/// </summary>
public class ReaderStrictnessTests
{
    private const string Good = "1.5,2024-01-01T10:00:00,2024-01-01T10:00:00+02:00,10:00:00,Green";

    private static string Csv(int field, string value)
    {
        var fields = Good.Split(',');
        fields[field] = value;
        return "Value,At,Stamp,Time,Color\n" + string.Join(",", fields) + "\n";
    }

    [Fact]
    public void What_synthkit_writes_reads_back_unchanged()
    {
        var rows = new ReadingSynthesizer(4).Generate(300).ToList();
        using var csv = new MemoryStream();
        new ReadingSynthesizer(4).WriteCsv(csv, 300);
        using var json = new MemoryStream();
        new ReadingSynthesizer(4).WriteJsonLines(json, 300);

        var fromCsv = ReadingSynthesizer.ReadCsv(new MemoryStream(csv.ToArray())).ToList();
        var fromJson = ReadingSynthesizer.ReadJsonLines(new MemoryStream(json.ToArray())).ToList();

        Assert.Equal(rows.Select(r => (r.Value, r.At, r.Stamp, r.Time, r.Color)), fromCsv.Select(r => (r.Value, r.At, r.Stamp, r.Time, r.Color)));
        Assert.Equal(rows.Select(r => (r.Value, r.At, r.Stamp, r.Time, r.Color)), fromJson.Select(r => (r.Value, r.At, r.Stamp, r.Time, r.Color)));
        Assert.Single(ReadingSynthesizer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Csv(0, "1.5")))));
    }

    [Theory]
    [InlineData(0, "\"1,000\"", "'1,000' is not a valid Double")]
    [InlineData(0, "1e400", "'1e400' is not a valid Double")]
    [InlineData(1, "2024-01-01T00:00:00+05:00", "not a valid DateTime")]
    [InlineData(1, "1/2/2024", "not a valid DateTime")]
    [InlineData(1, "Jan 5 2024", "not a valid DateTime")]
    [InlineData(2, "2024-01-01 10:00", "not a valid DateTimeOffset")]
    [InlineData(3, "10 PM", "not a valid TimeOnly")]
    [InlineData(4, "99", "not a valid Color")]
    [InlineData(4, "-1", "not a valid Color")]
    [InlineData(4, "\"Red, Blue\"", "not a valid Color")]
    [InlineData(4, "red", "not a valid Color")]
    public void Csv_values_in_other_forms_are_sk4002_at_their_field(int field, string value, string message)
    {
        var ex = Assert.Throws<SynthKitException>(() => ReadingSynthesizer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Csv(field, value))), "r.csv").ToList());
        Assert.Equal((ErrorCodes.MalformedInput, 2), (ex.Code, ex.Line));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timestamp_reads_the_same_in_every_time_zone_or_not_at_all()
    {
        var utc = ReadingSynthesizer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Csv(1, "2024-01-01T10:00:00Z")))).Single();
        Assert.Equal((new DateTime(2024, 1, 1, 10, 0, 0), DateTimeKind.Utc), (utc.At, utc.At.Kind));
        var plain = ReadingSynthesizer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(Csv(1, "2024-01-01T10:00:00")))).Single();
        Assert.Equal(DateTimeKind.Unspecified, plain.At.Kind);
    }

    [Theory]
    [InlineData("{\"Value\":1e400,\"At\":\"2024-01-01T10:00:00\",\"Stamp\":\"2024-01-01T10:00:00+00:00\",\"Time\":\"10:00:00\",\"Color\":\"Red\"}", "Double")]
    [InlineData("{\"Value\":1,\"At\":\"2024-01-01T10:00:00+05:00\",\"Stamp\":\"2024-01-01T10:00:00+00:00\",\"Time\":\"10:00:00\",\"Color\":\"Red\"}", "timestamp")]
    [InlineData("{\"Value\":1,\"At\":\"2024-01-01T10:00:00\",\"Stamp\":\"2024-01-01T10:00:00+00:00\",\"Time\":\"10:00:00\",\"Color\":\"7\"}", "Color")]
    public void Json_lines_values_in_other_forms_are_sk4002(string line, string message)
    {
        var ex = Assert.Throws<SynthKitException>(() => ReadingSynthesizer.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(line + "\n")), "r.jsonl").ToList());
        Assert.Equal((ErrorCodes.MalformedInput, 1), (ex.Code, ex.Line));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("float64", "\"1,000\"")]
    [InlineData("float64", "1e400")]
    [InlineData("dateTime", "2024-01-01T00:00:00+05:00")]
    [InlineData("dateTime", "1/2/2024")]
    public void The_column_reader_is_as_strict(string type, string value)
    {
        var spec = TableSpec.FromJson($"{{\"specVersion\":1,\"name\":\"t\",\"columns\":[{{\"name\":\"v\",\"type\":\"{type}\",\"kind\":\"numerical\"}}]}}");
        Assert.Equal(ErrorCodes.MalformedInput, Assert.Throws<SynthKitException>(() => ColumnReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes("v\n" + value + "\n")), spec)).Code);
    }
}

/// <summary>Hostile sizes: memory stays proportional to one record of the header's width, and messages stay short.</summary>
public class ReaderBoundsTests
{
    [Fact]
    public void A_record_of_commas_stops_at_the_first_field_past_the_header()
    {
        string csv = "Value,At,Stamp,Time,Color\n" + new string(',', 5_000_000) + "\n";
        long before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<SynthKitException>(() => ReadingSynthesizer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv))).ToList());

        Assert.Equal((ErrorCodes.MalformedInput, 2, 6), (ex.Code, ex.Line, ex.Column));
        Assert.Contains("more fields than the header's 5", ex.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 20_000_000, "the reader buffered the hostile record");
    }

    [Fact]
    public void A_header_of_commas_is_refused_with_a_short_message()
    {
        var ex = Assert.Throws<SynthKitException>(() => ReadingSynthesizer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(new string(',', 200_000) + "\n"))).ToList());
        Assert.Equal(ErrorCodes.MalformedInput, ex.Code);
        Assert.Contains("more than 65,536 columns", ex.Message, StringComparison.Ordinal);

        string wide = string.Join(",", Enumerable.Range(0, 60_000).Select(i => "c" + i)) + "\n";
        var missing = Assert.Throws<SynthKitException>(() => ReadingSynthesizer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(wide))).ToList());
        Assert.Equal(ErrorCodes.MissingColumn, missing.Code);
        Assert.True(missing.Message.Length < 2_000, $"the message has {missing.Message.Length:N0} characters");
        Assert.Contains("and 59,980 more", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_column_reader_keeps_missing_column_messages_short()
    {
        var spec = TableSpec.FromJson("{\"specVersion\":1,\"name\":\"t\",\"columns\":[{\"name\":\"v\",\"type\":\"int32\",\"kind\":\"numerical\"}]}");
        string wide = string.Join(",", Enumerable.Range(0, 10_000).Select(i => "c" + i)) + "\n1\n";
        var ex = Assert.Throws<SynthKitException>(() => ColumnReader.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(wide)), spec));
        Assert.Equal(ErrorCodes.MissingColumn, ex.Code);
        Assert.True(ex.Message.Length < 2_000);
    }
}
