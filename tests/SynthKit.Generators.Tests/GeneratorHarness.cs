using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SynthKit.Generators.Tests;

/// <summary>Runs the generator over in-memory sources, the way NetEscapades.EnumGenerators' TestHelpers do.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(new[]
            {
                typeof(SynthKit.SyntheticSchemaAttribute).Assembly.Location,
                typeof(SynthKit.SynthRandom).Assembly.Location,
                typeof(MathNet.Numerics.Distributions.Normal).Assembly.Location,
                typeof(Bogus.Faker).Assembly.Location,
                typeof(Microsoft.Data.Analysis.DataFrame).Assembly.Location,
            });
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(IEnumerable<string> sources, IEnumerable<MetadataReference>? extra = null, string assemblyName = "Tests") =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.AddRange(extra ?? Array.Empty<MetadataReference>()),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new SynthesizerGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns its diagnostics, its sources and the compiler's diagnostics on the result.</summary>
    public static Result Run(params string[] sources) => Run(Compile(sources));

    public static Result Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult();
        var compilerErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new Result(generatorDiagnostics, run.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.ToString()), compilerErrors, output);
    }

    /// <summary>Emits a compilation to an in-memory assembly and references it by image, as a referenced project would be.</summary>
    public static MetadataReference ToMetadataReference(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, string.Join(Environment.NewLine, emit.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    internal sealed record Result(
        ImmutableArray<Diagnostic> GeneratorDiagnostics,
        Dictionary<string, string> Sources,
        ImmutableArray<Diagnostic> CompilerErrors,
        Compilation Output)
    {
        public string Single(string hintName) => Sources[hintName];

        public void AssertClean()
        {
            Assert.Empty(GeneratorDiagnostics);
            Assert.True(CompilerErrors.IsEmpty, string.Join(Environment.NewLine, CompilerErrors));
        }
    }
}
