using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SynthKit.Cli.Tests;

/// <summary>
/// <c>synthkit fit</c>, <c>sample</c> and <c>inspect</c> on 6,000 rows of UCI Adult: a model fitted with a holdout and its
/// summary, samples with manifests that name the model, conditions and rebalancing, and every way to get them wrong.
/// One model is fitted for the class and shared.
/// </summary>
public sealed class ModelCommandTests : IClassFixture<ModelCommandTests.Fitted>
{
    private static readonly string Datasets = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/datasets"));
    private readonly Fitted _fitted;

    public ModelCommandTests(Fitted fitted) => _fitted = fitted;

    private static string Metadata => Path.Combine(Datasets, "adult.meta.json");

    /// <summary>The adult subset and one model fitted on it with a 50 % holdout.</summary>
    public sealed class Fitted : IDisposable
    {
        public Fitted()
        {
            File.WriteAllLines(Temp["adult.csv"], File.ReadAllLines(Path.Combine(Datasets, "adult.csv")).Take(6_001));
            Result = Run.Synthkit("fit", Temp["adult.csv"], "--metadata", Metadata, "--out", Temp["adult.model.json"], "--holdout-share", "0.5", "--seed", "3", "--target", "income");
        }

        public TempDirectory Temp { get; } = new();

        public (int Code, string Output, string Error) Result { get; }

        public string Model => Temp["adult.model.json"];

        public void Dispose() => Temp.Dispose();
    }

    [Fact]
    public void Fit_writes_an_aggregates_only_model_with_its_holdout_summary()
    {
        var (code, output, error) = _fitted.Result;

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Fitted a Bayesian network to 3,000 rows of adult: 15 columns learned, 0 not learned.", output, StringComparison.Ordinal);
        Assert.Matches(@"Against 3,000 held-out rows: quality 0\.9[0-9]{2} ", output);
        var model = JsonNode.Parse(File.ReadAllText(_fitted.Model))!;
        Assert.Equal("bayes-net", (string)model["kind"]!);
        Assert.Equal(3_000, (int)model["fit"]!["holdoutRows"]!);
        Assert.InRange((double)model["fit"]!["dcrShare"]!, 0.4, 0.6);
        Assert.NotNull(model["network"]![14]!["tree"]);
        Assert.Equal("income", (string)model["network"]![14]!["column"]!);

        // The same data, options and seed: the same bytes.
        var (again, _, _) = Run.Synthkit("fit", _fitted.Temp["adult.csv"], "--metadata", Metadata, "--out", _fitted.Temp["again.json"], "--holdout-share", "0.5", "--seed", "3", "--target", "income");
        Assert.Equal(0, again);
        Assert.Equal(File.ReadAllBytes(_fitted.Model), File.ReadAllBytes(_fitted.Temp["again.json"]));
    }

