using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MathNet.Numerics.Distributions;
using SynthKit.Analyzers;

namespace SynthKit.Modeling;

/// <summary>Options of <see cref="Scaffold.CSharp"/>.</summary>
public sealed class ScaffoldOptions
{
    /// <summary>The namespace of the class (default <c>Synthetic</c>).</summary>
    public string Namespace { get; init; } = "Synthetic";

    /// <summary>The class name (default: the table's name in PascalCase).</summary>
    public string? ClassName { get; init; }

    /// <summary>The source file's name, for the provenance and the comments.</summary>
    public string Source { get; init; } = "data.csv";

    /// <summary>The SHA-256 of the source file, recorded in the provenance.</summary>
    public string? SourceSha256 { get; init; }

    /// <summary>Mark every learnable member <c>[Learned]</c> (a fitted model draws them; the rules stay as the fallback).</summary>
    public bool Learned { get; init; }
}

/// <summary>
/// Writes an annotated C# schema from a real table: types inferred; <c>[Pii]</c> from the spec, the values and the
/// analyzers' reading of names; <c>[QuasiIdentifier]</c> and <c>[Sensitive]</c> where the analyzers would ask for them;
/// <c>[Categorical]</c> with learned values and weights; for numbers the best-fitting supported distribution by
/// Kolmogorov–Smirnov distance with <c>[Clamp]</c> to the real range; <c>[NullRate]</c>; and a <c>[Provenance]</c> carrying
/// the source file's SHA-256. It writes aggregates only — never a value of a personal-data column.
/// </summary>
public static class Scaffold
{
    private const int Sampled = 5_000;

