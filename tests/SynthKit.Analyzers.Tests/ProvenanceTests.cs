using System.Threading.Tasks;
using Verify = SynthKit.Analyzers.Tests.Verifier<SynthKit.Analyzers.CodeFixes.ProvenanceCodeFix>;

namespace SynthKit.Analyzers.Tests;

public class ProvenanceTests
{
    [Fact]
    public async Task A_schema_without_provenance_gets_a_skeleton_whose_placeholders_stay_flagged()
    {
        const string source = """
            using SynthKit;

            [SyntheticSchema]
            public class {|#0:Order|}
            {
                [Uniform(1, 9)] public int Quantity { get; set; }
            }
            """;
        const string fixedSource = """
            using SynthKit;

            [SyntheticSchema]
            [{|#0:Provenance(Source = "…", Purpose = "…", Owner = "…")|}]
            public class Order
            {
                [Uniform(1, 9)] public int Quantity { get; set; }
            }
            """;

        await Verify.CodeFixAsync(
            source,
            [Verify.Diagnostic("SK2001").WithLocation(0).WithArguments("Order", "Order")],
            fixedSource,
            remaining: [Verify.Diagnostic("SK2002").WithLocation(0).WithArguments("Source and Purpose", "where the data (or the knowledge behind its rules) comes from, and what it is for")]);
    }

    [Fact]
    public async Task A_synthesizer_for_a_type_without_provenance_gets_the_fix_on_the_synthesizer()
    {
        const string source = """
            using SynthKit;

            public class Order { public int Quantity { get; set; } }

            [Synthesizer(typeof(Order))]
            public partial class {|#0:OrderSynthesizer|} { }
            """;
        const string fixedSource = """
            using SynthKit;

            public class Order { public int Quantity { get; set; } }

            [Synthesizer(typeof(Order))]
            [{|#0:Provenance(Source = "…", Purpose = "…", Owner = "…")|}]
            public partial class OrderSynthesizer { }
            """;

        await Verify.CodeFixAsync(
            source,
            [Verify.Diagnostic("SK2001").WithLocation(0).WithArguments("Order", "OrderSynthesizer")],
            fixedSource,
            remaining: [Verify.Diagnostic("SK2002").WithLocation(0).WithArguments("Source and Purpose", "where the data (or the knowledge behind its rules) comes from, and what it is for")]);
    }

    [Fact]
    public async Task Provenance_on_the_type_the_synthesizer_or_the_assembly_is_enough()
    {
        const string source = """
            using SynthKit;

            [SyntheticSchema, Provenance(Source = "rules", Purpose = "tests")]
            public class A { public int X { get; set; } }

            public class B { public int X { get; set; } }

            [Synthesizer(typeof(B)), Provenance(Source = "rules", Purpose = "tests")]
            public partial class BSynthesizer { }
            """;
        const string assemblyLevel = """
            using SynthKit;

            [assembly: Provenance(Source = "rules", Purpose = "tests")]

            [SyntheticSchema]
            public class C { public int X { get; set; } }
            """;

        await Verify.AnalyzerAsync(source);
        await Verify.AnalyzerAsync(assemblyLevel);
    }

    [Theory]
    [InlineData("Source = \"\", Purpose = \"tests\"", "Source", "where the data (or the knowledge behind its rules) comes from")]
    [InlineData("Source = \"rules\", Purpose = \"   \"", "Purpose", "what the synthetic data is for")]
    [InlineData("Source = \"TODO\", Purpose = \"tests\"", "Source", "where the data (or the knowledge behind its rules) comes from")]
    [InlineData("Owner = \"team\"", "Source and Purpose", "where the data (or the knowledge behind its rules) comes from, and what it is for")]
    public async Task Empty_or_placeholder_source_or_purpose_is_reported_once_at_the_attribute(string arguments, string what, string say)
    {
        string source = $$"""
            using SynthKit;

            [assembly: {|#0:Provenance({{arguments}})|}]

            [SyntheticSchema] public class A { public int X { get; set; } }
            [SyntheticSchema] public class B { public int X { get; set; } }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("SK2002").WithLocation(0).WithArguments(what, say));
    }
}
