using System.Threading.Tasks;
using QuasiVerify = SynthKit.Analyzers.Tests.Verifier<SynthKit.Analyzers.CodeFixes.QuasiIdentifierCodeFix>;
using SensitiveVerify = SynthKit.Analyzers.Tests.Verifier<SynthKit.Analyzers.CodeFixes.SensitiveCodeFix>;

namespace SynthKit.Analyzers.Tests;

public class QuasiIdentifierTests
{
    private const string Header = """
        using System;
        using SynthKit;

        [assembly: Provenance(Source = "tests", Purpose = "tests")]

        public enum Gender { Female, Male, Other }

        """;

    [Fact]
    public async Task Two_or_more_quasi_identifier_families_unmarked_are_each_reported()
    {
        const string source = Header + """
            [SyntheticSchema]
            public class Resident
            {
                [Pattern("#####")] public string {|#0:Zip|} { get; set; } = "";
                [Uniform(18, 90)] public int {|#1:Age|} { get; set; }
                public Gender {|#2:Gender|} { get; set; }
            }
            """;

        // Zip is also unmarked personal data: it gets that warning alone (either fix settles both).
        await QuasiVerify.AnalyzerAsync(
            source,
            QuasiVerify.Diagnostic("SK1001").WithLocation(0).WithArguments("Zip", "its name says postal code"),
            QuasiVerify.Diagnostic("SK1002").WithLocation(1).WithArguments("Age", "birth date", "Zip and Gender"),
            QuasiVerify.Diagnostic("SK1002").WithLocation(2).WithArguments("Gender", "sex", "Zip and Age"));
    }

    [Fact]
    public async Task A_single_family_or_marked_members_are_fine()
    {
        const string source = Header + """
            [SyntheticSchema]
            public class OnlyBirth
            {
                [Uniform(18, 90)] public int Age { get; set; }
                public DateTime YearOfBirth { get; set; }
            }

            [SyntheticSchema]
            public class Marked
            {
                [QuasiIdentifier, Pattern("#####")] public string Zip { get; set; } = "";
                [Pii(PiiKind.DateOfBirth)] public DateTime BirthDate { get; set; }
                [QuasiIdentifier] public Gender Sex { get; set; }
            }
            """;

        await QuasiVerify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Fix_all_marks_the_quasi_identifiers()
    {
        const string source = Header + """
            [SyntheticSchema]
            public class Resident
            {
                [Uniform(18, 90)] public int {|#0:Age|} { get; set; }
                public Gender {|#1:Sex|} { get; set; }
            }
            """;
        const string fixedSource = Header + """
            [SyntheticSchema]
            public class Resident
            {
                [Uniform(18, 90), QuasiIdentifier] public int Age { get; set; }
                [QuasiIdentifier]
                public Gender Sex { get; set; }
            }
            """;

        await QuasiVerify.CodeFixAsync(
            source,
            [
                QuasiVerify.Diagnostic("SK1002").WithLocation(0).WithArguments("Age", "birth date", "Sex"),
                QuasiVerify.Diagnostic("SK1002").WithLocation(1).WithArguments("Sex", "sex", "Age"),
            ],
            fixedSource,
            fixAll: true);
    }
}

public class SensitiveAttributeTests
{
    private const string Header = """
        using SynthKit;

        [assembly: Provenance(Source = "tests", Purpose = "tests")]

        """;

    [Theory]
    [InlineData("Diagnosis", "string", "health")]
    [InlineData("PrimaryDiagnosisCode", "string", "health")]
    [InlineData("Medications", "string", "health")]
    [InlineData("Religion", "string", "religion")]
    [InlineData("Ethnicity", "string", "ethnicity")]
    [InlineData("SexualOrientation", "string", "sexual orientation")]
    [InlineData("AnnualIncome", "decimal", "financial")]
    [InlineData("Salary", "double", "financial")]
    [InlineData("PoliticalParty", "string", "political opinion")]
    [InlineData("Fingerprint", "string", "biometric")]
    [InlineData("Smoker", "bool", "health")]
    public async Task Sensitive_names_are_flagged_with_their_category(string name, string type, string category)
    {
        string source = Header + $$"""
            [SyntheticSchema]
            public class Patient
            {
                public {{type}} {|#0:{{name}}|} { get; set; } = default!;
            }
            """;

        await SensitiveVerify.AnalyzerAsync(source, SensitiveVerify.Diagnostic("SK1003").WithLocation(0).WithArguments(name, category));
    }

    [Theory]
    [InlineData("IncomeStatementUrl")]
    [InlineData("DiagnosisDate2")]
    [InlineData("RaceTrack")]
    [InlineData("Orientation")]
    public async Task Near_misses_are_not_flagged(string name)
    {
        string source = Header + $$"""
            [SyntheticSchema]
            public class Record
            {
                public string {{name}} { get; set; } = "";
            }
            """;

        await SensitiveVerify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task The_fix_adds_Sensitive_with_the_category()
    {
        const string source = Header + """
            [SyntheticSchema]
            public class Patient
            {
                [Categorical("Asthma", "COPD")] public string {|#0:Diagnosis|} { get; set; } = "";
            }
            """;
        const string fixedSource = Header + """
            [SyntheticSchema]
            public class Patient
            {
                [Categorical("Asthma", "COPD"), Sensitive(Category = "health")] public string Diagnosis { get; set; } = "";
            }
            """;

        await SensitiveVerify.CodeFixAsync(source, [SensitiveVerify.Diagnostic("SK1003").WithLocation(0).WithArguments("Diagnosis", "health")], fixedSource);
    }
}
