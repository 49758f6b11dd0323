using System;
using System.CommandLine;
using System.IO;
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
        var rows = new Option<int>("--rows", "-n") { Description = "How many rows to write.", Required = true };
        var seed = new Option<long>("--seed") { Description = "The seed (default 0). The same seed gives the same bytes on every machine.", DefaultValueFactory = _ => 0 };
        var start = new Option<long>("--start") { Description = "The first row index (default 0).", DefaultValueFactory = _ => 0 };
        var outputs = new Outputs();
        Cli.AtLeast(rows, 0);

        var command = new Command("generate", "Write a fixture and its manifest from a synthesizer in a built assembly, or from a column spec or SDV metadata alone, or load the rows into SQLite or PostgreSQL. Writes nothing when the bytes would not change; writes atomically otherwise.")
        {
            assembly, schema, specFile, metadata, rows, seed, start, references,
        };
        outputs.AddTo(command);
        command.Validators.Add(result =>
        {
            bool fromAssembly = result.GetValue(assembly) is not null;
            int sources = (fromAssembly ? 1 : 0) + (result.GetValue(specFile) is null ? 0 : 1) + (result.GetValue(metadata) is null ? 0 : 1);
            if (sources != 1)
            {
                result.AddError("Give exactly one of --assembly (with --schema), --spec and --metadata.");
            }
            else if (fromAssembly && result.GetValue(schema) is null)
            {
                result.AddError("--assembly needs --schema.");
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
            else
            {
                var loaded = SchemaAssembly.Load(parse.GetValue(assembly)!.FullName, parse.GetValue(references) ?? []);
                synthesizer = loaded.Find(parse.GetValue(schema)!).Create(seedValue);
            }

            outputs.Write(console, parse, synthesizer, parse.GetValue(rows), parse.GetValue(start), "Generating");
            return Cli.Ok;
        });
        return command;
    }
}
