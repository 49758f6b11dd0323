using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SynthKit.Generators.Tests;

/// <summary>
/// The incremental pipeline caches: unrelated edits leave every tracked step Cached or Unchanged, and no step output
/// holds a symbol, syntax node, location or compilation (which would defeat caching and root old compilations).
/// </summary>
public class PipelineTests
{
    private static readonly string[] s_trackedSteps =
    [
        TrackingNames.SchemaAttribute, TrackingNames.SynthesizerAttribute, TrackingNames.Features,
        TrackingNames.Diagnostics, TrackingNames.Models, TrackingNames.ModelsWithFeatures,
    ];

    private static readonly string[] s_sources = [Sources.SimpleClass, Sources.NestedAndLists, Sources.DomainModel, Sources.SynthesizerForDomainModel.Replace("Domain.Patient", "Shop.Customer").Replace("PatientSynthesizer", "OtherCustomerSynthesizer")];

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(s_sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other { public class Unrelated { public int X { get; set; } } }", GeneratorHarness.ParseOptions));
        driver = driver.RunGenerators(edited);

        AssertAllCachedOrUnchanged(driver);
    }

    [Fact]
    public void Editing_a_comment_in_a_schema_file_reparses_it_but_changes_no_model()
    {
        var compilation = GeneratorHarness.Compile(s_sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.First();

        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(tree.ToString().Replace("namespace Shop;", "namespace Shop; // edited"), GeneratorHarness.ParseOptions, tree.FilePath));
        driver = driver.RunGenerators(edited);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.Contains(steps[TrackingNames.SchemaAttribute].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Unchanged);
        Assert.All(steps[TrackingNames.ModelsWithFeatures].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void A_real_change_to_a_schema_is_seen()
    {
        var compilation = GeneratorHarness.Compile(s_sources);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.First();

        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(tree.ToString().Replace("Normal(40, 12)", "Normal(41, 12)"), GeneratorHarness.ParseOptions, tree.FilePath));
        driver = driver.RunGenerators(edited);

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        Assert.Contains(steps[TrackingNames.ModelsWithFeatures].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_location_or_compilation()
    {
        var compilation = GeneratorHarness.Compile(s_sources.Append("using SynthKit; [SyntheticSchema] public class Broken { [Normal(0, -1)] public double X { get; set; } }"));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;

        int walked = 0;
        foreach (var name in s_trackedSteps)
        {
            foreach (var output in steps[name].SelectMany(s => s.Outputs))
            {
                Walk(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                walked++;
            }
        }

        Assert.True(walked >= s_trackedSteps.Length, "the steps produced outputs to inspect");
    }

    private static void AssertAllCachedOrUnchanged(GeneratorDriver driver)
    {
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in s_trackedSteps)
        {
            Assert.True(steps.ContainsKey(name), $"step {name} ran");
            foreach (var output in steps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {output.Reason}");
            }
        }
    }

    private static void Walk(object? node, string path, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
        {
            return;
        }

        Assert.False(
            node is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or IOperation,
            $"{path} holds a {node.GetType().Name}");

        if (node is IEnumerable sequence)
        {
            int i = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{i++}]", seen);
            }

            return;
        }

        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        for (var type = node.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(flags | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(node), $"{path}.{field.Name}", seen);
            }
        }
    }
}
