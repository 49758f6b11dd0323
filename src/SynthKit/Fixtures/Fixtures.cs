using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;

namespace SynthKit.Fixtures;

/// <summary>The codes of build-time fixture errors (SK5xxx; see <c>docs/diagnostics</c>).</summary>
public static class FixtureErrorCodes
{
    /// <summary>A fixture or its manifest is missing (Verify mode).</summary>
    public const string Missing = "SK5001";

    /// <summary>A fixture no longer matches what its schema generates: fingerprint, settings, provenance or bytes changed.</summary>
    public const string Stale = "SK5002";

    /// <summary>A fixture's bytes no longer match its manifest's SHA-256: it was edited by hand.</summary>
    public const string Tampered = "SK5003";

    /// <summary>No synthesizer for the named schema in the assembly.</summary>
    public const string UnknownSchema = "SK5004";

    /// <summary>A fixture item's settings are invalid (rows, seed, format, path).</summary>
    public const string InvalidItem = "SK5005";

    /// <summary>A fixture or manifest could not be written or read.</summary>
    public const string IoFailure = "SK5006";

    /// <summary>A manifest is malformed.</summary>
    public const string MalformedManifest = "SK5007";

    /// <summary>The host could not load the assembly or its synthesizers.</summary>
    public const string HostFailure = "SK5008";

    /// <summary>Fixtures of related tables do not hold together: a child's foreign keys name parent rows its parent's fixture lacks.</summary>
    public const string RelatedFixtures = "SK5009";
}

/// <summary>A fixture file's format.</summary>
public enum FixtureFormat
{
    /// <summary>RFC 4180 CSV.</summary>
    Csv,

    /// <summary>JSON Lines.</summary>
    JsonLines,

    /// <summary>Apache Parquet (<see cref="ParquetFiles"/>).</summary>
    Parquet,
}

/// <summary>How a fixture is made: where it goes, from which rows of which seed, in which format.</summary>
public sealed record FixtureSpec
{
    /// <summary>Describes a fixture; the format follows from the extension unless given.</summary>
    /// <param name="path">The fixture's path.</param>
    /// <param name="rows">The number of rows; not negative.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="format">The format; by default from the extension (<c>.csv</c>, <c>.jsonl</c>, <c>.ndjson</c>).</param>
    /// <param name="start">The first row index.</param>
    /// <exception cref="SynthKitException">SK5005: a negative row count or start, or an extension that names no format.</exception>
    public FixtureSpec(string path, int rows, long seed, FixtureFormat? format = null, long start = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (rows < 0 || start < 0)
        {
            throw new SynthKitException(FixtureErrorCodes.InvalidItem, $"Fixture '{path}': rows and start must not be negative (rows {rows}, start {start}).");
        }

        Path = path;
        Rows = rows;
        Seed = seed;
        Start = start;
        Format = format ?? FormatOf(path);
    }

    /// <summary>The fixture's path.</summary>
    public string Path { get; }

    /// <summary>The number of rows.</summary>
    public int Rows { get; }

    /// <summary>The seed.</summary>
    public long Seed { get; }

    /// <summary>The first row index.</summary>
    public long Start { get; }

    /// <summary>The format.</summary>
    public FixtureFormat Format { get; }

    /// <summary>
    /// Threads to make the rows with (default 1; 0 or −1: every core). The bytes are the same whatever it is, so it is not
    /// a generation setting and no manifest records it.
    /// </summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>The format a path's extension names.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The format.</returns>
    /// <exception cref="SynthKitException">SK5005: the extension names no format.</exception>
    public static FixtureFormat FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".csv" => FixtureFormat.Csv,
        ".jsonl" or ".ndjson" => FixtureFormat.JsonLines,
        ".parquet" => FixtureFormat.Parquet,
        var other => throw new SynthKitException(FixtureErrorCodes.InvalidItem, $"Fixture '{path}': the extension '{other}' names no format; use .csv, .jsonl, .ndjson or .parquet, or say Format=\"csv\", \"jsonl\" or \"parquet\"."),
    };

    /// <summary>The format's name in manifests: <c>csv</c>, <c>jsonl</c> or <c>parquet</c>.</summary>
    internal static string NameOf(FixtureFormat format) => format switch
    {
        FixtureFormat.Csv => "csv",
        FixtureFormat.Parquet => "parquet",
        _ => "jsonl",
    };

    /// <summary>The format a manifest's name stands for.</summary>
    internal static FixtureFormat FromName(string name) => name switch
    {
        "csv" => FixtureFormat.Csv,
        "parquet" => FixtureFormat.Parquet,
        _ => FixtureFormat.JsonLines,
    };
}

