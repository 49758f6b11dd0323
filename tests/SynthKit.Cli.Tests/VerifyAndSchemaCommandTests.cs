using System;
using System.IO;
using System.Text.RegularExpressions;

namespace SynthKit.Cli.Tests;

public sealed class VerifyAndSchemaCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Generated(string name, string schema = "SynthKit.Cli.Tests.Schemas.Customer")
    {
        string file = _temp[name];
        var (code, _, error) = Run.Synthkit("generate", "-a", Run.SchemaAssembly, "-s", schema, "-n", "30", "--seed", "5", "-o", file);
        Assert.True(code == 0, error);
        return file;
    }

    [Fact]
    public void A_good_fixture_verifies_by_its_hash_alone_and_against_its_assembly()
    {
        string file = Generated("customers.csv");

        var hashOnly = Run.Synthkit("verify", file);
        var withAssembly = Run.Synthkit("verify", file, "--assembly", Run.SchemaAssembly);

        Assert.Equal((0, ""), (hashOnly.ExitCode, hashOnly.Error));
        Assert.Contains($"{file}: OK", hashOnly.Output, StringComparison.Ordinal);
        Assert.Contains("content hash only", hashOnly.Output, StringComparison.Ordinal);
        Assert.Equal((0, ""), (withAssembly.ExitCode, withAssembly.Error));
        Assert.Contains("matches its schema", withAssembly.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tampered_fixture_fails_with_a_canonical_SK5003_line_and_exit_code_1()
    {
        string file = Generated("customers.csv");
        string[] lines = File.ReadAllLines(file);
        lines[4] = "x" + lines[4];
        File.WriteAllText(file, string.Join('\n', lines) + "\n");

        var (code, _, error) = Run.Synthkit("verify", file, "--assembly", Run.SchemaAssembly);

        Assert.Equal(Cli.FixtureProblem, code);
        Assert.Matches($@"^{Regex.Escape(file)}\(5,1\): error SK5003: The fixture's bytes no longer match its manifest", error);
    }

    [Fact]
    public void Every_fixture_is_checked_and_each_problem_reported()
    {
        string good = Generated("good.csv");
        string missing = _temp["missing.csv"];
        string tampered = Generated("tampered.jsonl");
        File.AppendAllText(tampered, "{}\n");

        var (code, output, error) = Run.Synthkit("verify", good, missing, tampered);

        Assert.Equal(Cli.FixtureProblem, code);
        Assert.Contains($"{good}: OK", output, StringComparison.Ordinal);
        Assert.Contains($"{missing}: error SK5001: The fixture 'missing.csv' does not exist.", error, StringComparison.Ordinal);
        Assert.Contains($"{tampered}(1,1): error SK5003", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_manifest_is_SK5007_at_its_position_and_exit_code_3()
    {
        string file = Generated("customers.csv");
        File.WriteAllText(file + ".synth.json", "{\n  \"manifestVersion\": 1,\n  \"synthetic\": tru\n}\n");

        var (code, _, error) = Run.Synthkit("verify", file);

        Assert.Equal(Cli.InputError, code);
        Assert.StartsWith($"{file}.synth.json(3,", error, StringComparison.Ordinal);
        Assert.Contains("error SK5007: The manifest is not valid JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixture_path_that_is_a_directory_is_reported_as_missing_not_thrown()
    {
        string directory = _temp["folder.csv"];
        Directory.CreateDirectory(directory);

        var (code, _, error) = Run.Synthkit("verify", directory);

        Assert.Equal(Cli.FixtureProblem, code);
        Assert.Contains("error SK5001", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_manifest_naming_a_schema_the_assembly_lacks_is_SK5004_at_the_manifest()
    {
        string file = Generated("customers.csv");
        string manifest = file + ".synth.json";
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("SynthKit.Cli.Tests.Schemas.Customer", "Gone.Customer", StringComparison.Ordinal));

        var (code, _, error) = Run.Synthkit("verify", file, "-a", Run.SchemaAssembly);

        Assert.Equal(Cli.InputError, code);
        Assert.StartsWith($"{manifest}(1,1): error SK5004: No synthesizer for schema 'Gone.Customer'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_lists_each_schema_with_columns_types_kinds_privacy_and_provenance()
    {
        var (code, output, error) = Run.Synthkit("schema", "--assembly", Run.SchemaAssembly);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("Customer (SynthKit.Cli.Tests.Schemas.Customer) — synthesizer SynthKit.Cli.Tests.Schemas.CustomerSynthesizer", output, StringComparison.Ordinal);
        Assert.Contains("Sensor (SynthKit.Cli.Tests.Schemas.Sensor)", output, StringComparison.Ordinal);
        Assert.Contains("provenance  source: CLI tests; purpose: fixtures for the synthkit command line; owner: SynthKit", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  Email\s+String\s+\w+\s+pii:Email\b", output);
        Assert.Matches(@"(?m)^  Zip\s+String\s+\w+\s+quasi-identifier\b", output);
        Assert.Matches(@"(?m)^  Income\s+Double\s+\w+\s+sensitive\s+\S", output);
        Assert.Matches(@"(?m)^  Celsius\s+Double\s+\w+\s+\S", output);
    }

    [Fact]
    public void Schema_on_an_assembly_without_synthesizers_says_so()
    {
        string cli = typeof(Cli).Assembly.Location;

        var (code, output, _) = Run.Synthkit("schema", "--assembly", cli);

        Assert.Equal(0, code);
        Assert.Contains("SynthKit.Cli declares no synthesizers.", output, StringComparison.Ordinal);
    }
}
