using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace SynthKit.Analyzers.Tests;

/// <summary>
/// Microsoft.CodeAnalysis.Testing harness: the default reference assemblies plus an explicit reference to
/// SynthKit.Abstractions (the Net90 preset is not obtainable here).
/// </summary>
internal static class Verifier<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<SchemaAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => AnalyzerAsync(source, editorConfig: null, expected);

    public static async Task AnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static async Task CodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource, DiagnosticResult[]? remaining = null, int codeActionIndex = 0, bool fixAll = false)
    {
        var test = new Test
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionIndex = codeActionIndex,
        };
        test.ExpectedDiagnostics.AddRange(expected);
        if (remaining is not null)
        {
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        }

        if (fixAll)
        {
            // One fix at a time reaches FixedCode in as many steps as there are diagnostics; Fix All (in document,
            // project and solution) reaches the same code in one.
            test.BatchFixedCode = fixedSource;
            test.NumberOfIncrementalIterations = expected.Length;
            test.NumberOfFixAllIterations = 1;
        }

        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>A code-fix test whose schema lives in another project of the solution (referenced, not in this document).</summary>
    public static async Task NoCodeFixAcrossAssembliesAsync(string source, string domainSource, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = source };
        test.TestState.AdditionalProjects["Domain"].Sources.Add(("Domain.cs", domainSource));
        test.TestState.AdditionalProjects["Domain"].AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(PiiAttribute).Assembly.Location));
        test.TestState.AdditionalProjectReferences.Add("Domain");
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    private sealed class Test : CSharpCodeFixTest<SchemaAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
            TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(PiiAttribute).Assembly.Location));
        }
    }
}
