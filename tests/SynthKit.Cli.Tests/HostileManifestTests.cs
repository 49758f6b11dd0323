using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace SynthKit.Cli.Tests;

/// <summary>Manifests edited by hand or by an attacker: checked for plausibility before anything is rendered from them.</summary>
public sealed class HostileManifestTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Generated(string name)
    {
        string file = _temp[name];
        var (code, _, error) = Run.Synthkit("generate", "-a", Run.SchemaAssembly, "-s", "SynthKit.Cli.Tests.Schemas.Customer", "-n", "3", "--seed", "5", "-o", file);
        Assert.True(code == 0, error);
        return file;
    }

    private static void EditManifest(string file, string from, string to)
    {
        string manifest = file + ".synth.json";
        string text = File.ReadAllText(manifest);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(manifest, text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void A_manifest_claiming_millions_of_rows_for_a_small_file_is_SK5003_without_rendering_them()
    {
        string file = Generated("small.csv");
        EditManifest(file, "\"rows\": 3", "\"rows\": 30000000");
        var watch = Stopwatch.StartNew();

        var (code, _, error) = Run.Synthkit("verify", file, "--assembly", Run.SchemaAssembly);

        Assert.Equal(1, code);
        Assert.Contains("error SK5003: The manifest says the fixture holds 30,000,000 rows, but the file has 4 line(s)", error, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "30,000,000 rows were rendered");
    }

    [Theory]
    [InlineData("\"rows\": 3", "\"rows\": -5")]
    [InlineData("\"start\": 0", "\"start\": 9223372036854775807")]
    [InlineData("\"format\": \"csv\"", "\"format\": \"xml\"")]
    public void Impossible_generation_settings_are_SK5007_with_the_manifest_path(string from, string to)
    {
        string file = Generated("bad.csv");
        EditManifest(file, from, to);

        var (code, _, error) = Run.Synthkit("verify", file, "--assembly", Run.SchemaAssembly);

        Assert.Equal(3, code);
        Assert.Contains("bad.csv.synth.json(1,1): error SK5007: The manifest's generation settings are impossible", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_does_not_make_a_different_manifest()
    {
        string file = Generated("bom.csv");
        string manifest = file + ".synth.json";
        byte[] bytes = File.ReadAllBytes(manifest);
        File.WriteAllBytes(manifest, [0xEF, 0xBB, 0xBF, .. bytes]);

        var (code, output, error) = Run.Synthkit("verify", file);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_fixture_is_checked_even_after_an_unusable_one_and_the_exit_code_says_the_worst()
    {
        string broken = Generated("broken.csv");
        File.WriteAllText(broken + ".synth.json", "{ not json");
        string tampered = Generated("tampered.csv");
        File.AppendAllText(tampered, "x\n", Encoding.UTF8);

        var (code, _, error) = Run.Synthkit("verify", broken, tampered);

        Assert.Equal(3, code);
        Assert.Contains("broken.csv.synth.json", error, StringComparison.Ordinal);
        Assert.Contains("tampered.csv", error, StringComparison.Ordinal);
        Assert.Contains("SK5007", error, StringComparison.Ordinal);
        Assert.Contains("SK5003", error, StringComparison.Ordinal);
    }
}

/// <summary>Hostile arguments and user code: a coded line and a documented exit code, never a stack trace.</summary>
public sealed class HostileArgumentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--start", "9223372036854775807")]
    [InlineData("--start", "-1")]
    [InlineData("--rows", "-3")]
    [InlineData("--seed", "x")]
    public void Impossible_generate_arguments_are_usage_errors(string option, string value)
    {
        var (code, _, error) = Run.Synthkit("generate", "-a", Run.SchemaAssembly, "-s", "SynthKit.Cli.Tests.Schemas.Customer", "-n", "3", option, value, "-o", _temp["x.csv"]);

        Assert.Equal(2, code);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["x.csv"]));
    }

    [Fact]
    public void A_schema_whose_constructor_throws_is_one_coded_line_and_leaves_no_file()
    {
        var (code, _, error) = Run.Synthkit("generate", "-a", Run.SchemaAssembly, "-s", "SynthKit.Cli.Tests.Hostile.Grumpy", "-n", "3", "-o", _temp["g.csv"]);

        Assert.Equal(3, code);
        Assert.Contains("error SK5008: generating rows failed with InvalidOperationException: no rows today", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp["g.csv"]));
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }
}

