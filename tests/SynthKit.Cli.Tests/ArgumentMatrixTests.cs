using System;
using System.IO;
using System.Linq;
using Xunit;

namespace SynthKit.Cli.Tests;

/// <summary>
/// Hostile and careless command lines for every command: each ends with its documented exit code (docs/cli.md) and a
/// line that says what is wrong, never a stack trace, and writes nothing.
/// </summary>
public sealed class ArgumentMatrixTests : IDisposable
{
    private const string Customer = "SynthKit.Cli.Tests.Schemas.Customer";

    private static readonly string CoreLib = typeof(object).Assembly.Location;

    private readonly TempDirectory _temp = new();

    public ArgumentMatrixTests()
    {
        Directory.CreateDirectory(_temp["dir"]);
        File.WriteAllText(_temp["garbage.json"], "x");
        File.WriteAllText(_temp["empty.csv"], "");
        File.WriteAllText(_temp["text.dll"], "not an assembly");
        File.WriteAllText(_temp["short.tsv"], "a\tb\n");
    }

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, int, string> Cases => new()
    {
        // generate: what to generate from
        { "generate", 2, "Give exactly one of --assembly" },
        { "generate -a {asm} -s {customer} --spec {tmp}/garbage.json -n 3 -o {tmp}/a.csv", 2, "Give exactly one of" },
        { "generate -a {tmp}/missing.dll -s X -n 3 -o {tmp}/a.csv", 3, "SK5008: The assembly" },
        { "generate -a {tmp}/dir -s X -n 3 -o {tmp}/a.csv", 3, "is a directory" },
        { "generate -a {tmp}/text.dll -s X -n 3 -o {tmp}/a.csv", 3, "SK5008: Cannot load 'text.dll'" },
        { "generate -a {corelib} -s X -n 3 -o {tmp}/a.csv", 3, "SK5004: No synthesizer for schema 'X' in System.Private.CoreLib" },
        { "generate -a {asm} -s Nope -n 3 -o {tmp}/a.csv", 3, "SK5004: No synthesizer for schema 'Nope'" },
        { "generate -a {asm} -r {tmp}/missing.dll -s {customer} -n 3 -o {tmp}/a.csv", 2, "--reference '" },
        { "generate --spec {tmp}/missing.json -n 3 -o {tmp}/a.csv", 2, "does not exist" },
        { "generate --spec {tmp}/garbage.json -n 3 -o {tmp}/a.csv", 3, "garbage.json(1,1): error SK4006" },
        { "generate --metadata {tmp}/empty.csv -n 3 -o {tmp}/a.csv", 3, "empty.csv(1,1): error SK4006" },
        { "generate --metadata {tmp}/dir -n 3 -o {tmp}/a.csv", 2, "is a directory; name a file" },

        // generate: how many, where, how
        { "generate -a {asm} -s {customer} -o {tmp}/a.csv", 2, "'--rows' is required" },
        { "generate -a {asm} -s {customer} -n 99999999999 -o {tmp}/a.csv", 2, "Cannot parse argument '99999999999'" },
        { "generate -a {asm} -s {customer} -n three -o {tmp}/a.csv", 2, "Cannot parse argument 'three'" },
        { "generate -a {asm} -s {customer} -n 3 --start 9223372036854775807 -o {tmp}/a.csv", 2, "--start" },
        { "generate -a {asm} -s {customer} -n 3 --seed 1e3 -o {tmp}/a.csv", 2, "Cannot parse argument '1e3'" },
        { "generate -a {asm} -s {customer} -n 3 -o {tmp}/a.xyz", 3, "SK5005" },
        { "generate -a {asm} -s {customer} -n 3 -f xml -o {tmp}/a.csv", 2, "Argument 'xml' not recognized" },
        { "generate -a {asm} -s {customer} -n 3 -f csv -o {tmp}/dir", 3, "error SK5006: Cannot write" },
        { "generate -a {asm} -s {customer} -n 3", 2, "Give exactly one of --out (a file or a SQLite database) and --postgres" },

        // verify
        { "verify", 2, "Required argument 'fixture' missing" },
        { "verify {tmp}/missing.csv", 1, "SK5001: The fixture 'missing.csv' does not exist" },
        { "verify {tmp}/dir", 1, "is a directory, not a fixture" },
        { "verify {tmp}/garbage.json", 1, "has no manifest" },
        { "verify {tmp}/missing.csv -a {tmp}/missing.dll", 3, "SK5008: The assembly" },

        // schema
        { "schema", 2, "Give exactly one of --assembly, --metadata and --spec" },
        { "schema -a {asm} --json --sdv", 2, "not both" },
        { "schema -a {asm} --json -o {tmp}/x.json", 2, "name one with --schema" },
        { "schema --metadata {tmp}/garbage.json", 3, "SK4006: the SDV metadata is not valid JSON" },
        { "schema --spec {tmp}/empty.csv", 3, "SK4006" },
        { "schema -a {corelib}", 0, "System.Private.CoreLib declares no synthesizers." },

        // fixtures (the build's host: its errors stay coded, so MSBuild shows them)
        { "fixtures --spec {tmp}/short.tsv", 2, "'--assembly' is required" },
        { "fixtures --spec {tmp}/missing.tsv -a {asm}", 3, "missing.tsv: error SK5006: 'missing.tsv' does not exist." },
        { "fixtures --spec {tmp}/dir -a {asm}", 3, "error SK5006: Access to the path" },
        { "fixtures --spec {tmp}/short.tsv -a {asm}", 3, "SK5005: SynthFixture 'a': the fixture list line is incomplete" },
        { "fixtures --spec {tmp}/short.tsv -a {asm} --mode bogus", 2, "Argument 'bogus' not recognized" },
        { "fixtures --spec {tmp}/short.tsv -a {asm} --references {tmp}/missing.txt", 3, "missing.txt: error SK5006: 'missing.txt' does not exist." },

        // the root
        { "", 2, "Required command was not provided" },
        { "--bogus", 2, "Unrecognized command or argument '--bogus'" },
        { "generat", 2, "Unrecognized command or argument 'generat'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_hostile_command_line_has_its_exit_code_a_reason_and_no_trace(string line, int exitCode, string says)
    {
        var before = Listing();
        string[] args = line.Length == 0 ? [] : line
            .Replace("{asm}", Run.SchemaAssembly, StringComparison.Ordinal)
            .Replace("{customer}", Customer, StringComparison.Ordinal)
            .Replace("{corelib}", CoreLib, StringComparison.Ordinal)
            .Replace("{tmp}", _temp.Path, StringComparison.Ordinal)
            .Split(' ');

        var (code, output, error) = Run.Synthkit(args);

        Assert.Equal(exitCode, code);
        Assert.Contains(says, output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Equal(before, Listing());
    }

    private string Listing() => string.Join("\n", Directory.EnumerateFileSystemEntries(_temp.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
}
