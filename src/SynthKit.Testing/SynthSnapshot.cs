using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using SynthKit.IO;

namespace SynthKit.Testing;

/// <summary>
/// Stable text renderings of a synthesizer's rows for snapshot tests. The text depends only on the schema, the seed
/// and the rows asked for (never on culture, platform or thread count), uses <c>\n</c> line ends, and is meant to be
/// handed to any snapshot library (<c>Snapshot.Match(patients.SnapshotTable(10))</c> with Snapshooter.Xunit). When the
/// schema's rules change, the snapshot changes and the test fails with a diff of the rows that moved.
/// </summary>
public static class SynthSnapshot
{
    /// <summary>The text that stands for a null value in <see cref="SnapshotTable"/>.</summary>
    public const string NullText = "<null>";

    /// <summary>
    /// Rows <c>start … start + rows - 1</c> as CSV: exactly the bytes <see cref="ISynthesizer.WriteCsv"/> writes
    /// (RFC 4180, header row, invariant culture, ISO 8601 dates, <c>\n</c> line ends), decoded as UTF-8.
    /// </summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <param name="rows">The number of rows; not negative.</param>
    /// <param name="start">The first row index; not negative.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="SynthKitException">SK4001: the schema has nested lists, which CSV cannot carry; use <see cref="SnapshotJsonLines"/>.</exception>
    public static string SnapshotCsv(this ISynthesizer synthesizer, int rows, long start = 0)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        return Encoding.UTF8.GetString(Render(synthesizer, rows, start, csv: true));
    }

    /// <summary>Rows <c>start … start + rows - 1</c> as JSON Lines, one object per line, nesting included.</summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <param name="rows">The number of rows; not negative.</param>
    /// <param name="start">The first row index; not negative.</param>
    /// <returns>The JSON Lines text.</returns>
    public static string SnapshotJsonLines(this ISynthesizer synthesizer, int rows, long start = 0)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        return Encoding.UTF8.GetString(Render(synthesizer, rows, start, csv: false));
    }

    /// <summary>
    /// Rows <c>start … start + rows - 1</c> as aligned columns, for small row counts that a reviewer reads in a diff.
    /// A first line names the schema, its fingerprint, the seed and the rows; then the header, a rule, and one line per
    /// row. Values are the CSV's (invariant culture, ISO 8601); a null shows as <see cref="NullText"/>, an empty string
    /// as <c>""</c>, and line breaks and tabs inside a value as <c>\n</c>, <c>\r</c> and <c>\t</c>, so every row stays on
    /// one line. Columns are padded to their widest value, counted in text elements, and separated by two spaces.
    /// </summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <param name="rows">The number of rows; not negative.</param>
    /// <param name="start">The first row index; not negative.</param>
    /// <returns>The table text.</returns>
    /// <exception cref="SynthKitException">SK4001: the schema has nested lists; use <see cref="SnapshotJsonLines"/>.</exception>
    public static string SnapshotTable(this ISynthesizer synthesizer, int rows, long start = 0)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        var cells = new List<string[]>();
        using (var reader = new CsvReader(new MemoryStream(Render(synthesizer, rows, start, csv: true))))
        {
            reader.ReadHeader(Array.Empty<string>());
            var header = new string[reader.Header.Count];
            for (int i = 0; i < header.Length; i++)
            {
                header[i] = reader.Header[i];
            }

            cells.Add(header);
            while (reader.ReadRecord())
            {
                var row = new string[header.Length];
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = i >= reader.FieldCount || reader.IsNull(i) ? NullText : Escape(reader.GetString(i)!);
                }

                cells.Add(row);
            }
        }

        int columns = cells[0].Length;
        var widths = new int[columns];
        foreach (var row in cells)
        {
            for (int i = 0; i < columns; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]));
            }
        }

        var text = new StringBuilder();
        var schema = synthesizer.Schema;
        text.Append(CultureInfo.InvariantCulture, $"# {schema.Name} (fingerprint {schema.Fingerprint.Substring(0, Math.Min(12, schema.Fingerprint.Length))}), seed {synthesizer.Seed}, rows {start}..{start + rows - 1}\n");
        AppendRow(text, cells[0], widths);
        for (int i = 0; i < columns; i++)
        {
            text.Append(i == 0 ? string.Empty : "  ").Append('-', widths[i]);
        }

        text.Append('\n');
        for (int r = 1; r < cells.Count; r++)
        {
            AppendRow(text, cells[r], widths);
        }

        return text.ToString();
    }

    private static byte[] Render(ISynthesizer synthesizer, int rows, long start, bool csv)
    {
        using var buffer = new MemoryStream();
        if (csv)
        {
            synthesizer.WriteCsv(buffer, start, rows);
        }
        else
        {
            synthesizer.WriteJsonLines(buffer, start, rows);
        }

        return buffer.ToArray();
    }

    private static void AppendRow(StringBuilder text, string[] row, int[] widths)
    {
        int mark = text.Length;
        for (int i = 0; i < row.Length; i++)
        {
            if (i > 0)
            {
                text.Append("  ");
            }

            text.Append(row[i]).Append(' ', widths[i] - Width(row[i]));
        }

        // No trailing spaces: editors and diff tools strip them, and the snapshot must survive that.
        int end = text.Length;
        while (end > mark && text[end - 1] == ' ')
        {
            end--;
        }

        text.Length = end;
        text.Append('\n');
    }

    private static string Escape(string value)
    {
        if (value.Length == 0)
        {
            return "\"\"";
        }

        if (value.AsSpan().IndexOfAny("\n\r\t\\") < 0)
        {
            return value;
        }

        return value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
    }

    private static int Width(string value) => new StringInfo(value).LengthInTextElements;
}
