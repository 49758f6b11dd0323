using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;

namespace SynthKit.Fixtures;

/// <summary>
/// A dataset cut into shards: rows <c>start … start + rows − 1</c> in <see cref="Shards"/> parts of nearly equal size,
/// part <c>i</c> holding rows <c>start + ⌊i·rows/shards⌋ …</c>. Because every row depends only on (seed, table, column,
/// row), any part can be made anywhere — another process, another machine — and the parts concatenate to exactly the
/// rows of a single run.
/// </summary>
/// <param name="Start">The dataset's first row index.</param>
/// <param name="Rows">The dataset's rows.</param>
/// <param name="Shards">The number of parts.</param>
public sealed record ShardLayout(long Start, long Rows, int Shards)
{
    /// <summary>The name of the dataset manifest in the parts' directory.</summary>
    public const string ManifestName = "dataset.synth.json";

    /// <summary>Part <paramref name="shard"/>'s first row and row count.</summary>
    /// <param name="shard">The part, from 0.</param>
    /// <returns>The range.</returns>
    /// <exception cref="SynthKitException">SK7005: a part outside the layout, a part too large for one file.</exception>
    public (long Start, int Rows) Part(int shard)
    {
        Check();
        if (shard < 0 || shard >= Shards)
        {
            throw new SynthKitException(SinkErrorCodes.InvalidShard, $"Shard {shard} is not one of the {Shards} shards (0 … {Shards - 1}).");
        }

        long first = Offset(shard), next = Offset(shard + 1);
        if (next - first > int.MaxValue)
        {
            throw new SynthKitException(SinkErrorCodes.InvalidShard, $"Shard {shard} would hold {next - first:N0} rows, more than one part can; use more shards.");
        }

        return (Start + first, (int)(next - first));
    }

    /// <summary>Part <paramref name="shard"/>'s file name: <c>part-00007-of-00064.parquet</c>, so the parts sort in row order.</summary>
    /// <param name="shard">The part.</param>
    /// <param name="format">The files' format.</param>
    /// <returns>The name.</returns>
    public string FileName(int shard, FixtureFormat format) =>
        string.Create(CultureInfo.InvariantCulture, $"part-{shard:D5}-of-{Shards:D5}.{(format == FixtureFormat.JsonLines ? "jsonl" : FixtureSpec.NameOf(format))}");

    /// <summary>Checks the layout: at least one shard, no more shards than rows, no negative rows, an index that fits.</summary>
    /// <exception cref="SynthKitException">SK7005: an impossible layout.</exception>
    public void Check()
    {
        if (Shards < 1 || Rows < 0 || Start < 0 || Start > long.MaxValue - Rows || (Rows > 0 && Shards > Rows))
        {
            throw new SynthKitException(SinkErrorCodes.InvalidShard, $"{Shards} shard(s) of {Rows:N0} rows from row {Start:N0} is not a layout: give at least one shard and no more shards than rows.");
        }
    }

    private long Offset(int shard) => (long)((Int128)Rows * shard / Shards);
}

/// <summary>
/// Datasets written in parts: each part is a fixture of its own (file + manifest); a dataset manifest beside them
/// (<see cref="ShardLayout.ManifestName"/>) lists every part with its rows and, once written, its SHA-256. Any shard
/// rewrites it when it finishes (under a file lock, so shards running at once do not lose each other's entries), and a
/// plan step can write it before any shard runs.
/// </summary>
public static class Datasets
{
    private const int ManifestVersion = 1;

    /// <summary>Writes one part and its manifest, then brings the dataset manifest up to date.</summary>
    /// <param name="synthesizer">The synthesizer (its seed is the dataset's).</param>
    /// <param name="directory">The parts' directory (created when missing).</param>
    /// <param name="layout">The dataset's layout.</param>
    /// <param name="shard">The part to write.</param>
    /// <param name="format">The parts' format.</param>
    /// <param name="parallelism">Threads that make rows (0: every core).</param>
    /// <param name="progress">Receives the rows written, or null.</param>
    /// <param name="cancellationToken">Stops the part; nothing is written.</param>
    /// <returns>What happened to the part.</returns>
    /// <exception cref="SynthKitException">SK7005 an impossible layout or shard; SK5006 a file that cannot be written.</exception>
    public static FixtureOutcome WriteShard(ISynthesizer synthesizer, string directory, ShardLayout layout, int shard, FixtureFormat format, int parallelism = 0, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentNullException.ThrowIfNull(layout);
        var (start, rows) = layout.Part(shard);
        Directory.CreateDirectory(directory);
        var spec = new FixtureSpec(Path.Combine(directory, layout.FileName(shard, format)), rows, synthesizer.Seed, format, start) { Parallelism = parallelism };
        var outcome = FixtureFiles.Update(synthesizer, spec, progress, cancellationToken);
        UpdateManifest(synthesizer, directory, layout, format);
        return outcome;
    }

