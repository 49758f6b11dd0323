using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

public class JsonLinesTests
{
    private static byte[] Write(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Every_supported_type_survives_a_round_trip()
    {
        var written = new AllTypesSynthesizer(2).Generate(500).ToList();

        var read = AllTypesSynthesizer.ReadJsonLines(new MemoryStream(Write(s => new AllTypesSynthesizer(2).WriteJsonLines(s, 500)))).ToList();

        Assert.Equal(CsvTests.Describe(written), CsvTests.Describe(read));
    }

    [Fact]
    public void Hostile_strings_survive_a_round_trip()
    {
        var synthesizer = new AllTypesSynthesizer(1).WithNullableString(r => CsvTests.Hostile[r.Index % CsvTests.Hostile.Length]);

        var read = AllTypesSynthesizer.ReadJsonLines(new MemoryStream(Write(s => synthesizer.WriteJsonLines(s, CsvTests.Hostile.Length)))).ToList();

        Assert.Equal(CsvTests.Hostile, read.Select(r => r.NullableString));
    }

    [Fact]
    public void Each_line_is_one_valid_json_object_carrying_nested_lists()
    {
        byte[] bytes = Write(s => new OrderSynthesizer(4).WriteJsonLines(s, 100));
        string[] lines = Encoding.UTF8.GetString(bytes).Split('\n');

        Assert.Equal(101, lines.Length);
        Assert.Equal(string.Empty, lines[^1]);
        foreach (var line in lines[..^1])
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(2, document.RootElement.GetProperty("Featured").GetArrayLength());
            Assert.InRange(document.RootElement.GetProperty("Lines").GetArrayLength(), 0, 4);
        }
    }

    [Fact]
    public void Nested_lists_round_trip()
    {
        var written = new OrderSynthesizer(4).Generate(200).ToList();

        var read = OrderSynthesizer.ReadJsonLines(new MemoryStream(Write(s => new OrderSynthesizer(4).WriteJsonLines(s, 200)))).ToList();

        Assert.Equal(written.Count, read.Count);
        for (int i = 0; i < written.Count; i++)
        {
            Assert.Equal(written[i].Number, read[i].Number);
            Assert.Equal(written[i].Lines, read[i].Lines);
            Assert.Equal(written[i].Featured, read[i].Featured);
            Assert.Equal(written[i].Extras, read[i].Extras);
            Assert.Equal(written[i].Returns, read[i].Returns);
        }

        Assert.Contains(read, o => o.Returns is null);
        Assert.Contains(read, o => o.Lines.Count == 0);
    }

    [Fact]
    public void Blank_lines_and_unknown_properties_are_skipped()
    {
        const string jsonl = "{\"Celsius\":1.5,\"Unknown\":{\"deep\":[1,2]},\"Humidity\":3,\"TakenAt\":\"2024-01-01T00:00:00\"}\n\n  \n{\"TakenAt\":\"2024-01-02T00:00:00\",\"Humidity\":4,\"Celsius\":0}\n";

        var rows = MeasurementSynthesizer.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(jsonl))).ToList();

        Assert.Equal([(1.5, 3), (0, 4)], rows.Select(r => (r.Celsius, r.Humidity)));
    }

    [Theory]
    [InlineData("{\"Celsius\":1,\"Humidity\":1,\"TakenAt\":\"2024-01-01T00:00:00\"}\n{\"Humidity\":\"many\"}\n", 2, 13, "Expected a number but found the string \"many\"")]
    [InlineData("{\"Celsius\":1,\"Humidity\":1,\"TakenAt\":\"2024-01-01T00:00:00\"}\n{\"Humidity\":2,}\n", 2, 15, "Malformed JSON")]
    [InlineData("[1,2]\n", 1, 1, "one JSON object")]
    [InlineData("{\"Celsius\":1,\"Humidity\":1,\"TakenAt\":\"2024-01-01T00:00:00\"} {\"Humidity\":2}\n", 1, 60, "one object per line")]
    [InlineData("{\"Humidity\":2,\"TakenAt\":\"2024-01-01T00:00:00\"}\n", 1, 46, "no property 'Celsius'")]
    [InlineData("{}\n", 1, 2, "no property 'Celsius'")]
    [InlineData("{\"TakenAt\":\"yesterday\"}\n", 1, 12, "ISO 8601 timestamp")]
    [InlineData("{\"Humidity\":9999999999}\n", 1, 13, "Int32")]
    public void Malformed_lines_get_a_coded_error_with_line_and_column(string jsonl, int line, int column, string message)
    {
        var error = Assert.Throws<SynthKitException>(() =>
            MeasurementSynthesizer.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(jsonl)), "m.jsonl").ToList());

        Assert.Equal("SK4002", error.Code);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
    }
}
