using System;
using System.IO;
using System.Linq;
using SynthKit.Cli.Tests.Schemas;
using SynthKit.Fixtures;

namespace SynthKit.Cli.Tests;

/// <summary>The CSV user's path: describe a table from SDV metadata, generate from a JSON spec, with no C#.</summary>
public sealed class SpecCommandTests : IDisposable
{
    private static readonly string Shared = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Schema_describes_the_adult_table_from_its_sdv_metadata()
    {
        var (code, output, error) = Run.Synthkit("schema", "--metadata", Path.Combine(Shared, "adult.meta.json"));

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("adult (from SDV metadata adult.meta.json)", output, StringComparison.Ordinal);
        Assert.Contains("capital-gain    Int64?   Discrete", output, StringComparison.Ordinal);
        Assert.Contains("native-country  String?  Categorical", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_written_from_sdv_metadata_generates_rows_and_a_manifest_without_any_csharp()
    {
        string spec = _temp["adult.spec.json"];
        Assert.Equal(0, Run.Synthkit("schema", "--metadata", Path.Combine(Shared, "adult.meta.json"), "--json", "--out", spec).ExitCode);
        string edited = File.ReadAllText(spec).Replace(
            "\"name\": \"age\",\n      \"type\": \"int64\",\n      \"nullable\": true,\n      \"kind\": \"numerical\",\n      \"rule\": {\n        \"kind\": \"default\"\n      }",
            "\"name\": \"age\",\n      \"type\": \"int64\",\n      \"nullable\": true,\n      \"kind\": \"numerical\",\n      \"rule\": { \"kind\": \"normal\", \"mean\": 38, \"sd\": 13 },\n      \"modifiers\": { \"clampMin\": 17, \"clampMax\": 90 }",
            StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(spec), edited);
        File.WriteAllText(spec, edited);
        string csv = _temp["adult.csv"];

        var (code, output, error) = Run.Synthkit("generate", "--spec", spec, "--rows", "400", "--seed", "9", "--out", csv);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("(400 rows of adult", output, StringComparison.Ordinal);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(401, lines.Length);
        Assert.StartsWith("age,workclass,fnlwgt,", lines[0], StringComparison.Ordinal);
        var ages = lines.Skip(1).Select(l => long.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(ages, a => Assert.InRange(a, 17, 90));
        Assert.InRange(ages.Average(), 35.0, 41.0); // mean 38, sd 13 / sqrt(400) = 0.65: ±3 is beyond 4 standard errors
        var manifest = FixtureManifest.Parse(File.ReadAllBytes(csv + ".synth.json"));
        Assert.Equal(("adult", 9L, 400), (manifest.Schema, manifest.Seed, manifest.Rows));
        Assert.Equal(FixtureFiles.Render(new SpecSynthesizer(TableSpec.Load(spec), 9), new FixtureSpec(csv, 400, 9)), File.ReadAllBytes(csv));
    }

    [Fact]
    public void Schema_json_prints_a_generated_schemas_spec_and_generate_from_it_matches_the_assembly()
    {
        string spec = _temp["customer.spec.json"];
        var (code, _, error) = Run.Synthkit("schema", "--assembly", Run.SchemaAssembly, "--schema", "SynthKit.Cli.Tests.Schemas.Customer", "--json", "--out", spec);
        Assert.Equal((0, ""), (code, error));
        Assert.Equal(CustomerSynthesizer.Spec.ToJson(), File.ReadAllText(spec));

        Assert.Equal(0, Run.Synthkit("generate", "--spec", spec, "--rows", "50", "--seed", "4", "--out", _temp["a.csv"]).ExitCode);
        Assert.Equal(0, Run.Synthkit("generate", "--assembly", Run.SchemaAssembly, "--schema", "SynthKit.Cli.Tests.Schemas.Customer", "--rows", "50", "--seed", "4", "--out", _temp["b.csv"]).ExitCode);
        Assert.Equal(File.ReadAllBytes(_temp["b.csv"]), File.ReadAllBytes(_temp["a.csv"]));
    }

    [Fact]
    public void Schema_sdv_writes_metadata_that_reads_back_to_the_same_kinds()
    {
        var (code, output, _) = Run.Synthkit("schema", "--assembly", Run.SchemaAssembly, "--schema", "SynthKit.Cli.Tests.Schemas.Customer", "--sdv");
        Assert.Equal(0, code);
        Assert.Contains("\"METADATA_SPEC_VERSION\": \"SINGLE_TABLE_V1\"", output, StringComparison.Ordinal);
        var back = SdvMetadata.Read(System.Text.Encoding.UTF8.GetBytes(output), "Customer");
        Assert.Equal(CustomerSynthesizer.Spec.Columns.Select(c => (c.Name, c.IsPersonalData)), back.Columns.Select(c => (c.Name, c.IsPersonalData)));
    }

    [Fact]
    public void A_bad_spec_is_a_located_sk4006_and_exit_code_3()
    {
        string spec = _temp["bad.json"];
        File.WriteAllText(spec, "{ \"specVersion\": 1, \"name\": \"t\", \"columns\": [ { \"name\": \"x\", \"type\": \"int32\", \"kind\": \"numerical\", \"rule\": { \"kind\": \"normal\", \"mean\": 1, \"sd\": -2 } } ] }");

        var (code, _, error) = Run.Synthkit("generate", "--spec", spec, "--rows", "3", "--out", _temp["x.csv"]);

        Assert.Equal(3, code);
        Assert.Contains("bad.json: error SK4006: columns[0] ('x').rule: normal needs a finite mean and a positive sd", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["x.csv"]));
    }

    [Theory]
    [InlineData("generate", "--rows", "3", "--out", "x.csv")]
    [InlineData("schema")]
    public void Neither_or_both_sources_is_a_usage_error(params string[] args)
    {
        var (code, _, error) = Run.Synthkit(args);
        Assert.Equal(2, code);
        Assert.Contains("exactly one of --assembly", error, StringComparison.Ordinal);
    }
}
