using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using SynthKit.Fixtures;
using SynthKit.IO;
using SynthKit.Modeling;
using SynthKit.Provenance;

namespace SynthKit.Cli;

/// <summary><c>synthkit lineage</c>, <c>synthkit watermark detect</c> and <c>synthkit mix</c>: provenance of data files.</summary>
internal static class ProvenanceCommands
{
    /// <summary>The options of the lineage guard, shared by every fit.</summary>
    internal sealed class GuardOptions
    {
        public Option<bool> AllowSynthetic { get; } = new("--allow-synthetic") { Description = "Allow a synthetic input (its manifest says so, or a keyring key's watermark is found) when it carries at least --min-real-share real rows and the model stays within --max-depth generations." };

        public Option<double> MinRealShare { get; } = new("--min-real-share") { Description = "With --allow-synthetic: the smallest share of real rows a synthetic input must carry (default 0.5).", DefaultValueFactory = _ => SyntheticDataRule.DefaultMinRealShare };

        public Option<int> MaxDepth { get; } = new("--max-depth") { Description = "With --allow-synthetic: the most generations from real data the model may be (default 3).", DefaultValueFactory = _ => SyntheticDataRule.DefaultMaxDepth };

        public Option<FileInfo?> Keyring { get; } = new("--keyring") { Description = "A keyring ({\"keys\": [{\"name\", \"secret\"}]}): an input carrying one of its watermarks is synthetic even without its manifest." };

        public void AddTo(Command command)
        {
            command.Options.Add(AllowSynthetic);
            command.Options.Add(MinRealShare);
            command.Options.Add(MaxDepth);
            command.Options.Add(Keyring);
            Cli.MustBeAFile(Keyring);
            command.Validators.Add(result =>
            {
                if (!result.GetValue(AllowSynthetic) && (result.GetResult(MinRealShare) is { Implicit: false } || result.GetResult(MaxDepth) is { Implicit: false }))
                {
                    result.AddError("--min-real-share and --max-depth go with --allow-synthetic.");
                }
                else if ((result.GetResult(MinRealShare) is { Implicit: false } && result.GetValue(MinRealShare) is < 0 or > 1) || (result.GetResult(MaxDepth) is { Implicit: false } && result.GetValue(MaxDepth) < 1))
                {
                    result.AddError("--min-real-share must be between 0 and 1 and --max-depth at least 1.");
                }
            });
        }

        public SyntheticDataRule Rule(ParseResult parse) => new()
        {
            AllowSynthetic = parse.GetValue(AllowSynthetic),
            MinRealShare = parse.GetValue(MinRealShare),
            MaxDepth = parse.GetValue(MaxDepth),
            Keyring = parse.GetValue(Keyring) is { } ring ? WatermarkKey.LoadKeyring(ring.FullName) : [],
        };

        /// <summary>What the fit's input is, refused (SK6201) unless the rule allows it.</summary>
        public LineageNode Guard(Reporter console, ParseResult parse, FileInfo? data, string? query, FileInfo? sqlite, string? postgres, long rows)
        {
            var rule = Rule(parse);
            LineageNode input;
            if (data is not null)
            {
                input = LineageGuard.Inspect(data.FullName, rows, rule.Keyring);
                LineageGuard.Check(input, data.FullName, rule);
            }
            else
            {
                string source = sqlite?.FullName ?? "PostgreSQL";
                input = LineageNode.Real(source == "PostgreSQL" ? "postgresql query" : Path.GetFileName(source) + " query", FixtureManifest.Hash(Encoding.UTF8.GetBytes($"{sqlite?.FullName ?? postgres}\n{query}")), rows);
                if (sqlite is not null && SyntheticTables(sqlite.FullName, query!) is { Count: > 0 } tables)
                {
                    input = new LineageNode { Name = input.Name, Sha256 = input.Sha256, Rows = rows, Synthetic = true, Depth = 1, RealShare = 0, Evidence = $"manifest in {DatabaseManifestTable} ({string.Join(", ", tables)})" };
                    LineageGuard.Check(input, sqlite.FullName, rule);
                }
            }

            if (input.Synthetic)
            {
                console.Line($"Fitting synthetic input under the rule (real share {input.RealShare.ToString("0.###", CultureInfo.InvariantCulture)} ≥ {rule.MinRealShare.ToString("0.###", CultureInfo.InvariantCulture)}, depth {input.Depth + 1} ≤ {rule.MaxDepth}); the model records the mix.");
            }

            return input;
        }
    }

