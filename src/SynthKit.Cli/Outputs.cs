using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using SynthKit.Databases;
using SynthKit.Fixtures;

namespace SynthKit.Cli;

/// <summary>
/// Where <c>generate</c> and <c>sample</c> put their rows: a file with its manifest (CSV, JSON Lines, Parquet), a SQLite
/// database file, or a PostgreSQL database — the same options and the same rows for both commands.
/// </summary>
internal sealed class Outputs
{
    private static readonly string[] s_sqliteExtensions = [".db", ".sqlite", ".sqlite3"];

    public Option<FileInfo?> Out { get; } = new("--out", "-o") { Description = "The file to write (its manifest goes beside it as <file>.synth.json), or a SQLite database (.db, .sqlite, .sqlite3)." };

    public Option<string?> Format { get; } = new("--format", "-f") { Description = "csv, jsonl, parquet or sqlite (default: from the file's extension)." };

    public Option<int> Parallel { get; } = new("--parallel") { Description = "Threads to make rows with (default 0: every core). The bytes are the same whatever it is.", DefaultValueFactory = _ => 0 };

    public Option<string?> Postgres { get; } = new("--postgres") { Description = "Load into PostgreSQL instead of writing a file: an Npgsql connection string (Host=…;Database=…;Username=…)." };

    public Option<string?> Table { get; } = new("--table") { Description = "With a database: the table to load (default: the schema's name)." };

    public Option<string> IfExists { get; } = new("--if-exists") { Description = "With a database, when the table exists: fail (default), replace (drop and load again, in one transaction) or append.", DefaultValueFactory = _ => "fail" };

    public Option<int?> Shards { get; } = new("--shards") { Description = "Cut the rows into this many parts (files part-00000-of-NNNNN.<format> in the --out directory, Parquet unless --format says otherwise); with --shard or --plan." };

    public Option<int?> Shard { get; } = new("--shard") { Description = "With --shards: the part to write (0 … shards − 1), e.g. $JOB_COMPLETION_INDEX; it also updates the dataset manifest." };

    public Option<bool> Plan { get; } = new("--plan") { Description = "With --shards: write only the dataset manifest (dataset.synth.json), listing every part before any is made." };

    public Option<string?> WatermarkKey { get; } = new("--watermark-key") { Description = "Embed the synthkit-wm1 watermark of this key (the secret, @file or env:NAME): numbers and dates with fine resolution move to the key's green values; the manifest records the scheme and key id. Detect it with synthkit watermark detect." };

    public Option<FileInfo?> Keyring { get; } = new("--keyring") { Description = "With --watermark-key: a keyring ({\"keys\": [{\"name\", \"secret\"}]}) in which --watermark-key names the key (by name or id)." };

    public Option<string?> Disclose { get; } = new("--disclose") { Description = "Disclose inside the file too, for consumers that drop the manifest: column (a last column 'synthetic', true in every row; CSV and JSON Lines) or comment (a first line '# synthetic data …' before the CSV header)." };

    public Outputs()
    {
        Disclose.AcceptOnlyFromAmong("column", "comment");
        Format.AcceptOnlyFromAmong("csv", "jsonl", "parquet", "sqlite");
        IfExists.AcceptOnlyFromAmong("fail", "replace", "append");
        Cli.AtLeast(Parallel, 0);
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        command.Options.Add(Format);
        command.Options.Add(Parallel);
        command.Options.Add(Postgres);
        command.Options.Add(Table);
        command.Options.Add(IfExists);
        command.Options.Add(Shards);
        command.Options.Add(Shard);
        command.Options.Add(Plan);
        command.Options.Add(WatermarkKey);
        command.Options.Add(Disclose);
        command.Options.Add(Keyring);
        Cli.MustBeAFile(Keyring);
        command.Validators.Add(result =>
        {
            bool file = result.GetValue(Out) is not null, postgres = result.GetValue(Postgres) is not null;
            bool sharded = result.GetValue(Shards) is not null;
            if (file == postgres)
            {
                result.AddError("Give exactly one of --out (a file or a SQLite database) and --postgres.");
            }
            else if (sharded && (postgres || result.GetValue(Format) == "sqlite"))
            {
                result.AddError("--shards writes files (Parquet, CSV or JSON Lines); load a database with --start and --rows per process and --if-exists append.");
            }
            else if (sharded == (result.GetValue(Shard) is null && !result.GetValue(Plan)) || (result.GetValue(Shard) is not null && result.GetValue(Plan)))
            {
                result.AddError("--shards needs exactly one of --shard N and --plan, and they need --shards.");
            }
            else if (sharded && (result.GetValue(Shards) < 1 || result.GetValue(Shard) is < 0 || result.GetValue(Shard) >= result.GetValue(Shards)))
            {
                result.AddError("--shards must be at least 1 and --shard between 0 and --shards − 1.");
            }
            else if (result.GetValue(Disclose) is { } disclose && (sharded || IsDatabase(result) || FileFormat(result) is not ("csv" or "jsonl") || (disclose == "comment" && FileFormat(result) != "csv")))
            {
                result.AddError(disclose == "comment" ? "--disclose comment applies to CSV files (JSON Lines has no comments: use --disclose column)." : "--disclose applies to CSV and JSON Lines files; Parquet files, shards and databases are disclosed by their manifests.");
            }
            else if (result.GetValue(Keyring) is not null && result.GetValue(WatermarkKey) is null)
            {
                result.AddError("--keyring goes with --watermark-key, which names the key in it.");
            }
            else if (!IsDatabase(result) && (result.GetResult(Table) is not null || result.GetResult(IfExists) is not null))
            {
                result.AddError("--table and --if-exists apply to databases only (--out x.db, --format sqlite, --postgres).");
            }
        });
    }

