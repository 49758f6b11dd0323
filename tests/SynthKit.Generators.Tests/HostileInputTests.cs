using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SynthKit.Generators.Tests;

/// <summary>
/// A corpus of hostile and careless schemas, run through the generator and the analyzers: neither may crash (CS8785,
/// AD0001), generated code may never add a compile error, and user text may never become code. Each case either
/// generates cleanly or gets a located SK diagnostic (or the compiler's own error, when the snippet itself is wrong).
/// </summary>
public class HostileInputTests
{
    private const string Usings = "using System; using System.Collections.Generic; using SynthKit; [assembly: Provenance(Source = \"tests\", Purpose = \"tests\")]\n";

    public static IEnumerable<object[]> Corpus() => new (string Name, string Source, string? Expect)[]
    {
        ("newline in a pattern", "namespace N; [SyntheticSchema] public class C { [Pattern(\"#\\nSystem.Console.WriteLine(\\\"injected\\\"); //\")] public string P { get; set; } = \"\"; }", null),
        ("CR and U+2028 in a category", "namespace N; [SyntheticSchema] public class C { [Categorical(\"a\\rSystem.Console.WriteLine(1);\", \"b\\u2028System.Console.WriteLine(2);\")] public string P { get; set; } = \"\"; }", null),
        ("newline in a schema name", "namespace N; [SyntheticSchema(Name = \"X\\nSystem.Console.WriteLine(3); //\")] public class C { public int P { get; set; } }", null),
        ("Normal with one argument", "namespace N; [SyntheticSchema] public class C { [Normal(1)] public double P { get; set; } }", "CS7036"),
        ("Gamma with none", "namespace N; [SyntheticSchema] public class C { [Gamma] public double P { get; set; } }", "CS7036"),
        ("Zipf with a string", "namespace N; [SyntheticSchema] public class C { [Zipf(\"x\", 5)] public int P { get; set; } }", "CS1503"),
        ("an array inside categorical values", "namespace N; [SyntheticSchema] public class C { [Categorical(new[] { \"a\" }, \"b\")] public string P { get; set; } = \"\"; }", "SK3004"),
        ("a nested int array as a value", "namespace N; [SyntheticSchema] public class C { [Categorical(new object[] { new[] { 1 } })] public int P { get; set; } }", "SK3004"),
        ("two nested Row types in one namespace", "namespace N; public class A { [SyntheticSchema] public class Row { public int X { get; set; } } } public class B { [SyntheticSchema] public class Row { public int Y { get; set; } } }", null),
        ("the attribute on both parts of a partial class", "namespace N; [SyntheticSchema] public partial class C { public int X { get; set; } } [SyntheticSchema] public partial class C { public int Y { get; set; } }", "CS0579"),
        ("keyword namespace", "namespace @class.@int; [SyntheticSchema] public class C { public int X { get; set; } }", null),
        ("T.N.A_B beside T.N_A.B", "namespace T { public class N { public class A_B { public int X { get; set; } } } public class N_A { public class B { public int Y { get; set; } } } [SyntheticSchema] public class Root { public N.A_B First { get; set; } = new(); public N_A.B Second { get; set; } = new(); } }", null),
        ("NaN in a rule", "namespace N; [SyntheticSchema] public class C { [Normal(double.NaN, 1)] public double P { get; set; } }", "SK3011"),
        ("infinity in a rule", "namespace N; [SyntheticSchema] public class C { [Uniform(0, double.PositiveInfinity)] public double P { get; set; } }", "SK3011"),
        ("infinite weights", "namespace N; [SyntheticSchema] public class C { [Categorical(\"a\", \"b\", Weights = new[] { 1.0, double.NaN })] public string P { get; set; } = \"\"; }", "SK3011"),
        ("a clamp to infinity is fine", "namespace N; [SyntheticSchema] public class C { [Normal(0, 1), Clamp(double.NegativeInfinity, 3)] public double P { get; set; } }", null),
        ("1e300 on a decimal", "namespace N; [SyntheticSchema] public class C { [Categorical(1e300)] public decimal P { get; set; } }", "SK3004"),
        ("keyword member and enum member names", "namespace N; public enum E { @class, @int } [SyntheticSchema] public class C { public int @class { get; set; } public E @event { get; set; } [Categorical(E.@int)] public E @for { get; set; } }", null),
        ("a file class", "namespace N; [SyntheticSchema] file class C { public int X { get; set; } }", "SK3013"),
        ("Foo.Bar_X beside Foo_Bar.X", "namespace N; public class Foo { public int Bar_X { get; set; } } public class Foo_Bar { public int X { get; set; } } [SyntheticSchema] public class Root { public Foo Foo { get; set; } = new(); public Foo_Bar Foo_Bar { get; set; } = new(); public int Foo_Bar_X { get; set; } }", null),
        ("an obsolete-as-error member", "namespace N; [SyntheticSchema] public class C { [Obsolete(\"gone\", true)] public int Old { get; set; } public int New { get; set; } }", null),
        ("MinLength(int.MaxValue)", "namespace N; [SyntheticSchema] public class C { [System.ComponentModel.DataAnnotations.MinLength(int.MaxValue)] public string P { get; set; } = \"\"; }", "SK3002"),
        ("Count near int.MaxValue", "namespace N; public class E { public int X { get; set; } } [SyntheticSchema] public class C { [Count(int.MaxValue - 1, int.MaxValue)] public List<E> P { get; set; } = new(); }", "SK3002"),
        ("MaxLength(int.MaxValue) on a list is bounded", "namespace N; public class E { public int X { get; set; } } [SyntheticSchema] public class C { [System.ComponentModel.DataAnnotations.MaxLength(int.MaxValue)] public List<E> P { get; set; } = new(); }", null),
        ("Synthesizer of int", "namespace N; [Synthesizer(typeof(int))] public partial class IntSynthesizer { }", "SK3013"),
        ("Synthesizer of an interface", "namespace N; public interface I { int X { get; } } [Synthesizer(typeof(I))] public partial class ISynth { }", "SK3013"),
    }.Select(c => new object[] { c.Name, c.Source, c.Expect ?? string.Empty });

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Hostile_input_never_crashes_never_breaks_the_build_and_never_becomes_code(string name, string source, string expect)
    {
        _ = name;
        var compilation = GeneratorHarness.Compile([Usings + source]);
        var before = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).ToHashSet();
        var result = GeneratorHarness.Run(compilation);

