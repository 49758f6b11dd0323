using System.Threading.Tasks;
using Verify = SynthKit.Analyzers.Tests.Verifier<SynthKit.Analyzers.CodeFixes.PersonalDataCodeFix>;

namespace SynthKit.Analyzers.Tests;

/// <summary>
/// Argument errors in generation rules (SK3002–SK3008, SK3011) are reported by the analyzer, at the attribute, with the
/// message's arguments checked exactly. The generator reads the same rules with the same code and stays silent.
/// </summary>
public class SchemaRulesTests
{
    private const string Header = """
        using System;
        using System.Collections.Generic;
        using SynthKit;

        [assembly: Provenance(Source = "tests", Purpose = "tests")]

        public enum E { A, B }
        public class D { public int Y { get; set; } }

        """;

    [Theory]
    [MemberData(nameof(SynthKit.TestCases.RuleErrorCases.All), MemberType = typeof(SynthKit.TestCases.RuleErrorCases))]
    public async Task Rule_errors_are_reported_at_the_attribute(string id, string member, params string[] arguments)
    {
        string source = Header + SynthKit.TestCases.RuleErrorCases.Parents + "[SyntheticSchema] public class C { " + member + " }";

        await Verify.AnalyzerAsync(source, Verify.Diagnostic(id).WithLocation(0).WithArguments(arguments));
    }

    [Fact]
    public async Task An_unknown_locale_is_reported_at_the_schema_or_synthesizer_attribute()
    {
        string names = string.Join(", ", SynthKit.CodeAnalysis.Locales.Names);
        const string source = Header + """
            [{|#0:SyntheticSchema(Locale = "german")|}] public class C { public int X { get; set; } }
            [SyntheticSchema(Locale = "pt-br")] public class Ok { public int X { get; set; } }
            [SyntheticSchema(Locale = "DE")] public class Upper { public int X { get; set; } }
            public class Plain { public int X { get; set; } }
            [{|#1:Synthesizer(typeof(Plain), Locale = "xx_YY")|}] public partial class PlainSynthesizer { }
            [Synthesizer(typeof(Plain), Name = "Plain2", Locale = "ja")] public partial class Plain2Synthesizer { }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("SK3016").WithLocation(0).WithArguments("german", names),
            Verify.Diagnostic("SK3016").WithLocation(1).WithArguments("xx_YY", names));
    }

    [Fact]
    public async Task Rules_are_checked_on_annotated_domain_types_and_record_parameters_without_SyntheticSchema()
    {
        const string source = Header + """
            namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }

            public record Reading([Normal(20, {|#0:0|})] double Celsius, [Uniform(0, 100)] int Humidity);
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("SK3003").WithLocation(0).WithArguments("Normal", "Celsius", "standard deviation", "0"));
    }

    [Fact]
    public async Task Valid_rules_raise_nothing()
    {
        const string source = Header + """
            [SyntheticSchema]
            public class Valid
            {
                [QuasiIdentifier, Normal(45, 18), Clamp(0, 100)] public int Age { get; set; }
                [QuasiIdentifier, Categorical("F", "M", "X", Weights = new[] { 0.49, 0.49, 0.02 })] public string Sex { get; set; } = "";
                [Unique, Pattern("ID-####")] public string Code { get; set; } = "";
                [NullRate(0.1), Poisson(2)] public int? Visits { get; set; }
                [DateRange("2020-01-01", "2020-12-31")] public DateOnly Day { get; set; }
                [Count(0, 3)] public List<D> Items { get; set; } = new();
                [System.ComponentModel.DataAnnotations.Range(1, 5)] public int Stars { get; set; }
                [System.ComponentModel.DataAnnotations.Range(typeof(decimal), "0.01", "10000")] public decimal Price { get; set; }
                [System.ComponentModel.DataAnnotations.Range(typeof(DateTime), "2020-01-01", "2021-01-01")] public DateTime Seen { get; set; }
                [Normal(50, 10), System.ComponentModel.DataAnnotations.Range(0, 100)] public double Score { get; set; }
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Categorical_values_of_every_member_type_and_format_attributes_raise_nothing()
    {
        string source = Header + SynthKit.TestCases.RuleLiteralCases.Enum + "\n[SyntheticSchema]\npublic class Order\n{\n" + SynthKit.TestCases.RuleLiteralCases.Members + """

                [Categorical("Bronze")] public Tier Named { get; set; }
                [Categorical((short)-3, (short)4)] public short Small { get; set; }
                [Count(0, 3)] public List<D> Items { get; set; } = new();
                [System.ComponentModel.DataAnnotations.MinLength(1), System.ComponentModel.DataAnnotations.MaxLength(4)] public List<D> More { get; set; } = new();
                [System.ComponentModel.DataAnnotations.StringLength(20, MinimumLength = 2), NotPii] public string Label { get; set; } = "";
            }
            """;

        await Verify.AnalyzerAsync(source);
    }
}
