using System.Linq;

namespace SynthKit.Generators.Tests;

/// <summary>
/// Problems only the generator can see (it cannot produce code) are one coded diagnostic each, at the attribute or
/// member that causes them; the marked span <c>[|…|]</c> is where it must point. Argument errors in rules belong to the
/// analyzers (tests/SynthKit.Analyzers.Tests) and the generator must stay silent about them.
/// </summary>
public class DiagnosticTests
{
    private const string Usings = "using System; using System.Collections.Generic; using SynthKit;\n";

    [Theory]
    [InlineData("SK3001", "[SyntheticSchema] public class C { public Version [|Build|] { get; set; } = null!; }", "type 'System.Version'")]
    [InlineData("SK3001", "[SyntheticSchema] public class C { public List<int?> [|Numbers|] { get; set; } = new(); }", "lists of int? are not supported")]
    [InlineData("SK3001", "[SyntheticSchema] public class C { public List<List<int>> [|Numbers|] { get; set; } = new(); }", "lists of System.Collections.Generic.List<int> are not supported")]
    [InlineData("SK3001", "[SyntheticSchema] public class C { public Dictionary<string, int> [|Map|] { get; set; } = new(); }", "Dictionary")]
    [InlineData("SK3009", "[SyntheticSchema] public class [|C|] { public C(int unrelated) { } public int X { get; set; } }", "no accessible parameterless constructor")]
    [InlineData("SK3010", "public class P { public int X { get; set; } } [Synthesizer(typeof(P))] public class [|PSynth|] { }", "must be declared partial")]
    [InlineData("SK3010", "public class P { public int X { get; set; } } public partial class Outer { [Synthesizer(typeof(P))] public partial class [|PSynth|] { } }", "top-level")]
    [InlineData("SK3010", "public class P { public int X { get; set; } } [Synthesizer(typeof(P))] public partial class [|PSynth|]<T> { }", "must be a non-generic, non-static class")]
    [InlineData("SK3010", "public class P { public int X { get; set; } } [Synthesizer(typeof(P))] public static partial class [|PSynth|] { }", "must be a non-generic, non-static class")]
    [InlineData("SK3013", "public enum E { A } [[|Synthesizer(typeof(E))|]] public partial class ESynth { }", "not a built-in type, an enum, a delegate or a static class")]
    [InlineData("SK3013", "[[|Synthesizer(typeof(int))|]] public partial class IntSynth { }", "not a built-in type, an enum, a delegate or a static class")]
    [InlineData("SK3013", "public static class S { } [[|Synthesizer(typeof(S))|]] public partial class SSynth { }", "not a built-in type, an enum, a delegate or a static class")]
    [InlineData("SK3013", "public class G<T> { public T Value { get; set; } = default!; } [[|Synthesizer(typeof(G<>))|]] public partial class GSynth { }", "an open generic type has no rows; close it, as in typeof(G<int>)")]
    [InlineData("SK3013", "public delegate void Handler(); [[|Synthesizer(typeof(Handler))|]] public partial class HSynth { }", "not a built-in type, an enum, a delegate or a static class")]
    [InlineData("SK3013", "[[|SyntheticSchema|]] public ref struct Q { public int X { get; set; } }", "ref struct")]
    [InlineData("SK3012", "[SyntheticSchema] public class C { public D Child { get; set; } = null!; } public class D { public C [|Parent|] { get; set; } = null!; }", "C → D → Parent")]
    [InlineData("SK3013", "public interface I { } [[|Synthesizer(typeof(I))|]] public partial class ISynth { }", "it is an interface")]
    [InlineData("SK3013", "public abstract class A { } [[|Synthesizer(typeof(A))|]] public partial class ASynth { }", "it is abstract")]
    [InlineData("SK3013", "public class Outer { [[|SyntheticSchema|]] private class Hidden { } }", "private or protected")]
    [InlineData("SK3013", "[[|SyntheticSchema|]] public class G<T> { public T Value { get; set; } = default!; }", "it is generic")]
    public void Schema_errors_are_single_coded_diagnostics_at_their_cause(string id, string markedSource, string message)
    {
        int start = markedSource.IndexOf("[|", System.StringComparison.Ordinal);
        int end = markedSource.IndexOf("|]", System.StringComparison.Ordinal) - 2;
        string source = Usings + markedSource.Replace("[|", string.Empty).Replace("|]", string.Empty);

        var result = GeneratorHarness.Run(source);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(markedSource[(start + 2)..(end + 2)], source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal($"https://github.com/synthkit/synthkit/blob/main/docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public void A_member_with_an_invalid_rule_still_yields_code_that_compiles_so_only_the_real_error_shows()
    {
        var result = GeneratorHarness.Run(Usings + "[SyntheticSchema] public class C { [Normal(0, -1)] public double X { get; set; } public Version? Link { get; set; } public int Y { get; set; } }");

        Assert.Equal(["SK3001"], result.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Empty(result.CompilerErrors);
        Assert.Contains("CSynthesizer.g.cs", result.Sources.Keys.Single());
    }

    [Theory]
    [InlineData("[Uniform(10, 1)] public int X { get; set; }")]
    [InlineData("[Normal(0, -1)] public double X { get; set; }")]
    [InlineData("[Categorical(\"a\", \"b\", Weights = new[] { 1.0 })] public string X { get; set; } = \"\";")]
    [InlineData("[Probability(1.5)] public bool X { get; set; }")]
    [InlineData("[Normal(0, 1)] public string X { get; set; } = \"\";")]
    [InlineData("[Normal(0, 1), Uniform(0, 1)] public double X { get; set; }", "// X: Normal(mean: 0, sd: 1)")]
    [InlineData("[Unique] public bool X { get; set; }")]
    [InlineData("[Pattern(\"\")] public string X { get; set; } = \"\";")]
    public void Argument_errors_are_left_to_the_analyzers_and_the_member_falls_back_to_a_rule_that_compiles(string member, string expected = "// X: default:")
    {
        var result = GeneratorHarness.Run(Usings + "[SyntheticSchema] public class C { " + member + " }");

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilerErrors);
        Assert.Contains(expected, result.Sources["CSynthesizer.g.cs"]);
    }

    [Fact]
    public void Errors_in_a_type_from_metadata_point_at_the_synthesizer_attribute()
    {
        var domain = GeneratorHarness.Compile([Usings + "namespace Domain; public class P { public Version? Link { get; set; } }"], assemblyName: "Domain");

        string source = Usings + "[Synthesizer(typeof(Domain.P))] public partial class PSynth;";
        var result = GeneratorHarness.Run(GeneratorHarness.Compile([source], [GeneratorHarness.ToMetadataReference(domain)]));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SK3001", diagnostic.Id);
        Assert.Contains("Member 'Link' of 'Domain.P'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Synthesizer(typeof(Domain.P))", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }
}