/// <summary>Interrupting a long write: prompt, coded, exit 130, no temporary file, the old fixture untouched.</summary>
public sealed class CancellationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_cancelled_generate_writes_nothing_and_exits_130()
    {
        string file = _temp["c.csv"];
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = Cli.Run(["generate", "-a", Run.SchemaAssembly, "-s", "SynthKit.Cli.Tests.Schemas.Customer", "-n", "100000", "-o", file], output, error, cancelled.Token);

        Assert.Equal(Cli.Cancelled, code);
        Assert.Contains("interrupted; nothing was written", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public void Sigterm_stops_a_long_generate_promptly_and_removes_its_temporary_file()
    {
        string file = _temp["big.csv"];
        Assert.Equal(0, Run.Synthkit("generate", "-a", Run.SchemaAssembly, "-s", "SynthKit.Cli.Tests.Schemas.Customer", "-n", "10", "-o", file).ExitCode);
        byte[] before = File.ReadAllBytes(file);
        string cli = Path.Combine(Path.GetDirectoryName(Run.SchemaAssembly)!, "SynthKit.Cli.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { cli, "generate", "-a", Run.SchemaAssembly, "-s", "SynthKit.Cli.Tests.Schemas.Customer", "-n", "20000000", "-o", file })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        string? temporary = null;
        while (temporary is null && !process.HasExited && DateTime.UtcNow < deadline)
        {
            temporary = Directory.GetFiles(_temp.Path, "*.synthkit-tmp").FirstOrDefault(f => new FileInfo(f).Length > (2 << 20));
            System.Threading.Thread.Sleep(20);
        }

        Assert.True(temporary is not null, "the run finished or stalled before it could be interrupted");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill!.WaitForExit();
        }

        Assert.True(process.WaitForExit(15_000), "SIGTERM did not stop the run");
        Assert.Equal(Cli.Cancelled, process.ExitCode);
        Assert.Contains("interrupted", process.StandardError.ReadToEnd(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.synthkit-tmp"));
        Assert.Equal(before, File.ReadAllBytes(file));
    }
}

/// <summary>What a manifest says is compared as content, and tampering is named as such.</summary>
public sealed class ManifestContentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Generated(string name)
    {
        string file = _temp[name];
        Assert.Equal(0, Run.Synthkit("generate", "-a", Run.SchemaAssembly, "-s", "SynthKit.Cli.Tests.Schemas.Customer", "-n", "5", "--seed", "2", "-o", file).ExitCode);
        return file;
    }

    [Fact]
    public void A_fixture_edited_together_with_its_manifests_hash_is_SK5003_at_the_edit()
    {
        string file = Generated("t.csv");
        var lines = File.ReadAllLines(file);
        lines[3] = lines[3].Replace(lines[3].Split(',')[1], "Mallory", StringComparison.Ordinal);
        File.WriteAllText(file, string.Join("\n", lines) + "\n");
        byte[] edited = File.ReadAllBytes(file);
        string manifest = File.ReadAllText(file + ".synth.json");
        var parsed = SynthKit.Fixtures.FixtureManifest.Parse(File.ReadAllBytes(file + ".synth.json"));
        manifest = manifest.Replace(parsed.Sha256, SynthKit.Fixtures.FixtureManifest.Hash(edited), StringComparison.Ordinal)
            .Replace($"\"bytes\": {parsed.Bytes}", $"\"bytes\": {edited.Length}", StringComparison.Ordinal);
        File.WriteAllText(file + ".synth.json", manifest);

        var (code, _, error) = Run.Synthkit("verify", file, "--assembly", Run.SchemaAssembly);

        Assert.Equal(1, code);
        Assert.Contains("t.csv(4,", error, StringComparison.Ordinal);
        Assert.Contains("error SK5003: The fixture differs from what its schema and settings generate although it matches its manifest's SHA-256", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reformatting_a_manifest_is_not_a_change()
    {
        string file = Generated("r.csv");
        string manifest = File.ReadAllText(file + ".synth.json");
        var parsed = SynthKit.Fixtures.FixtureManifest.Parse(File.ReadAllBytes(file + ".synth.json"));
        File.WriteAllText(file + ".synth.json", manifest.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("  ", "    ", StringComparison.Ordinal).Replace(parsed.Sha256, parsed.Sha256.ToUpperInvariant(), StringComparison.Ordinal));

        var (code, output, error) = Run.Synthkit("verify", file, "--assembly", Run.SchemaAssembly);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("matches its schema", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_fixture_says_so()
    {
        string file = Generated("original.csv");
        string renamed = _temp["renamed.csv"];
        File.Move(file, renamed);
        File.Move(file + ".synth.json", renamed + ".synth.json");

        var (code, _, error) = Run.Synthkit("verify", renamed, "--assembly", Run.SchemaAssembly);

        Assert.Equal(1, code);
        Assert.Contains("it names the fixture 'original.csv', but the file is 'renamed.csv' (was it renamed?)", error, StringComparison.Ordinal);
    }
}
