using System.Linq;

namespace SynthKit.Generators.Tests;

/// <summary>
/// Each schema error is one coded diagnostic at the attribute or member that causes it. The marked span <c>[|…|]</c>
/// in each source is where the diagnostic must point.
/// </summary>
public class DiagnosticTests
{
    private const string Usings = "using System; using System.Collections.Generic; using SynthKit;\n";

    [Theory]
    [InlineData("SK3001", "[SyntheticSchema] public class C { public Uri [|Link|] { get; set; } = null!; }", "type 'System.Uri'")]
    [InlineData("SK3001", "[SyntheticSchema] public class C { public List<int> [|Numbers|] { get; set; } = new(); }", "lists of int are not supported")]
    [InlineData("SK3001", "[SyntheticSchema] public class C { public Dictionary<string, int> [|Map|] { get; set; } = new(); }", "Dictionary")]
    [InlineData("SK3002", "[SyntheticSchema] public class C { [[|Uniform(10, 1)|]] public int X { get; set; } }", "min (10) is greater than max (1)")]
    [InlineData("SK3002", "[SyntheticSchema] public class C { [[|Uniform(1.2, 1.8)|]] public int X { get; set; } }", "no integer lies between")]
    [InlineData("SK3002", "[SyntheticSchema] public class C { [[|Clamp(5, 0)|]] public double X { get; set; } }", "greater than max")]
    [InlineData("SK3002", "[SyntheticSchema] public class C { [[|Triangular(0, 11, 10)|]] public double X { get; set; } }", "min ≤ mode ≤ max")]
    [InlineData("SK3002", "[SyntheticSchema] public class C { [[|DateRange(\"2020-01-02\", \"2020-01-01\")|]] public DateOnly X { get; set; } }", "is after max")]
    [InlineData("SK3002", "[SyntheticSchema] public class C { [[|Count(3, 1)|]] public List<D> X { get; set; } = new(); } public class D { public int Y { get; set; } }", "0 ≤ min ≤ max")]
    [InlineData("SK3003", "[SyntheticSchema] public class C { [[|Normal(0, -1)|]] public double X { get; set; } }", "standard deviation must be positive, but is -1")]
    [InlineData("SK3003", "[SyntheticSchema] public class C { [[|Poisson(0)|]] public int X { get; set; } }", "lambda must be positive")]
    [InlineData("SK3003", "[SyntheticSchema] public class C { [[|Exponential(-2)|]] public double X { get; set; } }", "rate must be positive")]
    [InlineData("SK3004", "[SyntheticSchema] public class C { [[|Categorical(\"a\", \"b\", Weights = new[] { 1.0 })|]] public string X { get; set; } = \"\"; }", "2 value(s) but 1 weight(s)")]
    [InlineData("SK3004", "[SyntheticSchema] public class C { [[|Categorical(\"a\", \"b\", Weights = new[] { 0.0, 0.0 })|]] public string X { get; set; } = \"\"; }", "sum to a positive number")]
    [InlineData("SK3004", "[SyntheticSchema] public class C { [[|Categorical(\"a\", 2)|]] public string X { get; set; } = \"\"; }", "'2'")]
    [InlineData("SK3004", "public enum E { A, B } [SyntheticSchema] public class C { [[|Categorical(\"A\", \"Z\")|]] public E X { get; set; } }", "'Z' is not a member of E")]
    [InlineData("SK3004", "[SyntheticSchema] public class C { [[|Categorical(1000)|]] public byte X { get; set; } }", "1000 is not a value of type byte")]
    [InlineData("SK3005", "[SyntheticSchema] public class C { [[|Probability(1.5)|]] public bool X { get; set; } }", "the probability 1.5 is outside [0, 1]")]
    [InlineData("SK3005", "[SyntheticSchema] public class C { [[|NullRate(-0.1)|]] public int? X { get; set; } }", "the rate -0.1")]
    [InlineData("SK3006", "[SyntheticSchema] public class C { [[|Normal(0, 1)|]] public string X { get; set; } = \"\"; }", "it draws numbers")]
    [InlineData("SK3006", "[SyntheticSchema] public class C { [[|NullRate(0.2)|]] public int X { get; set; } }", "make its type nullable")]
    [InlineData("SK3006", "[SyntheticSchema] public class C { [[|Pii(PiiKind.Email)|]] public int X { get; set; } }", "that kind makes strings")]
    [InlineData("SK3006", "[SyntheticSchema] public class C { [[|Pattern(\"##\")|]] public int X { get; set; } }", "patterns make strings")]
    [InlineData("SK3006", "[SyntheticSchema] public class C { [[|Probability(0.5)|]] public int X { get; set; } }", "it draws booleans")]
    [InlineData("SK3006", "[SyntheticSchema] public class C { [[|DateRange(\"2020-01-01\", \"2021-01-01\")|]] public int X { get; set; } }", "it draws dates")]
    [InlineData("SK3007", "[SyntheticSchema] public class C { [Normal(0, 1), [|Uniform(0, 1)|]] public double X { get; set; } }", "has both [Normal] and [Uniform]")]
    [InlineData("SK3007", "[SyntheticSchema] public class C { [System.ComponentModel.DataAnnotations.Required, [|NullRate(0.5)|]] public string? X { get; set; } }", "[Required] and [NullRate]")]
    [InlineData("SK3008", "[SyntheticSchema] public class C { [[|Unique|]] public bool X { get; set; } }", "only two values")]
    [InlineData("SK3008", "[SyntheticSchema] public class C { [[|Unique|], Normal(0, 1)] public double X { get; set; } }", "[Normal] draws values that can repeat")]
    [InlineData("SK3009", "[SyntheticSchema] public class [|C|] { public C(int unrelated) { } public int X { get; set; } }", "no accessible parameterless constructor")]
    [InlineData("SK3010", "public class P { public int X { get; set; } } [Synthesizer(typeof(P))] public class [|PSynth|] { }", "must be declared partial")]
    [InlineData("SK3010", "public class P { public int X { get; set; } } public partial class Outer { [Synthesizer(typeof(P))] public partial class [|PSynth|] { } }", "top-level")]
    [InlineData("SK3011", "[SyntheticSchema] public class C { [[|Pattern(\"\")|]] public string X { get; set; } = \"\"; }", "the pattern is empty")]
    [InlineData("SK3011", "[SyntheticSchema] public class C { [[|Pattern(\"ab\\\\\")|]] public string X { get; set; } = \"\"; }", "lone '\\'")]
    [InlineData("SK3011", "[SyntheticSchema] public class C { [[|DateRange(\"2020-13-01\", \"2021-01-01\")|]] public DateTime X { get; set; } }", "'2020-13-01' is not an ISO 8601 date")]
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
        var result = GeneratorHarness.Run(Usings + "[SyntheticSchema] public class C { [Normal(0, -1)] public double X { get; set; } public Uri? Link { get; set; } public int Y { get; set; } }");

        Assert.Equal(["SK3001", "SK3003"], result.GeneratorDiagnostics.Select(d => d.Id).Order());
        Assert.Empty(result.CompilerErrors);
        Assert.Contains("CSynthesizer.g.cs", result.Sources.Keys.Single());
    }

    [Fact]
    public void Errors_in_a_type_from_metadata_point_at_the_synthesizer_attribute()
    {
        var domain = GeneratorHarness.Compile([Usings + "namespace Domain; public class P { public Uri? Link { get; set; } }"], assemblyName: "Domain");

        string source = Usings + "[Synthesizer(typeof(Domain.P))] public partial class PSynth;";
        var result = GeneratorHarness.Run(GeneratorHarness.Compile([source], [GeneratorHarness.ToMetadataReference(domain)]));

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("SK3001", diagnostic.Id);
        Assert.Contains("Member 'Link' of 'Domain.P'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Synthesizer(typeof(Domain.P))", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }
}
