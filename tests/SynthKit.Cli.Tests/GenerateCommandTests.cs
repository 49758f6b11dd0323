using System;
using System.IO;
using System.Linq;
using SynthKit.Cli.Tests.Schemas;
using SynthKit.Fixtures;

namespace SynthKit.Cli.Tests;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (int ExitCode, string Output, string Error) Generate(string schema, string file, params string[] more) =>
        Run.Synthkit(["generate", "--assembly", Run.SchemaAssembly, "--schema", schema, "--rows", "25", "--seed", "3", "--out", file, .. more]);

    [Fact]
    public void Generate_writes_the_fixture_and_its_manifest_with_the_bytes_the_synthesizer_renders()
    {
        string file = _temp["customers.csv"];

        var (code, output, error) = Generate("SynthKit.Cli.Tests.Schemas.Customer", file);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains($"Wrote {file} (25 rows of Customer", output, StringComparison.Ordinal);
        Assert.Equal(FixtureFiles.Render(new CustomerSynthesizer(3), new FixtureSpec(file, 25, 3)), File.ReadAllBytes(file));
        var manifest = FixtureManifest.Parse(File.ReadAllBytes(file + ".synth.json"));
        Assert.Equal((CustomerSynthesizer.Schema.Fingerprint, 3L, 25), (manifest.Fingerprint, manifest.Seed, manifest.Rows));
    }

    [Fact]
    public void A_locale_option_makes_the_same_bytes_as_the_synthesizer_in_that_locale_and_the_manifest_says_so()
    {
        string file = _temp["kunden.csv"];

        var (code, _, error) = Generate("SynthKit.Cli.Tests.Schemas.Customer", file, "--locale", "de");

        Assert.Equal((0, ""), (code, error));
        Assert.Equal(FixtureFiles.Render(new CustomerSynthesizer(3).InLocale("de"), new FixtureSpec(file, 25, 3)), File.ReadAllBytes(file));
        Assert.NotEqual(FixtureFiles.Render(new CustomerSynthesizer(3), new FixtureSpec(file, 25, 3)), File.ReadAllBytes(file));
        Assert.Equal("de", FixtureManifest.Parse(File.ReadAllBytes(file + ".synth.json")).Locale);

        // From a spec too, and for a dataset; an unknown locale is a usage error naming the locales.
        string spec = _temp["customer.spec.json"];
        File.WriteAllText(spec, CustomerSynthesizer.Spec.ToJson());
        string fromSpec = _temp["from-spec.csv"];
        Assert.Equal(0, Run.Synthkit(["generate", "--spec", spec, "--rows", "25", "--seed", "3", "--locale", "DE", "--out", fromSpec]).ExitCode);
        Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(fromSpec));
        string directory = _temp["laden"];
        Assert.Equal(0, Run.Synthkit(["generate", "--dataset", "--assembly", Run.SchemaAssembly, "--schema", "Sale", "--seed", "2", "--locale", "fr", "--out", directory]).ExitCode);
        Assert.Equal("fr", FixtureManifest.Parse(File.ReadAllBytes(Path.Combine(directory, "Store.csv.synth.json"))).Locale);
        var bad = Generate("SynthKit.Cli.Tests.Schemas.Customer", _temp["x.csv"], "--locale", "klingon");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("There is no locale 'klingon'", bad.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dataset_writes_related_tables_whose_foreign_keys_name_existing_parents()
    {
        string directory = _temp["shop"];

        var (code, output, error) = Run.Synthkit(["generate", "--dataset", "--assembly", Run.SchemaAssembly, "--schema", "SaleLine", "--seed", "2", "--out", directory]);

        Assert.True(code == 0, error);
        var stores = File.ReadAllLines(Path.Combine(directory, "Store.csv"));
        var sales = File.ReadAllLines(Path.Combine(directory, "Sale.csv"));
        var lines = File.ReadAllLines(Path.Combine(directory, "SaleLine.csv"));
        Assert.Equal((21, 61, 181), (stores.Length, sales.Length, lines.Length)); // 20 stores and 60 sales (what the children name), 60 × 3 lines
        var storeIds = stores.Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        var saleIds = sales.Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.All(sales.Skip(1), l => Assert.Contains(l.Split(',')[1], storeIds));
        Assert.All(lines.Skip(1), l => Assert.Contains(l.Split(',')[0], saleIds));
        Assert.Equal(Enumerable.Range(1000, 60).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), sales.Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(FixtureFiles.Render(new SynthKit.Cli.Tests.Shop.SaleSynthesizer(2), new FixtureSpec("Sale.csv", 60, 2)), File.ReadAllBytes(Path.Combine(directory, "Sale.csv")));
        Assert.True(File.Exists(Path.Combine(directory, "SaleLine.csv.synth.json")));
        Assert.Contains("Wrote", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Customer", output, StringComparison.Ordinal);

        // Without --schema: every table that takes part in a reference, and none that does not; Parquet on request.
        string all = _temp["all"];
        Assert.Equal(0, Run.Synthkit(["generate", "--dataset", "--assembly", Run.SchemaAssembly, "--out", all, "--format", "parquet"]).ExitCode);
        Assert.Equal(new[] { "Sale.parquet", "SaleLine.parquet", "Store.parquet" }, Directory.GetFiles(all, "*.parquet").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--spec")]
    [InlineData("--start")]
    [InlineData("--shards")]
    public void A_dataset_refuses_what_it_cannot_do(string option)
    {
        string[] extra = option switch
        {
            "--spec" => ["--spec", Run.SchemaAssembly],
            "--start" => ["--start", "5"],
            _ => ["--shards", "2", "--plan"],
        };

        var (code, _, error) = Run.Synthkit(["generate", "--dataset", "--assembly", Run.SchemaAssembly, "--out", _temp["d"], .. extra]);

        Assert.NotEqual(0, code);
        Assert.Contains(option == "--spec" ? "exactly one of --assembly" : "--dataset writes the related tables", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_are_required_without_a_dataset()
    {
        var (code, _, error) = Run.Synthkit(["generate", "--assembly", Run.SchemaAssembly, "--schema", "Sensor", "--out", _temp["s.csv"]]);

        Assert.NotEqual(0, code);
        Assert.Contains("'--rows' is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Generating_again_writes_nothing()
    {
        string file = _temp["customers.jsonl"];
        Assert.Equal(0, Generate("SynthKit.Cli.Tests.Schemas.Customer", file).ExitCode);
        var stamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(file, stamp);

        var (code, output, _) = Generate("SynthKit.Cli.Tests.Schemas.Customer", file);

        Assert.Equal(0, code);
        Assert.Contains("is up to date", output, StringComparison.Ordinal);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public void The_format_option_overrides_the_extension()
    {
        string file = _temp["sensors.txt"];

        var (code, _, error) = Generate("Sensor", file, "--format", "jsonl");

        Assert.True(code == 0, error);
        Assert.StartsWith("{\"Celsius\":", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_schema_is_SK5004_listing_what_the_assembly_registers()
    {
        var (code, _, error) = Generate("Clinic.Patient", _temp["x.csv"]);

        Assert.Equal(Cli.InputError, code);
        Assert.Contains("error SK5004: No synthesizer for schema 'Clinic.Patient'", error, StringComparison.Ordinal);
        Assert.Contains("SynthKit.Cli.Tests.Schemas.Sensor", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["x.csv"]));
    }

    [Fact]
    public void An_ambiguous_short_name_is_SK5004_asking_for_the_full_name()
    {
        var (code, _, error) = Generate("Customer", _temp["x.csv"]);

        Assert.Equal(Cli.InputError, code);
        Assert.Contains("error SK5004: 'Customer' names 2 schemas", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_unloadable_assembly_is_SK5008()
    {
        string notAnAssembly = _temp["NotAnAssembly.dll"];
        File.WriteAllText(notAnAssembly, "this is text");

        var missing = Run.Synthkit("generate", "-a", _temp["Nope.dll"], "-s", "Sensor", "-n", "1", "-o", _temp["x.csv"]);
        var unloadable = Run.Synthkit("generate", "-a", notAnAssembly, "-s", "Sensor", "-n", "1", "-o", _temp["x.csv"]);

        Assert.Equal(Cli.InputError, missing.ExitCode);
        Assert.Matches(@"Nope\.dll: error SK5008: The assembly '.*Nope\.dll' does not exist; build the project first", missing.Error);
        Assert.Equal(Cli.InputError, unloadable.ExitCode);
        Assert.Contains("NotAnAssembly.dll: error SK5008: Cannot load 'NotAnAssembly.dll'", unloadable.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unwritable_destination_is_SK5006()
    {
        File.WriteAllText(_temp["file"], "not a directory");

        var (code, _, error) = Generate("Sensor", Path.Combine(_temp["file"], "sensors.csv"));

        Assert.Equal(Cli.InputError, code);
        Assert.Contains("error SK5006: Cannot write", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate", "--schema", "Sensor", "--rows", "1", "--out", "x.csv")] // no --assembly
    [InlineData("generate", "--assembly", "a.dll", "--schema", "Sensor", "--out", "x.csv")] // no --rows
    [InlineData("generate", "--assembly", "a.dll", "--schema", "Sensor", "--rows", "-4", "--out", "x.csv")]
    [InlineData("generate", "--assembly", "a.dll", "--schema", "Sensor", "--rows", "many", "--out", "x.csv")]
    [InlineData("generate", "--assembly", "a.dll", "--schema", "Sensor", "--rows", "1", "--out", "x.csv", "--format", "xml")]
    [InlineData("frobnicate")]
    [InlineData("verify")] // no fixture
    [InlineData("fixtures", "--assembly", "a.dll", "--spec", "s.tsv", "--mode", "sometimes")]
    public void Bad_arguments_exit_with_2_and_point_at_help(params string[] args)
    {
        var (code, output, error) = Run.Synthkit(args);

        Assert.Equal(Cli.UsageError, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.Contains("synthkit --help", error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Help_explains_every_option_of_every_command()
    {
        foreach (var (command, options) in new[]
        {
            ("generate", new[] { "--assembly", "--schema", "--rows", "--seed", "--start", "--out", "--format", "--reference" }),
            ("verify", new[] { "<fixture>", "--assembly", "--reference" }),
            ("schema", new[] { "--assembly", "--reference" }),
            ("fixtures", new[] { "--assembly", "--spec", "--mode", "--project", "--references" }),
        })
        {
            var (code, output, _) = Run.Synthkit(command, "--help");

            Assert.Equal(0, code);
            foreach (var option in options)
            {
                // Each option is listed with a description after it on its line.
                Assert.Matches($@"(?m)^\s+(-\w, )?{System.Text.RegularExpressions.Regex.Escape(option)}(?=\s).*\S\s{{2,}}\S", output);
            }
        }

        var root = Run.Synthkit("--help");
        Assert.Contains("generate", root.Output, StringComparison.Ordinal);
        Assert.Contains("verify", root.Output, StringComparison.Ordinal);
        Assert.Contains("schema", root.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 success; 1 a fixture is missing, stale or tampered with; 2 the command line is wrong; 3 an input", root.Output, StringComparison.Ordinal);
    }
}
