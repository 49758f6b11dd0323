using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SynthKit.Evaluation;
using SynthKit.Modeling;
using Xunit.Abstractions;

namespace SynthKit.Analyzers.Tests;

/// <summary>
/// The class <c>synthkit scaffold</c> writes for UCI Adult compiles with SynthKit's generator and analyzers under the
/// recommended preset without a single warning, and its synthesizer's quality against adult is measured.
/// </summary>
public sealed class ScaffoldTests(ITestOutputHelper output)
{
    private static readonly string Datasets = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));
    private static readonly TableSpec AdultSpec = SdvMetadata.Load(Path.Combine(Datasets, "adult.meta.json"));
    private static readonly Lazy<ColumnBatch> s_adult = new(() => ColumnReader.ReadCsv(Path.Combine(Datasets, "adult.csv"), AdultSpec));

    /// <summary>Compiles sources with the generator, then analyses them with the recommended preset's severities.</summary>
    private static async Task<(Compilation Compilation, ImmutableArray<Diagnostic> Diagnostics)> Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(PiiAttribute).Assembly.Location).Append(typeof(ISynthesizer).Assembly.Location).Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        var recommended = File.ReadAllText(Path.Combine(SynthKit.Tests.Shared.Repository.Root(), "src", "SynthKit.Abstractions", "buildTransitive", "SynthKit.recommended.globalconfig"))
            .Split('\n').Where(l => l.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            .Select(l => l.Split('=', StringSplitOptions.TrimEntries))
            .ToImmutableDictionary(p => p[0]["dotnet_diagnostic.".Length..^".severity".Length], p => p[1] switch { "error" => ReportDiagnostic.Error, "warning" => ReportDiagnostic.Warn, "suggestion" => ReportDiagnostic.Info, _ => ReportDiagnostic.Suppress });
        var compilation = CSharpCompilation.Create(
            "Scaffolded",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, specificDiagnosticOptions: recommended));
        CSharpGeneratorDriver.Create(new SynthKit.Generators.SynthesizerGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var analyzed = await generated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SchemaAnalyzer())).GetAllDiagnosticsAsync();
        return (generated, generatorDiagnostics.AddRange(analyzed));
    }

    [Fact]
    public async Task The_scaffolded_adult_class_compiles_without_a_warning_and_its_synthesizer_is_measured()
    {
        string source = Scaffold.CSharp(s_adult.Value, new ScaffoldOptions { Namespace = "Census", ClassName = "Adult", Source = "adult.csv", SourceSha256 = new string('0', 64) });
        output.WriteLine(source);

        var (compilation, diagnostics) = await Compile(source);

        var loud = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(loud.Count == 0, string.Join(Environment.NewLine, loud));
        Assert.Contains("[Sensitive(Category = \"financial\")]", source, StringComparison.Ordinal);   // income
        Assert.Contains("[Sensitive(Category = \"ethnicity\")]", source, StringComparison.Ordinal);   // race
        Assert.Contains("[QuasiIdentifier]", source, StringComparison.Ordinal);                       // age, sex
        Assert.Contains("public int EducationNum { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("SHA-256 0000", source, StringComparison.Ordinal);

        // Its synthesizer: run it, name its columns as adult's, and score it against adult.
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        var assembly = System.Reflection.Assembly.Load(stream.ToArray());
        var synthesizer = (ISynthesizer)Activator.CreateInstance(assembly.GetType("Census.AdultSynthesizer")!, 1L)!;
        using var csv = new MemoryStream();
        synthesizer.WriteCsv(csv, 0, 8_000);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).Split('\n');
        lines[0] = string.Join(',', AdultSpec.Columns.Select(c => c.Name));
        var synthetic = ColumnReader.ReadCsv(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines))), AdultSpec);
        var quality = SynthEvaluation.Evaluate(s_adult.Value, synthetic, null, new EvaluationOptions { Privacy = false, Fidelity = false, Models = false }).Quality;
        output.WriteLine($"scaffolded synthesizer against adult: quality {quality.Score:0.000}, shapes {quality.ColumnShapes:0.000}, pair trends {quality.ColumnPairTrends:0.000}");

        // Rules fitted column by column: the shapes hold, the pairs cannot (that is what [Learned] and a model are for).
        Assert.True(quality.ColumnShapes > 0.8, $"shapes {quality.ColumnShapes}");
    }

    [Fact]
    public async Task Personal_data_is_marked_and_none_of_its_values_are_written()
    {
        var spec = new TableSpec
        {
            Name = "customers",
            Columns =
            [
                new ColumnSpec { Name = "customer_email", Type = StorageType.String, Kind = StatisticalKind.Categorical },
                new ColumnSpec { Name = "c1", Type = StorageType.String, Kind = StatisticalKind.Categorical },
                new ColumnSpec { Name = "notes", Type = StorageType.String, Kind = StatisticalKind.Categorical },
                new ColumnSpec { Name = "id", Type = StorageType.String, Kind = StatisticalKind.Identifier },
                new ColumnSpec { Name = "visits", Type = StorageType.Int64, Kind = StatisticalKind.Numerical, Nullable = true },
                new ColumnSpec { Name = "joined", Type = StorageType.Date, Kind = StatisticalKind.Datetime },
                new ColumnSpec { Name = "vip", Type = StorageType.Boolean, Kind = StatisticalKind.Boolean },
                new ColumnSpec { Name = "2nd score", Type = StorageType.Float64, Kind = StatisticalKind.Numerical },
            ],
        };
        var batch = new ColumnBatch(spec, 400) { RowCount = 400 };
        var random = new Random(3);
        for (int r = 0; r < 400; r++)
        {
            ((CategoricalColumn)batch["customer_email"]).Set(r, $"buyer{r}@shop.example");
            ((CategoricalColumn)batch["c1"]).Set(r, $"+1 555 01{r % 100:D2} {r:D4}");
            ((CategoricalColumn)batch["notes"]).Set(r, $"called on day {r} about parcel {r * 31}");
            ((StringColumn)batch["id"]).Set(r, $"C{r:D5}");
            batch.Get<long>("visits")[r] = MathNet.Numerics.Distributions.Poisson.Sample(random, 1.2);
            batch["visits"].SetNull(r, r % 10 == 0);
            batch.Get<DateOnly>("joined")[r] = new DateOnly(2020, 1, 1).AddDays(r);
            batch.Get<bool>("vip")[r] = r % 4 == 0;
            batch.Get<double>("2nd score")[r] = Math.Round(random.NextDouble() * 10, 2);
        }

        string source = Scaffold.CSharp(batch, new ScaffoldOptions { Namespace = "Shop", Learned = true });
        output.WriteLine(source);
        var (_, diagnostics) = await Compile(source);

        var loud = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(loud.Count == 0, string.Join(Environment.NewLine, loud));
        Assert.Contains("[Pii(PiiKind.Email)]\n    public string CustomerEmail", source, StringComparison.Ordinal);
        Assert.Contains("[Pii(PiiKind.Phone)]\n    public string C1", source, StringComparison.Ordinal);
        Assert.Contains("[Fake(FakeKind.Sentence)]", source, StringComparison.Ordinal);
        Assert.Contains("[Poisson(", source, StringComparison.Ordinal);
        Assert.Contains("[NullRate(0.1)]\n    public int? Visits", source, StringComparison.Ordinal);
        Assert.Contains("[DateRange(\"2020-01-01\", \"2021-02-03\")]", source, StringComparison.Ordinal);
        Assert.Contains("[Probability(0.25)]", source, StringComparison.Ordinal);
        Assert.Contains("public double _2NdScore", source, StringComparison.Ordinal);
        Assert.Contains("[Round(2)]", source, StringComparison.Ordinal);
        Assert.Contains("[Learned]\n    [Poisson(", source, StringComparison.Ordinal);
        foreach (var secret in new[] { "buyer1@", "555 01", "parcel", "C00001" })
        {
            Assert.DoesNotContain(secret, source, StringComparison.Ordinal);
        }
    }
}
