using SynthKit.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SynthKit.Generators.Emit;
using SynthKit.Generators.Parsing;

namespace SynthKit.Generators;

/// <summary>
/// Turns <c>[SyntheticSchema]</c> types and <c>[Synthesizer(typeof(T))]</c> partial classes into reflection-free,
/// deterministic synthesizers. This file only wires the pipeline: parsing lives in <c>Parsing/</c>, the
/// value-equal model in <c>Model/</c>, emission in <c>Emit/</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SynthesizerGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var fromSchemas = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.SyntheticSchema,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => SchemaParser.FromSchemaAttribute(ctx, ct))
            .WithTrackingName(TrackingNames.SchemaAttribute);

        var fromSynthesizers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.Synthesizer,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => SchemaParser.FromSynthesizerAttribute(ctx, ct))
            .WithTrackingName(TrackingNames.SynthesizerAttribute);

        var features = context.CompilationProvider
            .Select(static (compilation, _) => new CompilationFeatures(
                HasDataFrame: compilation.GetTypeByMetadataName("Microsoft.Data.Analysis.DataFrame") is not null))
            .WithTrackingName(TrackingNames.Features);

        Register(context, fromSchemas, features);
        Register(context, fromSynthesizers, features);
    }

    private static void Register(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ParseResult> results,
        IncrementalValueProvider<CompilationFeatures> features)
    {
        var diagnostics = results
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        var models = results
            .Where(static result => result.Model is not null)
            .Select(static (result, _) => result.Model!)
            .WithTrackingName(TrackingNames.Models)
            .Combine(features)
            .WithTrackingName(TrackingNames.ModelsWithFeatures);
        context.RegisterSourceOutput(models, static (spc, pair) =>
            spc.AddSource(pair.Left.HintName, SynthesizerEmitter.Emit(pair.Left, pair.Right)));
    }
}

/// <summary>Names of the pipeline steps, so tests can check that unrelated edits leave them cached.</summary>
public static class TrackingNames
{
    /// <summary>Parsing of <c>[SyntheticSchema]</c> types.</summary>
    public const string SchemaAttribute = nameof(SchemaAttribute);

    /// <summary>Parsing of <c>[Synthesizer(typeof(T))]</c> classes.</summary>
    public const string SynthesizerAttribute = nameof(SynthesizerAttribute);

    /// <summary>The compilation features that shape emission.</summary>
    public const string Features = nameof(Features);

    /// <summary>Diagnostics split from parse results.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>Models split from parse results.</summary>
    public const string Models = nameof(Models);

    /// <summary>Models combined with the compilation features.</summary>
    public const string ModelsWithFeatures = nameof(ModelsWithFeatures);
}