/// <summary>What happened to a fixture.</summary>
public enum FixtureStatus
{
    /// <summary>The fixture and its manifest already held exactly these bytes; nothing was written.</summary>
    UpToDate,

    /// <summary>The fixture or its manifest was written.</summary>
    Written,

    /// <summary>Verify mode: the fixture, its manifest and the schema agree.</summary>
    Verified,
}

/// <summary>The outcome of updating or verifying one fixture.</summary>
/// <param name="Path">The fixture's path.</param>
/// <param name="Status">What happened.</param>
/// <param name="Bytes">The fixture's length.</param>
public sealed record FixtureOutcome(string Path, FixtureStatus Status, long Bytes);

/// <summary>
/// Build-time fixtures: render a synthesizer's rows to a file with its manifest, update them only when their bytes
/// change (atomically: a temporary file, then a rename), or verify that they still match their schema and manifest.
/// </summary>
public static class FixtureFiles
{
    /// <summary>The bytes a fixture holds.</summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <param name="spec">The fixture's settings.</param>
    /// <returns>The file's bytes.</returns>
    public static byte[] Render(ISynthesizer synthesizer, FixtureSpec spec)
    {
        using var buffer = new MemoryStream();
        RenderTo(buffer, synthesizer, spec);
        return buffer.ToArray();
    }

    /// <summary>Writes a fixture's bytes to a stream in blocks, stopping between blocks when cancelled.</summary>
    /// <param name="destination">Where to write; left open.</param>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <param name="spec">The fixture's settings.</param>
    /// <param name="progress">Receives the number of rows written after each block, or null.</param>
    /// <param name="cancellationToken">Stops the rendering (with <see cref="OperationCanceledException"/>) between blocks.</param>
    public static void RenderTo(Stream destination, ISynthesizer synthesizer, FixtureSpec spec, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentNullException.ThrowIfNull(spec);
        cancellationToken.ThrowIfCancellationRequested();

        // Blocks are slices of one sequence, so they concatenate to exactly the single-call bytes (CSV blocks after the
        // first drop their header row), on one thread or on spec.Parallelism.
        if (spec.Format == FixtureFormat.Parquet)
        {
            ParquetFiles.Write(synthesizer, destination, spec.Start, spec.Rows, spec.Parallelism, progress, cancellationToken);
        }
        else
        {
            ParallelWriting.Write(synthesizer, destination, spec.Start, spec.Rows, spec.Parallelism, spec.Format == FixtureFormat.Csv, progress, cancellationToken);
        }
    }

    /// <summary>
    /// Regenerates a fixture and its manifest, writing each only if its bytes would change (so version control sees no
    /// churn and timestamps stay). Writes stream to a temporary file in the same directory that is then renamed into
    /// place, so a failed or cancelled run never leaves a half-written fixture or deletes a good one; cancelling stops
    /// between blocks of rows, deletes the temporary file and leaves the old fixture and manifest as they were.
    /// </summary>
    /// <param name="synthesizer">The synthesizer, created with <paramref name="spec"/>'s seed.</param>
    /// <param name="spec">The fixture's settings.</param>
    /// <param name="progress">Receives the number of rows written after each block, or null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>What happened.</returns>
    /// <exception cref="SynthKitException">SK5006: the fixture or manifest could not be written.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled; nothing was written.</exception>
    public static FixtureOutcome Update(ISynthesizer synthesizer, FixtureSpec spec, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentNullException.ThrowIfNull(spec);
        string? hash = null;
        long length = 0;
        bool wrote = AtomicFile.WriteIfChanged(spec.Path, stream =>
        {
            using var hashing = new HashingStream(stream);
            RenderTo(hashing, synthesizer, spec, progress, cancellationToken);
            (hash, length) = (hashing.HexHash(), hashing.Length);
        });
        byte[] manifest = FixtureManifest.Describe(synthesizer.Schema, spec, hash!, length, FixtureManifest.Version, FixtureManifest.ModelsOf(synthesizer), Provenance.Watermark.Of(synthesizer), Provenance.Disclosure.NameOf(synthesizer), FixtureManifest.LocaleOf(synthesizer)).ToJson();
        wrote |= AtomicFile.WriteIfChanged(FixtureManifest.PathFor(spec.Path), manifest);
        return new FixtureOutcome(spec.Path, wrote ? FixtureStatus.Written : FixtureStatus.UpToDate, length);
    }