    private const string DatabaseManifestTable = "synthkit_manifest";

    /// <summary>The tables SynthKit loaded into a SQLite file that a query names (their manifests are in <c>synthkit_manifest</c>).</summary>
    private static List<string> SyntheticTables(string database, string query)
    {
        var found = new List<string>();
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = database, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{DatabaseManifestTable}'";
        if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return found;
        }

        using var tables = connection.CreateCommand();
        tables.CommandText = $"SELECT DISTINCT table_name FROM {DatabaseManifestTable} ORDER BY table_name";
        using var reader = tables.ExecuteReader();
        while (reader.Read())
        {
            string table = reader.GetString(0);
            if (System.Text.RegularExpressions.Regex.IsMatch(query, $@"(?<![\w""]){System.Text.RegularExpressions.Regex.Escape(table)}(?![\w""])|""{System.Text.RegularExpressions.Regex.Escape(table)}""", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            {
                found.Add(table);
            }
        }

        return found;
    }

    public static Command Lineage(Reporter console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A data file (its manifest <file>.synth.json is read), a manifest, or a model file." };
        var json = new Option<bool>("--json") { Description = "Print the lineage as JSON." };
        var command = new Command("lineage", "Print where a data file or model came from: its generation depth, real share and parents, back to the real sources' SHA-256.") { file, json };
        command.SetAction(parse =>
        {
            var target = parse.GetValue(file)!;
            var (lineage, head) = Read(target);
            if (parse.GetValue(json))
            {
                using var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", target.Name);
                    writer.WritePropertyName("lineage");
                    writer.WriteRawValue(LineageJson(lineage));
                    writer.WriteEndObject();
                }

                console.Line(Encoding.UTF8.GetString(buffer.ToArray()));
                return Cli.Ok;
            }

            console.Line(head);
            Print(console, lineage.Parents, "");
            var sources = lineage.RealSources();
            console.Line(sources.Count == 0
                ? "Real sources: none recorded (rule-made data, or a chain that does not reach real data)."
                : "Real sources: " + string.Join("; ", sources.Select(s => $"{s.Name ?? "(unnamed)"} sha256 {s.Sha256} ({s.Rows:N0} rows)")));
            return Cli.Ok;
        });
        return command;
    }

