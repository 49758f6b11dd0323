using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace SynthKit.Analyzers.Tests;

/// <summary>
/// The diagnostics index (README table, docs/diagnostics/README.md), AnalyzerReleases.*.md and the pages agree with the
/// descriptors and the runtime's error codes: a new code without its page or index row fails here.
/// </summary>
public partial class DiagnosticIndexTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    private static IReadOnlyList<DiagnosticDescriptor> Descriptors() =>
        typeof(SchemaAnalyzer).Assembly.GetType("SynthKit.CodeAnalysis.DiagnosticDescriptors", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToList();

    private static IEnumerable<string> RuntimeCodes() =>
        new[] { typeof(ErrorCodes), typeof(SinkErrorCodes), typeof(Fixtures.FixtureErrorCodes), typeof(Evaluation.EvaluationErrorCodes), typeof(Modeling.ModelingErrorCodes), typeof(Provenance.ProvenanceErrorCodes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.GetRawConstantValue() is string s && CodePattern().IsMatch(s))
            .Select(f => (string)f.GetRawConstantValue()!);

    [GeneratedRegex("^SK[0-9]{4}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^\| \[(SK[0-9]{4})\]\(([^)]+)\) \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex IndexRow();

    [GeneratedRegex(@"^(SK[0-9]{4}) \| ([^|]+) \| ([^|]+) \| ([^,]+), \[Documentation\]\(([^)]+)\)$", RegexOptions.Multiline)]
    private static partial Regex ReleaseRow();

    [GeneratedRegex(@"^\| \[(SK[0-9]{4})\]\(docs/diagnostics/(SK[0-9]{4})\.md\) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();

    [Fact]
    public void Analyzer_releases_list_exactly_the_descriptors_with_their_category_severity_and_reporter()
    {
        var supported = new SchemaAnalyzer().SupportedDiagnostics.Select(d => d.Id).ToHashSet();
        var rows = ReleaseRow().Matches(File.ReadAllText(Path.Combine(Root, "analyzers/SynthKit.Analyzers/AnalyzerReleases.Unshipped.md")))
            .ToDictionary(m => m.Groups[1].Value, m => (Category: m.Groups[2].Value.Trim(), Severity: m.Groups[3].Value.Trim(), Reporter: m.Groups[4].Value.Trim(), Link: m.Groups[5].Value));

        var descriptors = Descriptors();
        Assert.Equal(descriptors.Select(d => d.Id).OrderBy(i => i), rows.Keys.OrderBy(i => i));
        foreach (var d in descriptors)
        {
            var row = rows[d.Id];
            Assert.Equal((d.Category, d.DefaultSeverity.ToString()), (row.Category, row.Severity));
            Assert.Equal(supported.Contains(d.Id) ? "SchemaAnalyzer" : "SynthesizerGenerator", row.Reporter);
            Assert.Equal(d.HelpLinkUri, row.Link);
        }
    }

    [Fact]
    public void Every_code_has_a_page_and_a_row_in_both_indexes_and_nothing_else_does()
    {
        var codes = Descriptors().Select(d => d.Id).Concat(RuntimeCodes()).Distinct().OrderBy(c => c).ToList();
        var index = IndexRow().Matches(File.ReadAllText(Path.Combine(Root, "docs/diagnostics/README.md"))).ToDictionary(m => m.Groups[1].Value);
        var readme = ReadmeRow().Matches(File.ReadAllText(Path.Combine(Root, "README.md"))).Select(m => m.Groups[1].Value).ToList();
        var pages = Directory.GetFiles(Path.Combine(Root, "docs/diagnostics"), "SK*.md").Select(p => Path.GetFileNameWithoutExtension(p)!).OrderBy(p => p).ToList();

        Assert.Equal(codes, index.Keys.OrderBy(c => c));
        Assert.Equal(codes, readme.OrderBy(c => c));
        Assert.Equal(codes, pages);
        foreach (var d in Descriptors())
        {
            var row = index[d.Id];
            Assert.Equal($"{d.Id}.md", row.Groups[2].Value);
            Assert.Equal(d.DefaultSeverity.ToString(), row.Groups[4].Value.Trim());
            Assert.StartsWith("# " + d.Id + ": ", File.ReadAllLines(Path.Combine(Root, "docs/diagnostics", d.Id + ".md"))[0], StringComparison.Ordinal);
        }
    }
}
