using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using SynthKit.Fixtures;

namespace SynthKit.Cli;

/// <summary><c>synthkit generate</c>: writes one fixture and its manifest (only if their bytes change).</summary>
internal static class GenerateCommand
{
    public static Command Create(Reporter console)
    {
        var (assembly, references) = Cli.AssemblyOptions(required: false);
        var schema = new Option<string?>("--schema", "-s") { Description = "With --assembly, the schema: its type's full name (Clinic.Patient) or its schema name (Patient)." };
        var specFile = new Option<FileInfo?>("--spec") { Description = "Generate from a SynthKit column spec (JSON, docs/spec.md) instead of an assembly: no C#, no compiler." };
        Cli.MustBeAFile(specFile);
        var metadata = new Option<FileInfo?>("--metadata", "-m") { Description = "Generate from SDV single-table metadata (each column's default rule; PII sdtypes are faked) instead of an assembly." };
        Cli.MustBeAFile(metadata);
        var rows = new Option<int>("--rows", "-n") { Description = "How many rows to write (with --dataset: of a table that is neither parent nor child; default 1000)." };
        var dataset = new Option<bool>("--dataset") { Description = "With --assembly: write related tables together into the --out directory — the --schema table and every table it references (all related tables without --schema), each with as many rows as its references need, a parent with the parents its children name, a child with its natural size." };
        var seed = new Option<long>("--seed") { Description = "The seed (default 0). The same seed gives the same bytes on every machine.", DefaultValueFactory = _ => 0 };
        var locale = new Option<string?>("--locale") { Description = "The locale the fakes draw from (en, en_US, en_GB, de, fr, es, nl, it, pt_BR, ja, zh_CN … any Bogus locale); default: the schema's, else en. Recorded in the manifest." };
        var start = new Option<long>("--start") { Description = "The first row index (default 0).", DefaultValueFactory = _ => 0 };
        var outputs = new Outputs();
        Cli.AtLeast(rows, 0);

        var command = new Command("generate", "Write a fixture and its manifest from a synthesizer in a built assembly, or from a column spec or SDV metadata alone, or load the rows into SQLite or PostgreSQL. Writes nothing when the bytes would not change; writes atomically otherwise.")
        {
            assembly, schema, specFile, metadata, rows, seed, start, references, dataset, locale,
        };
        outputs.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(locale) is { } name && !SynthLocale.TryGet(name, out _))
            {
                result.AddError($"There is no locale '{name}'; the locales are {string.Join(", ", SynthLocale.Names)}.");
            }

            bool fromAssembly = result.GetValue(assembly) is not null;
            int sources = (fromAssembly ? 1 : 0) + (result.GetValue(specFile) is null ? 0 : 1) + (result.GetValue(metadata) is null ? 0 : 1);
            bool isDataset = result.GetValue(dataset);
            if (sources != 1)
            {
                result.AddError("Give exactly one of --assembly (with --schema), --spec and --metadata.");
            }
            else if (isDataset && (!fromAssembly || result.GetValue(outputs.Shards) is not null || result.GetValue(outputs.Postgres) is not null || result.GetValue(outputs.Format) == "sqlite" || result.GetResult(start) is { Implicit: false }))
            {
                result.AddError("--dataset writes the related tables of an --assembly as files into the --out directory (csv, jsonl or parquet); it takes no --start, --shards or database.");
            }
            else if (fromAssembly && !isDataset && result.GetValue(schema) is null)
            {
                result.AddError("--assembly needs --schema.");
            }
            else if (!isDataset && result.GetResult(rows) is not { Implicit: false })
            {
                result.AddError("Option '--rows' is required.");
            }

            long first;
            int count;
            try
            {
                (first, count) = (result.GetValue(start), result.GetValue(rows));
            }
            catch (InvalidOperationException)
            {
                return; // the option's own error (not a number, more than one value) is reported already
            }

