using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using SynthKit.Fixtures;
using SynthKit.Modeling;

namespace SynthKit.Cli;

/// <summary>
/// <c>synthkit fixtures</c>: what the SynthKit.Build targets run after a project compiles. Updates or verifies every
/// fixture a project declares, in one process, and reports each problem as a canonical error line that points at the
/// fixture, its manifest, or the <c>SynthFixture</c> item in the project file.
/// </summary>
internal static class FixturesCommand
{
    public static Command Create(Reporter console)
    {
        var (assembly, _) = Cli.AssemblyOptions(required: true);
        var spec = new Option<FileInfo>("--spec") { Description = "The fixture list the build writes: one tab-separated line per fixture (include, path, schema, rows, seed, format, start, model).", Required = true };
        var mode = new Option<string>("--mode") { Description = "update (write fixtures whose bytes change) or verify (write nothing; fail on missing, stale or tampered fixtures).", DefaultValueFactory = _ => "update" };
        mode.AcceptOnlyFromAmong("update", "verify");
        var project = new Option<FileInfo?>("--project") { Description = "The project file, so errors about an item point at it." };
        var referenceList = new Option<FileInfo?>("--references") { Description = "A file listing the user assembly's dependencies, one path per line." };
        var allowOutside = new Option<bool>("--allow-outside-project") { Description = "Allow fixture paths outside the project's folder (SynthFixtureAllowOutsideProject=true)." };
        var command = new Command("fixtures", "Update or verify the fixtures a project declares (run by the SynthKit.Build targets).")
        {
            assembly, spec, mode, project, referenceList, allowOutside,
        };
        command.SetAction(parse =>
        {
            bool verify = string.Equals(parse.GetValue(mode), "verify", StringComparison.OrdinalIgnoreCase);
            string? projectPath = parse.GetValue(project)?.FullName;
            var lines = File.ReadAllLines(parse.GetValue(spec)!.FullName).Where(l => l.Trim().Length > 0).ToList();
            if (lines.Count == 0)
            {
                return Cli.Ok;
            }

            var loaded = SchemaAssembly.Load(parse.GetValue(assembly)!.FullName, Formats.ReadList(parse.GetValue(referenceList)?.FullName));
            int written = 0, upToDate = 0, verified = 0, exit = Cli.Ok;
            var items = new List<(string Include, Item? Item, ISynthesizer? Synthesizer, SynthKitException? Error)>();
            foreach (var line in lines)
            {
                var fields = line.Split('\t');
                try
                {
                    var item = Item.Parse(fields, projectPath, parse.GetValue(allowOutside));
                    items.Add((fields[0], item, Synthesizer(loaded, item), null));
                }
                catch (SynthKitException ex)
                {
                    items.Add((fields[0], null, null, ex));
                }
            }

            var related = RelatedProblems(items.Where(i => i.Item is not null).Select(i => (i.Item!, i.Synthesizer!)).ToList());
            foreach (var (include, parsed, made, error) in items)
            {
                try
                {
                    if (parsed is not { } item || made is not { } synthesizer)
                    {
                        throw error!;
                    }

                    if (related.TryGetValue(item, out var problem))
                    {
                        throw problem;
                    }

                    if (verify)
                    {
                        FixtureFiles.Verify(item.Spec.Path, synthesizer, item.Spec);
                        verified++;
                    }
                    else if (FixtureFiles.Update(synthesizer, item.Spec, null, console.Cancellation).Status == FixtureStatus.Written)
                    {
                        written++;
                        console.Line($"SynthKit: wrote {include} ({item.Spec.Rows:N0} rows of {(item.Schema.Length > 0 ? item.Schema : synthesizer.Spec.Name)}{(item.Model is null ? "" : " from " + Path.GetFileName(item.Model))}).");
                    }
                    else
                    {
                        upToDate++;
                    }
                }
                catch (SynthKitException ex)
                {
                    console.Error(ex.FilePath is null && ex.Line == 0 ? Locate(ex, projectPath, include) : ex);
                    exit = Math.Max(exit, Cli.ExitCodeOf(ex));
                }
            }

            console.Line(verify
                ? $"SynthKit: verified {verified} of {lines.Count} fixture(s)."
                : $"SynthKit: {written} fixture(s) written, {upToDate} up to date.");
            return exit;
        });
        return command;
    }

    /// <summary>
    /// The item's synthesizer: the schema's generated one; with a model, the model's table (no schema) or the schema with
    /// the model drawing its learned members (both: the model's columns must be members of the schema).
    /// </summary>
    private static ISynthesizer Synthesizer(SchemaAssembly loaded, Item item)
    {
        if (item.Model is null)
        {
            return loaded.Find(item.Schema, item.File, item.Line, item.Column).Create(item.Spec.Seed);
        }

        Modeling.SynthModel model;
        try
        {
            model = Modeling.SynthModel.Load(item.Model);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SynthKitException)
        {
            string reason = ex is FileNotFoundException or DirectoryNotFoundException ? $"the model file '{item.Model}' does not exist" : ex is SynthKitException coded ? $"{coded.Code}: {coded.Detail}" : ex.Message;
            throw new SynthKitException(FixtureErrorCodes.InvalidItem, $"SynthFixture '{item.Include}': Model: {reason}", item.File, item.Line, item.Column, ex);
        }

        if (item.Schema.Length == 0)
        {
            return model.CreateSynthesizer(item.Spec.Seed);
        }

        var schema = loaded.Find(item.Schema, item.File, item.Line, item.Column).Create(item.Spec.Seed);
        try
        {
            return schema.WithModel(model);
        }
        catch (SynthKitException ex)
        {
            throw new SynthKitException(FixtureErrorCodes.InvalidItem, $"SynthFixture '{item.Include}': the model does not fit schema '{item.Schema}': {ex.Detail}", item.File, item.Line, item.Column, ex);
        }
    }