    [Fact]
    public void Inspect_prints_what_the_model_holds()
    {
        var (code, output, error) = Run.Synthkit("inspect", _fitted.Model);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Bayesian network of table 'adult', fitted on 3,000 rows (minimum count 1).", output, StringComparison.Ordinal);
        Assert.Contains("SHA-256 " + Sha(_fitted.Model), output, StringComparison.Ordinal);
        Assert.Matches(@"  capital-gain: numeric 0 … [0-9]+, median 0, whole numbers; nulls 0\.0%; (given|no parents)", output);
        Assert.Contains("  sex: categorical, 2 categories: Male", output, StringComparison.Ordinal);
        Assert.Contains("Fit against 3,000 held-out rows: quality", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_writes_rows_and_a_manifest_that_names_the_model_and_the_same_bytes_again()
    {
        var (code, output, error) = Run.Synthkit("sample", _fitted.Model, "--rows", "500", "--seed", "4", "--out", _fitted.Temp["s1.csv"]);
        var (again, _, _) = Run.Synthkit("sample", _fitted.Model, "--rows", "500", "--seed", "4", "--out", _fitted.Temp["s2.csv"]);

        Assert.Equal((0, ""), (code, error));
        Assert.Equal(0, again);
        Assert.Contains("(500 rows of adult,", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(_fitted.Temp["s1.csv"]), File.ReadAllBytes(_fitted.Temp["s2.csv"]));
        Assert.Equal(501, File.ReadAllLines(_fitted.Temp["s1.csv"]).Length);
        var manifest = JsonNode.Parse(File.ReadAllText(_fitted.Temp["s1.csv.synth.json"]))!;
        Assert.True((bool)manifest["synthetic"]!);
        var model = manifest["models"]![0]!;
        Assert.Equal(Sha(_fitted.Model), (string)model["sha256"]!);
        Assert.Equal("bayes-net", (string)model["kind"]!);
        Assert.Equal("3000", (string)model["details"]!["fit.holdoutRows"]!);

        // The sample evaluates like any other file.
        var (evaluated, scorecard, _) = Run.Synthkit("evaluate", "--real", _fitted.Temp["adult.csv"], "--synthetic", _fitted.Temp["s1.csv"], "--metadata", Metadata, "--no-privacy", "--no-fidelity");
        Assert.Equal(0, evaluated);
        Assert.Contains("| quality | overall (SDMetrics) |", scorecard, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_and_rebalancing_hold_in_every_row_and_are_recorded()
    {
        var (code, _, error) = Run.Synthkit("sample", _fitted.Model, "--rows", "400", "--out", _fitted.Temp["c.csv"], "-c", "sex=Female", "--condition", "age=30", "--rebalance", "income=>50K:3,<=50K:1");

        Assert.Equal((0, ""), (code, error));
        var lines = File.ReadAllLines(_fitted.Temp["c.csv"]);
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Equal(("Female", "30"), (r[Array.IndexOf(header, "sex")], r[Array.IndexOf(header, "age")])));
        int rich = rows.Count(r => r[Array.IndexOf(header, "income")] == ">50K");
        Assert.InRange(rich, 300 - 45, 300 + 45); // binomial(400, 0.75): sd 8.7, ±5 sd
        var details = JsonNode.Parse(File.ReadAllText(_fitted.Temp["c.csv.synth.json"]))!["models"]![0]!["details"]!;
        Assert.Equal("Female", (string)details["condition.sex"]!);
        Assert.Equal("30", (string)details["condition.age"]!);
        Assert.Equal("<=50K=0.25, >50K=0.75", (string)details["rebalance.income"]!);
    }

    [Theory]
    [InlineData("fit", "{data}", "--out", "{tmp}/m.json", "--holdout-share", "1.5")]
    [InlineData("fit", "{data}", "--out", "{tmp}/m.json", "--holdout-share", "0.2", "--holdout", "{data}")]
    [InlineData("fit", "{data}", "--out", "{tmp}/m.json", "--minimum-count", "0")]
    [InlineData("fit", "{data}", "--out", "{tmp}/m.json", "--kind", "gan")]
    [InlineData("fit", "{tmp}/missing.csv", "--out", "{tmp}/m.json")]
    [InlineData("fit", "{data}")]
    [InlineData("sample", "{model}", "--out", "{tmp}/x.csv")]
    [InlineData("sample", "{model}", "--rows", "-1", "--out", "{tmp}/x.csv")]
    [InlineData("sample", "{tmp}/missing.json", "--rows", "1", "--out", "{tmp}/x.csv")]
    [InlineData("inspect", "{tmp}/missing.json")]
    public void Wrong_command_lines_are_usage_errors(params string[] args)
    {
        var (code, _, error) = Run.Synthkit(args.Select(Expand).ToArray());

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_fitted.Temp["m.json"]) || File.Exists(_fitted.Temp["x.csv"]));
    }

    [Theory]
    [InlineData("-c", "email=x", "SK6002", "has no such column")]
    [InlineData("-c", "sex=Robot", "SK6002", "is not a category")]
    [InlineData("-c", "sex", "SK6002", "is not column=value")]
    [InlineData("--rebalance", "age", "SK6002", "only a categorical")]
    [InlineData("--rebalance", "income=>50K", "SK6002", "is not class:share")]
    public void Conditions_the_model_cannot_meet_are_coded_errors_and_write_nothing(string option, string value, string code, string reason)
    {
        var (exit, _, error) = Run.Synthkit("sample", _fitted.Model, "--rows", "10", "--out", _fitted.Temp["bad.csv"], option, value);

        Assert.Equal(3, exit);
        Assert.Contains($"error {code}:", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.False(File.Exists(_fitted.Temp["bad.csv"]));
    }

    [Fact]
    public void A_model_file_that_is_not_a_model_is_SK6001_with_its_path()
    {
        File.WriteAllText(_fitted.Temp["broken.json"], "{ \"modelVersion\": 1, \"kind\": \"bayes-net\", \"marginals\": [] }");

        foreach (var command in new[] { "inspect", "sample" })
        {
            string[] args = command == "inspect" ? [command, _fitted.Temp["broken.json"]] : [command, _fitted.Temp["broken.json"], "--rows", "1", "--out", _fitted.Temp["b.csv"]];
            var (exit, _, error) = Run.Synthkit(args);
            Assert.Equal(3, exit);
            Assert.Contains("error SK6001:", error, StringComparison.Ordinal);
            Assert.Contains(_fitted.Temp["broken.json"], error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_metadata_the_columns_are_inferred_and_printed_and_a_copula_can_be_chosen()
    {
        var (code, output, error) = Run.Synthkit("fit", _fitted.Temp["adult.csv"], "--out", _fitted.Temp["copula.json"], "--kind", "copula", "--marginals", "parametric", "--holdout", _fitted.Temp["adult.csv"]);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("Inferred the columns from adult.csv", output, StringComparison.Ordinal);
        Assert.Contains("Fitted a Gaussian copula to 6,000 rows of adult", output, StringComparison.Ordinal);
        var copula = JsonNode.Parse(File.ReadAllText(_fitted.Temp["copula.json"]))!;
        Assert.Equal("copula", (string)copula["kind"]!);
        Assert.NotNull(copula["marginals"]![0]!["family"]);
        var (inspected, description, _) = Run.Synthkit("inspect", _fitted.Temp["copula.json"]);
        Assert.Equal(0, inspected);
        Assert.Contains("Gaussian copula of table 'adult'", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Constraints_hold_in_every_sampled_row_and_real_rows_that_break_them_are_reported()
    {
        var (code, _, error) = Run.Synthkit("fit", _fitted.Temp["adult.csv"], "--metadata", Metadata, "--out", _fitted.Temp["constrained.json"],
            "--constraint", "education ~ education-num", "--constraint", "age < 80", "--constraint", "0 <= `hours-per-week` <= 99");

        Assert.Equal(0, code);
        Assert.Matches(@"adult\.csv\([0-9]+,1\): warning SK6005: row [0-9]+ breaks constraint 'age < 80': age \([0-9]+\) < 80 does not hold", error);
        Assert.Equal(0, Run.Synthkit("sample", _fitted.Temp["constrained.json"], "--rows", "2000", "--out", _fitted.Temp["constrained.csv"]).ExitCode);
        var real = File.ReadAllLines(_fitted.Temp["adult.csv"]).Skip(1).Select(l => l.Split(',')).Select(r => (r[3], r[4])).ToHashSet();
        var rows = File.ReadAllLines(_fitted.Temp["constrained.csv"]).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(rows, r => Assert.Contains((r[3], r[4]), real));
        Assert.All(rows, r => Assert.True(int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture) < 80));
        Assert.Equal(3, Run.Synthkit("fit", _fitted.Temp["adult.csv"], "--metadata", Metadata, "--out", _fitted.Temp["bad.json"], "--constraint", "age <").ExitCode);
    }

    [Fact]
    public void Scaffold_writes_an_annotated_class_with_the_files_hash_or_prints_it()
    {
        var (code, output, error) = Run.Synthkit("scaffold", _fitted.Temp["adult.csv"], "--metadata", Metadata, "--namespace", "Census", "--class", "Person", "--out", _fitted.Temp["Person.cs"], "--learned");
        var (printed, text, _) = Run.Synthkit("scaffold", _fitted.Temp["adult.csv"], "--metadata", Metadata, "--namespace", "Census", "--class", "Person", "--learned");

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("Wrote " + _fitted.Temp["Person.cs"] + " (15 members from adult.csv).", output, StringComparison.Ordinal);
        string source = File.ReadAllText(_fitted.Temp["Person.cs"]);
        Assert.Equal(0, printed);
        Assert.Equal(source, text);
        Assert.Contains("namespace Census;", source, StringComparison.Ordinal);
        Assert.Contains("public sealed class Person", source, StringComparison.Ordinal);
        Assert.Contains($"(SHA-256 {Sha(_fitted.Temp["adult.csv"])})", source, StringComparison.Ordinal);
        Assert.Contains("[Learned]", source, StringComparison.Ordinal);
        Assert.Equal(2, Run.Synthkit("scaffold", _fitted.Temp["adult.csv"], "--class", "9Lives").ExitCode);
        Assert.Equal(2, Run.Synthkit("scaffold", _fitted.Temp["nope.csv"]).ExitCode);
    }

    [Fact]
    public void A_table_with_personal_data_is_fitted_without_it_from_a_spec_file_and_inspect_lists_what_was_left_out()
    {
        File.WriteAllText(_fitted.Temp["people.csv"], "email,age,plan\n" + string.Join("\n", Enumerable.Range(0, 200).Select(i => $"p{i}@mail.example,{20 + (i % 50)},{(i % 3 == 0 ? "gold" : "basic")}")) + "\n");
        var (schema, _, _) = Run.Synthkit("schema", "--metadata", Metadata, "--json", "--out", _fitted.Temp["adult.spec.json"]);
        Assert.Equal(0, schema);

        var (code, output, error) = Run.Synthkit("fit", _fitted.Temp["people.csv"], "--out", _fitted.Temp["people.json"]);
        var (inspected, description, _) = Run.Synthkit("inspect", _fitted.Temp["people.json"]);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("2 columns learned, 1 not learned (email: personal data)", output, StringComparison.Ordinal);
        Assert.Equal(0, inspected);
        Assert.Contains("Not learned (1), drawn by their rules when sampling:\n  email: personal data", description, StringComparison.Ordinal);
        Assert.Contains("No fit summary", description, StringComparison.Ordinal);
        Assert.DoesNotContain("p1@", File.ReadAllText(_fitted.Temp["people.json"]), StringComparison.Ordinal);

        // A spec file states the columns; --spec on sample overrides the model's own.
        Assert.Equal(0, Run.Synthkit("fit", _fitted.Temp["adult.csv"], "--spec", _fitted.Temp["adult.spec.json"], "--out", _fitted.Temp["spec.json"], "--kind", "copula").ExitCode);
        Assert.Equal(0, Run.Synthkit("sample", _fitted.Temp["spec.json"], "--rows", "5", "--spec", _fitted.Temp["adult.spec.json"], "--out", _fitted.Temp["spec.jsonl"]).ExitCode);
        Assert.Equal(5, File.ReadAllLines(_fitted.Temp["spec.jsonl"]).Length);
        Assert.Equal(0, Run.Synthkit("sample", _fitted.Temp["spec.json"], "--rows", "5", "--metadata", Metadata, "-c", "sex=Male", "--out", _fitted.Temp["spec2.csv"]).ExitCode);
        Assert.Equal(2, Run.Synthkit("sample", _fitted.Temp["spec.json"], "--rows", "5", "--metadata", Metadata, "--spec", _fitted.Temp["adult.spec.json"], "--out", _fitted.Temp["x.csv"]).ExitCode);
        var (twice, _, twiceError) = Run.Synthkit("sample", _fitted.Temp["spec.json"], "--rows", "5", "-c", "sex=Male", "-c", "sex=Female", "--out", _fitted.Temp["x.csv"]);
        Assert.Equal(3, twice);
        Assert.Contains("names 'sex' twice", twiceError, StringComparison.Ordinal);
        Assert.Equal(3, Run.Synthkit("sample", _fitted.Temp["spec.json"], "--rows", "5", "--boost", "2", "--out", _fitted.Temp["x.csv"]).ExitCode);
    }

    [Fact]
    public void Scaffold_infers_the_columns_without_metadata_and_refuses_two_specs()
    {
        var (code, text, error) = Run.Synthkit("scaffold", _fitted.Temp["adult.csv"]);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("namespace Synthetic;", text, StringComparison.Ordinal);
        Assert.Contains("public sealed class Adult", text, StringComparison.Ordinal);
        Assert.Equal(2, Run.Synthkit("scaffold", _fitted.Temp["adult.csv"], "--metadata", Metadata, "--spec", Metadata).ExitCode);
        Assert.Equal(2, Run.Synthkit("scaffold", _fitted.Temp.Path).ExitCode);
        Assert.Equal(2, Run.Synthkit("scaffold", _fitted.Temp["adult.csv"], "--namespace", "A..B").ExitCode);
    }

    [Fact]
    public void Sampling_the_same_file_again_writes_nothing_and_odd_inputs_are_refused()
    {
        Assert.Equal(0, Run.Synthkit("sample", _fitted.Model, "--rows", "20", "--out", _fitted.Temp["again.csv"]).ExitCode);
        var (code, output, _) = Run.Synthkit("sample", _fitted.Model, "--rows", "20", "--out", _fitted.Temp["again.csv"]);
        Assert.Equal(0, code);
        Assert.Contains("is up to date (20 rows of adult)", output, StringComparison.Ordinal);

        Assert.Equal(2, Run.Synthkit("sample", _fitted.Model, "--rows", "20", "--start", "-1", "--out", _fitted.Temp["x.csv"]).ExitCode);
        Assert.Equal(2, Run.Synthkit("fit", _fitted.Temp.Path, "--out", _fitted.Temp["x.json"]).ExitCode);
        Assert.Equal(2, Run.Synthkit("fit", _fitted.Temp["adult.csv"], "--out", _fitted.Temp["x.json"], "--holdout-share", "0").ExitCode);

        // A column with no values at all: inspect says so; scaffold reads a spec file too.
        File.WriteAllText(_fitted.Temp["empty.csv"], "a,b\n" + string.Join("\n", Enumerable.Range(0, 30).Select(i => $",{i % 3}")) + "\n");
        File.WriteAllText(_fitted.Temp["empty.spec.json"], """
            { "specVersion": 1, "name": "empty", "columns": [
              { "name": "a", "type": "float64", "kind": "numerical", "nullable": true },
              { "name": "b", "type": "int64", "kind": "numerical" } ] }
            """);
        Assert.Equal(0, Run.Synthkit("fit", _fitted.Temp["empty.csv"], "--spec", _fitted.Temp["empty.spec.json"], "--out", _fitted.Temp["empty.json"]).ExitCode);
        var (inspected, description, _) = Run.Synthkit("inspect", _fitted.Temp["empty.json"]);
        Assert.Equal(0, inspected);
        Assert.Contains("  a: numeric, no values; nulls 100.0%", description, StringComparison.Ordinal);
        var (scaffolded, source, _) = Run.Synthkit("scaffold", _fitted.Temp["empty.csv"], "--spec", _fitted.Temp["empty.spec.json"]);
        Assert.Equal(0, scaffolded);
        Assert.Contains("[NullRate(1)]\n    public double? A { get; set; }", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_core_writes_the_same_bytes_as_one()
    {
        foreach (var (command, args) in new[] { ("generate", new[] { "--metadata", Metadata }), ("sample", new[] { _fitted.Model }) })
        {
            string[] Args(string threads, string file) => command == "generate"
                ? ["generate", .. args, "--rows", "100000", "--seed", "5", "--parallel", threads, "--out", _fitted.Temp[file]]
                : ["sample", .. args, "--rows", "100000", "--seed", "5", "--parallel", threads, "--out", _fitted.Temp[file]];
            Assert.Equal(0, Run.Synthkit(Args("1", command + "-1.csv")).ExitCode);
            Assert.Equal(0, Run.Synthkit(Args("2", command + "-2.csv")).ExitCode);
            Assert.Equal(File.ReadAllBytes(_fitted.Temp[command + "-1.csv"]), File.ReadAllBytes(_fitted.Temp[command + "-2.csv"]));
        }

        Assert.Equal(2, Run.Synthkit("sample", _fitted.Model, "--rows", "5", "--parallel", "-2", "--out", _fitted.Temp["x.csv"]).ExitCode);
    }

    [Fact]
    public void Generate_and_sample_write_parquet_that_DuckDB_reads_as_the_csv_of_the_same_seed()
    {
        var model = Modeling.SynthModel.Load(_fitted.Model);
        foreach (var (command, source, spec) in new[] { ("generate", new[] { "--metadata", Metadata }, SdvMetadata.Load(Metadata)), ("sample", new[] { _fitted.Model }, model.Spec!) })
        {
            string csv = _fitted.Temp[command + "-pq.csv"], parquet = _fitted.Temp[command + "-pq.parquet"];
            Assert.Equal(0, Run.Synthkit([command, .. source, "--rows", "40000", "--seed", "3", "--out", csv]).ExitCode);
            var (code, output, _) = Run.Synthkit([command, .. source, "--rows", "40000", "--seed", "3", "--out", parquet]);
            Assert.Equal(0, code);
            Assert.Contains("40,000 rows", output, StringComparison.Ordinal);
            Assert.Contains("\"format\": \"parquet\"", File.ReadAllText(parquet + ".synth.json"), StringComparison.Ordinal);

            var (differences, rows) = SynthKit.Tests.Shared.DuckDb.Compare(spec, csv, parquet);
            Assert.Equal(40_000, rows);
            Assert.Equal(0, differences);

            // --format says it whatever the extension; verify checks the file against its manifest.
            Assert.Equal(0, Run.Synthkit([command, .. source, "--rows", "100", "--format", "parquet", "--out", _fitted.Temp[command + ".bin"]]).ExitCode);
            Assert.Equal("100", SynthKit.Tests.Shared.DuckDb.Scalar($"SELECT count(*) FROM read_parquet({SynthKit.Tests.Shared.DuckDb.Literal(_fitted.Temp[command + ".bin"])})"));
            Assert.Equal(0, Run.Synthkit("verify", parquet).ExitCode);
        }
    }

    [Fact]
    public void Generate_and_sample_load_sqlite_and_refuse_what_does_not_fit()
    {
        string db = _fitted.Temp["cli.db"];
        var (code, output, error) = Run.Synthkit("generate", "--metadata", Metadata, "--rows", "2000", "--seed", "4", "--out", db);
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("Loaded 2,000 rows of adult into table 'adult' of " + db + " (created)", output, StringComparison.Ordinal);

        var again = Run.Synthkit("generate", "--metadata", Metadata, "--rows", "10", "--out", db);
        Assert.Equal(Cli.InputError, again.ExitCode);
        Assert.Contains("error SK7003", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("sample", _fitted.Model, "--rows", "300", "--out", db, "--table", "sampled").ExitCode);
        Assert.Equal(0, Run.Synthkit("sample", _fitted.Model, "--rows", "300", "--start", "300", "--out", db, "--table", "sampled", "--if-exists", "append").ExitCode);
        Assert.Equal(0, Run.Synthkit("generate", "--metadata", Metadata, "--rows", "7", "--format", "sqlite", "--out", _fitted.Temp["plain.data"], "--table", "t", "--if-exists", "replace").ExitCode);

        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM adult), (SELECT count(*) FROM sampled), (SELECT count(*) FROM synthkit_manifest)";
            using var reader = command.ExecuteReader();
            reader.Read();
            Assert.Equal((2000L, 600L, 3L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)));
        }

        // --table and --if-exists need a database; --out and --postgres exclude each other.
        Assert.Equal(2, Run.Synthkit("generate", "--metadata", Metadata, "--rows", "5", "--out", _fitted.Temp["x.csv"], "--table", "t").ExitCode);
        Assert.Equal(2, Run.Synthkit("generate", "--metadata", Metadata, "--rows", "5", "--out", db, "--postgres", "Host=localhost").ExitCode);
        Assert.Equal(2, Run.Synthkit("generate", "--metadata", Metadata, "--rows", "5").ExitCode);
        Assert.Equal(2, Run.Synthkit("generate", "--metadata", Metadata, "--rows", "5", "--out", db, "--if-exists", "merge").ExitCode);
    }

    [Fact]
    public void Generate_loads_a_real_postgres_server()
    {
        using var server = new SynthKit.Tests.Shared.PostgresServer();
        var (code, output, error) = Run.Synthkit("generate", "--metadata", Metadata, "--rows", "5000", "--seed", "2", "--postgres", server.ConnectionString, "--table", "adult_rules");
        Assert.Equal((0, ""), (code, error));
        Assert.Contains("Loaded 5,000 rows of adult into table 'adult_rules' of PostgreSQL (created)", output, StringComparison.Ordinal);

        var failed = Run.Synthkit("sample", _fitted.Model, "--rows", "10", "--postgres", server.ConnectionString, "--table", "adult_rules");
        Assert.Equal(Cli.InputError, failed.ExitCode);
        Assert.Contains("error SK7003", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, Run.Synthkit("sample", _fitted.Model, "--rows", "10", "--postgres", server.ConnectionString, "--table", "adult_rules", "--if-exists", "replace").ExitCode);

        using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM adult_rules", connection);
        Assert.Equal(10L, command.ExecuteScalar());
    }

    [Fact]
    public void Fit_reads_real_rows_from_parquet_or_a_sqlite_query_into_the_same_model_as_from_csv()
    {
        var spec = SdvMetadata.Load(Metadata);
        var table = ColumnReader.ReadCsv(_fitted.Temp["adult.csv"], spec);
        string[] fit = ["--metadata", Metadata, "--seed", "3", "--kind", "copula"];
        Assert.Equal(0, Run.Synthkit(["fit", _fitted.Temp["adult.csv"], .. fit, "--out", _fitted.Temp["from-csv.json"]]).ExitCode);

        // The same rows as Parquet (the data team's export).
        using (var file = File.Create(_fitted.Temp["adult.parquet"]))
        {
            table.WriteParquet(file);
        }

        Assert.Equal(0, Run.Synthkit(["fit", _fitted.Temp["adult.parquet"], .. fit, "--out", _fitted.Temp["from-parquet.json"]]).ExitCode);
        Assert.Equal(ModelText.WithoutLineage(_fitted.Temp["from-csv.json"]), ModelText.WithoutLineage(_fitted.Temp["from-parquet.json"]));
        Assert.Equal(["adult.parquet"], ModelText.Inputs(_fitted.Temp["from-parquet.json"]));

        // The same rows in a SQLite table someone else loaded (text, integers, nulls), read by a query.
        string db = _fitted.Temp["real.db"];
        RealTables.Sqlite(db, "people", table);

        var (code, _, error) = Run.Synthkit(["fit", "--from-query", "SELECT * FROM people ORDER BY rowid", "--sqlite", db, .. fit, "--out", _fitted.Temp["from-query.json"]]);
        Assert.Equal((0, ""), (code, error));
        Assert.Equal(ModelText.WithoutLineage(_fitted.Temp["from-csv.json"]), ModelText.WithoutLineage(_fitted.Temp["from-query.json"]));
        Assert.Equal(["real.db query"], ModelText.Inputs(_fitted.Temp["from-query.json"]));

        // Without a spec the columns come from the result (and are printed); a broken query is SK7006.
        var (inferred, output, _) = Run.Synthkit("fit", "--from-query", "SELECT age, workclass FROM people", "--sqlite", db, "--out", _fitted.Temp["small.json"]);
        Assert.Equal(0, inferred);
        Assert.Contains("Took the columns from the query's result", output, StringComparison.Ordinal);
        var broken = Run.Synthkit("fit", "--from-query", "SELECT nope FROM people", "--sqlite", db, "--out", _fitted.Temp["x.json"]);
        Assert.Equal(Cli.InputError, broken.ExitCode);
        Assert.Contains("error SK7006", broken.Error, StringComparison.Ordinal);
        Assert.Equal(2, Run.Synthkit("fit", "--from-query", "SELECT 1", "--out", _fitted.Temp["x.json"]).ExitCode);
        Assert.Equal(2, Run.Synthkit("fit", _fitted.Temp["adult.csv"], "--sqlite", db, "--out", _fitted.Temp["x.json"]).ExitCode);
    }

    private string Expand(string arg) => arg.Replace("{data}", _fitted.Temp["adult.csv"], StringComparison.Ordinal)
        .Replace("{model}", _fitted.Model, StringComparison.Ordinal).Replace("{tmp}", _fitted.Temp.Path, StringComparison.Ordinal);

    private static string Sha(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
}