    /// <summary>
    /// Checks a fixture against its manifest and, when a synthesizer is given, against what its schema generates now.
    /// Nothing is written.
    /// </summary>
    /// <param name="path">The fixture's path.</param>
    /// <param name="synthesizer">The synthesizer, created with <paramref name="spec"/>'s seed; null checks only the content hash.</param>
    /// <param name="spec">The expected settings; null takes them from the manifest.</param>
    /// <returns>The outcome (always <see cref="FixtureStatus.Verified"/>).</returns>
    /// <exception cref="SynthKitException">
    /// SK5001 missing, SK5003 tampered, SK5002 stale (each with the position of the problem and the command that fixes
    /// it), SK5007 a malformed manifest.
    /// </exception>
    public static FixtureOutcome Verify(string path, ISynthesizer? synthesizer = null, FixtureSpec? spec = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string manifestPath = FixtureManifest.PathFor(path);
        if (Directory.Exists(path))
        {
            throw new SynthKitException(FixtureErrorCodes.Missing, $"'{path}' is a directory, not a fixture; name the fixture files to verify.", path);
        }

        if (!File.Exists(path))
        {
            throw new SynthKitException(FixtureErrorCodes.Missing, $"The fixture '{Path.GetFileName(path)}' does not exist. {Remedy}", path);
        }

        if (!File.Exists(manifestPath))
        {
            throw new SynthKitException(FixtureErrorCodes.Missing, $"The fixture '{Path.GetFileName(path)}' has no manifest ('{Path.GetFileName(manifestPath)}'), so nothing says how it was made. {Remedy}", path, 1, 1);
        }

        byte[] content = Read(path);
        byte[] manifestBytes = Read(manifestPath);
        var manifest = FixtureManifest.Parse(manifestBytes, manifestPath);
        string actualHash = FixtureManifest.Hash(content);

        // Before rendering anything from the manifest, check it is plausible for this file: every record ends with a
        // line break, so the file holds at least as many as the manifest's rows (plus CSV's header). A manifest that
        // claims millions of rows for a small file was edited, and rendering its rows would cost time and memory.
        // A Parquet file states its rows in its footer instead.
        long lineBreaks = manifest.Format == "parquet" ? ParquetRows(content) : content.AsSpan().Count((byte)'\n');
        long records = (long)manifest.Rows + (manifest.Format == "csv" ? 1 : 0);
        bool plausible = lineBreaks >= records && (manifest.Format == "csv" || lineBreaks == records);
        bool hashMatches = string.Equals(actualHash, manifest.Sha256, StringComparison.OrdinalIgnoreCase) && content.Length == manifest.Bytes;

        byte[]? expected = null;
        if (synthesizer is not null && plausible)
        {
            spec ??= new FixtureSpec(path, manifest.Rows, manifest.Seed, FixtureSpec.FromName(manifest.Format), manifest.Start);
            expected = Render(synthesizer, spec);
        }

        if (!hashMatches)
        {
            var (line, column) = expected is not null && FixtureManifest.Hash(expected) == manifest.Sha256 ? Where(manifest.Format, content, expected) : (1, 1);
            throw new SynthKitException(
                FixtureErrorCodes.Tampered,
                $"The fixture's bytes no longer match its manifest (SHA-256 {Short(actualHash)}, manifest says {Short(manifest.Sha256)}): it was edited by hand. Fixtures are build outputs; change the schema instead. {Remedy}",
                path,
                line,
                column);
        }

        if (!plausible)
        {
            throw new SynthKitException(
                FixtureErrorCodes.Tampered,
                $"The manifest says the fixture holds {manifest.Rows:N0} rows, but the file has {lineBreaks:N0} {(manifest.Format == "parquet" ? "row(s)" : "line(s)")}: the file and its manifest were edited by hand. {Remedy}",
                manifestPath,
                1,
                1);
        }

        if (synthesizer is null || spec is null || expected is null)
        {
            return new FixtureOutcome(path, FixtureStatus.Verified, content.Length);
        }

        var schema = synthesizer.Schema;
        string? change =
            manifest.Fingerprint != schema.Fingerprint ? $"the schema '{schema.Name}' changed (fingerprint {Short(manifest.Fingerprint)} → {Short(schema.Fingerprint)})"
            : ModelChange(manifest, synthesizer) is { } model ? model
            : manifest.Locale != FixtureManifest.LocaleOf(synthesizer) ? $"the locale changed ({manifest.Locale} → {FixtureManifest.LocaleOf(synthesizer)})"
            : manifest.Seed != spec.Seed ? $"the seed changed ({manifest.Seed} → {spec.Seed})"
            : manifest.Rows != spec.Rows ? $"the row count changed ({manifest.Rows} → {spec.Rows})"
            : manifest.Start != spec.Start ? $"the first row changed ({manifest.Start} → {spec.Start})"
            : manifest.Format != FixtureSpec.NameOf(spec.Format) ? $"the format changed ({manifest.Format} → {FixtureSpec.NameOf(spec.Format)})"
            : !content.AsSpan().SequenceEqual(expected) && manifest.SynthKitVersion != FixtureManifest.Version ? $"SynthKit {FixtureManifest.Version} generates different bytes than SynthKit {manifest.SynthKitVersion} did"
            : null;
        if (change is null && !content.AsSpan().SequenceEqual(expected))
        {
            // Same schema, settings and SynthKit version, yet other bytes, though they match the manifest's hash: the
            // file and the manifest's sha256 were edited together.
            var (tamperedLine, tamperedColumn) = Where(manifest.Format, content, expected);
            throw new SynthKitException(
                FixtureErrorCodes.Tampered,
                $"The fixture differs from what its schema and settings generate although it matches its manifest's SHA-256: the file and its manifest were edited together. Fixtures are build outputs; change the schema instead. {Remedy}",
                path,
                tamperedLine,
                tamperedColumn);
        }

        if (change is not null)
        {
            var (line, column) = content.AsSpan().SequenceEqual(expected) ? (1, 1) : Where(manifest.Format, content, expected);
            throw new SynthKitException(FixtureErrorCodes.Stale, $"The fixture is stale: {change}. {Remedy}", path, line, column);
        }

        // A manifest written by another SynthKit version still holds when everything else agrees: upgrading SynthKit
        // alone must not fail CI when the bytes it generates did not change.
        // Compared as content, not bytes: line endings, indentation or the case of hex digits are not a change.
        var described = FixtureManifest.Describe(schema, spec, FixtureManifest.Hash(expected), expected.Length, manifest.SynthKitVersion, FixtureManifest.ModelsOf(synthesizer), Provenance.Watermark.Of(synthesizer), Provenance.Disclosure.NameOf(synthesizer), FixtureManifest.LocaleOf(synthesizer));
        byte[] expectedManifest = described.ToJson();
        if (!manifest.ToJson().AsSpan().SequenceEqual(expectedManifest) && !manifestBytes.AsSpan().SequenceEqual(expectedManifest))
        {
            string what = manifest.File != described.File
                ? $"it names the fixture '{manifest.File}', but the file is '{described.File}' (was it renamed?)"
                : !manifest.Models.Select(m => string.Join(";", m.Details)).SequenceEqual(described.Models.Select(m => string.Join(";", m.Details))) ? "how the model is sampled (its conditions, rebalancing or boost) changed since it was written"
                : "the schema's provenance or privacy marks changed since it was written";
            throw new SynthKitException(FixtureErrorCodes.Stale, $"The manifest is stale: {what}. {Remedy}", manifestPath, 1, 1);
        }

        return new FixtureOutcome(path, FixtureStatus.Verified, content.Length);
    }

