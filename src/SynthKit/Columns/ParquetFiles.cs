using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace SynthKit;

/// <summary>
/// Parquet files from any synthesizer or batch, and back into columns (through Parquet.Net, a fully managed
/// implementation). Every column keeps its type: integers of each width and sign, <c>FLOAT</c> / <c>DOUBLE</c>,
/// <c>DECIMAL(38, 18)</c>, <c>DATE</c>, <c>TIMESTAMP</c> and <c>TIME</c> in microseconds, <c>UUID</c>, UTF-8 strings
/// (dictionary-encoded where values repeat, as categorical columns do), nulls as definition levels. The file's metadata
/// carries the column spec under <see cref="SpecKey"/>, so reading it back needs nothing else.
/// </summary>
/// <remarks>
/// Row groups hold <see cref="RowGroupRows"/> rows counted from the first row written; they are made on up to
/// <c>degreeOfParallelism</c> threads while the calling thread encodes the previous ones, and written in order, so the
/// bytes are the same whatever the thread count. Timestamps, times and durations keep whole microseconds (SynthKit's
/// rules draw whole seconds); a <see cref="DateTimeOffset"/> is stored as its UTC instant.
/// </remarks>
public static class ParquetFiles
{
    /// <summary>Rows per row group.</summary>
    public const int RowGroupRows = 131_072;

    /// <summary>The key of the file metadata entry that holds the column spec (JSON).</summary>
    public const string SpecKey = "synthkit.spec";

    private const int DecimalPrecision = 38;
    private const int DecimalScale = 18;
    private static readonly decimal s_decimalLimit = 100_000_000_000_000_000_000m; // 10^20: DECIMAL(38, 18) holds less
    private static readonly long s_epochTicks = DateTime.UnixEpoch.Ticks;

    /// <summary>
    /// Writes rows <c>start … start + count − 1</c> as one Parquet file, making row groups on up to
    /// <paramref name="degreeOfParallelism"/> threads. The bytes do not depend on the thread count.
    /// </summary>
    /// <param name="synthesizer">Any synthesizer (generated, spec-driven, with models).</param>
    /// <param name="destination">The stream; left open.</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <param name="degreeOfParallelism">Threads that make rows; 1 makes them on the calling thread, 0 or −1 uses every core.</param>
    /// <param name="cancellationToken">Stops between row groups.</param>
    /// <exception cref="SynthKitException">SK7001: a value the column's Parquet type cannot hold.</exception>
    public static void WriteParquet(this ISynthesizer synthesizer, Stream destination, long start, int count, int degreeOfParallelism = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        Write(synthesizer, destination, start, count, degreeOfParallelism, null, cancellationToken);
    }

