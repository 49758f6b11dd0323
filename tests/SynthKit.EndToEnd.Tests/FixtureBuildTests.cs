using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace SynthKit.EndToEnd.Tests;

/// <summary>
/// SynthKit.Build as a user gets it: brand-new SDK projects reference the packages, declare &lt;SynthFixture&gt; items
/// and run 'dotnet build -nodeReuse:false'.
/// </summary>
[Collection(PackagesCollection.Name)]
public sealed class FixtureBuildTests
{
    private const string Schemas = """
        using SynthKit;

        [assembly: Provenance(Source = "end-to-end test", Purpose = "fixture verification", Owner = "SynthKit")]

        namespace Shop;

        [SyntheticSchema]
        public class Customer
        {
            [Pii(PiiKind.FirstName)] public string FirstName { get; set; } = "";
            [Pii(PiiKind.Email)] public string Email { get; set; } = "";
            [Normal(40, 10), Clamp(18, 90)] public int Age { get; set; }
        }

        [SyntheticSchema]
        public class Order
        {
            [Pattern("ORD-#####")] public string Number { get; set; } = "";
            [Uniform(1, 500)] public decimal Amount { get; set; }
        }
        """;

    private const string DefaultFixtures = """
            <SynthFixture Include="fixtures/customers.csv" Schema="Shop.Customer" Rows="200" Seed="42" />
            <SynthFixture Include="fixtures/orders.jsonl" Schema="Shop.Order" Rows="100" Seed="42" />
        """;

    private static readonly DateTime s_old = new(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);

    private readonly PackageFeed _feed;

    public FixtureBuildTests(PackageFeed feed) => _feed = feed;

