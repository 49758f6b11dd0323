using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace SynthKit.Cli;

/// <summary><c>synthkit schema</c>: lists an assembly's schemas, their columns, kinds and privacy marks.</summary>
internal static class SchemaCommand
{
    public static Command Create(Reporter console)
    {
        var (assembly, references) = Cli.AssemblyOptions(required: false);
        var metadata = new Option<FileInfo?>("--metadata", "-m") { Description = "Describe a table from an SDV single-table metadata file instead of an assembly." };
        Cli.MustBeAFile(metadata);
        var specFile = new Option<FileInfo?>("--spec") { Description = "Describe a table from a SynthKit column spec (JSON) instead of an assembly." };
        Cli.MustBeAFile(specFile);
        var name = new Option<string?>("--schema", "-s") { Description = "Only this schema (type's full name or schema name); with --metadata, the table name (default: the file name)." };
        var json = new Option<bool>("--json") { Description = "Print the column spec as JSON (docs/spec.md) instead of a table." };
        var sdv = new Option<bool>("--sdv") { Description = "Print SDV single-table metadata instead of a table." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "With --json or --sdv, write to this file (atomically) instead of the console." };
        var command = new Command("schema", "Describe schemas: an assembly's synthesizers, or a table from SDV metadata or a column spec — columns, storage types, kinds, privacy roles and rules; as a table, a column spec (--json) or SDV metadata (--sdv).")
        {
            assembly, references, metadata, specFile, name, json, sdv, output,
        };
        command.Validators.Add(result =>
        {
            int sources = (result.GetValue(assembly) is null ? 0 : 1) + (result.GetValue(metadata) is null ? 0 : 1) + (result.GetValue(specFile) is null ? 0 : 1);
            if (sources != 1)
            {
                result.AddError("Give exactly one of --assembly, --metadata and --spec.");
            }

            if (result.GetValue(json) && result.GetValue(sdv))
            {
                result.AddError("Give --json or --sdv, not both.");
            }
        });
        command.SetAction(parse =>
        {
            var tables = new List<(TableSpec Spec, SchemaDescription Schema, string Title)>();
            if (parse.GetValue(metadata) is { } m)
            {
                var spec = SdvMetadata.Load(m.FullName, parse.GetValue(name));
                tables.Add((spec, SchemaDescription.FromSpec(spec), $"{spec.Name} (from SDV metadata {m.Name})"));
            }
            else if (parse.GetValue(specFile) is { } f)
            {
                var spec = TableSpec.Load(f.FullName);
                tables.Add((spec, SchemaDescription.FromSpec(spec), $"{spec.Name} (from column spec {f.Name})"));
            }
            else
            {
                var loaded = SchemaAssembly.Load(parse.GetValue(assembly)!.FullName, parse.GetValue(references) ?? []);
                var selected = parse.GetValue(name) is { } only ? new[] { loaded.Find(only) } : loaded.Synthesizers.ToArray();
                if (selected.Length == 0)
                {
                    console.Line($"{loaded.Assembly.GetName().Name} declares no synthesizers.");
                    return Cli.Ok;
                }

                foreach (var registered in selected)
                {
                    tables.Add((registered.Create(0).Spec, registered.Schema, $"{registered.Schema.Name} ({registered.Schema.ClrType?.FullName}) — synthesizer {registered.SynthesizerType.FullName}"));
                }
            }

            if (parse.GetValue(json) || parse.GetValue(sdv))
            {
                if (tables.Count > 1 && parse.GetValue(output) is not null)
                {
                    console.ErrorWriter.WriteLine($"error: the assembly declares {tables.Count} schemas; name one with --schema to write it to a file.");
                    return Cli.UsageError;
                }

                foreach (var (spec, _, _) in tables)
                {
                    byte[] bytes = parse.GetValue(sdv) ? SdvMetadata.Write(spec) : spec.ToJsonBytes();
                    if (parse.GetValue(output) is { } o)
                    {
                        Fixtures.AtomicFile.WriteIfChanged(o.FullName, bytes);
                        console.Line($"Wrote {o.FullName}.");
                    }
                    else
                    {
                        console.Line(System.Text.Encoding.UTF8.GetString(bytes));
                    }
                }

                return Cli.Ok;
            }

            foreach (var (_, schema, title) in tables)
            {
                Print(console, schema, title);
            }

            return Cli.Ok;
        });
        return command;
    }

    private static void Print(Reporter console, SchemaDescription schema, string title)
    {
        console.Line(title);
        console.Line($"  fingerprint {schema.Fingerprint}");
        if (schema.Provenance is { } p)
        {
            console.Line($"  provenance  source: {p.Source}; purpose: {p.Purpose}; owner: {p.Owner}; license: {p.License}");
        }

        var rows = schema.Columns.Select(c => new[]
        {
            c.Name,
            c.ClrType.Name + (c.IsNullable ? "?" : string.Empty),
            c.Kind.ToString(),
            string.Join(" ", new[] { c.Pii is { } pii ? "pii:" + pii : null, c.IsQuasiIdentifier ? "quasi-identifier" : null, c.IsSensitive ? "sensitive" : null, c.IsDeclaredNotPii ? "not-pii" : null, c.IsUnique ? "unique" : null }.Where(s => s is not null)),
            c.Rule,
        }).Concat(schema.Collections.Select(c => new[] { c.Name + "[]", c.ElementType.Name, "List", string.Empty, $"{c.MinCount}..{c.MaxCount} elements" })).ToList();
        string[] header = ["column", "type", "kind", "privacy", "rule"];
        int[] widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        console.Line("  " + string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var row in rows)
        {
            console.Line("  " + string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        console.Line(string.Empty);
    }
}