    /// <summary>Writes a batch's rows as one Parquet file (row groups of <see cref="RowGroupRows"/> rows).</summary>
    /// <param name="batch">The rows.</param>
    /// <param name="destination">The stream; left open.</param>
    /// <exception cref="SynthKitException">SK7001: a value the column's Parquet type cannot hold.</exception>
    public static void WriteParquet(this ColumnBatch batch, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(destination);
        var layout = new Layout(batch.Spec);
        Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(layout.Schema, new NonClosing(destination), layout.Options).ConfigureAwait(false);
            writer.CustomMetadata = layout.Metadata;
            var encoded = new EncodedGroup(layout);
            int first = 0;
            do
            {
                // An empty batch still writes one (empty) row group, as an empty synthesizer range does.
                encoded.Encode(batch, first, Math.Min(RowGroupRows, batch.RowCount - first));
                await encoded.WriteAsync(writer, default).ConfigureAwait(false);
                first += RowGroupRows;
            }
            while (first < batch.RowCount);
        });
    }

    /// <summary>Reads a Parquet file into columns under the spec it carries (<see cref="SpecKey"/>), or one made from its Parquet schema.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="SynthKitException">SK7002: not a Parquet file.</exception>
    public static ColumnBatch ReadParquet(string path) => ReadParquet(path, null);

    /// <summary>Reads a Parquet file into columns.</summary>
    /// <param name="path">The file.</param>
    /// <param name="spec">The table to read; null takes the spec the file carries (<see cref="SpecKey"/>), or one made from its Parquet schema.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="SynthKitException">SK7002: not a Parquet file, or one whose columns do not fit the spec; SK4004 a column the spec needs is missing.</exception>
    public static ColumnBatch ReadParquet(string path, TableSpec? spec)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = File.OpenRead(path);
        return ReadParquet(stream, spec, path);
    }

    /// <summary>Reads a Parquet stream into columns.</summary>
    /// <param name="source">A seekable stream; left open.</param>
    /// <param name="spec">The table to read; null takes the spec the file carries, or one made from its Parquet schema.</param>
    /// <param name="path">The file's path, for messages; or null.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="SynthKitException">SK7002: not a Parquet file, or one whose columns do not fit the spec; SK4004 a column the spec needs is missing.</exception>
    public static ColumnBatch ReadParquet(Stream source, TableSpec? spec, string? path)
    {
        ArgumentNullException.ThrowIfNull(source);
        ColumnBatch? result = null;
        Guard(() => Run(async () => result = await ReadAsync(source, spec, path).ConfigureAwait(false)), path);
        return result!;
    }

    /// <summary>The number of rows a Parquet file's footer states, without reading its columns.</summary>
    /// <param name="source">A seekable stream; left open.</param>
    /// <returns>The row count, or null when the stream is not a readable Parquet file.</returns>
    internal static long? RowCountOf(Stream source)
    {
        try
        {
            long rows = 0;
            Run(async () =>
            {
                await using var reader = await ParquetReader.CreateAsync(source, null, leaveStreamOpen: true).ConfigureAwait(false);
                rows = reader.Metadata?.NumRows ?? 0;
            });
            return rows;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The writer behind the API and fixtures: row groups made ahead on the thread pool, encoded and written in order.</summary>
    internal static void Write(ISynthesizer synthesizer, Stream destination, long start, int count, int degreeOfParallelism, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        SynthesizerChecks.Range(start, count);
        cancellationToken.ThrowIfCancellationRequested();
        int threads = degreeOfParallelism <= 0 ? Environment.ProcessorCount : degreeOfParallelism;
        int groups = Math.Max(1, (int)((count + (long)RowGroupRows - 1) / RowGroupRows));
        var layout = new Layout(synthesizer.Spec);
        Run(async () =>
        {
            await using var writer = await ParquetWriter.CreateAsync(layout.Schema, new NonClosing(destination), layout.Options, cancellationToken: cancellationToken).ConfigureAwait(false);
            writer.CustomMetadata = layout.Metadata;

            // A ring of slots: slot g % ring makes group g (fill + encode) while the calling thread writes earlier groups.
            int ring = threads == 1 ? 1 : threads + 1;
            var slots = new Slot[ring];
            var pending = new Task[ring];
            for (int i = 0; i < ring; i++)
            {
                slots[i] = new Slot(synthesizer.Spec, layout, Math.Min(RowGroupRows, Math.Max(1, count)));
            }

            Task Make(int group)
            {
                long from = start + ((long)group * RowGroupRows);
                int rows = (int)Math.Min(RowGroupRows, count - ((long)group * RowGroupRows));
                var slot = slots[group % ring];
                return threads == 1 ? slot.Make(synthesizer, from, rows) : Task.Run(() => slot.Make(synthesizer, from, rows), cancellationToken);
            }

            int ahead = threads == 1 ? 0 : Math.Min(groups, ring - 1);
            for (int g = 0; g < ahead; g++)
            {
                pending[g % ring] = Make(g);
            }

            for (int g = 0; g < groups; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (threads == 1)
                {
                    await Make(g).ConfigureAwait(false);
                }
                else
                {
                    await pending[g % ring].ConfigureAwait(false);
                }

                await slots[g % ring].Encoded.WriteAsync(writer, cancellationToken).ConfigureAwait(false);
                if (threads != 1 && g + ahead < groups)
                {
                    pending[(g + ahead) % ring] = Make(g + ahead);
                }

                progress?.Report(Math.Min(count, (long)(g + 1) * RowGroupRows));
            }
        });
    }

    private static async Task<ColumnBatch> ReadAsync(Stream source, TableSpec? spec, string? path)
    {
        await using var reader = await ParquetReader.CreateAsync(source, new ParquetOptions { UseDateOnlyTypeForDates = true }, leaveStreamOpen: true).ConfigureAwait(false);
        var (table, columns) = Columns(reader, spec, path);
        long total = reader.Metadata?.NumRows ?? 0;
        if (total > Array.MaxLength)
        {
            throw new SynthKitException(SinkErrorCodes.UnreadableParquet, $"The file holds {total:N0} rows, more than one batch can; read it by row groups (ReadParquetRowGroups).", path);
        }

        var batch = new ColumnBatch(table, (int)Math.Max(1, total));
        batch.RowCount = (int)total;
        int offset = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            offset += await ReadGroupAsync(group, columns, batch, offset, path).ConfigureAwait(false);
        }

        return batch;
    }

    /// <summary>The table a file is read as (the spec given, the one it carries, or one from its schema) and its fields in the table's order.</summary>
    private static (TableSpec Table, DataField[] Columns) Columns(ParquetReader reader, TableSpec? spec, string? path)
    {
        var fields = reader.Schema.GetDataFields();
        if (spec is null && reader.CustomMetadata.TryGetValue(SpecKey, out string? json))
        {
            spec = TableSpec.FromJson(json, path);
        }

        spec ??= SpecOf(fields, path);
        var byName = new Dictionary<string, DataField>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            byName[field.Name] = field;
        }

        var columns = new DataField[spec.Columns.Count];
        for (int c = 0; c < columns.Length; c++)
        {
            columns[c] = byName.TryGetValue(spec.Columns[c].Name, out var field)
                ? field
                : throw new SynthKitException(ErrorCodes.MissingColumn, $"The Parquet file has no column '{spec.Columns[c].Name}', which the table '{spec.Name}' needs.", path);
        }

        return (spec, columns);
    }

    /// <summary>Reads a row group into <paramref name="batch"/> from row <paramref name="offset"/>; returns its row count.</summary>
    private static async Task<int> ReadGroupAsync(ParquetRowGroupReader group, DataField[] columns, ColumnBatch batch, int offset, string? path)
    {
        int rows = checked((int)group.RowCount);
        for (int c = 0; c < columns.Length; c++)
        {
            await ReadColumnAsync(group, columns[c], batch[c], offset, rows, path).ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>
    /// Reads a Parquet file one row group at a time: each batch holds one row group's rows (at most
    /// <see cref="RowGroupRows"/> for files SynthKit wrote), so a file of any size is read in the memory of one group.
    /// The batches are made as they are enumerated; the file stays open until the enumeration ends.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="spec">The table to read; null takes the spec the file carries (<see cref="SpecKey"/>), or one made from its Parquet schema.</param>
    /// <returns>One batch per row group, in order; every batch has the same spec.</returns>
    /// <exception cref="SynthKitException">SK7002: not a Parquet file, or one whose columns do not fit the spec; SK4004 a column the spec needs is missing.</exception>
    public static IEnumerable<ColumnBatch> ReadParquetRowGroups(string path, TableSpec? spec)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return RowGroups(path, spec);
    }

    private static IEnumerable<ColumnBatch> RowGroups(string path, TableSpec? spec)
    {
        using var stream = File.OpenRead(path);
        ParquetReader? reader = null;
        Guard(() => reader = ParquetReader.CreateAsync(stream, new ParquetOptions { UseDateOnlyTypeForDates = true }, leaveStreamOpen: true).GetAwaiter().GetResult(), path);
        try
        {
            TableSpec table = null!;
            DataField[] columns = [];
            Guard(() => (table, columns) = Columns(reader!, spec, path), path);
            for (int g = 0; g < reader!.RowGroupCount; g++)
            {
                ColumnBatch? batch = null;
                int group = g;
                Guard(() => Run(async () =>
                {
                    using var rowGroup = reader.OpenRowGroupReader(group);
                    batch = new ColumnBatch(table, (int)Math.Max(1, rowGroup.RowCount)) { RowCount = checked((int)rowGroup.RowCount) };
                    await ReadGroupAsync(rowGroup, columns, batch, 0, path).ConfigureAwait(false);
                }), path);
                yield return batch!;
            }
        }
        finally
        {
            Run(async () =>
            {
                if (reader is not null)
                {
                    await reader.DisposeAsync().ConfigureAwait(false);
                }
            });
        }
    }

    /// <summary>Runs a read, reporting what Parquet.Net throws for a file that is not Parquet as SK7002.</summary>
    private static void Guard(Action read, string? path)
    {
        try
        {
            read();
        }
        catch (Exception ex) when (ex is not SynthKitException and (IOException or InvalidDataException or NotSupportedException or ArgumentException or InvalidOperationException or IndexOutOfRangeException or InvalidCastException or OverflowException))
        {
            throw new SynthKitException(SinkErrorCodes.UnreadableParquet, $"The file cannot be read as Parquet: {ex.Message}", path);
        }
    }

    private static async Task ReadColumnAsync(ParquetRowGroupReader group, DataField field, Column column, int offset, int rows, string? path)
    {
        switch (column)
        {
            case StringColumn text:
                await ReadTextAsync(group, field, rows, (row, value) => text.Set(offset + row, value)).ConfigureAwait(false);
                break;
            case CategoricalColumn categories:
                await ReadTextAsync(group, field, rows, (row, value) => categories.Set(offset + row, value)).ConfigureAwait(false);
                break;
            case Column<char> chars:
                await ReadTextAsync(group, field, rows, (row, value) =>
                {
                    if (value is null)
                    {
                        chars.SetNull(offset + row);
                    }
                    else if (value.Length == 1)
                    {
                        chars.Set(offset + row, value[0]);
                    }
                    else
                    {
                        throw new SynthKitException(SinkErrorCodes.UnreadableParquet, $"Column '{field.Name}', row {offset + row + 1}: '{value}' is not one character.", path);
                    }
                }).ConfigureAwait(false);
                break;
            case Column<bool> c: await ReadAsync(group, field, c, offset, rows, path, (bool v) => v).ConfigureAwait(false); break;
            case Column<sbyte> c: await ReadAsync(group, field, c, offset, rows, path, (sbyte v) => v).ConfigureAwait(false); break;
            case Column<byte> c: await ReadAsync(group, field, c, offset, rows, path, (byte v) => v).ConfigureAwait(false); break;
            case Column<short> c: await ReadAsync(group, field, c, offset, rows, path, (short v) => v).ConfigureAwait(false); break;
            case Column<ushort> c: await ReadAsync(group, field, c, offset, rows, path, (ushort v) => v).ConfigureAwait(false); break;
            case Column<int> c: await ReadAsync(group, field, c, offset, rows, path, (int v) => v).ConfigureAwait(false); break;
            case Column<uint> c: await ReadAsync(group, field, c, offset, rows, path, (uint v) => v).ConfigureAwait(false); break;
            case Column<long> c: await ReadAsync(group, field, c, offset, rows, path, (long v) => v).ConfigureAwait(false); break;
            case Column<ulong> c: await ReadAsync(group, field, c, offset, rows, path, (ulong v) => v).ConfigureAwait(false); break;
            case Column<float> c: await ReadAsync(group, field, c, offset, rows, path, (float v) => v).ConfigureAwait(false); break;
            case Column<double> c: await ReadAsync(group, field, c, offset, rows, path, (double v) => v).ConfigureAwait(false); break;
            case Column<decimal> c: await ReadAsync(group, field, c, offset, rows, path, (decimal v) => v).ConfigureAwait(false); break;
            case Column<DateOnly> c: await ReadAsync(group, field, c, offset, rows, path, (DateOnly v) => v).ConfigureAwait(false); break;
            case Column<Guid> c: await ReadAsync(group, field, c, offset, rows, path, (Guid v) => v).ConfigureAwait(false); break;
            case Column<DateTime> c: await ReadAsync(group, field, c, offset, rows, path, (DateTime v) => DateTime.SpecifyKind(v, DateTimeKind.Unspecified)).ConfigureAwait(false); break;
            case Column<DateTimeOffset> c: await ReadAsync(group, field, c, offset, rows, path, (DateTime v) => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc))).ConfigureAwait(false); break;
            case Column<TimeOnly> c: await ReadAsync(group, field, c, offset, rows, path, (long v) => new TimeOnly(v * 10)).ConfigureAwait(false); break;
            case Column<TimeSpan> c: await ReadAsync(group, field, c, offset, rows, path, (long v) => new TimeSpan(v * 10)).ConfigureAwait(false); break;
            default:
                throw new SynthKitException(SinkErrorCodes.UnreadableParquet, $"Column '{field.Name}': a {column.Type} column cannot be read from Parquet.", path);
        }
    }

    private static async Task ReadAsync<TFile, TColumn>(ParquetRowGroupReader group, DataField field, Column<TColumn> column, int offset, int rows, string? path, Func<TFile, TColumn> convert)
        where TFile : struct
        where TColumn : struct
    {
        if (field.ClrType != typeof(TFile))
        {
            throw new SynthKitException(SinkErrorCodes.UnreadableParquet, $"Column '{field.Name}' holds {field.ClrType.Name} values in the file, but the table's column is {column.Type}.", path);
        }

        if (!field.IsNullable)
        {
            // A required column through the plain overload: Parquet.Net's nullable one can leave rows of a required
            // column unfilled (seen as nulls in a column that has none), so it is kept for optional columns only.
            var required = new TFile[rows];
            await group.ReadAsync<TFile>(field, required.AsMemory(), null).ConfigureAwait(false);
            for (int i = 0; i < rows; i++)
            {
                column.Set(offset + i, convert(required[i]));
            }

            return;
        }

        var values = new TFile?[rows];
        await group.ReadAsync<TFile>(field, values.AsMemory(), null).ConfigureAwait(false);
        for (int i = 0; i < rows; i++)
        {
            if (values[i] is { } v)
            {
                column.Set(offset + i, convert(v));
            }
            else
            {
                column.SetNull(offset + i);
            }
        }
    }

    private static async Task ReadTextAsync(ParquetRowGroupReader group, DataField field, int rows, Action<int, string?> set)
    {
        var values = new string?[rows];
        await group.ReadAsync(field, values.AsMemory(), null).ConfigureAwait(false);
        for (int i = 0; i < rows; i++)
        {
            set(i, values[i]);
        }
    }

    /// <summary>A spec for a Parquet file that carries none: storage types from the file's types; text is categorical.</summary>
    private static TableSpec SpecOf(DataField[] fields, string? path)
    {
        var columns = new List<ColumnSpec>(fields.Length);
        foreach (var field in fields)
        {
            var type = field switch
            {
                TimeDataField => StorageType.Time,
                DateTimeDataField => StorageType.DateTime,
                _ => StorageTypes.Of(field.ClrType) is { } known and not (StorageType.DateTimeOffset or StorageType.Duration or StorageType.Char)
                    ? known
                    : throw new SynthKitException(SinkErrorCodes.UnreadableParquet, $"Column '{field.Name}' holds {field.ClrType.Name} values, which SynthKit's columns do not; give a spec that leaves it out.", path),
            };
            columns.Add(StorageTypes.Guess(field.Name, type, field.IsNullable));
        }

        return new TableSpec { Name = path is null ? "table" : Path.GetFileNameWithoutExtension(path), Columns = columns };
    }

    /// <summary>Runs Parquet.Net's asynchronous API to completion on the calling thread (no synchronisation context is captured).</summary>
    private static void Run(Func<Task> work) => Task.Run(work).GetAwaiter().GetResult();

    /// <summary>The Parquet schema of a spec and the file's metadata.</summary>
    private sealed class Layout
    {
        public Layout(TableSpec spec)
        {
            Spec = spec;
            Fields = new DataField[spec.Columns.Count];
            for (int i = 0; i < Fields.Length; i++)
            {
                Fields[i] = FieldOf(spec, spec.Columns[i]);
            }

            Schema = new ParquetSchema(Fields);
            foreach (var c in spec.Columns)
            {
                if (c.Kind == StatisticalKind.Categorical && c.Type is StorageType.String or StorageType.Enum)
                {
                    Options.ColumnEncodingHints[c.Name] = EncodingHint.Dictionary; // categories repeat: one dictionary page, codes after
                }
            }

            Metadata = new Dictionary<string, string> { [SpecKey] = spec.ToJson() };
        }

        public TableSpec Spec { get; }

        public DataField[] Fields { get; }

        public ParquetSchema Schema { get; }

        public Dictionary<string, string> Metadata { get; }

        public ParquetOptions Options { get; } = new() { CompressionMethod = CompressionMethod.Snappy };

        private static DataField FieldOf(TableSpec table, ColumnSpec c)
        {
            bool nullable = StorageTypes.MayBeNull(table, c);

            return c.Type switch
            {
                StorageType.Boolean => new DataField<bool>(c.Name, nullable),
                StorageType.Int8 => new DataField<sbyte>(c.Name, nullable),
                StorageType.UInt8 => new DataField<byte>(c.Name, nullable),
                StorageType.Int16 => new DataField<short>(c.Name, nullable),
                StorageType.UInt16 => new DataField<ushort>(c.Name, nullable),
                StorageType.Int32 => new DataField<int>(c.Name, nullable),
                StorageType.UInt32 => new DataField<uint>(c.Name, nullable),
                StorageType.Int64 => new DataField<long>(c.Name, nullable),
                StorageType.UInt64 => new DataField<ulong>(c.Name, nullable),
                StorageType.Float32 => new DataField<float>(c.Name, nullable),
                StorageType.Float64 => new DataField<double>(c.Name, nullable),
                StorageType.Decimal => new DecimalDataField(c.Name, DecimalPrecision, DecimalScale, false, nullable),
                StorageType.Date => new DataField<DateOnly>(c.Name, nullable),
                StorageType.DateTime => new DateTimeDataField(c.Name, DateTimeFormat.Timestamp, false, DateTimeTimeUnit.Micros, nullable),
                StorageType.DateTimeOffset => new DateTimeDataField(c.Name, DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Micros, nullable),
                StorageType.Time => new TimeDataField(c.Name, TimeUnitPrecision.Micros, nullable) { IsAdjustedToUtc = false },
                StorageType.Duration => new DataField<long>(c.Name, nullable),
                StorageType.Guid => new DataField<Guid>(c.Name, nullable),
                _ => new DataField<string>(c.Name, nullable), // text, categories, enums, chars
            };
        }
    }

    /// <summary>One row group in the making: its batch and its encoded columns.</summary>
    private sealed class Slot
    {
        private readonly ColumnBatch _batch;

        public Slot(TableSpec spec, Layout layout, int capacity)
        {
            _batch = new ColumnBatch(spec, capacity);
            Encoded = new EncodedGroup(layout);
        }

        public EncodedGroup Encoded { get; }

        public Task Make(ISynthesizer synthesizer, long start, int rows)
        {
            synthesizer.Fill(_batch, start, rows);
            Encoded.Encode(_batch, 0, rows);
            return Task.CompletedTask;
        }
    }

    /// <summary>A row group's columns as Parquet.Net takes them: packed non-null values and definition levels.</summary>
    private sealed class EncodedGroup
    {
        private readonly Layout _layout;
        private readonly EncodedColumn[] _columns;

        public EncodedGroup(Layout layout)
        {
            _layout = layout;
            _columns = new EncodedColumn[layout.Fields.Length];
            for (int i = 0; i < _columns.Length; i++)
            {
                _columns[i] = EncodedColumn.For(layout.Spec.Columns[i]);
            }
        }

        public void Encode(ColumnBatch batch, int first, int rows)
        {
            for (int i = 0; i < _columns.Length; i++)
            {
                _columns[i].Encode(batch[i], _layout.Fields[i], first, rows);
            }
        }

        public async Task WriteAsync(ParquetWriter writer, CancellationToken cancellationToken)
        {
            using var group = writer.CreateRowGroup();
            for (int i = 0; i < _columns.Length; i++)
            {
                await _columns[i].WriteAsync(group, _layout.Fields[i], cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One column's values for a row group.</summary>
    private abstract class EncodedColumn
    {
        private int[] _levels = [];
        private bool _hasLevels;

        protected int Present { get; private set; }

        public static EncodedColumn For(ColumnSpec spec) => spec.Type switch
        {
            StorageType.Boolean => new Same<bool>(),
            StorageType.Int8 => new Same<sbyte>(),
            StorageType.UInt8 => new Same<byte>(),
            StorageType.Int16 => new Same<short>(),
            StorageType.UInt16 => new Same<ushort>(),
            StorageType.Int32 => new Same<int>(),
            StorageType.UInt32 => new Same<uint>(),
            StorageType.Int64 => new Same<long>(),
            StorageType.UInt64 => new Same<ulong>(),
            StorageType.Float32 => new Same<float>(),
            StorageType.Float64 => new Same<double>(),
            StorageType.Decimal => new Decimals(),
            StorageType.Date => new Same<DateOnly>(),
            StorageType.Guid => new Same<Guid>(),
            StorageType.DateTime => new Converted<DateTime, DateTime>(static v => v),
            StorageType.DateTimeOffset => new Converted<DateTimeOffset, DateTime>(static v => v.UtcDateTime),
            StorageType.Time => new Converted<TimeOnly, long>(static v => v.Ticks / 10),
            StorageType.Duration => new Converted<TimeSpan, long>(static v => v.Ticks / 10),
            _ => new Text(), // text, categories, enums, chars
        };

        public void Encode(Column column, DataField field, int first, int rows)
        {
            var nulls = column.Nulls.Slice(first, rows);
            _hasLevels = field.IsNullable;
            int present = rows;
            if (_hasLevels)
            {
                if (_levels.Length < rows)
                {
                    _levels = new int[rows];
                }

                for (int i = 0; i < rows; i++)
                {
                    bool isNull = nulls[i];
                    _levels[i] = isNull ? 0 : 1;
                    present -= isNull ? 1 : 0;
                }
            }
            else if (nulls.Contains(true))
            {
                int row = first + nulls.IndexOf(true);
                throw new SynthKitException(SinkErrorCodes.UnwritableValue, $"Column '{column.Name}', row {row + 1}: null, but the column is not nullable.");
            }

            Present = present;
            Pack(column, first, rows, present != rows ? nulls : default);
        }

        public Task WriteAsync(ParquetRowGroupWriter group, DataField field, CancellationToken cancellationToken)
        {
            // Null means "no definition levels" (a required column); an empty memory would mean zero rows.
            ReadOnlyMemory<int>? levels = null;
            if (_hasLevels)
            {
                levels = _levels.AsMemory(0, RowsOf());
            }

            return WriteValuesAsync(group, field, levels, cancellationToken);
        }

        /// <summary>Packs the rows' non-null values (all rows when <paramref name="nulls"/> is empty).</summary>
        protected abstract void Pack(Column column, int first, int rows, ReadOnlySpan<bool> nulls);

        protected abstract int RowsOf();

        protected abstract Task WriteValuesAsync(ParquetRowGroupWriter group, DataField field, ReadOnlyMemory<int>? levels, CancellationToken cancellationToken);

        protected static void Ensure<TValue>(ref TValue[] array, int length)
        {
            if (array.Length < length)
            {
                array = new TValue[length];
            }
        }
    }

    /// <summary>Values Parquet.Net takes as they are stored: the column's own array when nothing is null.</summary>
    private sealed class Same<T> : EncodedColumn
        where T : struct
    {
        private T[] _packed = [];
        private ReadOnlyMemory<T> _values;
        private int _rows;

        protected override void Pack(Column column, int first, int rows, ReadOnlySpan<bool> nulls)
        {
            var typed = (Column<T>)column;
            _rows = rows;
            if (nulls.IsEmpty)
            {
                _values = typed.ValuesMemory.Slice(first, rows);
                return;
            }

            Ensure(ref _packed, Present);
            var source = typed.Values.Slice(first, rows);
            int n = 0;
            for (int i = 0; i < rows; i++)
            {
                if (!nulls[i])
                {
                    _packed[n++] = source[i];
                }
            }

            _values = _packed.AsMemory(0, n);
        }

        protected override int RowsOf() => _rows;

        protected override Task WriteValuesAsync(ParquetRowGroupWriter group, DataField field, ReadOnlyMemory<int>? levels, CancellationToken cancellationToken) =>
            group.WriteAllPartsAsync(field, _values, levels, null, cancellationToken);
    }

    /// <summary>Values converted to the file's representation (timestamps, times and durations).</summary>
    private sealed class Converted<TColumn, TFile> : EncodedColumn
        where TColumn : struct
        where TFile : struct
    {
        private readonly Func<TColumn, TFile> _convert;
        private TFile[] _packed = [];
        private int _count;
        private int _rows;

        public Converted(Func<TColumn, TFile> convert) => _convert = convert;

        protected override void Pack(Column column, int first, int rows, ReadOnlySpan<bool> nulls)
        {
            var source = ((Column<TColumn>)column).Values.Slice(first, rows);
            Ensure(ref _packed, Present);
            _rows = rows;
            int n = 0;
            for (int i = 0; i < rows; i++)
            {
                if (nulls.IsEmpty || !nulls[i])
                {
                    _packed[n++] = _convert(source[i]);
                }
            }

            _count = n;
        }

        protected override int RowsOf() => _rows;

        protected override Task WriteValuesAsync(ParquetRowGroupWriter group, DataField field, ReadOnlyMemory<int>? levels, CancellationToken cancellationToken) =>
            group.WriteAllPartsAsync<TFile>(field, _packed.AsMemory(0, _count), levels, null, cancellationToken);
    }

    /// <summary>Decimals, checked against <c>DECIMAL(38, 18)</c> so that none is rounded or overflows silently.</summary>
    private sealed class Decimals : EncodedColumn
    {
        private decimal[] _packed = [];
        private int _count;
        private int _rows;

        protected override void Pack(Column column, int first, int rows, ReadOnlySpan<bool> nulls)
        {
            var source = ((Column<decimal>)column).Values.Slice(first, rows);
            Ensure(ref _packed, Present);
            _rows = rows;
            int n = 0;
            for (int i = 0; i < rows; i++)
            {
                if (nulls.IsEmpty || !nulls[i])
                {
                    decimal v = source[i];
                    if (v.Scale > DecimalScale || Math.Abs(v) >= s_decimalLimit)
                    {
                        throw new SynthKitException(SinkErrorCodes.UnwritableValue, $"Column '{column.Name}', row {first + i + 1}: {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} does not fit Parquet's DECIMAL({DecimalPrecision}, {DecimalScale}) (at most 20 digits before the point and 18 after); round the column (its spec's modifiers) or write CSV.");
                    }

                    _packed[n++] = v;
                }
            }

            _count = n;
        }

        protected override int RowsOf() => _rows;

        protected override Task WriteValuesAsync(ParquetRowGroupWriter group, DataField field, ReadOnlyMemory<int>? levels, CancellationToken cancellationToken) =>
            group.WriteAllPartsAsync<decimal>(field, _packed.AsMemory(0, _count), levels, null, cancellationToken);
    }

    /// <summary>Text as Parquet.Net takes it: slices of one character buffer, decoded once from the batch's UTF-8.</summary>
    private sealed class Text : EncodedColumn
    {
        private readonly Dictionary<int, ReadOnlyMemory<char>> _categoryText = new();
        private IReadOnlyList<string>? _categories;
        private char[] _chars = [];
        private ReadOnlyMemory<char>[] _packed = [];
        private int _count;
        private int _rows;

        protected override void Pack(Column column, int first, int rows, ReadOnlySpan<bool> nulls)
        {
            Ensure(ref _packed, Present);
            _rows = rows;
            int n = 0;
            switch (column)
            {
                case CategoricalColumn categorical:
                    if (!ReferenceEquals(_categories, categorical.Categories))
                    {
                        _categoryText.Clear();
                        _categories = categorical.Categories;
                    }

                    var codes = categorical.Codes.Slice(first, rows);
                    for (int i = 0; i < rows; i++)
                    {
                        if (nulls.IsEmpty || !nulls[i])
                        {
                            int code = codes[i];
                            if (!_categoryText.TryGetValue(code, out var text))
                            {
                                _categoryText[code] = text = categorical.Categories[code].AsMemory();
                            }

                            _packed[n++] = text;
                        }
                    }

                    break;
                case StringColumn strings:
                    Ensure(ref _chars, strings.ByteCount);
                    int used = 0;
                    for (int i = 0; i < rows; i++)
                    {
                        if (nulls.IsEmpty || !nulls[i])
                        {
                            int length = Encoding.UTF8.GetChars(strings.GetUtf8(first + i), _chars.AsSpan(used));
                            _packed[n++] = _chars.AsMemory(used, length);
                            used += length;
                        }
                    }

                    break;
                default:
                    var chars = ((Column<char>)column).Values.Slice(first, rows);
                    Ensure(ref _chars, rows);
                    for (int i = 0; i < rows; i++)
                    {
                        if (nulls.IsEmpty || !nulls[i])
                        {
                            _chars[n] = chars[i];
                            _packed[n] = _chars.AsMemory(n, 1);
                            n++;
                        }
                    }

                    break;
            }

            _count = n;
        }

        protected override int RowsOf() => _rows;

        protected override Task WriteValuesAsync(ParquetRowGroupWriter group, DataField field, ReadOnlyMemory<int>? levels, CancellationToken cancellationToken) =>
            group.WriteAllPartsAsync<ReadOnlyMemory<char>>(field, _packed.AsMemory(0, _count), levels, null, cancellationToken);
    }

    /// <summary>Keeps Parquet.Net from closing the caller's stream.</summary>
    private sealed class NonClosing : Stream
    {
        private readonly Stream _inner;
        private long _position;

        public NonClosing(Stream inner) => _inner = inner;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _position;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override void Flush() => _inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _inner.Write(buffer);
            _position += buffer.Length;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

/// <summary>The codes of the errors SynthKit's sinks raise: Parquet, databases, shards and merges (see <c>docs/diagnostics</c>).</summary>
public static class SinkErrorCodes
{
    /// <summary>A value that its column's type in the sink cannot hold (a null in a required column, a decimal too large).</summary>
    public const string UnwritableValue = "SK7001";

    /// <summary>A file that cannot be read as Parquet, or whose columns do not fit the table asked for.</summary>
    public const string UnreadableParquet = "SK7002";

    /// <summary>A database table to be loaded exists already and the load was told to fail in that case.</summary>
    public const string TableExists = "SK7003";

    /// <summary>A database load failed (connection, a constraint, a type); it was rolled back and nothing was loaded.</summary>
    public const string LoadFailed = "SK7004";

    /// <summary>A shard layout that cannot be (no shards, more shards than rows, a shard outside the layout).</summary>
    public const string InvalidShard = "SK7005";

    /// <summary>A query for real rows that failed, or returned a value its column's type cannot hold.</summary>
    public const string QueryFailed = "SK7006";
}