    /// <summary>Writes rows <c>start … start + rows − 1</c> where the options say, and reports what happened.</summary>
    public void Write(Reporter console, ParseResult parse, ISynthesizer synthesizer, int rows, long start, string verb)
    {
        if (parse.GetValue(WatermarkKey) is { } secret)
        {
            var key = parse.GetValue(Keyring) is { } ring
                ? Provenance.WatermarkKey.LoadKeyring(ring.FullName).FirstOrDefault(k => k.Name == secret || k.Id == secret)
                    ?? throw new SynthKitException(Provenance.ProvenanceErrorCodes.Watermark, $"The keyring has no key named '{secret}' (give a key's name or id).", ring.FullName)
                : Provenance.WatermarkKey.Parse(secret);
            synthesizer = Provenance.Watermark.Embed(synthesizer, key);
            console.Line($"Watermarking with key {key.Id} ({Provenance.Watermark.Scheme}) in {string.Join(", ", Provenance.Watermark.MarkedColumns(synthesizer))}.");
        }

        if (parse.GetValue(Disclose) is { } disclose)
        {
            synthesizer = Provenance.Disclosure.Disclose(synthesizer, disclose == "column" ? Provenance.DisclosureKind.Column : Provenance.DisclosureKind.Comment);
        }

        string table = synthesizer.Spec.Name;
        if (IsDatabase(parse))
        {
            var options = new DatabaseLoadOptions
            {
                Table = parse.GetValue(Table),
                IfExists = parse.GetValue(IfExists) switch { "replace" => IfTableExists.Replace, "append" => IfTableExists.Append, _ => IfTableExists.Fail },
                DegreeOfParallelism = parse.GetValue(Parallel),
            };
            bool postgres = parse.GetValue(Postgres) is not null;
            string target = postgres ? "PostgreSQL" : parse.GetValue(Out)!.FullName;
            var result = postgres
                ? PostgresSink.Load(synthesizer, parse.GetValue(Postgres)!, start, rows, options, console.Cancellation)
                : SqliteSink.Load(synthesizer, parse.GetValue(Out)!.FullName, start, rows, options, console.Cancellation);
            console.Line($"Loaded {result.Rows:N0} rows of {table} into table '{result.Table}' of {target}{(result.Created ? " (created)" : "")}, with its manifest in {DatabaseManifest.TableName}.");
            return;
        }

        if (parse.GetValue(Shards) is { } shards)
        {
            string directory = parse.GetValue(Out)!.FullName;
            var layout = new ShardLayout(start, rows, shards);
            var format = Formats.Parse(parse.GetValue(Format)) ?? FixtureFormat.Parquet;
            if (parse.GetValue(Plan))
            {
                string manifest = Datasets.Plan(synthesizer, directory, layout, format);
                console.Line($"Planned {rows:N0} rows of {table} in {shards:N0} parts in {directory}: {manifest}.");
                return;
            }

            int shard = parse.GetValue(Shard)!.Value;
            var (first, count) = layout.Part(shard);
            var part = console.WithProgress($"{verb} part {shard}", count, progress => Datasets.WriteShard(synthesizer, directory, layout, shard, format, parse.GetValue(Parallel), progress, console.Cancellation));
            console.Line($"Wrote part {shard} of {shards} ({count:N0} rows from row {first:N0}, {part.Bytes:N0} bytes): {part.Path}; updated {ShardLayout.ManifestName}.");
            return;
        }

        string path = parse.GetValue(Out)!.FullName;
        var spec = new FixtureSpec(path, rows, synthesizer.Seed, Formats.Parse(parse.GetValue(Format)), start) { Parallelism = parse.GetValue(Parallel) };
        var outcome = console.WithProgress($"{verb} {Path.GetFileName(path)}", spec.Rows, progress => FixtureFiles.Update(synthesizer, spec, progress, console.Cancellation));
        console.Line(outcome.Status == FixtureStatus.Written
            ? $"Wrote {path} ({spec.Rows:N0} rows of {table}, {outcome.Bytes:N0} bytes) and its manifest."
            : $"{path} is up to date ({spec.Rows:N0} rows of {table}).");
    }

    private string? FileFormat(CommandResult result) => result.GetValue(Format) ?? (result.GetValue(Out)?.Extension.ToLowerInvariant() switch
    {
        ".csv" => "csv",
        ".jsonl" or ".ndjson" => "jsonl",
        ".parquet" => "parquet",
        _ => null,
    });

    private bool IsDatabase(ParseResult parse) => IsDatabase(parse.GetValue(Postgres), parse.GetValue(Format), parse.GetValue(Out));

    private bool IsDatabase(CommandResult result) => IsDatabase(result.GetValue(Postgres), result.GetValue(Format), result.GetValue(Out));

    private static bool IsDatabase(string? postgres, string? format, FileInfo? file) =>
        postgres is not null || format == "sqlite" || (format is null && file is not null && Array.IndexOf(s_sqliteExtensions, file.Extension.ToLowerInvariant()) >= 0);
}
