using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SynthKit.Testing;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

public class SynthSnapshotTests
{
    private static string Written(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Csv_and_json_lines_snapshots_are_exactly_the_written_files()
    {
        var synthesizer = new AllTypesSynthesizer(5);

        Assert.Equal(Written(s => synthesizer.WriteCsv(s, 3, 7)), synthesizer.SnapshotCsv(7, start: 3));
        Assert.Equal(Written(s => synthesizer.WriteJsonLines(s, 0, 4)), synthesizer.SnapshotJsonLines(4));
    }

    [Fact]
    public void A_table_has_a_title_a_header_a_rule_and_one_line_per_row_with_aligned_columns()
    {
        var synthesizer = new MeasurementSynthesizer(9);

        string table = synthesizer.SnapshotTable(6, start: 10);
        string[] lines = table.Split('\n');

        Assert.EndsWith("\n", table);
        Assert.Equal(1 + 1 + 1 + 6 + 1, lines.Length); // the last "line" is what follows the final \n
        Assert.Equal($"# Measurement (fingerprint {MeasurementSynthesizer.Schema.Fingerprint[..12]}), seed 9, rows 10..15", lines[0]);
        Assert.Matches("^-+(  -+)+$", lines[2]);
        Assert.All(lines, l => Assert.False(l.EndsWith(' '), $"trailing space in '{l}'"));

        // Each column starts where its header starts: two spaces before it, a value at it.
        var starts = MeasurementSynthesizer.Schema.Columns.Select(c => lines[1].IndexOf(c.Name, StringComparison.Ordinal)).ToArray();
        Assert.All(starts, s => Assert.True(s >= 0));
        var csvRows = synthesizer.SnapshotCsv(6, start: 10).Split('\n')[1..^1];
        for (int r = 0; r < 6; r++)
        {
            string line = lines[3 + r];
            string[] values = csvRows[r].Split(',');
            for (int c = 0; c < starts.Length; c++)
            {
                Assert.Equal(values[c], line[starts[c]..].Split("  ")[0].TrimEnd());
                if (c > 0)
                {
                    Assert.Equal("  ", line.Substring(starts[c] - 2, 2));
                }
            }
        }
    }

    [Fact]
    public void A_table_keeps_every_row_on_one_line_and_tells_null_from_empty()
    {
        var synthesizer = new AllTypesSynthesizer(1).WithNullableString(r => CsvTests.Hostile[r.Index % CsvTests.Hostile.Length]);
        int rows = CsvTests.Hostile.Length;

        string[] lines = synthesizer.SnapshotTable(rows).Split('\n');

        Assert.Equal(rows + 4, lines.Length);
        int column = lines[1].IndexOf(nameof(AllTypes.NullableString), StringComparison.Ordinal);
        string Cell(int row) => lines[3 + row][column..].Split("  ")[0].TrimEnd();
        Assert.Equal("\"\"", Cell(Array.IndexOf(CsvTests.Hostile, "")));
        Assert.Equal(SynthSnapshot.NullText, Cell(Array.IndexOf(CsvTests.Hostile, null)));
        Assert.Equal("line\\nbreak", Cell(Array.IndexOf(CsvTests.Hostile, "line\nbreak")));
        Assert.Equal("crlf\\r\\nbreak", Cell(Array.IndexOf(CsvTests.Hostile, "crlf\r\nbreak")));
        Assert.Equal("\\ttab", Cell(Array.IndexOf(CsvTests.Hostile, "\ttab")));
    }

    [Fact]
    public void Snapshots_are_the_same_in_every_culture()
    {
        var synthesizer = new AllTypesSynthesizer(3);
        string invariant = Under(CultureInfo.InvariantCulture, () => synthesizer.SnapshotTable(12) + synthesizer.SnapshotCsv(12));

        foreach (var name in new[] { "de-DE", "ar-SA", "tr-TR", "fa-IR" })
        {
            Assert.Equal(invariant, Under(CultureInfo.GetCultureInfo(name), () => synthesizer.SnapshotTable(12) + synthesizer.SnapshotCsv(12)));
        }
    }

    private static string Under(CultureInfo culture, Func<string> render)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }
}