    /// <summary>The one command that brings fixtures up to date.</summary>
    public const string Remedy = "Run 'dotnet build -p:SynthFixtureMode=Update' to regenerate it, and commit the result.";

    /// <summary>The 1-based line and column of the first byte where two files differ.</summary>
    /// <param name="actual">The file's bytes.</param>
    /// <param name="expected">The expected bytes.</param>
    /// <returns>The position in <paramref name="actual"/>.</returns>
    public static (int Line, int Column) FirstDifference(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected)
        => FirstTextDifference(actual, expected);

    /// <summary>The position of the first difference for a text format; a binary format (Parquet) has no lines, so its start.</summary>
    private static (int Line, int Column) Where(string format, byte[] actual, byte[] expected) =>
        format == "parquet" ? (1, 1) : FirstTextDifference(actual, expected);

    /// <summary>A Parquet file's row count from its footer, or −1 when it has none.</summary>
    private static long ParquetRows(byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        return ParquetFiles.RowCountOf(stream) ?? -1;
    }

    private static (int Line, int Column) FirstTextDifference(ReadOnlySpan<byte> actual, ReadOnlySpan<byte> expected)
    {
        int common = actual.CommonPrefixLength(expected);
        var prefix = actual.Slice(0, common);
        int line = 1 + prefix.Count((byte)'\n');
        int lastNewline = prefix.LastIndexOf((byte)'\n');
        int column = 1 + System.Text.Encoding.UTF8.GetCharCount(prefix.Slice(lastNewline + 1));
        return (line, column);
    }

