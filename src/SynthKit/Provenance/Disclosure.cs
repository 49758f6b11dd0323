using System;
using System.IO;
using System.Text;

namespace SynthKit.Provenance;

/// <summary>How a file says it is synthetic inside itself, for consumers that drop the manifest beside it.</summary>
public enum DisclosureKind
{
    /// <summary>Only the manifest beside the file (always written).</summary>
    Manifest = 0,

    /// <summary>A last column <c>synthetic</c>, <c>true</c> in every row (CSV and JSON Lines).</summary>
    Column,

    /// <summary>A first line <c># synthetic data …</c> before the CSV header (readers such as pandas take <c>comment='#'</c>; SynthKit's own readers skip it).</summary>
    Comment,
}

/// <summary>Disclosure inside the data: a <see cref="DisclosureKind.Column"/> or a <see cref="DisclosureKind.Comment"/>, on top of the manifest every file gets.</summary>
public static class Disclosure
{
    /// <summary>The name of the disclosure column.</summary>
    public const string ColumnName = "synthetic";

    /// <summary>The start of the disclosure comment line.</summary>
    public const string CommentPrefix = "# synthetic data";

    /// <summary>A synthesizer whose CSV and JSON Lines carry the disclosure (typed columns, Parquet and databases do not: their manifests disclose them).</summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <param name="kind">How to disclose; <see cref="DisclosureKind.Manifest"/> returns <paramref name="synthesizer"/>.</param>
    /// <returns>The disclosing synthesizer.</returns>
    public static ISynthesizer Disclose(ISynthesizer synthesizer, DisclosureKind kind)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        return kind == DisclosureKind.Manifest ? synthesizer : new Disclosed(synthesizer, kind);
    }

    /// <summary>How a synthesizer discloses itself inside its files.</summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <returns>The kind.</returns>
    public static DisclosureKind Of(ISynthesizer synthesizer) => Decorators.Find<Disclosed>(synthesizer)?.Kind ?? DisclosureKind.Manifest;

    /// <summary>Steps over the disclosure comment before the header of a seekable input (readers that are not SynthKit's take <c>comment='#'</c>).</summary>
    internal static void SkipComment(Stream source)
    {
        if (!source.CanSeek)
        {
            return;
        }

        long start = source.Position;
        ReadOnlySpan<byte> prefix = "# synthetic data"u8;
        Span<byte> head = stackalloc byte[16];
        int read = source.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read < prefix.Length || !head.SequenceEqual(prefix))
        {
            source.Position = start;
            return;
        }

        int b;
        do
        {
            b = source.ReadByte();
        }
        while (b >= 0 && b != '\n');
    }

    /// <summary>The lines before the first row of a CSV block (the header, and the comment when there is one).</summary>
    internal static int CsvPreambleLines(ISynthesizer synthesizer) => Of(synthesizer) == DisclosureKind.Comment ? 2 : 1;

    internal static string Comment => $"{CommentPrefix} made by SynthKit {Fixtures.FixtureManifest.Version} - no row describes a real person or event - the manifest beside this file (*{Fixtures.FixtureManifest.Suffix}) says what made it";

    /// <summary>The name manifests record (<c>column</c>, <c>comment</c>), or null for the manifest alone.</summary>
    internal static string? NameOf(ISynthesizer synthesizer) => Of(synthesizer) switch
    {
        DisclosureKind.Column => "column",
        DisclosureKind.Comment => "comment",
        _ => null,
    };

    private sealed class Disclosed(ISynthesizer inner, DisclosureKind kind) : ISynthesizer, IDecorator
    {
        public ISynthesizer Inner { get; } = inner;

        public DisclosureKind Kind { get; } = kind;

        public long Seed => Inner.Seed;

        public SchemaDescription Schema => Inner.Schema;

        public TableSpec Spec => Inner.Spec;

        public Type? RowType => null;

        public void Fill(ColumnBatch batch, long start, int count) => Inner.Fill(batch, start, count);

        public void WriteCsv(Stream destination, long start, int count)
        {
            ArgumentNullException.ThrowIfNull(destination);
            if (Kind == DisclosureKind.Comment)
            {
                destination.Write(Encoding.UTF8.GetBytes(Comment + "\n"));
                Inner.WriteCsv(destination, start, count);
                return;
            }

            // The inner file, read back field by field and written again with one more field: quoting stays RFC 4180.
            using var buffer = new MemoryStream();
            Inner.WriteCsv(buffer, start, count);
            buffer.Position = 0;
            using var reader = new IO.CsvReader(buffer);
            reader.ReadHeader(Array.Empty<string>());
            int fields = reader.Header.Count;
            using var writer = new IO.CsvWriter(destination);
            foreach (string name in reader.Header)
            {
                writer.Write(name);
            }

            writer.Write(ColumnName);
            writer.EndRow();
            while (reader.ReadRecord())
            {
                for (int i = 0; i < fields; i++)
                {
                    if (reader.IsNull(i))
                    {
                        writer.WriteNull();
                    }
                    else
                    {
                        writer.Write(new string(reader.Span(i)));
                    }
                }

                writer.Write(true);
                writer.EndRow();
            }
        }

        public void WriteJsonLines(Stream destination, long start, int count)
        {
            ArgumentNullException.ThrowIfNull(destination);
            if (Kind == DisclosureKind.Comment)
            {
                throw new SynthKitException(ProvenanceErrorCodes.Watermark, "JSON Lines has no comments: disclose it with a column (--disclose column) or by its manifest.");
            }

            using var buffer = new MemoryStream();
            Inner.WriteJsonLines(buffer, start, count);
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            ReadOnlySpan<byte> field = ",\"synthetic\":true}\n"u8;
            while (bytes.Length > 0)
            {
                int end = bytes.IndexOf((byte)'\n');
                var line = end < 0 ? bytes : bytes[..end];
                if (line.Length > 1 && line[^1] == (byte)'}')
                {
                    destination.Write(line[..^1]);
                    destination.Write(line.Length == 2 ? "\"synthetic\":true}\n"u8 : field);
                }
                else
                {
                    destination.Write(line);
                    destination.WriteByte((byte)'\n');
                }

                bytes = end < 0 ? [] : bytes[(end + 1)..];
            }
        }
    }
}

/// <summary>A synthesizer that adds something to another's rows or files (watermark, disclosure).</summary>
internal interface IDecorator
{
    ISynthesizer Inner { get; }
}

internal static class Decorators
{
    public static T? Find<T>(ISynthesizer synthesizer)
        where T : class
    {
        for (ISynthesizer? s = synthesizer; s is not null; s = (s as IDecorator)?.Inner)
        {
            if (s is T found)
            {
                return found;
            }
        }

        return null;
    }

    public static ISynthesizer Innermost(ISynthesizer synthesizer)
    {
        while (synthesizer is IDecorator d)
        {
            synthesizer = d.Inner;
        }

        return synthesizer;
    }
}