    /// <summary>Writes the dataset manifest for a layout before (or after) its parts are made: parts not yet written have no hash.</summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <param name="directory">The parts' directory (created when missing).</param>
    /// <param name="layout">The dataset's layout.</param>
    /// <param name="format">The parts' format.</param>
    /// <returns>The manifest's path.</returns>
    /// <exception cref="SynthKitException">SK7005: an impossible layout.</exception>
    public static string Plan(ISynthesizer synthesizer, string directory, ShardLayout layout, FixtureFormat format)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentNullException.ThrowIfNull(layout);
        layout.Check();
        Directory.CreateDirectory(directory);
        return UpdateManifest(synthesizer, directory, layout, format);
    }

    /// <summary>
    /// Checks a dataset: every part its manifest lists exists and matches the SHA-256 recorded for it, and the parts'
    /// rows add up to the dataset's.
    /// </summary>
    /// <param name="directory">The parts' directory.</param>
    /// <returns>The number of parts checked.</returns>
    /// <exception cref="SynthKitException">SK5001 a missing manifest or part (or one not yet written); SK5003 a part whose bytes changed; SK5007 a malformed manifest.</exception>
    public static int Verify(string directory)
    {
        string path = Path.Combine(directory, ShardLayout.ManifestName);
        if (!File.Exists(path))
        {
            throw new SynthKitException(FixtureErrorCodes.Missing, $"'{directory}' has no dataset manifest ('{ShardLayout.ManifestName}').", path);
        }

        int parts = 0;
        long total = 0;
        long rows;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            rows = json.RootElement.GetProperty("generation").GetProperty("rows").GetInt64();
            foreach (var part in json.RootElement.GetProperty("parts").EnumerateArray())
            {
                string file = Path.Combine(directory, Path.GetFileName(part.GetProperty("file").GetString()!));
                if (part.GetProperty("sha256").ValueKind != JsonValueKind.String)
                {
                    throw new SynthKitException(FixtureErrorCodes.Missing, $"The part '{Path.GetFileName(file)}' has not been written yet: run its shard.", path);
                }

                if (!File.Exists(file))
                {
                    throw new SynthKitException(FixtureErrorCodes.Missing, $"The part '{Path.GetFileName(file)}' that the dataset manifest lists does not exist.", file);
                }

                if (HashOf(file) != part.GetProperty("sha256").GetString())
                {
                    throw new SynthKitException(FixtureErrorCodes.Tampered, $"The part's bytes no longer match the dataset manifest's SHA-256: it was edited or replaced.", file, 1, 1);
                }

                total += part.GetProperty("rows").GetInt64();
                parts++;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new SynthKitException(FixtureErrorCodes.MalformedManifest, $"The dataset manifest cannot be read: {ex.Message}", path, 1, 1);
        }

        if (total != rows)
        {
            throw new SynthKitException(FixtureErrorCodes.Tampered, $"The parts hold {total:N0} rows, but the dataset manifest says {rows:N0}.", path, 1, 1);
        }

        return parts;
    }

    /// <summary>A file's SHA-256, streamed: parts are large, and verifying one must not hold it in memory.</summary>
    private static string HashOf(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>Rewrites the dataset manifest from the layout and the parts' own manifests, holding a lock on the directory.</summary>
    private static string UpdateManifest(ISynthesizer synthesizer, string directory, ShardLayout layout, FixtureFormat format)
    {
        string path = Path.Combine(directory, ShardLayout.ManifestName);
        using var held = Lock(Path.Combine(directory, ".dataset.lock"));
        AtomicFile.WriteIfChanged(path, Describe(synthesizer, directory, layout, format));
        return path;
    }

    private static byte[] Describe(ISynthesizer synthesizer, string directory, ShardLayout layout, FixtureFormat format)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("manifestVersion", ManifestVersion);
            FixtureManifest.WriteOrigin(json, synthesizer);
            json.WriteStartObject("generation");
            json.WriteNumber("seed", synthesizer.Seed);
            json.WriteNumber("start", layout.Start);
            json.WriteNumber("rows", layout.Rows);
            json.WriteNumber("shards", layout.Shards);
            json.WriteString("format", FixtureSpec.NameOf(format));
            json.WriteEndObject();
            FixtureManifest.WriteModelSummaries(json, synthesizer);
            json.WriteStartArray("parts");
            for (int shard = 0; shard < layout.Shards; shard++)
            {
                var (start, rows) = layout.Part(shard);
                string file = layout.FileName(shard, format);
                json.WriteStartObject();
                json.WriteString("file", file);
                json.WriteNumber("start", start);
                json.WriteNumber("rows", rows);
                var written = Written(Path.Combine(directory, file), synthesizer, start, rows);
                if (written is { } part)
                {
                    json.WriteString("sha256", part.Sha256);
                    json.WriteNumber("bytes", part.Bytes);
                }
                else
                {
                    json.WriteNull("sha256");
                    json.WriteNull("bytes");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The part's manifest when it describes exactly this part of this dataset; otherwise null (not yet written, or another dataset's).</summary>
    private static FixtureManifest? Written(string file, ISynthesizer synthesizer, long start, int rows)
    {
        string manifest = FixtureManifest.PathFor(file);
        if (!File.Exists(manifest) || !File.Exists(file))
        {
            return null;
        }

        try
        {
            var part = FixtureManifest.Parse(File.ReadAllBytes(manifest), manifest);
            return part.Seed == synthesizer.Seed && part.Start == start && part.Rows == rows && part.Fingerprint == synthesizer.Schema.Fingerprint ? part : null;
        }
        catch (SynthKitException)
        {
            return null;
        }
    }

    /// <summary>An exclusive lock on a file, waited for (another shard holds it only while it rewrites the manifest).</summary>
    private static FileStream Lock(string path)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 3_000)
            {
                Thread.Sleep(20);
            }
        }
    }
}
