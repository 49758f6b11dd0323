using System;
using System.IO;
using System.Linq;
using System.Text;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

public class CsvTests
{
    /// <summary>Strings that break naive CSV: separators, quotes, line breaks, emoji, right-to-left text, blanks.</summary>
    public static readonly string?[] Hostile =
    [
        "plain", "comma, inside", "\"quoted\"", "a \"quote\" inside", "line\nbreak", "crlf\r\nbreak", "cr\ronly",
        "emoji 🧬🚑", "עברית مرحبا", "", null, " leading and trailing ", "\ttab", "\"", ",", "\n", "🙂,\"\n",
        "zero\u200Bwidth", "null",
    ];

    private static byte[] Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Hostile_strings_survive_a_round_trip()
    {
        var synthesizer = new AllTypesSynthesizer(1).WithNullableString(r => Hostile[r.Index % Hostile.Length]).WithString(r => Hostile[(r.Index + 3) % Hostile.Length] ?? "x");
        var written = synthesizer.Generate(Hostile.Length * 2).ToList();

        var read = AllTypesSynthesizer.ReadCsv(new MemoryStream(Write(s => synthesizer.WriteCsv(s, Hostile.Length * 2)))).ToList();

        Assert.Equal(written.Select(r => r.NullableString), read.Select(r => r.NullableString));
        Assert.Equal(written.Select(r => r.String), read.Select(r => r.String));
    }

    [Fact]
    public void Every_supported_type_survives_a_round_trip_including_nulls()
    {
        var written = new AllTypesSynthesizer(2).Generate(500).ToList();

        var read = AllTypesSynthesizer.ReadCsv(new MemoryStream(Write(s => new AllTypesSynthesizer(2).WriteCsv(s, 500)))).ToList();

        Assert.Equal(Describe(written), Describe(read));
        Assert.Contains(read, r => r.NullableInt32 is null);
        Assert.Contains(read, r => r.NullableColor is null);
    }