    /// <summary>
    /// Fixtures of related tables must hold together: a child fixture's foreign keys name rows 0 … Parents − 1 of its
    /// parent table, so a parent fixture declared in the same project must start at row 0 and hold at least that many
    /// rows (SK5009 at the child's item). A parent table no item declares is not checked. The child's fingerprint
    /// carries the parent's key rule, so changing either schema makes the fixtures of both stale together.
    /// </summary>
    private static Dictionary<Item, SynthKitException> RelatedProblems(List<(Item Item, ISynthesizer Synthesizer)> items)
    {
        var problems = new Dictionary<Item, SynthKitException>();
        foreach (var (child, synthesizer) in items)
        {
            foreach (var column in synthesizer.Spec.Columns.Where(c => c.Rule.Kind == RuleKind.Reference))
            {
                long parents = column.Rule.Parents ?? 0;
                var parentItems = items.Where(i => i.Synthesizer.Spec.Name == column.Rule.Table).ToList();
                if (parentItems.Count == 0 || parentItems.Any(p => p.Item.Spec.Start == 0 && p.Item.Spec.Rows >= parents))
                {
                    continue;
                }

                var parent = parentItems[0].Item;
                problems.TryAdd(child, new SynthKitException(
                    FixtureErrorCodes.RelatedFixtures,
                    $"SynthFixture '{child.Include}': its column '{column.Name}' names rows 0 … {parents - 1:N0} of {column.Rule.Table}, but the {column.Rule.Table} fixture '{parent.Include}' holds rows {parent.Spec.Start:N0} … {parent.Spec.Start + parent.Spec.Rows - 1:N0}; give it Start=\"0\" and Rows=\"{parents}\" (or more) so that every foreign key names a row it holds.",
                    child.File,
                    child.Line,
                    child.Column));
            }
        }

        return problems;
    }

    private static SynthKitException Locate(SynthKitException ex, string? projectPath, string include)
    {
        var (file, line, column) = ProjectLocator.Find(projectPath, include);
        return new SynthKitException(ex.Code, ex.Detail, file, line, column, ex);
    }

    private sealed record Item(string Include, string Schema, string? Model, FixtureSpec Spec, string? File, int Line, int Column)
    {
        public static Item Parse(string[] fields, string? projectPath, bool allowOutside = false)
        {
            string include = fields[0];
            var (file, line, column) = ProjectLocator.Find(projectPath, include);
            SynthKitException Invalid(string message) => new(FixtureErrorCodes.InvalidItem, $"SynthFixture '{include}': {message}", file, line, column);
            if (fields.Length < 7)
            {
                throw Invalid("the fixture list line is incomplete.");
            }

            string schema = fields[2].Trim();
            string? model = fields.Length > 7 && fields[7].Trim().Length > 0 ? Path.GetFullPath(fields[7].Trim()) : null;
            if (schema.Length == 0 && model is null)
            {
                throw Invalid("Schema is empty; name the type that has a synthesizer, e.g. Schema=\"Clinic.Patient\", or a fitted model, e.g. Model=\"models/adult.model.json\".");
            }

            if (!int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out int rows) || rows < 0)
            {
                throw Invalid($"Rows is '{fields[3]}'; give a whole number of rows, 0 or more.");
            }

            if (!long.TryParse(fields[4], NumberStyles.Integer, CultureInfo.InvariantCulture, out long seed))
            {
                throw Invalid($"Seed is '{fields[4]}'; give a whole number.");
            }

            if (!long.TryParse(string.IsNullOrWhiteSpace(fields[6]) ? "0" : fields[6], NumberStyles.Integer, CultureInfo.InvariantCulture, out long start) || start < 0)
            {
                throw Invalid($"Start is '{fields[6]}'; give a whole number, 0 or more.");
            }

            if (!allowOutside && projectPath is not null)
            {
                // A fixture is a build output of this project: '../../elsewhere/a.csv' or an absolute path would write
                // (and on CI, trust) files the project does not own.
                string folder = Path.GetFullPath(Path.GetDirectoryName(projectPath)!) + Path.DirectorySeparatorChar;
                string target = Path.GetFullPath(fields[1]);
                if (!target.StartsWith(folder, StringComparison.Ordinal))
                {
                    throw Invalid($"the fixture path '{target}' is outside the project's folder '{folder}'; keep fixtures inside it, or set <SynthFixtureAllowOutsideProject>true</SynthFixtureAllowOutsideProject>.");
                }
            }

            try
            {
                return new Item(include, schema, model, new FixtureSpec(fields[1], rows, seed, Formats.Parse(fields[5]), start), file, line, column);
            }
            catch (SynthKitException ex) when (ex.Code == FixtureErrorCodes.InvalidItem)
            {
                throw new SynthKitException(ex.Code, ex.Detail, file, line, column);
            }
        }
    }
}
