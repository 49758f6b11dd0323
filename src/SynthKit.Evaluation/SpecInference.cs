using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;

namespace SynthKit.Evaluation;

/// <summary>
/// A column spec guessed from a CSV file, for evaluating files that come without SDV metadata or a spec. Every non-empty
/// value of a column decides: all whole numbers → numerical Int64; all numbers → numerical Float; all true/false →
/// boolean; all ISO 8601 dates or date-times → datetime; text that looks like e-mail addresses → personal data (kept
/// out of statistics); other text with at most max(50, 5% of the rows) distinct values → categorical; the rest →
/// identifier (kept out of statistics). Write the guess down as SDV metadata (<see cref="SdvMetadata.Write"/>) and
/// correct it where it is wrong.
/// </summary>
public static class SpecInference
{
    /// <summary>Infers a spec from a CSV file's header and values.</summary>
    /// <param name="path">The CSV file (RFC 4180, a header row).</param>
    /// <returns>The spec, named after the file.</returns>
    /// <exception cref="SynthKitException">SK4002: the file cannot be read as CSV.</exception>
    public static TableSpec FromCsv(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string[] names;
        var columns = new List<Guess>();
        int rows = 0;
        try
        {
            using var reader = Sep.Reader(o => o with { HasHeader = true, Unescape = true }).FromFile(path);
            names = reader.Header.ColNames.ToArray();
            columns.AddRange(names.Select(_ => new Guess()));
            foreach (var row in reader)
            {
                rows++;
                for (int c = 0; c < names.Length && c < row.ColCount; c++)
                {
                    columns[c].See(row[c].ToString());
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or IOException && ex is not FileNotFoundException)
        {
            throw new SynthKitException(ErrorCodes.MalformedInput, $"cannot infer a spec: {ex.Message}", path, innerException: ex);
        }

        var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("METADATA_SPEC_VERSION", "SINGLE_TABLE_V1");
            writer.WriteStartObject("columns");
            for (int c = 0; c < names.Length; c++)
            {
                writer.WriteStartObject(names[c]);
                columns[c].Write(writer, rows);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return SdvMetadata.Read(json.ToArray(), Path.GetFileNameWithoutExtension(path), path);
    }

    /// <summary>One line per column: what was inferred (for a command line to print).</summary>
    /// <param name="spec">An inferred spec.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Describe(TableSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Columns.Select(c => $"{c.Name}: {(c.IsPersonalData ? "personal data (" + c.Privacy!.Pii + ")" : c.Kind.ToString().ToLowerInvariant())}, {c.Type}");
    }

    private sealed class Guess
    {
        private readonly HashSet<string> _distinct = new(StringComparer.Ordinal);
        private int _values;
        private bool _integers = true;
        private bool _numbers = true;
        private bool _booleans = true;
        private bool _dates = true;
        private bool _dateTimes = true;
        private bool _emails = true;

        public void See(string value)
        {
            if (value.Length == 0)
            {
                return;
            }

            _values++;
            if (_distinct.Count <= 100_000)
            {
                _distinct.Add(value);
            }

            _integers &= long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
            _numbers &= double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d);
            _booleans &= value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase);
            _dates &= DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            _dateTimes &= DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            int at = value.IndexOf('@', StringComparison.Ordinal);
            _emails &= at > 0 && value.IndexOf('.', at) > at + 1 && !value.Contains(' ', StringComparison.Ordinal);
        }

        public void Write(Utf8JsonWriter writer, int rows)
        {
            if (_values > 0 && _booleans)
            {
                writer.WriteString("sdtype", "boolean");
            }
            else if (_values > 0 && _integers)
            {
                writer.WriteString("sdtype", "numerical");
                writer.WriteString("computer_representation", "Int64");
            }
            else if (_values > 0 && _numbers)
            {
                writer.WriteString("sdtype", "numerical");
                writer.WriteString("computer_representation", "Float");
            }
            else if (_values > 0 && _dates)
            {
                writer.WriteString("sdtype", "datetime");
                writer.WriteString("datetime_format", "%Y-%m-%d");
            }
            else if (_values > 0 && _dateTimes)
            {
                writer.WriteString("sdtype", "datetime");
                writer.WriteString("datetime_format", "%Y-%m-%dT%H:%M:%S");
            }
            else if (_values > 0 && _emails)
            {
                writer.WriteString("sdtype", "email");
                writer.WriteBoolean("pii", true);
            }
            else if (_distinct.Count <= Math.Max(50, rows / 20))
            {
                writer.WriteString("sdtype", "categorical");
            }
            else
            {
                writer.WriteString("sdtype", "id");
            }
        }
    }
}
