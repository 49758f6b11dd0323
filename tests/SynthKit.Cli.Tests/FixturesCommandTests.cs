using System;
using System.IO;
using System.Linq;
using SynthKit.Fixtures;

namespace SynthKit.Cli.Tests;

/// <summary><c>synthkit fixtures</c>, as the SynthKit.Build targets run it: a fixture list and a project file.</summary>
public sealed class FixturesCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public FixturesCommandTests()
    {
        File.WriteAllText(Project, """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <SynthFixture Include="fixtures/customers.csv" Schema="SynthKit.Cli.Tests.Schemas.Customer" Rows="40" Seed="1" />
                <SynthFixture Include="fixtures/sensors.jsonl" Schema="Sensor" Rows="10" />
              </ItemGroup>
            </Project>
            """);
    }

    public void Dispose() => _temp.Dispose();

    private string Project => _temp["App.csproj"];

    private (int ExitCode, string Output, string Error) Fixtures(string mode, params string[] lines)
    {
        File.WriteAllLines(_temp["spec.tsv"], lines);
        return Run.Synthkit("fixtures", "--assembly", Run.SchemaAssembly, "--spec", _temp["spec.tsv"], "--mode", mode, "--project", Project);
    }

    private string Line(string include, string schema, string rows, string seed = "1", string format = "", string start = "0", string model = "") =>
        string.Join('\t', include, _temp[include], schema, rows, seed, format, start, model);

    private string[] Both => [Line("fixtures/customers.csv", "SynthKit.Cli.Tests.Schemas.Customer", "40"), Line("fixtures/sensors.jsonl", "Sensor", "10", "0")];

    [Fact]
    public void Fixtures_of_related_tables_must_hold_together()
    {
        // Sale names rows 0 … 19 of Store ([References(typeof(Store), Parents = 20)]).
        var small = Fixtures("update", Line("fixtures/stores.csv", "Store", "10", "0"), Line("fixtures/sales.csv", "Sale", "60", "0"));
        Assert.Equal(3, small.ExitCode);
        Assert.Contains("error SK5009", small.Error, StringComparison.Ordinal);
        Assert.Contains("its column 'StoreId' names rows 0 … 19 of Store, but the Store fixture 'fixtures/stores.csv' holds rows 0 … 9", small.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["fixtures/sales.csv"]));
        Assert.True(File.Exists(_temp["fixtures/stores.csv"]));

        var late = Fixtures("update", Line("fixtures/stores.csv", "Store", "20", "0", start: "5"), Line("fixtures/sales.csv", "Sale", "60", "0"));
        Assert.Contains("error SK5009", late.Error, StringComparison.Ordinal);

        var enough = Fixtures("update", Line("fixtures/stores.csv", "Store", "20", "0"), Line("fixtures/sales.csv", "Sale", "60", "0"));
        Assert.True(enough.ExitCode == 0, enough.Error);
        var storeIds = File.ReadAllLines(_temp["fixtures/stores.csv"]).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        Assert.All(File.ReadAllLines(_temp["fixtures/sales.csv"]).Skip(1), l => Assert.Contains(l.Split(',')[1], storeIds));

        // A child alone is not checked: its parent's data may come from elsewhere.
        Assert.Equal(0, Fixtures("verify", Line("fixtures/sales.csv", "Sale", "60", "0")).ExitCode);
    }

    [Fact]
    public void A_fixture_outside_the_project_folder_is_refused_unless_allowed()
    {
        string outside = Path.Combine(Path.GetDirectoryName(_temp.Path)!, "escape-" + Guid.NewGuid().ToString("N")[..8], "a.csv");
        string line = string.Join('\t', "../escape/a.csv", outside, "SynthKit.Cli.Tests.Schemas.Customer", "5", "1", "", "0");
        File.WriteAllLines(_temp["spec.tsv"], [line]);

        var refused = Run.Synthkit("fixtures", "--assembly", Run.SchemaAssembly, "--spec", _temp["spec.tsv"], "--project", Project);
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("error SK5005", refused.Error, StringComparison.Ordinal);
        Assert.Contains("is outside the project's folder", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(outside));

        var allowed = Run.Synthkit("fixtures", "--assembly", Run.SchemaAssembly, "--spec", _temp["spec.tsv"], "--project", Project, "--allow-outside-project");
        try
        {
            Assert.Equal(0, allowed.ExitCode);
            Assert.True(File.Exists(outside));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(outside)!, recursive: true);
        }
    }

    [Fact]
    public void A_parquet_fixture_is_updated_and_verified_like_any_other()
    {
        string[] items = [Line("fixtures/sensors.parquet", "Sensor", "500", "4"), Line("fixtures/other.bin", "Sensor", "20", "4", format: "parquet")];
        var update = Fixtures("update", items);
        Assert.Equal((0, ""), (update.ExitCode, update.Error));
        Assert.Contains("SynthKit: 2 fixture(s) written, 0 up to date.", update.Output, StringComparison.Ordinal);
        Assert.Equal("500", SynthKit.Tests.Shared.DuckDb.Scalar($"SELECT count(*) FROM read_parquet({SynthKit.Tests.Shared.DuckDb.Literal(_temp["fixtures/sensors.parquet"])})"));
        Assert.Equal("20", SynthKit.Tests.Shared.DuckDb.Scalar($"SELECT count(*) FROM read_parquet({SynthKit.Tests.Shared.DuckDb.Literal(_temp["fixtures/other.bin"])})"));

        var verify = Fixtures("verify", items);
        Assert.Equal((0, ""), (verify.ExitCode, verify.Error));

        // A changed seed makes the Parquet fixture stale, reported at the file's start (it has no lines).
        var stale = Fixtures("verify", Line("fixtures/sensors.parquet", "Sensor", "500", "5"));
        Assert.Equal(Cli.FixtureProblem, stale.ExitCode);
        Assert.Contains($"{_temp["fixtures/sensors.parquet"]}(1,1): error SK5002", stale.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_writes_every_fixture_then_verify_passes_and_a_second_update_writes_nothing()
    {
        var update = Fixtures("update", Both);
        var verify = Fixtures("verify", Both);
        var again = Fixtures("update", Both);

        Assert.Equal((0, ""), (update.ExitCode, update.Error));
        Assert.Contains("SynthKit: wrote fixtures/customers.csv (40 rows of SynthKit.Cli.Tests.Schemas.Customer).", update.Output, StringComparison.Ordinal);
        Assert.Contains("SynthKit: 2 fixture(s) written, 0 up to date.", update.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp["fixtures/sensors.jsonl.synth.json"]));
        Assert.Equal((0, ""), (verify.ExitCode, verify.Error));
        Assert.Contains("SynthKit: verified 2 of 2 fixture(s).", verify.Output, StringComparison.Ordinal);
        Assert.Contains("SynthKit: 0 fixture(s) written, 2 up to date.", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_writes_nothing_and_reports_a_missing_fixture()
    {
        var (code, _, error) = Fixtures("verify", Both);

        Assert.Equal(Cli.FixtureProblem, code);
        Assert.Contains($"{_temp["fixtures/customers.csv"]}: error SK5001", error, StringComparison.Ordinal);
        Assert.Contains($"{_temp["fixtures/sensors.jsonl"]}: error SK5001", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp["fixtures"]));
    }

    [Fact]
    public void Verify_reports_a_changed_row_count_as_stale()
    {
        Fixtures("update", Both);

        var (code, _, error) = Fixtures("verify", Line("fixtures/customers.csv", "SynthKit.Cli.Tests.Schemas.Customer", "41"));

        Assert.Equal(Cli.FixtureProblem, code);
        Assert.Contains("error SK5002: The fixture is stale: the row count changed (40 → 41).", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-3", "", "Rows is '-3'")]
    [InlineData("lots", "", "Rows is 'lots'")]
    [InlineData("10", "xml", "'xml' is not a fixture format")]
    public void A_bad_item_is_SK5005_at_its_line_in_the_project_file(string rows, string format, string message)
    {
        var (code, _, error) = Fixtures("update", Line("fixtures/sensors.jsonl", "Sensor", rows, format: format));

        Assert.Equal(Cli.InputError, code);
        Assert.StartsWith($"{Project}(4,5): error SK5005: ", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_schema_is_SK5004_at_its_item_and_the_other_fixtures_are_still_made()
    {
        var (code, _, error) = Fixtures("update", Line("fixtures/customers.csv", "Clinic.Patient", "40"), Line("fixtures/sensors.jsonl", "Sensor", "10"));

        Assert.Equal(Cli.InputError, code);
        Assert.StartsWith($"{Project}(3,5): error SK5004: No synthesizer for schema 'Clinic.Patient'", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(File.Exists(_temp["fixtures/sensors.jsonl"]));
    }

    [Fact]
    public void A_missing_fixture_list_is_SK5006_not_a_stack_trace()
    {
        var (code, _, error) = Run.Synthkit("fixtures", "--assembly", Run.SchemaAssembly, "--spec", _temp["nope.tsv"]);

        Assert.Equal(Cli.InputError, code);
        Assert.StartsWith(_temp["nope.tsv"] + ": error SK5006: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_fixture_list_does_nothing_without_loading_the_assembly()
    {
        File.WriteAllText(_temp["spec.tsv"], "\n");

        var (code, output, error) = Run.Synthkit("fixtures", "--assembly", _temp["NotBuiltYet.dll"], "--spec", _temp["spec.tsv"]);

        Assert.Equal((0, "", ""), (code, output, error));
        Assert.False(Directory.Exists(_temp["fixtures"]));
    }

    /// <summary>A model fitted to a small table of the test schema Customer's shape (its learnable members only).</summary>
    private string FitModel(string name, int seed)
    {
        // Stand-in "real" rows: the schema's own synthesizer at another seed. The model learns Income (the rest is
        // personal data, an identifier, or a zip code of 300 distinct values in 300 rows).
        var model = Modeling.SynthModel.Fit(new Schemas.CustomerSynthesizer(seed).ToBatch(0, 300));
        Assert.Equal(["Income"], model.Columns);
        model.Save(_temp[name]);
        return _temp[name];
    }

    [Fact]
    public void A_fixture_can_come_from_a_model_alone_or_a_model_inside_a_schema_and_verify_sees_a_changed_model()
    {
        string model = FitModel("customer.model.json", 5);
        string[] lines = [Line("fixtures/from-model.csv", "", "30", model: model), Line("fixtures/schema-model.csv", "SynthKit.Cli.Tests.Schemas.Customer", "30", model: model)];

        var (code, output, error) = Fixtures("update", lines);
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("SynthKit: wrote fixtures/from-model.csv (30 rows of", output, StringComparison.Ordinal);
        Assert.Contains("from customer.model.json", output, StringComparison.Ordinal);
        foreach (var fixture in new[] { "fixtures/from-model.csv", "fixtures/schema-model.csv" })
        {
            var manifest = FixtureManifest.Parse(File.ReadAllBytes(_temp[fixture] + ".synth.json"));
            Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model))).ToLowerInvariant(), Assert.Single(manifest.Models).Sha256);
        }

        Assert.Equal(0, Fixtures("verify", lines).ExitCode);

        // Refit on other rows: the same fixtures are now stale.
        FitModel("customer.model.json", 6);
        var (stale, _, staleError) = Fixtures("verify", lines);
        Assert.Equal(1, stale);
        Assert.Contains("error SK5002: The fixture is stale: the model changed (bayes-net ", staleError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_broken_model_is_SK5005_at_the_item()
    {
        File.WriteAllText(_temp["broken.json"], "{}");
        var (code, _, error) = Fixtures("update", Line("fixtures/customers.csv", "", "3", model: _temp["missing.json"]), Line("fixtures/sensors.jsonl", "", "3", model: _temp["broken.json"]));

        Assert.Equal(3, code);
        Assert.Contains("App.csproj(3,5): error SK5005: SynthFixture 'fixtures/customers.csv': Model: the model file '" + _temp["missing.json"] + "' does not exist", error, StringComparison.Ordinal);
        Assert.Contains("error SK5005: SynthFixture 'fixtures/sensors.jsonl': Model: SK6001: " + _temp["broken.json"] + ": the model is not", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["fixtures/customers.csv"]));
    }

    [Fact]
    public void A_model_that_does_not_fit_the_schema_is_SK5005()
    {
        string model = FitModel("customer.model.json", 5);
        var (code, _, error) = Fixtures("update", Line("fixtures/sensors.jsonl", "Sensor", "3", model: model));

        Assert.Equal(3, code);
        Assert.Contains("error SK5005: SynthFixture 'fixtures/sensors.jsonl': the model does not fit schema 'Sensor':", error, StringComparison.Ordinal);
    }
}