    /// <summary>A project with the schemas above; its SynthFixture items start on line 11 of the project file, column 5.</summary>
    private string NewProject(string workspace, string name, string fixtures = DefaultFixtures, string schemas = Schemas)
    {
        string directory = Path.Combine(workspace, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SynthKit" Version="{PackageFeed.Version}" />
                <PackageReference Include="SynthKit.Build" Version="{PackageFeed.Version}" />
              </ItemGroup>
              <ItemGroup>
            {fixtures}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Shop.cs"), schemas);
        return directory;
    }

    private static string Build(string project, params string[] more) => DotNet.Check(project, ["build", "-nodeReuse:false", .. more]);

    private static (int ExitCode, string Output) TryBuild(string project, params string[] more) => DotNet.Run(project, ["build", "-nodeReuse:false", .. more]);

    private static void Age(string[] files)
    {
        foreach (var file in files)
        {
            File.SetLastWriteTimeUtc(file, s_old);
        }
    }

    [Fact]
    public void Fixtures_are_written_with_manifests_skipped_when_nothing_changed_regenerated_per_schema_and_kept_by_clean()
    {
        string app = NewProject(_feed.NewWorkspace("fixtures-lifecycle"), "App");
        string customers = Path.Combine(app, "fixtures", "customers.csv");
        string orders = Path.Combine(app, "fixtures", "orders.jsonl");
        string[] all = [customers, customers + ".synth.json", orders, orders + ".synth.json"];

        // First build: fixtures and manifests appear.
        Build(app);
        Assert.All(all, f => Assert.True(File.Exists(f), f + " missing"));
        Assert.Equal(201, File.ReadAllLines(customers).Length);
        Assert.StartsWith("FirstName,Email,Age\n", File.ReadAllText(customers), StringComparison.Ordinal);
        Assert.Equal(100, File.ReadAllLines(orders).Length);
        string manifest = File.ReadAllText(customers + ".synth.json");
        Assert.Contains("\"synthetic\": true", manifest, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"Shop.Customer\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"purpose\": \"fixture verification\"", manifest, StringComparison.Ordinal);
        byte[] ordersBytes = File.ReadAllBytes(orders);
        byte[] customersBytes = File.ReadAllBytes(customers);
        Age(all);

        // Second build: nothing changed, so the target is skipped and no file is touched.
        string output = Build(app, "-v:d");
        Assert.Contains("Skipping target \"_SynthKitRunFixtures\" because all output files are up-to-date", output, StringComparison.Ordinal);
        Assert.All(all, f => Assert.Equal(s_old, File.GetLastWriteTimeUtc(f)));

        // A changed rule regenerates that schema's fixture and manifest only.
        File.WriteAllText(Path.Combine(app, "Shop.cs"), Schemas.Replace("[Normal(40, 10), Clamp(18, 90)]", "[Normal(60, 10), Clamp(18, 90)]", StringComparison.Ordinal));
        output = Build(app);
        Assert.NotEqual(customersBytes, File.ReadAllBytes(customers));
        Assert.NotEqual(manifest, File.ReadAllText(customers + ".synth.json"));
        Assert.NotEqual(s_old, File.GetLastWriteTimeUtc(customers));
        Assert.Equal(ordersBytes, File.ReadAllBytes(orders));
        Assert.Equal(s_old, File.GetLastWriteTimeUtc(orders));
        Assert.Equal(s_old, File.GetLastWriteTimeUtc(orders + ".synth.json"));

        // Clean removes what lives in obj/ and keeps the fixtures, which are sources.
        string stamp = Path.Combine(app, "obj", "Debug", "net10.0", "synthkit.fixtures.update.stamp");
        Assert.True(File.Exists(stamp));
        DotNet.Check(app, "clean", "-nodeReuse:false");
        Assert.False(File.Exists(stamp));
        Assert.All(all, f => Assert.True(File.Exists(f), f + " was deleted by clean"));
    }

    /// <summary>A hand-written network model of Customer.Age: whole numbers between the given knots.</summary>
    private static string AgeModel(int from, int to) => $$"""
        { "modelVersion": 1, "kind": "bayes-net", "table": "Customer", "rows": 10, "minimumCount": 1,
          "marginals": [ { "column": "Age", "kind": "numeric", "nullShare": 0, "knots": [{{from}}, {{to}}], "integral": true } ],
          "notLearned": [],
          "network": [ { "column": "Age", "parents": [], "cuts": [0.5], "counts": [ { "given": [], "counts": [0, 5, 5] } ] } ] }
        """;

    [Fact]
    public void A_fixture_sampled_from_a_model_is_regenerated_when_the_model_changes_and_verify_calls_it_stale()
    {
        string app = NewProject(_feed.NewWorkspace("fixtures-model"), "App", """
                <SynthFixture Include="fixtures/customers.csv" Schema="Shop.Customer" Model="models/age.model.json" Rows="50" Seed="3" />
            """);
        Directory.CreateDirectory(Path.Combine(app, "models"));
        string model = Path.Combine(app, "models", "age.model.json");
        string customers = Path.Combine(app, "fixtures", "customers.csv");
        File.WriteAllText(model, AgeModel(20, 30));

        Build(app);
        int[] Ages() => File.ReadAllLines(customers).Skip(1).Select(l => int.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.All(Ages(), a => Assert.InRange(a, 20, 30));
        Assert.Contains("\"kind\": \"bayes-net\"", File.ReadAllText(customers + ".synth.json"), StringComparison.Ordinal);

        // A refitted model: the build's inputs include it, so Update regenerates the fixture.
        File.WriteAllText(model, AgeModel(70, 80));
        var (stale, output) = TryBuild(app, "-p:SynthFixtureMode=Verify");
        Assert.NotEqual(0, stale);
        Assert.True(Regex.IsMatch(output, @"customers\.csv\(\d+,\d+\): error SK5002: The fixture is stale: the model changed \(bayes-net [0-9a-f]{12} → bayes-net [0-9a-f]{12}\)"), output);
        Build(app);
        Assert.All(Ages(), a => Assert.InRange(a, 70, 80));
    }

    [Fact]
    public void Verify_mode_fails_on_missing_stale_and_tampered_fixtures_with_located_errors_and_writes_nothing()
    {
        string app = NewProject(_feed.NewWorkspace("fixtures-verify"), "App");
        string customers = Path.Combine(app, "fixtures", "customers.csv");
        string orders = Path.Combine(app, "fixtures", "orders.jsonl");
        Build(app);
        byte[] good = File.ReadAllBytes(customers);

        // Good fixtures pass.
        Build(app, "-p:SynthFixtureMode=Verify");

        // Tampered: a hand edit on line 4 fails at that line, and Verify leaves the edit in place.
        string[] lines = File.ReadAllText(customers).Split('\n');
        lines[3] = "Mallory," + lines[3][(lines[3].IndexOf(',', StringComparison.Ordinal) + 1)..];
        File.WriteAllText(customers, string.Join('\n', lines));
        byte[] tampered = File.ReadAllBytes(customers);
        var (code, output) = TryBuild(app, "-p:SynthFixtureMode=Verify");
        Assert.NotEqual(0, code);
        Assert.Matches(@"fixtures[/\\]customers\.csv\(4,1\): error SK5003: The fixture's bytes no longer match its manifest", output);
        Assert.Contains("Run 'dotnet build -p:SynthFixtureMode=Update' to regenerate it", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB3073", output, StringComparison.Ordinal);
        Assert.DoesNotContain("SK5008", output, StringComparison.Ordinal);
        Assert.Equal(tampered, File.ReadAllBytes(customers));

        // A failed verification is not remembered: the next build checks again.
        (code, _) = TryBuild(app, "-p:SynthFixtureMode=Verify");
        Assert.NotEqual(0, code);
        File.WriteAllBytes(customers, good);

        // Missing.
        File.Move(orders, orders + ".bak");
        (code, output) = TryBuild(app, "-p:SynthFixtureMode=Verify");
        Assert.NotEqual(0, code);
        Assert.Matches(@"fixtures[/\\]orders\.jsonl : error SK5001: The fixture 'orders\.jsonl' does not exist", output);
        Assert.False(File.Exists(orders));
        File.Move(orders + ".bak", orders);

        // Stale: the schema changed. On a CI machine (CI=true) Verify is the default.
        File.WriteAllText(Path.Combine(app, "Shop.cs"), Schemas.Replace("[Uniform(1, 500)]", "[Uniform(1, 900)]", StringComparison.Ordinal));
        (code, output) = DotNet.Run(app, new Dictionary<string, string?> { ["CI"] = "true" }, "build", "-nodeReuse:false");
        Assert.NotEqual(0, code);
        Assert.Matches(@"fixtures[/\\]orders\.jsonl\(1,\d+\): error SK5002: The fixture is stale: the schema 'Order' changed \(fingerprint [0-9a-f]{12} → [0-9a-f]{12}\)", output);
        Assert.DoesNotMatch("error SK50\\d\\d: .*customers", output);

        // Update mode brings it back, and Verify then passes.
        Build(app);
        Build(app, "-p:SynthFixtureMode=Verify");
    }

    [Fact]
    public void Bad_items_are_coded_errors_at_their_line_in_the_project_file_and_never_stack_traces()
    {
        string workspace = _feed.NewWorkspace("fixtures-errors");
        string app = NewProject(workspace, "App", """
                <SynthFixture Include="fixtures/unknown.csv" Schema="Shop.Invoice" />
                <SynthFixture Include="fixtures/rows.csv" Schema="Shop.Order" Rows="ten" />
                <SynthFixture Include="blocked/orders.csv" Schema="Shop.Order" Rows="5" />
                <SynthFixture Include="fixtures/format.xml" Schema="Shop.Order" />
                <SynthFixture Include="fixtures/good.csv" Schema="Shop.Order" Rows="5" />
            """);
        File.WriteAllText(Path.Combine(app, "blocked"), "a file where a directory should be");
        string project = Regex.Escape(Path.Combine(app, "App.csproj"));

        var (code, output) = TryBuild(app);

        Assert.NotEqual(0, code);
        Assert.Matches($@"{project}\(11,5\): error SK5004: No synthesizer for schema 'Shop.Invoice' in App or the assemblies it references: it registers Shop.Customer, Shop.Order", output);
        Assert.Matches($@"{project}\(12,5\): error SK5005: SynthFixture 'fixtures/rows.csv': Rows is 'ten'", output);
        Assert.Matches(@"blocked[/\\]orders\.csv : error SK5006: Cannot write", output);
        Assert.Matches($@"{project}\(14,5\): error SK5005: Fixture '.*format\.xml': the extension '\.xml' names no format", output);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB3073", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(app, "fixtures", "good.csv")), "the good fixture is still made");

        // A mode that is neither Update nor Verify.
        (code, output) = TryBuild(app, "-p:SynthFixtureMode=Sometimes");
        Assert.NotEqual(0, code);
        Assert.Matches($@"{project} : error SK5005: SynthFixtureMode is 'Sometimes'; use Update or Verify\.", output);

        // Opting out: no fixture work at all.
        string off = NewProject(workspace, "Off");
        Build(off, "-p:EnableSynthFixtures=false");
        Assert.False(Directory.Exists(Path.Combine(off, "fixtures")));
    }

    [Fact]
    public void A_build_killed_while_writing_a_fixture_leaves_the_old_fixture_intact()
    {
        string app = NewProject(_feed.NewWorkspace("fixtures-killed"), "App", """
                <SynthFixture Include="fixtures/orders.csv" Schema="Shop.Order" Rows="$(OrderRows)" Seed="1" />
            """);
        string orders = Path.Combine(app, "fixtures", "orders.csv");
        Build(app, "-p:OrderRows=1000");
        byte[] fixture = File.ReadAllBytes(orders);
        byte[] manifest = File.ReadAllBytes(orders + ".synth.json");

        // Twenty million rows take the host several seconds to write; kill the build once the temporary file grows.
        using var build = DotNet.Start(app, null, ["build", "-nodeReuse:false", "-p:OrderRows=20000000"], out var log);
        string? temporary = null;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (temporary is null && !build.HasExited && DateTime.UtcNow < deadline)
        {
            temporary = Directory.GetFiles(Path.GetDirectoryName(orders)!, ".orders.csv.*.synthkit-tmp").FirstOrDefault(f => new FileInfo(f).Length > (4 << 20));
            Thread.Sleep(20);
        }

        Assert.True(temporary is not null, "the build finished or stalled before it was killed:\n" + log);
        build.Kill(entireProcessTree: true);
        build.WaitForExit();

        Assert.Equal(fixture, File.ReadAllBytes(orders));
        Assert.Equal(manifest, File.ReadAllBytes(orders + ".synth.json"));
        Build(app, "-p:OrderRows=1000", "-p:SynthFixtureMode=Verify");

        // The next build that writes clears what the killed one left behind.
        Build(app, "-p:OrderRows=1000");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(orders)!, "*.synthkit-tmp"));
        Assert.Equal(fixture, File.ReadAllBytes(orders));
    }

    [Fact]
    public void Two_projects_write_fixtures_in_one_parallel_build_including_schemas_and_synthesizers_from_a_referenced_project()
    {
        string workspace = _feed.NewWorkspace("fixtures-parallel");
        string models = Path.Combine(workspace, "Models");
        Directory.CreateDirectory(models);
        File.WriteAllText(Path.Combine(models, "Models.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SynthKit" Version="{PackageFeed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(models, "Models.cs"), """
            using SynthKit;

            namespace Models;

            /// <summary>No [SyntheticSchema]: the projects that use it declare its synthesizer.</summary>
            [Provenance(Source = "end-to-end test", Purpose = "a schema declared in another project")]
            public class Patient
            {
                [Pii(PiiKind.FullName)] public string Name { get; set; } = "";
                [Uniform(0, 100)] public int Age { get; set; }
            }

            /// <summary>Its synthesizer is generated here, in the referenced project.</summary>
            [SyntheticSchema]
            [Provenance(Source = "end-to-end test", Purpose = "a synthesizer in a referenced project")]
            public class Invoice
            {
                [Pattern("INV-####")] public string Number { get; set; } = "";
            }
            """);
        const string referenced = """
            <SynthFixture Include="fixtures/orders.csv" Schema="Shop.Order" Rows="300" Seed="7" />
            <SynthFixture Include="fixtures/orders.parquet" Schema="Shop.Order" Rows="300" Seed="7" />
            <SynthFixture Include="fixtures/patients.csv" Schema="Models.Patient" Rows="50" Seed="7" />
            <SynthFixture Include="fixtures/invoices.csv" Schema="Models.Invoice" Rows="20" Seed="7" />
            <ProjectReference Include="../Models/Models.csproj" />
            """;
        string synthesizer = Schemas + "\n[SynthKit.Synthesizer(typeof(Models.Patient))]\npublic partial class PatientSynthesizer;\n";
        string a = NewProject(workspace, "A", referenced, synthesizer);
        string b = NewProject(workspace, "B", referenced.Replace("Seed=\"7\"", "Seed=\"8\"", StringComparison.Ordinal), synthesizer);
        File.WriteAllText(Path.Combine(workspace, "Both.proj"), """
            <Project>
              <Target Name="Build">
                <MSBuild Projects="A/A.csproj;B/B.csproj" Targets="Restore" Properties="_Restore=true" />
                <MSBuild Projects="A/A.csproj;B/B.csproj" Targets="Build" BuildInParallel="true" />
              </Target>
            </Project>
            """);

        string output = DotNet.Check(workspace, "build", "Both.proj", "-m:2", "-nodeReuse:false");

        foreach (var (project, seed) in new[] { (a, "7"), (b, "8") })
        {
            foreach (var name in new[] { "orders.csv", "orders.parquet", "patients.csv", "invoices.csv" })
            {
                string manifest = File.ReadAllText(Path.Combine(project, "fixtures", name + ".synth.json"));
                Assert.Contains($"\"seed\": {seed},", manifest, StringComparison.Ordinal);
            }

            Assert.Contains("\"type\": \"Models.Patient\"", File.ReadAllText(Path.Combine(project, "fixtures", "patients.csv.synth.json")), StringComparison.Ordinal);
            Assert.StartsWith("Number\nINV-", File.ReadAllText(Path.Combine(project, "fixtures", "invoices.csv")), StringComparison.Ordinal);
            Assert.Contains("\"format\": \"parquet\"", File.ReadAllText(Path.Combine(project, "fixtures", "orders.parquet.synth.json")), StringComparison.Ordinal);
            Assert.True(File.ReadAllBytes(Path.Combine(project, "fixtures", "orders.parquet")).AsSpan().StartsWith("PAR1"u8));
            Build(project, "-p:SynthFixtureMode=Verify");
        }

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(a, "fixtures", "orders.csv")), File.ReadAllBytes(Path.Combine(b, "fixtures", "orders.csv")));
    }
}
