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
    [InlineData("SK3002", "[{|#0:Uniform(10, 1)|}] public int X { get; set; }", "Uniform", "X", "min (10) is greater than max (1)")]
    [InlineData("SK3002", "[{|#0:Uniform(1.2, 1.8)|}] public int X { get; set; }", "Uniform", "X", "no integer lies between 1.2 and 1.8")]
    [InlineData("SK3002", "[{|#0:Clamp(5, 0)|}] public double X { get; set; }", "Clamp", "X", "min (5) is greater than max (0)")]
    [InlineData("SK3002", "[{|#0:Triangular(0, 11, 10)|}] public double X { get; set; }", "Triangular", "X", "need min ≤ mode ≤ max with min < max, but have 0, 11, 10")]
    [InlineData("SK3002", "[{|#0:DateRange(\"2020-01-02\", \"2020-01-01\")|}] public DateOnly X { get; set; }", "DateRange", "X", "min (2020-01-02) is after max (2020-01-01)")]
    [InlineData("SK3002", "[{|#0:Count(3, 1)|}] public List<D> X { get; set; } = new();", "Count", "X", "need 0 ≤ min ≤ max, but have 3 and 1")]
    [InlineData("SK3002", "[Round({|#0:16|})] public double X { get; set; }", "Round", "X", "digits must be between 0 and 15, not 16")]
    [InlineData("SK3003", "[Normal(0, {|#0:-1|})] public double X { get; set; }", "Normal", "X", "standard deviation", "-1")]
    [InlineData("SK3003", "[Poisson({|#0:0|})] public int X { get; set; }", "Poisson", "X", "lambda", "0")]
    [InlineData("SK3003", "[Exponential({|#0:-2|})] public double X { get; set; }", "Exponential", "X", "rate", "-2")]
    [InlineData("SK3003", "[Zipf(1.1, {|#0:0|})] public int X { get; set; }", "Zipf", "X", "count", "0")]
    [InlineData("SK3004", "[Categorical(\"a\", \"b\", {|#0:Weights = new[] { 1.0 }|})] public string X { get; set; } = \"\";", "X", "2 value(s) but 1 weight(s); give one weight per value")]
    [InlineData("SK3004", "[Categorical(\"a\", \"b\", {|#0:Weights = new[] { 0.0, 0.0 }|})] public string X { get; set; } = \"\";", "X", "weights must be finite, not negative, and sum to a positive number")]
    [InlineData("SK3004", "[Categorical(\"a\", {|#0:2|})] public string X { get; set; } = \"\";", "X", "'2' (int) is not a value of type string")]
    [InlineData("SK3004", "[Categorical(\"A\", {|#0:\"Z\"|})] public E X { get; set; }", "X", "'Z' is not a member of E")]
    [InlineData("SK3004", "[Categorical({|#0:1000|})] public byte X { get; set; }", "X", "1000 is not a value of type byte")]
    [InlineData("SK3005", "[Probability({|#0:1.5|})] public bool X { get; set; }", "Probability", "X", "the probability 1.5")]
    [InlineData("SK3005", "[NullRate({|#0:-0.1|})] public int? X { get; set; }", "NullRate", "X", "the rate -0.1")]
    [InlineData("SK3006", "[{|#0:Normal(0, 1)|}] public string X { get; set; } = \"\";", "Normal", "X", "string", "it draws numbers")]
    [InlineData("SK3006", "[{|#0:NullRate(0.2)|}] public int X { get; set; }", "NullRate", "X", "int", "the member cannot hold null; make its type nullable (T?)")]
    [InlineData("SK3006", "[{|#0:Pii(PiiKind.Email)|}] public int X { get; set; }", "Pii(PiiKind.Email)", "X", "int", "that kind makes strings; add a generation attribute such as [Pattern] or [Uniform] to say how to make this member")]
    [InlineData("SK3006", "[{|#0:Pattern(\"##\")|}] public int X { get; set; }", "Pattern", "X", "int", "patterns make strings")]
    [InlineData("SK3006", "[{|#0:Probability(0.5)|}] public int X { get; set; }", "Probability", "X", "int", "it draws booleans")]
    [InlineData("SK3006", "[{|#0:DateRange(\"2020-01-01\", \"2021-01-01\")|}] public int X { get; set; }", "DateRange", "X", "int", "it draws dates (DateTime, DateTimeOffset or DateOnly)")]
    [InlineData("SK3006", "[{|#0:Count(1, 2)|}] public int X { get; set; }", "Count", "X", "int", "it sets the element count of lists and arrays")]
    [InlineData("SK3007", "[Normal(0, 1), {|#0:Uniform(0, 1)|}] public double X { get; set; }", "X", "Normal", "Uniform")]
    [InlineData("SK3007", "[System.ComponentModel.DataAnnotations.Required, {|#0:NullRate(0.5)|}] public string? X { get; set; }", "X", "Required", "NullRate")]
    [InlineData("SK3008", "[{|#0:Unique|}] public bool X { get; set; }", "X", "a boolean has only two values")]
    [InlineData("SK3008", "[{|#0:Unique|}, Normal(0, 1)] public double X { get; set; }", "X", "[Normal] draws values that can repeat; unique members take integers, dates, enums, categorical values, patterns, fakes or GUIDs")]
    [InlineData("SK3011", "[Pattern({|#0:\"\"|})] public string X { get; set; } = \"\";", "Pattern", "X", "the pattern is empty")]
    [InlineData("SK3011", "[Pattern({|#0:\"ab\\\\\"|})] public string X { get; set; } = \"\";", "Pattern", "X", "the pattern ends in a lone '\\'; write '\\\\' for a literal backslash")]
    [InlineData("SK3011", "[DateRange({|#0:\"2020-13-01\"|}, \"2021-01-01\")] public DateTime X { get; set; }", "DateRange", "X", "'2020-13-01' is not an ISO 8601 date (yyyy-MM-dd) or timestamp (yyyy-MM-ddTHH:mm:ss)")]
    public async Task Rule_errors_are_reported_at_the_attribute(string id, string member, params string[] arguments)
    {
        string source = Header + "[SyntheticSchema] public class C { " + member + " }";

        await Verify.AnalyzerAsync(source, Verify.Diagnostic(id).WithLocation(0).WithArguments(arguments));
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
            }
            """;

        await Verify.AnalyzerAsync(source);
    }
}