    private static (DataLineage Lineage, string Head) Read(FileInfo target)
    {
        if (!target.Exists)
        {
            throw new SynthKitException(FixtureErrorCodes.Missing, $"'{target.FullName}' does not exist.", target.FullName);
        }

        if (target.Name.EndsWith(FixtureManifest.Suffix, StringComparison.Ordinal) || File.Exists(FixtureManifest.PathFor(target.FullName)))
        {
            string manifestPath = target.Name.EndsWith(FixtureManifest.Suffix, StringComparison.Ordinal) ? target.FullName : FixtureManifest.PathFor(target.FullName);
            var manifest = FixtureManifest.Parse(File.ReadAllBytes(manifestPath), manifestPath);
            var lineage = manifest.Lineage ?? DataLineage.RuleMade;
            string dataPath = manifestPath[..^FixtureManifest.Suffix.Length];
            string check = File.Exists(dataPath)
                ? FixtureManifest.Hash(File.ReadAllBytes(dataPath)) == manifest.Sha256 ? "bytes match the manifest" : "BYTES DIFFER FROM THE MANIFEST (edited since it was written)"
                : "data file not found";
            string mark = manifest.Watermark is { } w ? $"; watermark {w.Scheme}, key {w.KeyId}" : "; no watermark";
            return (lineage, $"{manifest.File}: synthetic data, depth {lineage.Depth}, real share {lineage.RealShare.ToString("0.###", CultureInfo.InvariantCulture)}, {manifest.Rows:N0} rows, sha256 {manifest.Sha256} ({check}){mark}{(manifest.ManifestVersion < 2 ? " (manifest version 1: no lineage recorded)" : "")}");
        }

        if (target.Extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            var model = SynthModel.Load(target.FullName);
            var lineage = model.Data.Lineage ?? throw new SynthKitException(ProvenanceErrorCodes.SyntheticInput, "The model records no lineage (it was fitted without a file, or by an older SynthKit).", target.FullName);
            return (lineage, $"{target.Name}: model ({model.Data.Kind}), depth {lineage.Depth}, fitted on {model.Data.Rows:N0} rows with real share {lineage.RealShare.ToString("0.###", CultureInfo.InvariantCulture)}");
        }

        throw new SynthKitException(FixtureErrorCodes.Missing, $"'{target.FullName}' has no manifest ({target.Name}{FixtureManifest.Suffix}): nothing records where it came from. A file without a manifest is treated as real data by the lineage guard.", target.FullName);
    }

    private static void Print(Reporter console, IReadOnlyList<LineageNode> nodes, string indent)
    {
        for (int i = 0; i < nodes.Count; i++)
        {
            bool last = i == nodes.Count - 1;
            console.Line(indent + (last ? "└─ " : "├─ ") + nodes[i]);
            Print(console, nodes[i].Parents, indent + (last ? "   " : "│  "));
        }
    }

    internal static string LineageJson(DataLineage lineage)
    {
        var manifest = new FixtureManifest
        {
            SynthKitVersion = FixtureManifest.Version, Schema = "x", SchemaType = "x", Fingerprint = "x", Format = "csv", File = "x", Sha256 = "x", Lineage = lineage,
        };
        using var document = JsonDocument.Parse(manifest.ToJson());
        return document.RootElement.GetProperty("lineage").GetRawText();
    }

    public static Command WatermarkCommand(Reporter console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV or JSON Lines file." };
        var key = new Option<string?>("--key") { Description = "The key: the secret, @file (its first line) or env:NAME." };
        var keyring = new Option<FileInfo?>("--keyring") { Description = "A keyring: every key in it is tried." };
        var alpha = new Option<double>("--alpha") { Description = "The significance level of the verdict (default 1e-6).", DefaultValueFactory = _ => Provenance.Watermark.DefaultAlpha };
        Cli.MustBeAFile(keyring);
        var detect = new Command("detect", "Test a file for a watermark: the number of distinct values on the key's green list, the z statistic, the exact p-value and the verdict. Needs only the key and the file. Exit code 0 when a mark is found, 1 when none is.") { file, key, keyring, alpha };
        detect.Validators.Add(result =>
        {
            if ((result.GetValue(key) is null) == (result.GetValue(keyring) is null))
            {
                result.AddError("Give exactly one of --key and --keyring.");
            }
            else if (result.GetResult(alpha) is { Implicit: false } && !(result.GetValue(alpha) is > 0 and < 1))
            {
                result.AddError("--alpha must be strictly between 0 and 1.");
            }
        });
        detect.SetAction(parse =>
        {
            var keys = parse.GetValue(key) is { } k ? [WatermarkKey.Parse(k)] : WatermarkKey.LoadKeyring(parse.GetValue(keyring)!.FullName);
            string path = parse.GetValue(file)!.FullName;
            var text = Provenance.Watermark.ReadText(path);
            bool any = false;
            foreach (var one in keys)
            {
                var found = Provenance.Watermark.Detect(text, one, parse.GetValue(alpha));
                any |= found.Detected;
                console.Line($"{Path.GetFileName(path)}: {(one.Name is null ? "" : one.Name + ", ")}{found}");
            }

            return any ? Cli.Ok : Cli.FixtureProblem;
        });
        return new Command("watermark", "Watermarks (synthkit-wm1): embed them with generate/sample --watermark-key; test files for them with detect.") { detect };
    }

    public static Command Mix(Reporter console)
    {
        var real = new Option<FileInfo>("--real") { Description = "Real rows (CSV).", Required = true };
        var synthetic = new Option<FileInfo>("--synthetic") { Description = "Synthetic rows (CSV, with the same columns; its manifest is read for its lineage).", Required = true };
        var share = new Option<double>("--real-share") { Description = "The share of the output's rows that are real (0 … 1).", Required = true };
        var rows = new Option<int>("--rows", "-n") { Description = "How many rows to write (each input's rows are drawn without replacement).", Required = true };
        var seed = new Option<long>("--seed") { Description = "The seed of the selection and the order (default 0).", DefaultValueFactory = _ => 0 };
        var origin = new Option<string?>("--origin-column") { Description = "Add a column of this name saying which rows are real and which synthetic." };
        var output = new Option<FileInfo>("--out", "-o") { Description = "The CSV file to write (its manifest goes beside it).", Required = true };
        var disclose = new Option<string?>("--disclose") { Description = "Disclose inside the file too: column (a last column 'synthetic': true for synthetic rows, false for real ones) or comment (a first line '# synthetic data …')." };
        disclose.AcceptOnlyFromAmong("column", "comment");
        Cli.MustBeAFile(real!);
        Cli.MustBeAFile(synthetic!);
        var command = new Command("mix", "Mix real and synthetic rows at a recorded ratio: a deterministic selection from each, shuffled together, with a manifest that records the shares and both parents. A fit accepts the mix by rule (--allow-synthetic --min-real-share).") { real, synthetic, share, rows, seed, origin, output, disclose };
        command.Validators.Add(result =>
        {
            if (!(result.GetValue(share) is >= 0 and <= 1))
            {
                result.AddError("--real-share must be between 0 and 1.");
            }
            else if (result.GetValue(rows) < 1)
            {
                result.AddError("--rows must be at least 1.");
            }
        });
        command.SetAction(parse =>
        {
            var (realFile, synthFile, path) = (parse.GetValue(real)!, parse.GetValue(synthetic)!, parse.GetValue(output)!.FullName);
            var mixed = HybridData.Mix(realFile.FullName, synthFile.FullName, parse.GetValue(share), parse.GetValue(rows), parse.GetValue(seed), parse.GetValue(origin), path, parse.GetValue(disclose));
            console.Line($"Wrote {path} ({mixed.Rows:N0} rows: {mixed.RealRows:N0} real from {realFile.Name}, {mixed.Rows - mixed.RealRows:N0} synthetic from {synthFile.Name}; real share {mixed.Lineage!.RealShare.ToString("0.###", CultureInfo.InvariantCulture)}, depth {mixed.Lineage.Depth}) and its manifest.");
            return Cli.Ok;
        });
        return command;
    }
}

/// <summary>Hybrid data: real and synthetic rows at a recorded ratio.</summary>
internal static class HybridData
{
    internal sealed record Outcome(int Rows, int RealRows, DataLineage? Lineage);

    public static Outcome Mix(string realPath, string syntheticPath, double realShare, int rows, long seed, string? originColumn, string path, string? disclose = null)
    {
        var (realHeader, realRows) = ReadCsv(realPath);
        var (synthHeader, synthRows) = ReadCsv(syntheticPath);
        if (!realHeader.OrderBy(h => h, StringComparer.Ordinal).SequenceEqual(synthHeader.OrderBy(h => h, StringComparer.Ordinal), StringComparer.Ordinal))
        {
            var missing = realHeader.Except(synthHeader).Concat(synthHeader.Except(realHeader)).ToArray();
            throw new SynthKitException(ProvenanceErrorCodes.Mix, $"The two files do not have the same columns ({string.Join(", ", missing)} in only one of them).", syntheticPath, 1, 1);
        }

        if ((originColumn is not null && realHeader.Contains(originColumn)) || (disclose == "column" && (realHeader.Contains(Disclosure.ColumnName) || originColumn == Disclosure.ColumnName)))
        {
            originColumn ??= Disclosure.ColumnName;
            throw new SynthKitException(ProvenanceErrorCodes.Mix, $"The output would have two columns '{originColumn}'; name the origin column otherwise.", realPath, 1, 1);
        }

        int realCount = (int)Math.Round(rows * realShare, MidpointRounding.AwayFromZero), synthCount = rows - realCount;
        if (realCount > realRows.Count || synthCount > synthRows.Count)
        {
            throw new SynthKitException(ProvenanceErrorCodes.Mix, $"{rows:N0} rows at real share {realShare.ToString("0.###", CultureInfo.InvariantCulture)} need {realCount:N0} real and {synthCount:N0} synthetic rows, but the files hold {realRows.Count:N0} and {synthRows.Count:N0}.", realCount > realRows.Count ? realPath : syntheticPath);
        }

        var realNode = LineageGuard.Inspect(realPath, realRows.Count);
        if (realNode.Synthetic)
        {
            throw new SynthKitException(ProvenanceErrorCodes.Mix, $"The real input is synthetic data (its manifest says so, depth {realNode.Depth}); give real rows to --real.", realPath);
        }

        var synthNode = LineageGuard.Inspect(syntheticPath, synthRows.Count);
        synthNode = synthNode.Synthetic ? synthNode.As("synthetic") : new LineageNode { Role = "synthetic", Name = synthNode.Name, Sha256 = synthNode.Sha256, Rows = synthNode.Rows, Synthetic = true, Depth = 1, RealShare = 0, Evidence = "mix --synthetic" };
        var random = new SynthRandom();
        random.Reset(SynthRandom.ScopeOf(seed), 0x6D69785F726F7773UL, 0);
        var chosenReal = Choose(random, realRows.Count, realCount);
        var chosenSynth = Choose(random, synthRows.Count, synthCount);
        var order = new (bool Real, int Row)[rows];
        for (int i = 0; i < realCount; i++)
        {
            order[i] = (true, chosenReal[i]);
        }

        for (int i = 0; i < synthCount; i++)
        {
            order[realCount + i] = (false, chosenSynth[i]);
        }

        for (int i = rows - 1; i > 0; i--)
        {
            int j = (int)random.NextUInt64((ulong)i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        int[] synthMap = realHeader.Select(h => Array.IndexOf(synthHeader, h)).ToArray();
        AtomicFile.WriteIfChanged(path, stream =>
        {
            if (disclose == "comment")
            {
                stream.Write(Encoding.UTF8.GetBytes(Disclosure.CommentPrefix + $" mixed with {realCount:N0} real rows by SynthKit {FixtureManifest.Version} - the manifest beside this file (*{FixtureManifest.Suffix}) records the shares\n"));
            }

            using var writer = new CsvWriter(stream);
            foreach (string h in originColumn is null ? realHeader : [.. realHeader, originColumn])
            {
                writer.Write(h);
            }

            if (disclose == "column")
            {
                writer.Write(Disclosure.ColumnName);
            }

            writer.EndRow();
            foreach (var (isReal, row) in order)
            {
                var cells = isReal ? realRows[row] : synthRows[row];
                for (int c = 0; c < realHeader.Length; c++)
                {
                    string? cell = isReal ? cells[c] : cells[synthMap[c]];
                    if (cell is null)
                    {
                        writer.WriteNull();
                    }
                    else
                    {
                        writer.Write(cell);
                    }
                }

                if (originColumn is not null)
                {
                    writer.Write(isReal ? "real" : "synthetic");
                }

                if (disclose == "column")
                {
                    writer.Write(!isReal);
                }

                writer.EndRow();
            }
        });
        byte[] content = File.ReadAllBytes(path);
        (long bytes, string sha256) = (content.Length, FixtureManifest.Hash(content));
        var synthManifestPath = FixtureManifest.PathFor(syntheticPath);
        var synthManifest = File.Exists(synthManifestPath) ? TryParse(synthManifestPath) : null;
        var lineage = new DataLineage
        {
            Depth = Math.Max(realNode.Depth, synthNode.Depth),
            RealShare = Math.Round(realCount / (double)rows, 6),
            Parents = [realNode.As("real"), synthNode],
        };
        var manifest = new FixtureManifest
        {
            SynthKitVersion = FixtureManifest.Version,
            Schema = synthManifest?.Schema ?? Path.GetFileNameWithoutExtension(path),
            SchemaType = synthManifest?.SchemaType ?? "mix",
            Fingerprint = synthManifest?.Fingerprint ?? FixtureManifest.Hash(Encoding.UTF8.GetBytes(string.Join("\n", realHeader))),
            Seed = seed,
            Rows = rows,
            Format = "csv",
            Disclosure = disclose,
            File = Path.GetFileName(path),
            Bytes = bytes,
            Sha256 = sha256,
            Provenance = synthManifest?.Provenance,
            PersonalData = synthManifest?.PersonalData ?? [],
            QuasiIdentifiers = synthManifest?.QuasiIdentifiers ?? [],
            Sensitive = synthManifest?.Sensitive ?? [],
            Lineage = lineage,
            Watermark = synthManifest?.Watermark,
        };
        AtomicFile.WriteIfChanged(FixtureManifest.PathFor(path), manifest.ToJson());
        return new Outcome(rows, realCount, lineage);
    }

    private static FixtureManifest? TryParse(string path)
    {
        try
        {
            return FixtureManifest.Parse(File.ReadAllBytes(path), path);
        }
        catch (SynthKitException)
        {
            return null;
        }
    }

    /// <summary><paramref name="count"/> distinct indices of <c>0 … total − 1</c>, in a seeded order (a partial Fisher–Yates shuffle).</summary>
    private static int[] Choose(SynthRandom random, int total, int count)
    {
        var all = Enumerable.Range(0, total).ToArray();
        for (int i = 0; i < count; i++)
        {
            int j = i + (int)random.NextUInt64((ulong)(total - i));
            (all[i], all[j]) = (all[j], all[i]);
        }

        return all[..count];
    }

    private static (string[] Header, List<string?[]> Rows) ReadCsv(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new CsvReader(stream, path);
        reader.ReadHeader(Array.Empty<string>());
        var header = reader.Header.ToArray();
        var rows = new List<string?[]>();
        while (reader.ReadRecord())
        {
            var row = new string?[header.Length];
            for (int i = 0; i < header.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            rows.Add(row);
        }

        return (header, rows);
    }
}