        // The generator never throws (a thrown exception is reported as CS8785) …
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "CS8784");
        // … and its output never adds an error: every error after generation is one the user's code had before.
        var added = result.CompilerErrors.Where(d => d.Location.SourceTree is { } tree && !tree.FilePath.StartsWith("Source", StringComparison.Ordinal)).ToList();
        Assert.True(added.Count == 0, string.Join(Environment.NewLine, added));
        Assert.All(result.CompilerErrors, e => Assert.Contains(e.Id, before));

        // User text stays inside literals and comments: no generated statement calls Console.WriteLine.
        foreach (var tree in result.Output.SyntaxTrees.Where(t => !t.FilePath.StartsWith("Source", StringComparison.Ordinal)))
        {
            var invocations = (await tree.GetRootAsync()).DescendantNodes().OfType<InvocationExpressionSyntax>();
            Assert.DoesNotContain(invocations, i => i.Expression.ToString().EndsWith("WriteLine", StringComparison.Ordinal));
        }

        // The analyzers never throw either, and between them the tools say what is wrong.
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SynthKit.Analyzers.SchemaAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var analyzerExceptions = (await withAnalyzers.GetAllDiagnosticsAsync()).Where(d => d.Id == "AD0001").ToList();
        Assert.True(analyzerExceptions.Count == 0, string.Join(Environment.NewLine, analyzerExceptions));
        var reported = result.GeneratorDiagnostics.Concat(analyzerDiagnostics).Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Concat(before).ToHashSet();
        if (expect.Length > 0)
        {
            Assert.Contains(expect, reported);
            Assert.All(result.GeneratorDiagnostics.Concat(analyzerDiagnostics).Where(d => d.Id == expect), d => Assert.StartsWith("Source0.cs", d.Location.GetLineSpan().Path, StringComparison.Ordinal));
        }
        else
        {
            Assert.True(reported.Count == 0, string.Join(", ", reported));
            Assert.NotEmpty(result.Sources);
        }
    }
}

/// <summary>The analyzer's rule-error cases through the generator: silent (the analyzer reports), a fallback rule, code that compiles.</summary>
public class RuleErrorFallbackTests
{
    public static IEnumerable<object[]> Cases() => SynthKit.TestCases.RuleErrorCases.All.Select(c => new object[] { (string)c[0], SynthKit.TestCases.RuleErrorCases.Plain((string)c[1]) });

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rule_error_leaves_the_generator_silent_and_its_output_compiling(string id, string member)
    {
        _ = id;
        string source = "using System; using System.Collections.Generic; using SynthKit; namespace N; public enum E { A, B } public class D { public int Y { get; set; } } " + SynthKit.TestCases.RuleErrorCases.Parents + "[SyntheticSchema] public class C { " + member + " }";

        var result = GeneratorHarness.Run(source);

        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal));
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "SK3002" or "SK3003" or "SK3004" or "SK3005" or "SK3006" or "SK3007" or "SK3008" or "SK3011" or "SK3014" or "SK3015");
        Assert.True(result.CompilerErrors.IsEmpty, string.Join(Environment.NewLine, result.CompilerErrors));
        Assert.Contains("N.CSynthesizer.g.cs", result.Sources.Keys);
    }
}