    [Fact]
    public void Output_is_utf8_without_bom_with_a_header_and_lf_line_ends_and_iso_dates()
    {
        byte[] bytes = Write(s => new BenchPatientSynthesizer(1).WriteCsv(s, 10));
        string text = Encoding.UTF8.GetString(bytes);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.DoesNotContain("\r", text);
        Assert.StartsWith("Id,FirstName,LastName,Email,BirthDate,Age,Sex,Zip,Diagnosis,Income,Smoker,AdmittedAt\n", text);
        Assert.Equal(11, text.Count(c => c == '\n'));
        var fields = text.Split('\n')[1].Split(',');
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", fields[4]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", fields[11]);
    }

    [Fact]
    public void Fields_are_quoted_only_when_they_hold_a_comma_quote_or_line_break_and_doubles_use_the_shortest_round_trip_form()
    {
        byte[] bytes = Write(s =>
        {
            using var writer = new SynthKit.IO.CsvWriter(s);
            foreach (string? field in new[] { "plain", "a,b", "say \"hi\"", "x\ny", "cr\r", "tab\there", "ümlaut", "~", "", null, new string('x', 40) + "," })
            {
                writer.Write(field);
            }

            writer.Write(1.5);
            writer.Write(-0.0);
            writer.Write(1e17);
            writer.Write(0.1 + 0.2);
            writer.EndRow();
        });

        Assert.Equal(
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"x\ny\",\"cr\r\",tab\there,ümlaut,~,\"\",," + "\"" + new string('x', 40) + ",\"" + ",1.5,-0,1E+17,0.30000000000000004\n",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Nested_objects_flatten_into_dotted_columns_and_round_trip()
    {
        var written = new HouseholdSynthesizer(3).Generate(200).ToList();
        byte[] bytes = Write(s => new HouseholdSynthesizer(3).WriteCsv(s, 200));

        string header = Encoding.UTF8.GetString(bytes).Split('\n')[0];
        var read = HouseholdSynthesizer.ReadCsv(new MemoryStream(bytes)).ToList();

        Assert.Equal("Name,Home.Street,Home.City,Home.PostalCode,Home.Door,Holiday.Street,Holiday.City,Holiday.PostalCode,Holiday.Door,Members", header);
        Assert.Equal(written.Select(h => (h.Name, h.Home.Street, h.Home.City, h.Home.Door, h.Holiday?.City, h.Members)),
                     read.Select(h => (h.Name, h.Home.Street, h.Home.City, h.Home.Door, h.Holiday?.City, h.Members)));
        Assert.Contains(read, h => h.Holiday is null);
        Assert.Contains(read, h => h.Holiday is not null);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_unknown_columns_are_ignored()
    {
        const string csv = "Extra,Celsius,TakenAt,Humidity\nx,21.5,2024-01-01T10:00:00,40\ny,19,2024-01-01T11:30:15,55\n";

        var rows = MeasurementSynthesizer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv))).ToList();

        Assert.Equal([21.5, 19], rows.Select(r => r.Celsius));
        Assert.Equal([40, 55], rows.Select(r => r.Humidity));
        Assert.Equal(new DateTime(2024, 1, 1, 11, 30, 15), rows[1].TakenAt);
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_ends_are_accepted()
    {
        byte[] csv = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Celsius,Humidity,TakenAt\r\n1.5,2,2024-01-01\r\n")];

        var row = Assert.Single(MeasurementSynthesizer.ReadCsv(new MemoryStream(csv)));

        Assert.Equal((1.5, 2), (row.Celsius, row.Humidity));
    }

    [Theory]
    [InlineData("Celsius,Humidity,TakenAt\n1,2,2024-01-01\n3,\"open,2024-01-01\n", "SK4002", 3, 3, "ends inside the quoted field")]
    [InlineData("Celsius,Humidity,TakenAt\n1,2,2024-01-01\n3,4x,2024-01-01\n", "SK4002", 3, 3, "'4x' is not a valid Int32 for column 'Humidity'")]
    [InlineData("Celsius,Humidity,TakenAt\n1,2\n", "SK4002", 2, 1, "2 field(s) but the header has 3")]
    [InlineData("Celsius,Humidity,TakenAt\n1,2,20240101\n", "SK4002", 2, 5, "not a valid DateTime for column 'TakenAt'")]
    [InlineData("Celsius,Humidity,TakenAt\n1,\"2\"x,2024-01-01\n", "SK4002", 2, 6, "after a closing quote")]
    [InlineData("Celsius,Humidity,TakenAt\n1,2\"3,2024-01-01\n", "SK4002", 2, 4, "A quote inside an unquoted field")]
    [InlineData("Celsius,TakenAt\n1,2024-01-01\n", "SK4004", 1, 1, "lacks the column(s) 'Humidity'")]
    [InlineData("", "SK4004", 1, 1, "empty")]
    [InlineData("Celsius,Humidity,TakenAt\n1,,2024-01-01\n", "SK4005", 2, 3, "'Humidity' is empty")]
    public void Malformed_input_gets_a_coded_error_with_file_line_and_column(string csv, string code, int line, int column, string message)
    {
        var error = Assert.Throws<SynthKitException>(() =>
            MeasurementSynthesizer.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "fixtures/m.csv").ToList());

        Assert.Equal(code, error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
        Assert.StartsWith($"fixtures/m.csv({line},{column}): error {code}: ", error.Message);
    }

    [Fact]
    public void Schemas_with_lists_refuse_csv_with_a_coded_message_naming_the_lists()
    {
        // A direct call is a compile-time SK4001 (the methods are obsolete-as-error); tools reach them through the interface.
        ISynthesizer synthesizer = new OrderSynthesizer(1);
        var error = Assert.Throws<SynthKitException>(() => synthesizer.WriteCsv(Stream.Null, 0, 10));
        var fillError = Assert.Throws<SynthKitException>(() => synthesizer.Fill(new ColumnBatch(synthesizer.Spec), 0, 10));

        Assert.Equal("SK4001", error.Code);
        Assert.Equal("SK4001", fillError.Code);
        Assert.Contains("Lines, Featured, Extras, Returns", error.Message);
        Assert.Contains("JSON Lines", error.Message);
    }

    [Fact]
    public void Bad_arguments_are_rejected_before_anything_is_written()
    {
        var stream = new MemoryStream();

        Assert.Throws<ArgumentOutOfRangeException>(() => new BenchPatientSynthesizer(1).WriteCsv(stream, -1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BenchPatientSynthesizer(1).WriteCsv(stream, 0, -10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BenchPatientSynthesizer(1).Generate(long.MaxValue - 5, 10));
        Assert.Throws<ArgumentNullException>(() => new BenchPatientSynthesizer(1).WriteCsv(null!, 10));
        Assert.Equal(0, stream.Length);
        Assert.Empty(new BenchPatientSynthesizer(1).Generate(0));
    }

    internal static string[] Describe(System.Collections.Generic.IEnumerable<AllTypes> rows) =>
        rows.Select(r => string.Join("|",
            r.Bool, r.Char, r.SByte, r.Byte, r.Int16, r.UInt16, r.Int32, r.UInt32, r.Int64, r.UInt64,
            r.Single.ToString("R"), r.Double.ToString("R"), r.Decimal, r.String, r.DateTime.ToString("O"), r.DateTimeOffset.ToString("O"),
            r.DateOnly, r.TimeOnly.ToString("O"), r.TimeSpan, r.Guid, r.Color, r.NullableBool, r.NullableInt32, r.NullableDouble?.ToString("R"),
            r.NullableDecimal, r.NullableString ?? "<null>", r.NullableDateTime?.ToString("O"), r.NullableDateOnly, r.NullableTimeSpan,
            r.NullableGuid, r.NullableColor, r.NeverNull, r.Field)).ToArray();
}