            if (first < 0 || first > long.MaxValue - Math.Max(0, count))
            {
                result.AddError("--start must not be negative, and --start + --rows must fit in a 64-bit row index.");
            }
        });
        command.SetAction(parse =>
        {
            long seedValue = parse.GetValue(seed);
            ISynthesizer synthesizer;
            if (parse.GetValue(specFile) is { } f)
            {
                synthesizer = new SpecSynthesizer(TableSpec.Load(f.FullName), seedValue);
            }
            else if (parse.GetValue(metadata) is { } m)
            {
                synthesizer = new SpecSynthesizer(SdvMetadata.Load(m.FullName), seedValue);
            }
            else if (parse.GetValue(dataset))
            {
                WriteDataset(console, parse, outputs, SchemaAssembly.Load(parse.GetValue(assembly)!.FullName, parse.GetValue(references) ?? []), parse.GetValue(schema), seedValue, parse.GetResult(rows) is { Implicit: false } ? parse.GetValue(rows) : 1000, parse.GetValue(locale));
                return Cli.Ok;
            }
            else
            {
                var loaded = SchemaAssembly.Load(parse.GetValue(assembly)!.FullName, parse.GetValue(references) ?? []);
                synthesizer = loaded.Find(parse.GetValue(schema)!).Create(seedValue);
            }

            outputs.Write(console, parse, InLocale(synthesizer, parse.GetValue(locale)), parse.GetValue(rows), parse.GetValue(start), "Generating");
            return Cli.Ok;
        });
        return command;
    }

    /// <summary>
    /// The synthesizer in another locale: a generated synthesizer's <c>InLocale</c> copy, or the spec-driven synthesizer
    /// of its spec in that locale (the same bytes; the spec parity tests hold them to it).
    /// </summary>
    private static ISynthesizer InLocale(ISynthesizer synthesizer, string? locale)
    {
        if (locale is null)
        {
            return synthesizer;
        }

        var spec = synthesizer.Spec.WithLocale(locale);
        if (ReferenceEquals(spec, synthesizer.Spec))
        {
            return synthesizer;
        }

        if (synthesizer is SpecSynthesizer s)
        {
            return new SpecSynthesizer(spec, s.Seed, s.Models);
        }

        // A generated synthesizer has InLocale(string): it keeps what only generated code can do ([Derived] members).
        return synthesizer.GetType().GetMethod("InLocale", [typeof(string)])?.Invoke(synthesizer, [locale]) as ISynthesizer
            ?? new SpecSynthesizer(spec, synthesizer.Seed);
    }

    /// <summary>Related tables into one directory, each with its manifest, so that every foreign key names a parent row.</summary>
    private static void WriteDataset(Reporter console, ParseResult parse, Outputs outputs, SchemaAssembly loaded, string? root, long seed, int defaultRows, string? locale)
    {
        var all = loaded.Synthesizers.Select(s => InLocale(s.Create(seed), locale)).ToList();
        var roots = root is null ? Array.Empty<string>() : new[] { loaded.Find(root).Schema.Name };
        var tables = RelatedTables.Close(all, roots);
        if (tables.Count == 0)
        {
            throw new SynthKitException(ErrorCodes.InvalidSpec, "the assembly has no tables related by [References]; name one with --schema");
        }

        var rows = RelatedTables.Rows(tables, defaultRows);
        string directory = parse.GetValue(outputs.Out)!.FullName;
        Directory.CreateDirectory(directory);
        var format = Formats.Parse(parse.GetValue(outputs.Format)) ?? FixtureFormat.Csv;
        string extension = format switch { FixtureFormat.JsonLines => ".jsonl", FixtureFormat.Parquet => ".parquet", _ => ".csv" };
        foreach (var table in tables)
        {
            string path = Path.Combine(directory, table.Spec.Name + extension);
            var spec = new FixtureSpec(path, rows[table.Spec.Name], seed, format) { Parallelism = parse.GetValue(outputs.Parallel) };
            var outcome = console.WithProgress($"Generating {Path.GetFileName(path)}", spec.Rows, progress => FixtureFiles.Update(table, spec, progress, console.Cancellation));
            console.Line(outcome.Status == FixtureStatus.Written
                ? $"Wrote {path} ({spec.Rows:N0} rows of {table.Spec.Name}, {outcome.Bytes:N0} bytes) and its manifest."
                : $"{path} is up to date ({spec.Rows:N0} rows of {table.Spec.Name}).");
        }
    }
}
