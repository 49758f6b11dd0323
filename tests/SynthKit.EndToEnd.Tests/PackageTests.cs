using System.IO;
using System.IO.Compression;
using System.Linq;

namespace SynthKit.EndToEnd.Tests;

/// <summary>
/// The packages as a user gets them: a brand-new console app references SynthKit by version, its model lives in a
/// class library that references only SynthKit.Abstractions, and both ways of declaring a schema work.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class PackageTests
{
    private readonly PackageFeed _feed;

    public PackageTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void The_runtime_package_carries_the_generator_and_depends_on_the_attributes_package()
    {
        using var runtime = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"SynthKit.{PackageFeed.Version}.nupkg"));
        using var abstractions = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"SynthKit.Abstractions.{PackageFeed.Version}.nupkg"));
        var entries = runtime.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/SynthKit.Generators.dll", entries);
        Assert.Contains("lib/net8.0/SynthKit.dll", entries);
        Assert.Contains("lib/net10.0/SynthKit.dll", entries);
        Assert.Contains("lib/net10.0/SynthKit.xml", entries);
        Assert.Contains("lib/netstandard2.0/SynthKit.Abstractions.dll", abstractions.Entries.Select(e => e.FullName));
        using var nuspec = new StreamReader(runtime.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open());
        string text = nuspec.ReadToEnd();
        Assert.Matches("<dependency id=\"SynthKit.Abstractions\" version=\"[^\"]+\" include=\"All\" />", text); // analyzers and presets flow
        Assert.Contains("id=\"Bogus\"", text);

        var abstractionsEntries = abstractions.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/SynthKit.Analyzers.dll", abstractionsEntries);
        Assert.Contains("analyzers/dotnet/cs/SynthKit.Analyzers.CodeFixes.dll", abstractionsEntries);
        Assert.Contains("buildTransitive/SynthKit.Abstractions.targets", abstractionsEntries);
        Assert.Contains("buildTransitive/SynthKit.strict.globalconfig", abstractionsEntries);
        Assert.Contains("build/SynthKit.Abstractions.targets", abstractionsEntries);
        Assert.DoesNotContain(entries, e => e.Contains("SynthKit.Analyzers", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_build_package_carries_its_props_targets_and_the_host_and_nothing_else()
    {
        using var build = ZipFile.OpenRead(Path.Combine(_feed.Feed, $"SynthKit.Build.{PackageFeed.Version}.nupkg"));
        var entries = build.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("build/SynthKit.Build.props", entries);
        Assert.Contains("build/SynthKit.Build.targets", entries);
        foreach (var host in new[] { "SynthKit.Cli.dll", "SynthKit.Cli.deps.json", "SynthKit.Cli.runtimeconfig.json", "SynthKit.dll", "Bogus.dll", "System.CommandLine.dll" })
        {
            Assert.Contains("tools/host/" + host, entries);
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", System.StringComparison.Ordinal) || e.Contains("/publish/", System.StringComparison.Ordinal) || e.EndsWith(".pdb", System.StringComparison.Ordinal));
        using var nuspec = new StreamReader(build.Entries.Single(e => e.FullName.EndsWith(".nuspec")).Open());
        string text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.DoesNotContain("<dependency ", text);
    }

    [Fact]
    public void Analyzers_report_in_a_fresh_project_and_the_strict_preset_fails_its_build()
    {
        string workspace = _feed.NewWorkspace("analyzed");
        string models = Path.Combine(workspace, "Models");
        string tool = Path.Combine(workspace, "Tool");
        Directory.CreateDirectory(models);
        Directory.CreateDirectory(tool);
        File.WriteAllText(Path.Combine(models, "Models.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SynthKit.Abstractions" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(models, "Customer.cs"), """
            using System;
            using SynthKit;

            [SyntheticSchema]
            public class Customer
            {
                public string Email { get; set; } = "";
                public string Phone { get; set; } = "";
                public DateTime BirthDate { get; set; }
                public string ZipCode { get; set; } = "";
            }
            """);

        // Recommended (the default): warnings with their codes, and the build succeeds.
        var (code, output) = DotNet.Run(models, "build", "-nodeReuse:false");
        Assert.True(code == 0, output);
        foreach (var (line, member) in new[] { (7, "Email"), (8, "Phone"), (9, "BirthDate"), (10, "ZipCode") })
        {
            Assert.Matches($@"Customer\.cs\({line},\d+\): warning SK1001: '{member}' looks like personal data", output);
        }

        Assert.Matches(@"Customer\.cs\(5,14\): warning SK2001: The schema 'Customer' states no provenance", output);

        // Strict: the same findings are errors.
        (code, output) = DotNet.Run(models, "build", "-nodeReuse:false", "-p:SynthKitAnalysisLevel=strict");
        Assert.NotEqual(0, code);
        Assert.Matches(@"Customer\.cs\(7,\d+\): error SK1001", output);
        Assert.Matches(@"Customer\.cs\(5,14\): error SK2001", output);

        // An .editorconfig overrides the preset rule by rule.
        File.WriteAllText(Path.Combine(models, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.SK1001.severity = none\ndotnet_diagnostic.SK2001.severity = error\n");
        (code, output) = DotNet.Run(models, "build", "-nodeReuse:false");
        Assert.NotEqual(0, code);
        Assert.DoesNotContain("SK1001", output);
        Assert.Matches(@"error SK2001", output);

        // A project that references only SynthKit gets the analyzers through its dependency on SynthKit.Abstractions.
        File.WriteAllText(Path.Combine(tool, "Tool.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SynthKit" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(tool, "Lead.cs"), """
            using SynthKit;

            [SyntheticSchema, Provenance(Source = "test", Purpose = "test")]
            public class Lead
            {
                public string HomePhone { get; set; } = "";
                [Normal(1, -1)] public double Score { get; set; }
            }
            """);
        (code, output) = DotNet.Run(tool, "build", "-nodeReuse:false");
        Assert.NotEqual(0, code);
        Assert.Matches(@"Lead\.cs\(6,19\): warning SK1001: 'HomePhone'", output);
        Assert.Matches(@"Lead\.cs\(7,16\): error SK3003: \[Normal\] on 'Score': standard deviation must be positive, but is -1", output);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, @"Lead\.cs\(7,16\): error SK3003").Select(m => m.Value).Distinct());
    }

    [Fact]
    public void A_new_console_app_builds_and_runs_against_the_packages()
    {
        string workspace = _feed.NewWorkspace("consumer");
        string domain = Path.Combine(workspace, "Domain");
        string app = Path.Combine(workspace, "App");
        Directory.CreateDirectory(domain);
        Directory.CreateDirectory(app);

        File.WriteAllText(Path.Combine(domain, "Domain.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SynthKit.Abstractions" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(domain, "Customer.cs"), """
            using System;
            using SynthKit;

            [assembly: Provenance(Source = "end-to-end test", Purpose = "package verification")]

            namespace Domain;

            public enum Plan { Free, Pro, Enterprise }

            public sealed record Customer(
                [Pii(PiiKind.FirstName)] string FirstName,
                [Pii(PiiKind.LastName)] string LastName,
                [Pii(PiiKind.Email)] string Email,
                [Normal(40, 10), Clamp(18, 90)] int Age,
                Plan Plan);
            """);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SynthKit" Version="{PackageFeed.Version}" />
                <ProjectReference Include="../Domain/Domain.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System;
            using System.IO;
            using System.Linq;
            using SynthKit;

            [assembly: Provenance(Source = "end-to-end test", Purpose = "package verification")]

            var customers = new CustomerSynthesizer(seed: 42);
            foreach (var c in customers.Generate(3))
            {
                Console.WriteLine($"row {c.FirstName} {c.LastName} <{c.Email}> {c.Age} {c.Plan}");
            }

            using var csv = new MemoryStream();
            customers.WriteCsv(csv, 100);
            Console.WriteLine("csv-bytes " + csv.Length);
            Console.WriteLine("local " + new InvoiceSynthesizer(1).Generate(5).Count(i => i.Amount >= 1 && i.Amount <= 500));
            Console.WriteLine("fingerprint " + CustomerSynthesizer.Schema.Fingerprint);

            [Synthesizer(typeof(Domain.Customer))]
            public partial class CustomerSynthesizer;

            [SyntheticSchema]
            public class Invoice
            {
                [Uniform(1, 500)] public decimal Amount { get; set; }
            }
            """);

        string output = DotNet.Check(app, "run", "-nodeReuse:false");

        var rows = output.Split('\n').Where(l => l.StartsWith("row ")).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"^row \S+ \S+ <\S+@\S+\.\S+> \d+ (Free|Pro|Enterprise)", r.Trim()));
        Assert.Contains("local 5", output);
        Assert.Matches(@"csv-bytes \d{4,}", output);
        Assert.Matches("fingerprint [0-9a-f]{64}", output);
    }

    /// <summary>
    /// The nine models of issue 9, written the way real projects write them (eShopOnWeb's catalog and orders, Contoso
    /// University's students and enrolments, a customer with DataAnnotations, a positional record, an employee with
    /// required members), built against the packed packages: the data holds together by every check the app counts.
    /// </summary>
    [Fact]
    public void Nine_real_world_models_make_data_that_holds_together()
    {
        string app = Path.Combine(_feed.NewWorkspace("nine-models"), "App");
        Directory.CreateDirectory(app);
        File.WriteAllText(Path.Combine(app, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <NoWarn>$(NoWarn);SK1001;SK1002;SK1003;SK2001</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SynthKit" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Models.cs"), """
            using System;
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using SynthKit;

            namespace Shop;

            [SyntheticSchema] public class CatalogBrand { [Key] public int Id { get; set; } [Fake(FakeKind.Company)] public string Brand { get; set; } = ""; }

            [SyntheticSchema]
            public class CatalogItem
            {
                [Key] public int Id { get; set; }
                [StringLength(50, MinimumLength = 3)] public string Name { get; set; } = "";
                [Range(0.01, 10000)] public decimal Price { get; set; }
                [References(typeof(CatalogBrand), Parents = 20)] public int CatalogBrandId { get; set; }
            }

            public enum OrderStatus { Submitted, Paid, Shipped, Delivered, Cancelled }

            [SyntheticSchema]
            public class Order
            {
                [Key] public int Id { get; set; }
                [EmailAddress] public string BuyerEmail { get; set; } = "";
                [DateRange("2024-01-01", "2025-01-01")] public DateTime OrderDate { get; set; }
                public OrderStatus Status { get; set; }
                [After(nameof(OrderDate), Min = "1.00:00", Max = "30.00:00")]
                [OnlyWhen(nameof(Status), OrderStatus.Shipped, OrderStatus.Delivered)]
                public DateTime? ShippedDate { get; set; }
            }

            [SyntheticSchema]
            public class OrderItem
            {
                [References(typeof(Order), Parents = 500, PerParent = ChildCount.Poisson, Mean = 3)] public int OrderId { get; set; }
                [References(typeof(CatalogItem), Parents = 200, PerParent = ChildCount.Zipf, Exponent = 1.1)] public int CatalogItemId { get; set; }
                [Range(1, 5)] public int Units { get; set; }
                [Range(0.01, 10000)] public decimal UnitPrice { get; set; }
            }

            [SyntheticSchema]
            public class Student
            {
                [Key] public int ID { get; set; }
                public string LastName { get; set; } = "";
                public string FirstMidName { get; set; } = "";
                [DateRange("2015-09-01", "2024-09-01")] public DateTime EnrollmentDate { get; set; }
            }

            [SyntheticSchema]
            public class Course { [Key] public int CourseID { get; set; } [Fake(FakeKind.Words)] public string Title { get; set; } = ""; [Range(1, 5)] public int Credits { get; set; } }

            public enum Grade { A, B, C, D, F }

            [SyntheticSchema]
            public class Enrollment
            {
                [Key] public int EnrollmentID { get; set; }
                [References(typeof(Course), Parents = 30)] public int CourseID { get; set; }
                [References(typeof(Student), Parents = 300, PerParent = ChildCount.Fixed, Mean = 4)] public int StudentID { get; set; }
                [NullRate(0.2)] public Grade? Grade { get; set; }
            }

            [SyntheticSchema]
            public class Customer
            {
                [Key] public int Id { get; set; }
                [Categorical("F", "M")] public string Sex { get; set; } = "";
                [Required, StringLength(50)] public string FirstName { get; set; } = "";
                [Required, StringLength(50)] public string LastName { get; set; } = "";
                [EmailAddress] public string Email { get; set; } = "";
                [Phone] public string Phone { get; set; } = "";
                public string PostalCode { get; set; } = "";
                public DateOnly DateOfBirth { get; set; }
            }

            [SyntheticSchema]
            public sealed record Shipment([property: Sequence(Start = 1, Format = "SHP-{0:D5}")] string Code, [property: DateRange("2024-01-01", "2025-01-01")] DateTime Sent, [property: After("Sent", Min = "1", Max = "7")] DateTime Arrived);

            [SyntheticSchema]
            public class Employee
            {
                [Key] public required int Id { get; init; }
                public required string FirstName { get; init; }
                [DateRange("2015-01-01", "2024-01-01")] public required DateOnly HireDate { get; init; }
                [After(nameof(HireDate), Min = "30", Max = "2000"), NullRate(0.5)] public DateOnly? TerminationDate { get; init; }
            }
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), """
            using System;
            using System.Linq;
            using Shop;

            int bad = 0;
            void Check(bool ok, string what) { if (!ok && bad++ < 5) Console.WriteLine("violation " + what); }

            var brands = new CatalogBrandSynthesizer(7).Generate(20).Select(b => b.Id).ToHashSet();
            var items = new CatalogItemSynthesizer(7).Generate(200).ToList();
            var orders = new OrderSynthesizer(7).Generate(500).ToList();
            var orderIds = orders.Select(o => o.Id).ToHashSet();
            var itemIds = items.Select(i => i.Id).ToHashSet();
            foreach (var i in items) { Check(brands.Contains(i.CatalogBrandId), "brand"); Check(decimal.Round(i.Price, 2) == i.Price, "cents"); Check(i.Name.Length is >= 3 and <= 50 && !i.Name.EndsWith(' '), "name length"); }
            foreach (var o in new OrderSynthesizer(7).Generate(100_000))
            {
                Check((o.ShippedDate is not null) == (o.Status is OrderStatus.Shipped or OrderStatus.Delivered), "shipped iff sent");
                Check(o.ShippedDate is null || o.ShippedDate > o.OrderDate, "shipped after ordered");
            }

            foreach (var line in new OrderItemSynthesizer(7).Generate(100_000)) { Check(orderIds.Contains(line.OrderId), "order"); Check(itemIds.Contains(line.CatalogItemId), "item"); }
            var students = new StudentSynthesizer(7).Generate(300).Select(s => s.ID).ToHashSet();
            var enrolments = new EnrollmentSynthesizer(7).Generate(1200).ToList();
            Check(enrolments.All(e => students.Contains(e.StudentID)), "student");
            Check(enrolments.GroupBy(e => e.StudentID).All(g => g.Count() == 4), "four per student");
            Check(new EnrollmentSynthesizer(7).Generate(900, 300).Select(e => e.StudentID).SequenceEqual(enrolments.Skip(900).Select(e => e.StudentID)), "slice");
            Check(new StudentSynthesizer(7).Generate(300).All(s => s.FirstMidName.All(char.IsLetter) || s.FirstMidName.Contains("'") || s.FirstMidName.Contains(' ')), "first names");
            foreach (var c in new CustomerSynthesizer(7).Generate(10_000))
            {
                Check(c.Email.Contains('@') && !c.Phone.Contains('x'), "contact");
                Check(c.PostalCode.Take(5).All(char.IsDigit), "postal code");
                Check(c.DateOfBirth.Year is >= 1935 and <= 2006, "date of birth");
            }

            foreach (var s in new ShipmentSynthesizer(7).Generate(10_000)) Check(s.Arrived > s.Sent && s.Code.StartsWith("SHP-"), "shipment");
            foreach (var e in new EmployeeSynthesizer(7).Generate(10_000)) Check(e.TerminationDate is null || e.TerminationDate.Value.DayNumber - e.HireDate.DayNumber >= 30, "terminated after hired");
            Console.WriteLine("violations " + bad);
            Console.WriteLine("sample " + orders.First(o => o.ShippedDate is not null).ShippedDate!.Value.ToString("s") + " " + enrolments[0].StudentID + " " + items[0].Price);
            """);

        string output = DotNet.Check(app, "run", "-nodeReuse:false");

        Assert.Contains("violations 0", output, System.StringComparison.Ordinal);
        Assert.Matches(@"sample \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2} 1 \d+(\.\d{1,2})?\s", output + "\n");
    }
}