    /// <summary>The C# source of a schema class for <paramref name="table"/>.</summary>
    /// <param name="table">The real rows, read under their spec.</param>
    /// <param name="options">Names and marks.</param>
    /// <returns>The source text.</returns>
    public static string CSharp(ColumnBatch table, ScaffoldOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new ScaffoldOptions();
        string className = options.ClassName ?? Identifier(table.Spec.Name);
        var text = new StringBuilder();
        text.Append("// Scaffolded by synthkit scaffold from ").Append(options.Source).Append(" (").Append(table.RowCount.ToString("N0", CultureInfo.InvariantCulture)).Append(" rows). Edit freely: it is yours now.\n");
        text.Append("// Rules are fitted to each column alone; mark members [Learned] and plug in a fitted model (synthkit fit) to keep how they depend on each other.\n");
        text.Append("using System;\nusing SynthKit;\n\n");
        text.Append("namespace ").Append(options.Namespace).Append(";\n\n");
        text.Append("/// <summary>Rows shaped like ").Append(Xml(options.Source)).Append(".</summary>\n");
        text.Append("[SyntheticSchema]\n");
        text.Append("[Provenance(Source = ").Append(Literal($"{options.Source}{(options.SourceSha256 is { } sha ? $" (SHA-256 {sha})" : "")}, scaffolded by synthkit scaffold")).Append(", Purpose = ")
            .Append(Literal($"synthetic stand-in for {options.Source} in tests and development")).Append(")]\n");
        text.Append("public sealed class ").Append(className).Append('\n').Append("{\n");
        var used = new HashSet<string>(StringComparer.Ordinal) { className };
        bool first = true;
        foreach (var column in table.Columns)
        {
            string member = Unique(Identifier(column.Name), used);
            var (attributes, type, initializer, comment) = Member(column, member, options, table.RowCount);
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            if (member != column.Name)
            {
                comment = $"column '{column.Name}'" + (comment is null ? "" : "; " + comment);
            }

            if (comment is not null)
            {
                text.Append("    // ").Append(comment).Append('\n');
            }

            foreach (var attribute in attributes)
            {
                text.Append("    [").Append(attribute).Append("]\n");
            }

            text.Append("    public ").Append(type).Append(' ').Append(member).Append(" { get; set; }").Append(initializer ?? "").Append('\n');
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static (List<string> Attributes, string Type, string? Initializer, string? Comment) Member(Column column, string member, ScaffoldOptions options, int rows)
    {
        var spec = column.Spec;
        var attributes = new List<string>();
        double nullShare = rows == 0 ? 0 : column.NullCount / (double)rows;
        bool nullable = nullShare > 0;
        var meaning = NameHeuristics.Read(member);
        PiiKind? pii = spec.Privacy?.Pii;
        string? found = null;
        if (pii is null && Marginals.Excluded(column) is null && PersonalData.Detect(column) is { } detected)
        {
            (pii, found) = (detected.Kind, detected.How);
            if (detected.Kind is null)
            {
                // Free text with many distinct values: never learned, faked with sentences.
                attributes.Add("NotPii");
                attributes.Add("Fake(FakeKind.Sentence)");
                AddNullRate(attributes, nullShare);
                return (attributes, nullable ? "string?" : "string", nullable ? null : " = \"\";", found);
            }
        }

        if (pii is null && meaning.PersonalKind is { } byName && Enum.TryParse(byName, out PiiKind named) && spec.Privacy?.NotPii != true)
        {
            (pii, found) = (named, $"named like {named}");
        }

        if (pii is { } kind)
        {
            attributes.Add($"Pii(PiiKind.{kind})");
            AddNullRate(attributes, nullShare);
            string piiType = kind is PiiKind.Latitude or PiiKind.Longitude ? "double" : kind == PiiKind.DateOfBirth ? "DateOnly" : "string";
            return (attributes, piiType + (nullable ? "?" : ""), piiType == "string" && !nullable ? " = \"\";" : null, found is null ? "personal data: faked, never learned" : $"personal data ({found}): faked, never learned");
        }

        if (meaning.QuasiFamily is not null || spec.Privacy?.QuasiIdentifier == true)
        {
            attributes.Add("QuasiIdentifier");
        }

        if (meaning.SensitiveCategory is { } category || spec.Privacy?.Sensitive == true)
        {
            attributes.Add(meaning.SensitiveCategory is { } c ? $"Sensitive(Category = {Literal(c)})" : "Sensitive");
        }

        bool learnable = Marginals.Excluded(column) is null;
        if (options.Learned && learnable)
        {
            attributes.Insert(0, "Learned");
        }

        string type;
        string? initializer = null;
        if (spec.Kind == StatisticalKind.Identifier)
        {
            type = column.Type == StorageType.Guid ? "Guid" : column.Type is StorageType.Int32 or StorageType.Int64 ? "long" : "string";
            if (type == "string")
            {
                attributes.Add("Pattern(\"ID-########\")");
                initializer = nullable ? null : " = \"\";";
            }

            AddNullRate(attributes, nullShare);
            return (attributes, type + (nullable ? "?" : ""), initializer, "identifier: its values are not learned");
        }

        if (column.Type == StorageType.Boolean)
        {
            var values = ColumnValues.Numbers(column).Where(v => !double.IsNaN(v)).ToArray();
            attributes.Add($"Probability({Number(values.Length == 0 ? 0.5 : values.Average())})");
            AddNullRate(attributes, nullShare);
            return (attributes, nullable ? "bool?" : "bool", null, null);
        }

        if (spec.Kind is StatisticalKind.Categorical || ColumnValues.IsText(column))
        {
            var counts = ColumnValues.Labels(column).Where(l => l is not null).GroupBy(l => l!, StringComparer.Ordinal)
                .Select(g => (Value: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ThenBy(g => g.Value, StringComparer.Ordinal).ToList();
            int total = Math.Max(1, counts.Sum(c => c.Count));
            attributes.Add(counts.Count == 0
                ? "Categorical(\"\")"
                : $"Categorical({string.Join(", ", counts.Select(c => Literal(c.Value)))}, Weights = new[] {{ {string.Join(", ", counts.Select(c => Number((double)c.Count / total)))} }})");
            AddNullRate(attributes, nullShare);
            return (attributes, nullable ? "string?" : "string", nullable ? null : " = \"\";", null);
        }

        if (column.Type is StorageType.Date or StorageType.DateTime)
        {
            var days = ColumnValues.Numbers(column).Where(v => !double.IsNaN(v)).ToArray();
            bool date = column.Type == StorageType.Date;
            string Format(double v) => date ? DateOnly.FromDayNumber((int)v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : DateTime.UnixEpoch.AddSeconds(v).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
            if (days.Length > 0)
            {
                attributes.Add($"DateRange({Literal(Format(days.Min()))}, {Literal(Format(days.Max()))})");
            }

            AddNullRate(attributes, nullShare);
            return (attributes, (date ? "DateOnly" : "DateTime") + (nullable ? "?" : ""), null, null);
        }

        var numbers = ColumnValues.Numbers(column).Where(v => !double.IsNaN(v)).ToArray();
        bool integral = numbers.Length == 0 ? column.Type is not (StorageType.Float32 or StorageType.Float64 or StorageType.Decimal) : numbers.All(v => v == Math.Floor(v));
        type = integral ? (numbers.Length == 0 || (numbers.Min() >= int.MinValue && numbers.Max() <= int.MaxValue) ? "int" : "long") : column.Type == StorageType.Decimal ? "decimal" : "double";
        string? fitNote = null;
        if (numbers.Length > 0)
        {
            var (rule, d) = BestFit(numbers, integral);
            attributes.Add(rule);
            attributes.Add($"Clamp({Number(numbers.Min())}, {Number(numbers.Max())})");
            if (!integral && Decimals(numbers) is int digits and <= 4)
            {
                attributes.Add($"Round({digits})");
            }

            fitNote = $"best fit by KS distance: {d.ToString("0.000", CultureInfo.InvariantCulture)}";
        }

        AddNullRate(attributes, nullShare);
        return (attributes, type + (nullable ? "?" : ""), null, fitNote);
    }

    /// <summary>The supported distribution closest to the values by Kolmogorov–Smirnov distance, as an attribute.</summary>
    internal static (string Rule, double Distance) BestFit(double[] values, bool integral)
    {
        var family = Fit(values, integral);
        return (family.Rule, family.Distance);
    }

    /// <summary>A fitted parametric family: its rule as an attribute, its KS distance to the values, its quantile function.</summary>
    internal sealed record Family(string Rule, double Distance, Func<double, double> Quantile);

    /// <summary>The supported family closest to the values by Kolmogorov–Smirnov distance (moment or log-moment estimates).</summary>
    internal static Family Fit(double[] values, bool integral)
    {
        var sample = values.Length <= Sampled ? values.ToArray() : Enumerable.Range(0, Sampled).Select(i => values[(int)((long)i * values.Length / Sampled)]).ToArray();
        Array.Sort(sample);
        if (sample[0] == sample[^1])
        {
            // One value: any rule clamped to it (the clamp does the work, whatever the member's type).
            double only = sample[0];
            return new Family($"Uniform({Number(only)}, {Number(only + 1)})", 0, _ => only);
        }

        double mean = sample.Average(), variance = sample.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, sample.Length - 1);
        double sd = Math.Sqrt(variance), min = sample[0], max = sample[^1];
        var candidates = new List<(string Rule, Func<double, double> Cdf, Func<double, double> Quantile)>();
        if (sd > 0)
        {
            candidates.Add(($"Normal({Number(mean)}, {Number(sd)})", v => Normal.CDF(mean, sd, v), p => Normal.InvCDF(mean, sd, p)));
        }

        candidates.Add(($"Uniform({Number(min)}, {Number(max)})", v => ContinuousUniform.CDF(min, max, v), p => ContinuousUniform.InvCDF(min, max, p)));
        if (min > 0)
        {
            var logs = sample.Select(v => Math.Log(v)).ToArray();
            double mu = logs.Average(), sigma = Math.Sqrt(logs.Sum(l => (l - mu) * (l - mu)) / Math.Max(1, logs.Length - 1));
            if (sigma > 0)
            {
                candidates.Add(($"LogNormal({Number(mu)}, {Number(sigma)})", v => LogNormal.CDF(mu, sigma, v), p => LogNormal.InvCDF(mu, sigma, p)));
            }

            // Beyond a shape of 10,000 a gamma is a normal for every purpose here, and MathNet's incomplete gamma slows down.
            if (variance > 0 && mean * mean / variance <= 10_000)
            {
                double shape = mean * mean / variance, rate = mean / variance;
                candidates.Add(($"Gamma({Number(shape)}, {Number(rate)})", v => Gamma.CDF(shape, rate, v), p => Gamma.InvCDF(shape, rate, p)));
            }
        }

        if (min >= 0 && mean > 0)
        {
            candidates.Add(($"Exponential({Number(1 / mean)})", v => Exponential.CDF(1 / mean, v), p => Exponential.InvCDF(1 / mean, p)));
            if (integral && mean <= 1_000)
            {
                // MathNet's Poisson CDF wants whole numbers and has no inverse: the smallest k whose CDF reaches p.
                candidates.Add(($"Poisson({Number(mean)})", v => v < 0 ? 0 : Poisson.CDF(mean, Math.Floor(v)), p =>
                {
                    int k = 0;
                    while (Poisson.CDF(mean, k) < p && k < 10 * (mean + 10))
                    {
                        k++;
                    }

                    return k;
                }));
            }
        }

        return candidates.Select(c => new Family(c.Rule, Ks(sample, c.Cdf, integral), c.Quantile)).OrderBy(c => c.Distance).First();
    }

    /// <summary>The largest gap between the empirical and the model CDF, at every distinct value (integers: at v and v − 1).</summary>
    private static double Ks(double[] sorted, Func<double, double> cdf, bool integral)
    {
        double d = 0;
        int n = sorted.Length;
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j < n && sorted[j] == sorted[i])
            {
                j++;
            }

            double below = (double)i / n, atOrBelow = (double)j / n;
            double f = cdf(integral ? sorted[i] + 0.5 : sorted[i]), fBelow = integral ? cdf(sorted[i] - 0.5) : f;
            d = Math.Max(d, Math.Max(Math.Abs(atOrBelow - f), Math.Abs(fBelow - below)));
            i = j;
        }

        return d;
    }

    private static int? Decimals(double[] values)
    {
        for (int digits = 1; digits <= 4; digits++)
        {
            double scale = Math.Pow(10, digits);
            if (values.All(v => Math.Abs((v * scale) - Math.Round(v * scale)) < 1e-9))
            {
                return digits;
            }
        }

        return null;
    }

    private static void AddNullRate(List<string> attributes, double share)
    {
        if (share > 0)
        {
            attributes.Add($"NullRate({Number(Math.Min(1, share))})");
        }
    }

    /// <summary>A C# identifier in PascalCase for a column name: words joined, a leading underscore before a digit.</summary>
    internal static string Identifier(string name)
    {
        var words = NameHeuristics.Words(name);
        string id = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        if (id.Length == 0)
        {
            id = "Column";
        }

        return char.IsDigit(id[0]) ? "_" + id : id;
    }

    private static string Unique(string id, HashSet<string> used)
    {
        string candidate = id;
        for (int i = 2; !used.Add(candidate); i++)
        {
            candidate = id + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Number(double v) => double.IsInteger(v) && Math.Abs(v) < 1e15 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Literal(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "\"";

    private static string Xml(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
