using System.CommandLine;
using System.Linq;

namespace SynthKit.Cli;

/// <summary><c>synthkit schema</c>: lists an assembly's schemas, their columns, kinds and privacy marks.</summary>
internal static class SchemaCommand
{
    public static Command Create(Reporter console)
    {
        var (assembly, references) = Cli.AssemblyOptions(required: true);
        var command = new Command("schema", "List the synthesizers an assembly declares: each schema's columns, CLR types, column kinds, privacy marks and rules.")
        {
            assembly, references,
        };
        command.SetAction(parse =>
        {
            var loaded = SchemaAssembly.Load(parse.GetValue(assembly)!.FullName, parse.GetValue(references) ?? []);
            if (loaded.Synthesizers.Count == 0)
            {
                console.Line($"{loaded.Assembly.GetName().Name} declares no synthesizers.");
                return Cli.Ok;
            }

            foreach (var registered in loaded.Synthesizers)
            {
                var schema = registered.Schema;
                console.Line($"{schema.Name} ({schema.ClrType?.FullName}) — synthesizer {registered.SynthesizerType.FullName}");
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

            return Cli.Ok;
        });
        return command;
    }
}