    private static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SynthKitException(FixtureErrorCodes.IoFailure, $"Cannot read '{path}': {ex.Message}", path, innerException: ex);
        }
    }

    /// <summary>How the models drawing the columns differ from those the manifest records, or null when they do not.</summary>
    private static string? ModelChange(FixtureManifest manifest, ISynthesizer synthesizer)
    {
        var now = FixtureManifest.ModelsOf(synthesizer);
        string Shas(IReadOnlyList<ColumnModelInfo> models) => string.Join(", ", models.Select(m => $"{m.Kind} {Short(m.Sha256 ?? "-")}"));
        return now.Count == manifest.Models.Count && now.Zip(manifest.Models).All(p => p.First.Key == p.Second.Key && p.First.Sha256 == p.Second.Sha256)
            ? null
            : $"the model changed ({(manifest.Models.Count == 0 ? "none" : Shas(manifest.Models))} → {(now.Count == 0 ? "none" : Shas(now))})";
    }

    private static string Short(string hash) => hash.Length > 12 ? hash.Substring(0, 12) : hash;
}

/// <summary>Writes files so that a reader sees the old bytes or the new ones, never a mixture.</summary>
public static class AtomicFile
{
    private const string TemporarySuffix = ".synthkit-tmp";

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/> unless the file already holds exactly these bytes,
    /// through a temporary file in the same directory renamed into place. Temporary files left by an earlier, killed
    /// run are removed first.
    /// </summary>
    /// <param name="path">The destination.</param>
    /// <param name="content">The bytes.</param>
    /// <returns>Whether the file was written.</returns>
    /// <exception cref="SynthKitException">SK5006: the file could not be written.</exception>
    public static bool WriteIfChanged(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return WriteIfChanged(path, stream => stream.Write(content));
    }

    /// <summary>
    /// Streams new content into a temporary file beside <paramref name="path"/>, then renames it into place unless the
    /// existing file already holds exactly the same bytes (then the temporary file is deleted and the file untouched).
    /// </summary>
    /// <param name="path">The destination.</param>
    /// <param name="write">Writes the content.</param>
    /// <returns>Whether the file was written.</returns>
    /// <exception cref="SynthKitException">SK5006: the file could not be written.</exception>
    public static bool WriteIfChanged(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        string temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + TemporarySuffix);
        try
        {
            Directory.CreateDirectory(directory);
            RemoveLeftovers(directory, Path.GetFileName(full));
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            if (SameContent(temporary, full))
            {
                File.Delete(temporary);
                return false;
            }

            // A read-only fixture is someone's decision to keep it; replacing it (and silently making it writable) is not.
            if (File.Exists(full) && File.GetAttributes(full).HasFlag(FileAttributes.ReadOnly))
            {
                File.Delete(temporary);
                throw new SynthKitException(FixtureErrorCodes.IoFailure, $"'{Path.GetFileName(full)}' is read-only and its content would change; make it writable to regenerate it.", path, 1, 1);
            }

            File.Move(temporary, full, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(temporary);
            throw new SynthKitException(FixtureErrorCodes.IoFailure, $"Cannot write '{path}': {ex.Message}", path, innerException: ex);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static bool SameContent(string a, string b)
    {
        if (!File.Exists(b) || new FileInfo(a).Length != new FileInfo(b).Length)
        {
            return false;
        }

        using var left = File.OpenRead(a);
        using var right = File.OpenRead(b);
        byte[] x = new byte[1 << 16];
        byte[] y = new byte[1 << 16];
        while (true)
        {
            int n = left.ReadAtLeast(x, x.Length, throwOnEndOfStream: false);
            int m = right.ReadAtLeast(y, y.Length, throwOnEndOfStream: false);
            if (n != m || !x.AsSpan(0, n).SequenceEqual(y.AsSpan(0, m)))
            {
                return false;
            }

            if (n == 0)
            {
                return true;
            }
        }
    }

    private static void RemoveLeftovers(string directory, string fileName)
    {
        foreach (var leftover in Directory.EnumerateFiles(directory, "." + fileName + ".*" + TemporarySuffix))
        {
            // A writer holds its temporary file open with FileShare.None (a lock other processes see); only a file
            // nobody holds was left by a killed run. Deleting a live one would break a concurrent run's rename.
            try
            {
                using (new FileStream(leftover, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            TryDelete(leftover);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>A write-only stream that passes bytes through and hashes them (SHA-256).</summary>
internal sealed class HashingStream : Stream
{
    private readonly Stream _inner;
    private readonly System.Security.Cryptography.IncrementalHash _hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
    private long _length;

    public HashingStream(Stream inner) => _inner = inner;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public string HexHash() => Convert.ToHexString(_hash.GetHashAndReset()).ToLowerInvariant();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _inner.Write(buffer);
        _length += buffer.Length;
    }

    public override void Flush() => _inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
