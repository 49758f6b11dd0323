using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SynthKit.Fixtures;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>Fixtures and manifests in the runtime: rendering, no-churn updates, atomic writes and verification.</summary>
public sealed class FixtureTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "synthkit-fixtures-" + Guid.NewGuid().ToString("N")[..8]);

    public FixtureTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static SynthKitException Fails(string code, Action action)
    {
        var ex = Assert.Throws<SynthKitException>(action);
        Assert.Equal(code, ex.Code);
        return ex;
    }

    [Fact]
    public void A_manifest_records_what_made_the_file_what_it_holds_and_its_privacy_marks()
    {
        string path = PathOf("patients.csv");
        var spec = new FixtureSpec(path, rows: 40, seed: 7);

        FixtureFiles.Update(new BenchPatientSynthesizer(7), spec);
        byte[] content = File.ReadAllBytes(path);
        var manifest = FixtureManifest.Parse(File.ReadAllBytes(path + ".synth.json"));

        Assert.True(manifest.Synthetic);
        Assert.Equal(FixtureManifest.CurrentVersion, manifest.ManifestVersion);
        Assert.Equal(BenchPatientSynthesizer.Schema.Fingerprint, manifest.Fingerprint);
        Assert.Equal(typeof(BenchPatient).FullName, manifest.SchemaType);
        Assert.Equal((7L, 40, 0L, "csv"), (manifest.Seed, manifest.Rows, manifest.Start, manifest.Format));
        Assert.Equal(("patients.csv", (long)content.Length), (manifest.File, manifest.Bytes));
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content)).ToLowerInvariant(), manifest.Sha256);
        Assert.Equal(("shared/bench/patient-schema.md", "tests", "SynthKit", "MIT"), (manifest.Provenance!.Source, manifest.Provenance.Purpose, manifest.Provenance.Owner, manifest.Provenance.License));
        Assert.Equal(new[] { "FirstName:FirstName", "LastName:LastName", "Email:Email", "BirthDate:DateOfBirth" }, manifest.PersonalData.Select(c => c.Column + ":" + c.Kind));
        Assert.Equal(new[] { "Age", "Sex", "Zip" }, manifest.QuasiIdentifiers);
        Assert.Equal(new[] { "Diagnosis", "Income", "Smoker" }, manifest.Sensitive);
        Assert.Equal(40 + 1, Encoding.UTF8.GetString(content).Count(c => c == '\n'));
    }

    [Fact]
    public void A_manifest_survives_a_round_trip_and_holds_no_timestamp_machine_or_culture()
    {
        var spec = new FixtureSpec(PathOf("orders.jsonl"), rows: 5, seed: 1);
        byte[] content = FixtureFiles.Render(new OrderSynthesizer(1), spec);
        byte[] json = FixtureManifest.Describe(OrderSynthesizer.Schema, spec, content).ToJson();

        Assert.Equal(json, FixtureManifest.Parse(json).ToJson());
        string text = Encoding.UTF8.GetString(json);
        Assert.DoesNotContain(Environment.MachineName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text);
        Assert.DoesNotContain("\r", text);
        Assert.False(json.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.Contains("\"column\": \"CustomerEmail\"", text);
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ar-SA");
            Assert.Equal(json, FixtureManifest.Describe(OrderSynthesizer.Schema, spec, FixtureFiles.Render(new OrderSynthesizer(1), spec)).ToJson());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Privacy_marks_inside_list_elements_are_listed_under_their_path()
    {
        var spec = new FixtureSpec(PathOf("teams.jsonl"), rows: 3, seed: 1);

        var manifest = FixtureManifest.Describe(TeamSynthesizer.Schema, spec, FixtureFiles.Render(new TeamSynthesizer(1), spec));

        Assert.Equal(new[] { new PersonalColumn("Members[].Name", "FullName") }, manifest.PersonalData);
        Assert.Equal(new[] { "Members[].Salary" }, manifest.Sensitive);
    }

    [Fact]
    public async System.Threading.Tasks.Task Manifests_validate_against_the_documented_json_schema_and_use_only_the_properties_it_declares()
    {
        string schemaText = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "manifest.schema.json"));
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(schemaText);
        using var declared = System.Text.Json.JsonDocument.Parse(schemaText);
        var patientSpec = new FixtureSpec(PathOf("p.csv"), 3, 1);
        var teamSpec = new FixtureSpec(PathOf("t.jsonl"), 3, 1);
        var withProvenance = FixtureManifest.Describe(BenchPatientSynthesizer.Schema, patientSpec, FixtureFiles.Render(new BenchPatientSynthesizer(1), patientSpec));
        var withoutProvenance = FixtureManifest.Describe(TeamSynthesizer.Schema, teamSpec, FixtureFiles.Render(new TeamSynthesizer(1), teamSpec));
        Assert.Null(withoutProvenance.Provenance);
        var fitted = SynthKit.Provenance.DataLineage.OfModel([SynthKit.Provenance.LineageNode.Real("real.csv", new string('a', 64), 10)], quality: 0.9);
        var withLineage = FixtureManifest.Describe(
            BenchPatientSynthesizer.Schema, patientSpec, new string('d', 64), 10, "0.1.0",
            [new ColumnModelInfo { Key = "m", Kind = "bayes-net", Sha256 = new string('e', 64), Columns = ["Age"], Rows = 10, Lineage = fitted }],
            new SynthKit.Provenance.WatermarkInfo("synthkit-wm1", "0123456789abcdef"));
        Assert.Equal(("model", "real.csv", 1), (withLineage.Lineage!.Parents[0].Kind, withLineage.Lineage.Parents[0].Parents[0].Name, withLineage.Lineage.Depth));

        foreach (var manifest in new[] { withProvenance, withoutProvenance, withLineage })
        {
            string json = System.Text.Encoding.UTF8.GetString(manifest.ToJson());
            Assert.Empty(schema.Validate(json).Select(e => e.ToString()));
            using var document = System.Text.Json.JsonDocument.Parse(json);
            AllDeclared(declared.RootElement, document.RootElement, "$");
        }

        // The schema can fail: a manifest that does not say it is synthetic, or lacks its hash, is invalid.
        string valid = System.Text.Encoding.UTF8.GetString(withProvenance.ToJson());
        Assert.NotEmpty(schema.Validate(valid.Replace("\"synthetic\": true", "\"synthetic\": false", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(valid.Replace("\"sha256\"", "\"md5\"", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(valid.Replace("\"format\": \"csv\"", "\"format\": \"xml\"", StringComparison.Ordinal)));
        string traced = System.Text.Encoding.UTF8.GetString(withLineage.ToJson());
        Assert.NotEmpty(schema.Validate(traced.Replace("0123456789abcdef", "the-key-itself", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(traced.Replace("\"realShare\": 1", "\"realShare\": 2", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(traced.Replace("\"role\": \"fit\"", "\"role\": \"guess\"", StringComparison.Ordinal)));
    }

    /// <summary>Every property a manifest carries is declared in the schema (which stays open for readers of later versions).</summary>
    private static void AllDeclared(System.Text.Json.JsonElement schema, System.Text.Json.JsonElement value, string path) => AllDeclared(schema, schema, value, path);

    private static void AllDeclared(System.Text.Json.JsonElement root, System.Text.Json.JsonElement schema, System.Text.Json.JsonElement value, string path)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            // "#/definitions/name": the shared definition, checked the same way.
            schema = root.GetProperty("definitions").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            foreach (var option in oneOf.EnumerateArray().Where(o => o.TryGetProperty("properties", out _) || o.TryGetProperty("items", out _)))
            {
                AllDeclared(root, option, value, path);
            }

            return;
        }

        if (value.ValueKind == System.Text.Json.JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in value.EnumerateObject())
            {
                Assert.True(properties.TryGetProperty(property.Name, out var propertySchema), $"{path}.{property.Name} is not declared in docs/manifest.schema.json");
                AllDeclared(root, propertySchema, property.Value, path + "." + property.Name);
            }
        }
        else if (value.ValueKind == System.Text.Json.JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            foreach (var item in value.EnumerateArray())
            {
                AllDeclared(root, items, item, path + "[]");
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SynthKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SynthKit.sln not found");
    }

    [Fact]
    public void Updating_an_unchanged_fixture_writes_nothing_and_keeps_its_timestamps()
    {
        string path = PathOf("patients.csv");
        var spec = new FixtureSpec(path, rows: 100, seed: 3);
        Assert.Equal(FixtureStatus.Written, FixtureFiles.Update(new BenchPatientSynthesizer(3), spec).Status);
        var old = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, old);
        File.SetLastWriteTimeUtc(path + ".synth.json", old);
        byte[] before = File.ReadAllBytes(path);

        var outcome = FixtureFiles.Update(new BenchPatientSynthesizer(3), spec);

        Assert.Equal(FixtureStatus.UpToDate, outcome.Status);
        Assert.Equal(old, File.GetLastWriteTimeUtc(path));
        Assert.Equal(old, File.GetLastWriteTimeUtc(path + ".synth.json"));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(new[] { "patients.csv", "patients.csv.synth.json" }, Directory.GetFiles(_directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Updating_with_a_new_seed_rewrites_the_fixture_and_its_manifest()
    {
        string path = PathOf("patients.csv");
        FixtureFiles.Update(new BenchPatientSynthesizer(3), new FixtureSpec(path, 20, 3));
        byte[] before = File.ReadAllBytes(path);

        var outcome = FixtureFiles.Update(new BenchPatientSynthesizer(4), new FixtureSpec(path, 20, 4));

        Assert.Equal(FixtureStatus.Written, outcome.Status);
        Assert.NotEqual(before, File.ReadAllBytes(path));
        Assert.Equal(4, FixtureManifest.Parse(File.ReadAllBytes(path + ".synth.json")).Seed);
    }

    [Theory]
    [InlineData(FixtureFormat.Csv)]
    [InlineData(FixtureFormat.JsonLines)]
    public void Rendering_in_blocks_for_progress_gives_the_same_bytes(FixtureFormat format)
    {
        var spec = new FixtureSpec(PathOf("m.x"), rows: 150_000, seed: 11, format, start: 5);
        var reports = new System.Collections.Generic.List<long>();
        using var blocks = new MemoryStream();

        FixtureFiles.RenderTo(blocks, new MeasurementSynthesizer(11), spec, new Progress(reports));

        Assert.Equal(FixtureFiles.Render(new MeasurementSynthesizer(11), spec), blocks.ToArray());
        const int b = ParallelWriting.BlockRows;
        Assert.Equal(new long[] { b, 2 * b, 3 * b, 4 * b, 150_000 }, reports);

        // On two threads the blocks come in waves of two: the same bytes, progress after each wave.
        reports.Clear();
        using var parallel = new MemoryStream();
        FixtureFiles.RenderTo(parallel, new MeasurementSynthesizer(11), spec with { Parallelism = 2 }, new Progress(reports));
        Assert.Equal(blocks.ToArray(), parallel.ToArray());
        Assert.Equal(new long[] { 2 * b, 4 * b, 150_000 }, reports);
    }

    private sealed class Progress(System.Collections.Generic.List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }

    [Fact]
    public void A_write_that_fails_midway_leaves_the_old_file_and_no_temporary_file()
    {
        string path = PathOf("data.csv");
        File.WriteAllText(path, "old,good\n");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteIfChanged(path, stream =>
        {
            stream.Write("new,half"u8);
            throw new InvalidOperationException("cancelled");
        }));

        Assert.Equal("old,good\n", File.ReadAllText(path));
        Assert.Equal(new[] { "data.csv" }, Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void A_read_only_fixture_is_refused_when_it_would_change_and_left_alone_when_it_would_not()
    {
        string path = PathOf("locked.csv");
        Assert.True(AtomicFile.WriteIfChanged(path, "a,b\n"u8.ToArray()));
        File.SetAttributes(path, FileAttributes.ReadOnly);
        try
        {
            Assert.False(AtomicFile.WriteIfChanged(path, "a,b\n"u8.ToArray()));
            var ex = Assert.Throws<SynthKitException>(() => AtomicFile.WriteIfChanged(path, "c,d\n"u8.ToArray()));
            Assert.Equal(FixtureErrorCodes.IoFailure, ex.Code);
            Assert.Contains("read-only", ex.Message, StringComparison.Ordinal);
            Assert.Equal("a,b\n", File.ReadAllText(path));
            Assert.True(File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly));
            Assert.Single(Directory.GetFiles(_directory));
        }
        finally
        {
            File.SetAttributes(path, FileAttributes.Normal);
        }
    }

    [Fact]
    public void A_concurrent_writers_temporary_file_is_left_alone_and_both_writes_land()
    {
        string path = PathOf("shared.csv");
        string live = PathOf(".shared.csv.1iveb0ef.synthkit-tmp");
        using (var other = new FileStream(live, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            other.Write("in progress"u8);

            Assert.True(AtomicFile.WriteIfChanged(path, "a,b\n"u8.ToArray()));

            Assert.True(File.Exists(live), "the other writer's temporary file was deleted under it");
        }

        Assert.Equal("a,b\n", File.ReadAllText(path));
        Assert.True(AtomicFile.WriteIfChanged(path, "c,d\n"u8.ToArray()));
        Assert.False(File.Exists(live), "an abandoned temporary file was not removed");
    }

    [Fact]
    public void Temporary_files_left_by_a_killed_run_are_removed_by_the_next_write()
    {
        string path = PathOf("data.csv");
        File.WriteAllText(PathOf(".data.csv.0badf00d.synthkit-tmp"), "half-written");
        File.WriteAllText(PathOf(".other.csv.0badf00d.synthkit-tmp"), "belongs to another file");

        Assert.True(AtomicFile.WriteIfChanged(path, "a,b\n"u8.ToArray()));

        Assert.Equal(new[] { ".other.csv.0badf00d.synthkit-tmp", "data.csv" }, Directory.GetFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unwritable_destination_is_SK5006_naming_the_file()
    {
        File.WriteAllText(PathOf("not-a-directory"), "x");
        string path = Path.Combine(PathOf("not-a-directory"), "data.csv");

        var ex = Fails("SK5006", () => FixtureFiles.Update(new MeasurementSynthesizer(1), new FixtureSpec(path, 3, 1)));

        Assert.Equal(path, ex.FilePath);
        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data.txt", 10, 0)]
    [InlineData("data.csv", -1, 0)]
    [InlineData("data.csv", 1, -5)]
    public void Invalid_fixture_settings_are_SK5005(string name, int rows, long start) =>
        Fails("SK5005", () => new FixtureSpec(name, rows, seed: 1, start: start));

    [Fact]
    public void A_good_fixture_verifies_with_and_without_its_synthesizer()
    {
        string path = PathOf("patients.csv");
        var spec = new FixtureSpec(path, 30, 5);
        FixtureFiles.Update(new BenchPatientSynthesizer(5), spec);

        Assert.Equal(FixtureStatus.Verified, FixtureFiles.Verify(path).Status);
        Assert.Equal(FixtureStatus.Verified, FixtureFiles.Verify(path, new BenchPatientSynthesizer(5), spec).Status);
        Assert.Equal(FixtureStatus.Verified, FixtureFiles.Verify(path, new BenchPatientSynthesizer(5)).Status); // settings from the manifest
    }

    [Fact]
    public void A_missing_fixture_or_manifest_is_SK5001()
    {
        string path = PathOf("patients.csv");
        Fails("SK5001", () => FixtureFiles.Verify(path));
        FixtureFiles.Update(new BenchPatientSynthesizer(5), new FixtureSpec(path, 3, 5));
        File.Delete(path + ".synth.json");

        var ex = Fails("SK5001", () => FixtureFiles.Verify(path));

        Assert.Contains("no manifest", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SynthFixtureMode=Update", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_edit_is_SK5003_at_the_first_edited_character()
    {
        string path = PathOf("patients.csv");
        var spec = new FixtureSpec(path, 20, 5);
        FixtureFiles.Update(new BenchPatientSynthesizer(5), spec);
        string[] lines = File.ReadAllText(path).Split('\n');
        int comma = lines[6].IndexOf(',', StringComparison.Ordinal);
        lines[6] = lines[6][..(comma + 1)] + "#" + lines[6][(comma + 1)..];
        File.WriteAllText(path, string.Join('\n', lines));

        var withSchema = Fails("SK5003", () => FixtureFiles.Verify(path, new BenchPatientSynthesizer(5), spec));
        var hashOnly = Fails("SK5003", () => FixtureFiles.Verify(path));

        Assert.Equal((path, 7, comma + 2), (withSchema.FilePath, withSchema.Line, withSchema.Column));
        Assert.Contains("edited by hand", withSchema.Message, StringComparison.Ordinal);
        Assert.Equal(path, hashOnly.FilePath);
    }

    [Fact]
    public void A_schema_change_is_SK5002_saying_what_changed()
    {
        string path = PathOf("versioned.csv");
        FixtureFiles.Update(new VersionASynthesizer(2), new FixtureSpec(path, 10, 2));

        var ex = Fails("SK5002", () => FixtureFiles.Verify(path, new VersionBSynthesizer(2), new FixtureSpec(path, 10, 2)));

        Assert.Contains("the schema 'Versioned' changed", ex.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1), (ex.Line, ex.Column)); // the header is the first thing that differs
    }

    [Theory]
    [InlineData(9, 10, 0, "the seed changed (2 → 9)")]
    [InlineData(2, 11, 0, "the row count changed (10 → 11)")]
    [InlineData(2, 10, 3, "the first row changed (0 → 3)")]
    public void Changed_settings_are_SK5002_saying_which(long seed, int rows, long start, string change)
    {
        string path = PathOf("patients.csv");
        FixtureFiles.Update(new BenchPatientSynthesizer(2), new FixtureSpec(path, 10, 2));

        var ex = Fails("SK5002", () => FixtureFiles.Verify(path, new BenchPatientSynthesizer(seed), new FixtureSpec(path, rows, seed, start: start)));

        Assert.Contains(change, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_bytes_from_an_unchanged_schema_and_version_are_SK5003_at_the_first_difference()
    {
        // Same fingerprint (which carries the algorithm version), settings and SynthKit version, yet other bytes that
        // match the manifest's hash: the file and its manifest were edited together.
        string path = PathOf("patients.csv");
        var spec = new FixtureSpec(path, 10, 2);
        FixtureFiles.Update(new BenchPatientSynthesizer(2), spec);
        var changed = new BenchPatientSynthesizer(2).WithDiagnosis(r => r.Index == 4 ? "Flu" : PatientDiagnosis(r.Index));

        var ex = Fails("SK5003", () => FixtureFiles.Verify(path, changed, spec));

        Assert.Contains("edited together", ex.Message, StringComparison.Ordinal);
        string expectedLine = File.ReadAllText(path).Split('\n')[5];
        Assert.Equal(6, ex.Line);
        Assert.Equal(expectedLine.IndexOf(new BenchPatientSynthesizer(2).Create(4).Diagnosis, StringComparison.Ordinal) + 1, ex.Column);
    }

    [Fact]
    public void Different_bytes_from_another_synthkit_version_are_SK5002_naming_both_versions()
    {
        string path = PathOf("patients.csv");
        var spec = new FixtureSpec(path, 10, 2);
        FixtureFiles.Update(new BenchPatientSynthesizer(2), spec);
        string manifest = path + ".synth.json";
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"synthKitVersion\": \"{FixtureManifest.Version}\"", "\"synthKitVersion\": \"0.0.9\"", StringComparison.Ordinal));
        var changed = new BenchPatientSynthesizer(2).WithDiagnosis(r => r.Index == 4 ? "Flu" : PatientDiagnosis(r.Index));

        var ex = Fails("SK5002", () => FixtureFiles.Verify(path, changed, spec));

        Assert.Contains($"SynthKit {FixtureManifest.Version} generates different bytes than SynthKit 0.0.9 did", ex.Message, StringComparison.Ordinal);
        Assert.Equal(6, ex.Line);
    }

    private static string PatientDiagnosis(long index) => new BenchPatientSynthesizer(2).Create(index).Diagnosis;

    [Fact]
    public void A_manifest_whose_provenance_no_longer_matches_the_schema_is_SK5002_on_the_manifest()
    {
        string path = PathOf("patients.csv");
        var spec = new FixtureSpec(path, 10, 2);
        FixtureFiles.Update(new BenchPatientSynthesizer(2), spec);
        string manifest = path + ".synth.json";
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"owner\": \"SynthKit\"", "\"owner\": \"Someone else\"", StringComparison.Ordinal));

        var ex = Fails("SK5002", () => FixtureFiles.Verify(path, new BenchPatientSynthesizer(2), spec));

        Assert.Equal(manifest, ex.FilePath);
    }

    [Fact]
    public void A_manifest_from_another_SynthKit_version_still_verifies_when_nothing_else_changed()
    {
        string path = PathOf("patients.csv");
        var spec = new FixtureSpec(path, 10, 2);
        FixtureFiles.Update(new BenchPatientSynthesizer(2), spec);
        string manifest = path + ".synth.json";
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"synthKitVersion\": \"{FixtureManifest.Version}\"", "\"synthKitVersion\": \"0.0.9\"", StringComparison.Ordinal));
        Assert.Contains("0.0.9", File.ReadAllText(manifest), StringComparison.Ordinal);

        Assert.Equal(FixtureStatus.Verified, FixtureFiles.Verify(path, new BenchPatientSynthesizer(2), spec).Status);
    }

    [Theory]
    [InlineData("{ \"manifestVersion\": 1, ", 1, 25)]
    [InlineData("{\n  \"manifestVersion\": \"one\"\n}", 1, 1)]
    [InlineData("{\n  \"manifestVersion\": 1,\n  \"synthetic\": true\n}", 1, 1)]
    public void A_malformed_manifest_is_SK5007_with_its_position(string json, int line, int column)
    {
        string path = PathOf("data.csv");
        File.WriteAllText(path, "a\n");
        File.WriteAllText(path + ".synth.json", json);

        var ex = Fails("SK5007", () => FixtureFiles.Verify(path));

        Assert.Equal((path + ".synth.json", line, column), (ex.FilePath, ex.Line, ex.Column));
    }

    [Theory]
    [InlineData("abc\ndef", "abc\ndXf", 2, 2)]
    [InlineData("same", "same", 1, 5)]
    [InlineData("🧬é,x\n", "🧬é,y\n", 1, 5)]
    public void The_first_difference_is_counted_in_lines_and_characters(string actual, string expected, int line, int column) =>
        Assert.Equal((line, column), FixtureFiles.FirstDifference(Encoding.UTF8.GetBytes(actual), Encoding.UTF8.GetBytes(expected)));

    [Fact]
    public void The_registry_finds_generated_synthesizers_by_schema_name_type_name_and_synthesizer_name()
    {
        var assembly = typeof(BenchPatient).Assembly;

        Assert.Contains(SynthesizerRegistry.All(assembly), r => r.SynthesizerType == typeof(BenchPatientSynthesizer));
        Assert.Equal(typeof(BenchPatientSynthesizer), SynthesizerRegistry.Find(assembly, "SynthKit.Tests.Schemas.BenchPatient")!.SynthesizerType);
        Assert.Equal(typeof(BenchPatientSynthesizer), SynthesizerRegistry.Find(assembly, "BenchPatient")!.SynthesizerType);
        Assert.Equal(typeof(BenchPatientSynthesizer), SynthesizerRegistry.Find(assembly, typeof(BenchPatientSynthesizer).FullName!)!.SynthesizerType);
        Assert.Null(SynthesizerRegistry.Find(assembly, "NoSuchSchema"));
        Assert.Equal("SK5004", Assert.Throws<SynthKitException>(() => SynthesizerRegistry.Find(assembly, "Versioned")).Code);
        Assert.Equal(new BenchPatientSynthesizer(8).Create(3).Email, ((ISynthesizer<BenchPatient>)SynthesizerRegistry.Find(assembly, "BenchPatient")!.Create(8)).Create(3).Email);
    }
}
