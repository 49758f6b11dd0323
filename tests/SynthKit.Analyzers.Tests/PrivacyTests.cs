using System.Threading.Tasks;
using SynthKit.Analyzers.CodeFixes;
using Verify = SynthKit.Analyzers.Tests.Verifier<SynthKit.Analyzers.CodeFixes.PersonalDataCodeFix>;

namespace SynthKit.Analyzers.Tests;

public class PersonalDataTests
{
    private const string Header = """
        using System;
        using SynthKit;

        [assembly: Provenance(Source = "tests", Purpose = "tests")]

        """;

    [Theory]
    [InlineData("Email", "string", "Email")]
    [InlineData("customerEmailAddress", "string", "Email")]
    [InlineData("EMAIL", "string", "Email")]
    [InlineData("e_mail", "string", "Email")]
    [InlineData("home_phone", "string", "Phone")]
    [InlineData("PhoneNumber", "long", "Phone")]
    [InlineData("FirstName", "string", "FirstName")]
    [InlineData("Surname", "string", "LastName")]
    [InlineData("ShippingAddressLine1", "string", "StreetAddress")]
    [InlineData("ZipCode", "string", "PostalCode")]
    [InlineData("BirthDate", "DateTime", "DateOfBirth")]
    [InlineData("DateOfBirth", "DateTime?", "DateOfBirth")]
    [InlineData("SSN", "string", "NationalId")]
    [InlineData("PassportNo", "string", "PassportNumber")]
    [InlineData("DriversLicense", "string", "DriversLicense")]
    [InlineData("CreditCardNumber", "string", "CreditCardNumber")]
    [InlineData("Iban", "string", "Iban")]
    [InlineData("ClientIpAddress", "string", "IpAddress")]
    [InlineData("MacAddress", "string", "MacAddress")]
    [InlineData("DeviceId", "Guid", "DeviceId")]
    [InlineData("UserName", "string", "Username")]
    [InlineData("MRN", "string", "MedicalRecordNumber")]
    [InlineData("Latitude", "double", "Latitude")]
    [InlineData("Lng", "decimal", "Longitude")]
    [InlineData("CustomerName", "string", "FullName")]
    [InlineData("BankAccount", "string", "AccountNumber")]
    [InlineData("RoutingNumber", "long", "AccountNumber")]
    [InlineData("Town", "string", "City")]
    public async Task Names_that_say_personal_data_are_flagged_with_the_kind_they_suggest(string name, string type, string kind)
    {
        string source = Header + $$"""
            [SyntheticSchema]
            public class Customer
            {
                public {{type}} {|#0:{{name}}|} { get; set; } = default!;
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("SK1001").WithLocation(0).WithArguments(name, "its name says " + Describe(kind)));
    }

    [Theory]
    [InlineData("EmailSent", "bool")]
    [InlineData("EmailSentAt", "DateTime")]
    [InlineData("EmailCount", "int")]
    [InlineData("IsEmailConfirmed", "bool")]
    [InlineData("PhoneticSpelling", "string")]
    [InlineData("ZipArchivePath", "string")]
    [InlineData("AddressFamily", "string")]
    [InlineData("Email", "int")]
    [InlineData("Latitude", "string[]")]
    [InlineData("Longitude", "bool")]
    [InlineData("StreetLights", "int")]
    [InlineData("Description", "string")]
    [InlineData("Name", "string")]
    public async Task Near_misses_and_types_that_cannot_hold_the_data_are_not_flagged(string name, string type)
    {
        string source = Header + $$"""
            [SyntheticSchema]
            public class Customer
            {
                [Uniform(0, 1)] public int Marker { get; set; }
                public {{type}} {{name}} { get; set; } = default!;
            }
            """;

        await Verify.AnalyzerAsync(source.Replace("public string[] Latitude", "[SynthIgnore] public string[] Latitude"));
    }

    [Fact]
    public async Task Pii_or_NotPii_states_it_and_silences_the_warning()
    {
        const string source = Header + """
            [SyntheticSchema]
            public class Customer
            {
                [Pii(PiiKind.Email)] public string Email { get; set; } = "";
                [NotPii(Justification = "a shared team inbox")] public string SupportEmail { get; set; } = "";
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task DataAnnotations_and_well_known_types_count_as_personal_data()
    {
        const string source = Header + """
            [SyntheticSchema]
            public class Contact
            {
                [System.ComponentModel.DataAnnotations.EmailAddress] public string {|#0:Primary|} { get; set; } = "";
                [System.ComponentModel.DataAnnotations.Phone] public string {|#1:Reach|} { get; set; } = "";
                [System.ComponentModel.DataAnnotations.CreditCard] public string {|#5:Payment|} { get; set; } = "";
                public System.Net.IPAddress {|#2:Origin|} { get; set; } = null!;
                public System.Net.Mail.MailAddress {|#3:Sender|} { get; set; } = null!;
                public System.Net.NetworkInformation.PhysicalAddress {|#4:Nic|} { get; set; } = null!;
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("Primary", "it carries [EmailAddress]"),
            Verify.Diagnostic("SK1001").WithLocation(1).WithArguments("Reach", "it carries [Phone]"),
            Verify.Diagnostic("SK1001").WithLocation(2).WithArguments("Origin", "it is an IP address"),
            Verify.Diagnostic("SK1001").WithLocation(3).WithArguments("Sender", "it is a mail address"),
            Verify.Diagnostic("SK1001").WithLocation(4).WithArguments("Nic", "it is a MAC address"),
            Verify.Diagnostic("SK1001").WithLocation(5).WithArguments("Payment", "it carries [CreditCard]"));
    }

    [Fact]
    public async Task Inherited_and_internal_members_the_generator_fills_are_analysed_too()
    {
        const string source = Header + """
            public class Person
            {
                public string {|#0:Email|} { get; set; } = "";
            }

            [SyntheticSchema]
            public class Customer : Person
            {
                internal string {|#1:PhoneNumber|} { get; set; } = "";
                private string SecretEmail { get; set; } = "";
                [Normal(40, 10)] public int Age { get; set; }
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("Email", "its name says " + Describe("Email")),
            Verify.Diagnostic("SK1001").WithLocation(1).WithArguments("PhoneNumber", "its name says " + Describe("Phone")));
    }

    [Fact]
    public async Task Nested_schema_types_are_analysed_through_their_parent_once()
    {
        const string source = Header + """
            public class Contact
            {
                public string {|#0:FirstName|} { get; set; } = "";
                public string {|#1:Email|} { get; set; } = "";
            }

            [SyntheticSchema]
            public class Shipment
            {
                public Contact Recipient { get; set; } = new();
                public System.Collections.Generic.List<Contact> Others { get; set; } = new();
            }

            [SyntheticSchema]
            public class Return
            {
                public Contact Sender { get; set; } = new();
            }
            """;

        await Verify.AnalyzerAsync(
            source,
            Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("FirstName", "its name says " + Describe("FirstName")),
            Verify.Diagnostic("SK1001").WithLocation(1).WithArguments("Email", "its name says " + Describe("Email")));
    }

    [Fact]
    public async Task No_fix_is_offered_where_the_model_lives_in_another_assembly()
    {
        const string domain = """
            namespace Domain;
            public class Patient
            {
                public string Email { get; set; } = "";
            }
            """;
        const string source = Header + """
            [{|#0:Synthesizer(typeof(Domain.Patient))|}]
            public partial class PatientSynthesizer { }
            """;

        // [Pii] on the synthesizer class would not compile (CS0592); the model's own project must mark the member.
        await Verify.NoCodeFixAcrossAssembliesAsync(source, domain, Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("Email", "its name says " + Describe("Email")));
    }

    [Fact]
    public async Task A_record_structs_primary_constructor_parameters_are_read()
    {
        const string source = Header + """
            [SyntheticSchema]
            public readonly record struct Signup([Pii(PiiKind.Email)] string Email, string {|#0:PhoneNumber|});
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("PhoneNumber", "its name says " + Describe("Phone")));
    }

    [Fact]
    public async Task A_domain_type_with_SynthKit_attributes_is_analysed_without_SyntheticSchema()
    {
        const string source = Header + """
            public class Patient
            {
                [Normal(45, 18)] public int Age { get; set; }
                public string {|#0:Email|} { get; set; } = "";
            }

            public class NotASchema
            {
                public string Email { get; set; } = "";
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("Email", "its name says e-mail address"));
    }

    [Fact]
    public async Task The_fix_adds_Pii_with_the_suggested_kind()
    {
        const string source = """
            using SynthKit;

            [SyntheticSchema, Provenance(Source = "s", Purpose = "p")]
            public class Customer
            {
                public string {|#0:HomePhone|} { get; set; } = "";
            }
            """;
        const string fixedSource = """
            using SynthKit;

            [SyntheticSchema, Provenance(Source = "s", Purpose = "p")]
            public class Customer
            {
                [Pii(PiiKind.Phone)]
                public string HomePhone { get; set; } = "";
            }
            """;

        await Verify.CodeFixAsync(source, [Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("HomePhone", "its name says phone number")], fixedSource);
    }

    [Fact]
    public async Task The_second_fix_adds_NotPii_and_imports_SynthKit()
    {
        const string source = """
            [SynthKit.SyntheticSchema, SynthKit.Provenance(Source = "s", Purpose = "p")]
            public class Customer
            {
                public string {|#0:Email|} { get; set; } = "";
            }
            """;
        const string fixedSource = """
            using SynthKit;

            [SynthKit.SyntheticSchema, SynthKit.Provenance(Source = "s", Purpose = "p")]
            public class Customer
            {
                [NotPii]
                public string Email { get; set; } = "";
            }
            """;

        await Verify.CodeFixAsync(source, [Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("Email", "its name says e-mail address")], fixedSource, codeActionIndex: 1);
    }

    [Fact]
    public async Task Fix_all_marks_every_member_of_a_record_and_its_parameters()
    {
        const string source = """
            using SynthKit;

            namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }

            [SyntheticSchema, Provenance(Source = "s", Purpose = "p")]
            public record Person(string {|#0:FirstName|}, string {|#1:LastName|})
            {
                public string {|#2:Email|} { get; init; } = "";
            }
            """;
        const string fixedSource = """
            using SynthKit;

            namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }

            [SyntheticSchema, Provenance(Source = "s", Purpose = "p")]
            public record Person([Pii(PiiKind.FirstName)] string FirstName, [Pii(PiiKind.LastName)] string LastName)
            {
                [Pii(PiiKind.Email)]
                public string Email { get; init; } = "";
            }
            """;

        await Verify.CodeFixAsync(
            source,
            [
                Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("FirstName", "its name says first name"),
                Verify.Diagnostic("SK1001").WithLocation(1).WithArguments("LastName", "its name says last name"),
                Verify.Diagnostic("SK1001").WithLocation(2).WithArguments("Email", "its name says e-mail address"),
            ],
            fixedSource,
            fixAll: true);
    }

    [Theory]
    [InlineData("suggestion", "suggestion")]
    [InlineData("none", null)]
    public async Task Severity_follows_the_editorconfig(string setting, string? expected)
    {
        const string source = Header + """
            [SyntheticSchema]
            public class Customer
            {
                public string {|#0:Email|} { get; set; } = "";
            }
            """;
        string config = "root = true\n\n[*.cs]\ndotnet_diagnostic.SK1001.severity = " + setting + "\n";

        if (expected is null)
        {
            await Verify.AnalyzerAsync(source, config);
        }
        else
        {
            await Verify.AnalyzerAsync(source, config, Verify.Diagnostic("SK1001").WithLocation(0).WithArguments("Email", "its name says e-mail address").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info));
        }
    }

    [Fact]
    public async Task Generated_code_is_not_analysed()
    {
        const string source = "// <auto-generated/>\n" + Header + """
            [SyntheticSchema]
            public class Customer
            {
                public string Email { get; set; } = "";
            }
            """;

        await Verify.AnalyzerAsync(source);
    }

    [Fact]
    public async Task Learning_personal_data_is_an_error()
    {
        const string source = Header + """
            [SyntheticSchema]
            public class Customer
            {
                [Pii(PiiKind.Email), {|#0:Learned|}] public string Email { get; set; } = "";
            }
            """;

        await Verify.AnalyzerAsync(source, Verify.Diagnostic("SK1004").WithLocation(0).WithArguments("Email"));
    }

    internal static string Describe(string kind) => kind switch
    {
        "Email" => "e-mail address",
        "Phone" => "phone number",
        "FirstName" => "first name",
        "LastName" => "last name",
        "StreetAddress" => "street address",
        "PostalCode" => "postal code",
        "DateOfBirth" => "date of birth",
        "NationalId" => "national identifier",
        "PassportNumber" => "passport number",
        "DriversLicense" => "driver's licence",
        "CreditCardNumber" => "payment card number",
        "Iban" => "IBAN",
        "IpAddress" => "IP address",
        "MacAddress" => "MAC address",
        "DeviceId" => "device identifier",
        "Username" => "user name",
        "MedicalRecordNumber" => "medical record number",
        "Latitude" => "latitude",
        "Longitude" => "longitude",
        "FullName" => "name",
        "AccountNumber" => "account number",
        "City" => "city",
        _ => kind,
    };
}
