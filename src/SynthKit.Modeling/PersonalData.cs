using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace SynthKit.Modeling;

/// <summary>
/// Personal data a spec did not declare, found before anything is learned: by the column's name, read as the analyzers
/// read member names (email, phone, ssn, first_name, zip …), by its values (e-mail addresses, phone numbers, card numbers that pass the Luhn check, US social security
/// numbers, IBANs, IPv4 addresses — nine in ten of the first 2,000 values), and high-cardinality text (more distinct values
/// than max(50, rows / 20)), unless the spec marks the column not personal (<see cref="ColumnPrivacy.NotPii"/>).
/// A detected column is never read into the model; the model's spec gives it a fake of the kind found.
/// </summary>
internal static partial class PersonalData
{
    /// <summary>What was found, or null: the kind (null for free text) and how.</summary>
    public static (PiiKind? Kind, string How)? Detect(Column column)
    {
        if (ByName(column.Spec) is { } named)
        {
            return named;
        }

        if (!ReadsValues(column.Spec))
        {
            return null;
        }

        var values = ColumnValues.Labels(column).Where(v => v is not null).Select(v => v!).ToList();
        return ByValues(values.Take(Sampled).ToList(), values.Distinct(StringComparer.Ordinal).Count(), column.Count);
    }

    /// <summary>The values <see cref="ByValues"/> tests by pattern: the first 2,000 non-null ones.</summary>
    public const int Sampled = 2_000;

    /// <summary>Personal data a column's name shows (unless the spec marks it either way), or null.</summary>
    public static (PiiKind? Kind, string How)? ByName(ColumnSpec spec)
    {
        if (spec.Privacy?.NotPii == true || spec.IsPersonalData)
        {
            return null;
        }

        // Names are read as the analyzers read member names, so a column and the member it maps to get the same verdict.
        return SynthKit.Analyzers.NameHeuristics.PersonalKind(spec.Name) is { } named && Enum.TryParse(named, out PiiKind byName)
            ? (byName, $"detected by its name as {byName}")
            : null;
    }

    /// <summary>
    /// Personal data a text column's values show: nine in ten of <paramref name="sample"/> (its first non-null values) of
    /// one pattern, or too many <paramref name="distinct"/> values in <paramref name="rows"/> rows; or null.
    /// </summary>
    public static (PiiKind? Kind, string How)? ByValues(IReadOnlyList<string> sample, long distinct, long rows)
    {
        if (sample.Count == 0)
        {
            return null;
        }

        foreach (var (test, kind) in Patterns)
        {
            if (sample.Count(test) >= 0.9 * sample.Count)
            {
                return (kind, $"detected by its values as {kind}");
            }
        }

        return HighCardinality(distinct, rows) is { } how ? (null, how) : null;
    }

    /// <summary>Whether text with <paramref name="distinct"/> values in <paramref name="rows"/> rows is too varied to be categories (how, or null).</summary>
    public static string? HighCardinality(long distinct, long rows) =>
        distinct > Math.Max(50, rows / 20) ? $"high-cardinality text: {distinct:N0} distinct values in {rows:N0} rows; mark it not personal to learn it" : null;

    /// <summary>Whether <see cref="Detect"/> reads the values of a column of this spec (text not marked either way).</summary>
    public static bool ReadsValues(ColumnSpec spec) => spec.Privacy?.NotPii != true && !spec.IsPersonalData && spec.Type == StorageType.String;

    private static IEnumerable<(Func<string, bool> Test, PiiKind Kind)> Patterns =>
    [
        (v => Email().IsMatch(v), PiiKind.Email),
        (v => Luhn(v), PiiKind.CreditCardNumber),
        (v => Ssn().IsMatch(v), PiiKind.NationalId),
        (v => Iban().IsMatch(v), PiiKind.Iban),
        (v => Ipv4().IsMatch(v), PiiKind.IpAddress),
        (v => Phone().IsMatch(v) && v.Count(char.IsDigit) is >= 7 and <= 15, PiiKind.Phone),
    ];

    /// <summary>13 to 19 digits (spaces and dashes allowed) that pass the Luhn check.</summary>
    private static bool Luhn(string value)
    {
        var digits = value.Where(c => c is not (' ' or '-')).ToArray();
        if (digits.Length is < 13 or > 19 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            sum += i % 2 == 1 ? (d * 2 > 9 ? (d * 2) - 9 : d * 2) : d;
        }

        return sum % 10 == 0;
    }

    /// <summary>The spec with every detected column given a fake of its kind (free text: sentences), for sampling.</summary>
    public static TableSpec Rewrite(TableSpec spec, IReadOnlyDictionary<string, PiiKind?> detected)
    {
        if (detected.Count == 0)
        {
            return spec;
        }

        var columns = spec.Columns.Select(c => !detected.TryGetValue(c.Name, out var kind) ? c : new ColumnSpec
        {
            Name = c.Name,
            Type = StorageType.String,
            Nullable = c.Nullable,
            Kind = StatisticalKind.Text,
            Privacy = kind is { } k ? new ColumnPrivacy { Pii = k } : null,
            Rule = new RuleSpec { Kind = RuleKind.Fake, Fake = kind?.ToString() ?? "Sentence" },
            DatetimeFormat = null,
        }).ToArray();
        return new TableSpec
        {
            SpecVersion = spec.SpecVersion,
            Name = spec.Name,
            ClrType = spec.ClrType,
            Columns = columns,
            Objects = spec.Objects,
            PrimaryKey = spec.PrimaryKey,
            Provenance = spec.Provenance,
        };
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")]
    private static partial Regex Email();

    [GeneratedRegex(@"^\d{3}-\d{2}-\d{4}$")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")]
    private static partial Regex Iban();

    [GeneratedRegex(@"^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$")]
    private static partial Regex Ipv4();

    [GeneratedRegex(@"^(\+\d{1,3}[\s.-]?)?(\(\d{1,4}\)[\s.-]?)?\d{2,4}([\s.-]\d{2,4}){1,4}$")]
    private static partial Regex Phone();
}
