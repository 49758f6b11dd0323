using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SynthKit.Analyzers.Tests;

/// <summary>
/// The schemas the runtime tests and the sample use — every rule, modifier and type in a valid form — analysed as source:
/// no rule error (SK3xxx), no analyzer exception, and the privacy marks they state are respected.
/// </summary>
public class RealSchemaTests
{
    private static string[] Sources(string prefix) =>
        typeof(RealSchemaTests).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, System.StringComparison.Ordinal))
            .Select(n => new StreamReader(typeof(RealSchemaTests).Assembly.GetManifestResourceStream(n)!).ReadToEnd()).ToArray();

    [Theory]
    [InlineData("Schemas.")]
    [InlineData("Clinic.")]
    public async Task Valid_schemas_get_no_rule_errors_and_no_analyzer_exceptions(string prefix)
    {
        var sources = Sources(prefix);
        Assert.NotEmpty(sources);
        var references = ((string)System.AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", System.StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
            .Append(typeof(PiiAttribute).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            "Schemas",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaAnalyzer()));

        var all = await withAnalyzers.GetAllDiagnosticsAsync();

        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        var ruleErrors = all.Where(d => d.Id.StartsWith("SK3", System.StringComparison.Ordinal)).ToList();
        Assert.True(ruleErrors.Count == 0, string.Join(System.Environment.NewLine, ruleErrors));
        if (prefix == "Clinic.")
        {
            // The sample states every personal, quasi-identifying and sensitive member and its provenance: nothing to say.
            Assert.Empty(all.Where(d => d.Id.StartsWith("SK", System.StringComparison.Ordinal)));
        }
        else
        {
            // The test schemas leave provenance out and name members like personal data on purpose: those are warnings.
            Assert.All(all.Where(d => d.Id.StartsWith("SK", System.StringComparison.Ordinal)), d => Assert.NotEqual(DiagnosticSeverity.Error, d.Severity));
            Assert.Contains(all, d => d.Id == "SK2001");
        }
    }
}
