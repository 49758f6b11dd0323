using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;
using SynthKit.CodeAnalysis;

namespace SynthKit.Analyzers.CodeFixes;

/// <summary>SK1001: mark the member <c>[Pii(PiiKind.…)]</c> (the kind its name suggests) or <c>[NotPii]</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PersonalDataCodeFix)), Shared]
public sealed class PersonalDataCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnmarkedPersonalData);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!await AttributeAdder.IsOnMemberAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                continue; // the member lives in another assembly (reported at [Synthesizer]); its own project must mark it
            }

            string kind = diagnostic.Properties.TryGetValue(SchemaAnalyzer.PiiKindProperty, out var k) && k is not null ? k : "Other";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Mark as personal data: [Pii(PiiKind.{kind})]",
                    ct => AttributeAdder.AddToMemberAsync(context.Document, diagnostic, "SynthKit.Pii", ct, $"SynthKit.PiiKind.{kind}"),
                    equivalenceKey: "SynthKit.AddPii"),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mark as not personal data: [NotPii]",
                    ct => AttributeAdder.AddToMemberAsync(context.Document, diagnostic, "SynthKit.NotPii", ct),
                    equivalenceKey: "SynthKit.AddNotPii"),
                diagnostic);
        }
    }
}

/// <summary>SK1002: mark the member <c>[QuasiIdentifier]</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(QuasiIdentifierCodeFix)), Shared]
public sealed class QuasiIdentifierCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnmarkedQuasiIdentifier);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!await AttributeAdder.IsOnMemberAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                continue; // the member lives in another assembly (reported at [Synthesizer]); its own project must mark it
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Mark as a quasi-identifier: [QuasiIdentifier]",
                    ct => AttributeAdder.AddToMemberAsync(context.Document, diagnostic, "SynthKit.QuasiIdentifier", ct),
                    equivalenceKey: "SynthKit.AddQuasiIdentifier"),
                diagnostic);
        }
    }
}

/// <summary>SK1003: mark the member <c>[Sensitive(Category = "…")]</c> with the category its name suggests.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SensitiveCodeFix)), Shared]
public sealed class SensitiveCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnmarkedSensitiveAttribute);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!await AttributeAdder.IsOnMemberAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false))
            {
                continue; // the member lives in another assembly (reported at [Synthesizer]); its own project must mark it
            }

            string category = diagnostic.Properties.TryGetValue(SchemaAnalyzer.CategoryProperty, out var c) && c is not null ? c : "other";
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Mark as sensitive: [Sensitive(Category = \"{category}\")]",
                    ct => AttributeAdder.AddToMemberAsync(context.Document, diagnostic, "SynthKit.Sensitive", ct, named: ("Category", category)),
                    equivalenceKey: "SynthKit.AddSensitive"),
                diagnostic);
        }
    }
}

/// <summary>SK2001: add a <c>[Provenance(Source = "…", Purpose = "…", Owner = "…")]</c> skeleton to the schema or synthesizer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ProvenanceCodeFix)), Shared]
public sealed class ProvenanceCodeFix : CodeFixProvider
{
    /// <summary>The placeholder the skeleton holds; SK2002 keeps flagging it until it is replaced.</summary>
    public const string Placeholder = "…";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MissingProvenance);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add a [Provenance] skeleton",
                    ct => AttributeAdder.AddToMemberAsync(context.Document, diagnostic, "SynthKit.Provenance", ct, null, ("Source", Placeholder), ("Purpose", Placeholder), ("Owner", Placeholder)),
                    equivalenceKey: "SynthKit.AddProvenance"),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Adds an attribute to the declaration a diagnostic points at, importing <c>SynthKit</c> as needed.</summary>
internal static class AttributeAdder
{
    /// <summary>Whether the diagnostic sits on a member, parameter or field this document declares (not on a <c>[Synthesizer]</c> attribute).</summary>
    public static async Task<bool> IsOnMemberAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var token = root?.FindToken(diagnostic.Location.SourceSpan.Start);
        var target = token?.Parent?.AncestorsAndSelf().FirstOrDefault(n =>
            n is PropertyDeclarationSyntax or FieldDeclarationSyntax or ParameterSyntax or BaseTypeDeclarationSyntax or AttributeSyntax);
        return target is PropertyDeclarationSyntax or FieldDeclarationSyntax or ParameterSyntax;
    }

    public static Task<Document> AddToMemberAsync(Document document, Diagnostic diagnostic, string attribute, CancellationToken cancellationToken, string? argument = null) =>
        AddToMemberAsync(document, diagnostic, attribute, cancellationToken, argument, System.Array.Empty<(string, string)>());

    public static Task<Document> AddToMemberAsync(Document document, Diagnostic diagnostic, string attribute, CancellationToken cancellationToken, (string Name, string Value) named) =>
        AddToMemberAsync(document, diagnostic, attribute, cancellationToken, null, named);

    public static async Task<Document> AddToMemberAsync(Document document, Diagnostic diagnostic, string attribute, CancellationToken cancellationToken, string? argument, params (string Name, string Value)[] named)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        var target = token.Parent?.AncestorsAndSelf().FirstOrDefault(n =>
            n is PropertyDeclarationSyntax or FieldDeclarationSyntax or ParameterSyntax or BaseTypeDeclarationSyntax);
        if (target is null)
        {
            return document;
        }

        var arguments = SyntaxFactory.SeparatedList<AttributeArgumentSyntax>();
        if (argument is not null)
        {
            arguments = arguments.Add(SyntaxFactory.AttributeArgument(Annotate(SyntaxFactory.ParseExpression(argument))));
        }

        foreach (var (name, value) in named)
        {
            arguments = arguments.Add(SyntaxFactory.AttributeArgument(
                SyntaxFactory.NameEquals(name),
                nameColon: null,
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value))));
        }

        var attributeSyntax = SyntaxFactory.Attribute(
            (NameSyntax)Annotate(SyntaxFactory.ParseName(attribute)),
            arguments.Count == 0 ? null : SyntaxFactory.AttributeArgumentList(arguments));
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var lists = target switch
        {
            MemberDeclarationSyntax member => member.AttributeLists,
            ParameterSyntax parameter => parameter.AttributeLists,
            _ => default,
        };
        var last = lists.LastOrDefault();
        if (last is not null && !last.GetTrailingTrivia().Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) && last.Target is null)
        {
            // Attributes written on the declaration's line: join the last list, [Rule, Mark], instead of opening another.
            editor.ReplaceNode(last, last.AddAttributes(attributeSyntax));
        }
        else
        {
            editor.AddAttribute(target, attributeSyntax);
        }

        // Import SynthKit where needed; the code action's clean-up then reduces SynthKit.X to X.
        return await ImportAdder.AddImportsAsync(editor.GetChangedDocument(), Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static T Annotate<T>(T node)
        where T : SyntaxNode =>
        node.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
}
