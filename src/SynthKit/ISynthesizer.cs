using System;
using System.Collections.Generic;
using System.IO;

namespace SynthKit;

/// <summary>
/// What every generated synthesizer offers, without knowing its row type: the schema, the seed, and streamed output.
/// Tools (the command line, the build-time fixture host) work through this interface.
/// </summary>
public interface ISynthesizer
{
    /// <summary>The seed every value derives from.</summary>
    long Seed { get; }

    /// <summary>The schema this synthesizer makes rows of.</summary>
    SchemaDescription Schema { get; }

    /// <summary>
    /// The column spec: every column's storage type, statistical kind, privacy role, whether it is learned, and its rule
    /// as data. A <see cref="SpecSynthesizer"/> built from it makes the same bytes for the same seed.
    /// </summary>
    TableSpec Spec { get; }

    /// <summary>The row type, or null for a synthesizer built from a column spec (its rows exist only as columns).</summary>
    Type? RowType { get; }

    /// <summary>
    /// Fills <paramref name="batch"/> with rows <c>start … start + count - 1</c> (its <see cref="ColumnBatch.RowCount"/>
    /// becomes <paramref name="count"/>), typed and without boxing.
    /// </summary>
    /// <param name="batch">A batch of this synthesizer's <see cref="Spec"/>.</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <exception cref="SynthKitException">SK4001: the schema has list members, which columns cannot carry.</exception>
    void Fill(ColumnBatch batch, long start, int count);

    /// <summary>Writes rows <c>start … start + count - 1</c> as CSV (RFC 4180, UTF-8, header row, <c>\n</c> line ends).</summary>
    /// <param name="destination">Where to write; not closed.</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <exception cref="SynthKitException">SK4001: the schema has list members, which CSV cannot carry.</exception>
    void WriteCsv(Stream destination, long start, int count);

    /// <summary>Writes rows <c>start … start + count - 1</c> as JSON Lines (one UTF-8 JSON object per line, <c>\n</c> ends).</summary>
    /// <param name="destination">Where to write; not closed.</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    void WriteJsonLines(Stream destination, long start, int count);
}

/// <summary>What every synthesizer offers on top of <see cref="ISynthesizer"/>.</summary>
public static class SynthesizerExtensions
{
    /// <summary>Fills a new batch with rows <c>start … start + count - 1</c>.</summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <param name="start">The first row index.</param>
    /// <param name="count">The number of rows.</param>
    /// <returns>The batch.</returns>
    public static ColumnBatch ToBatch(this ISynthesizer synthesizer, long start, int count)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        var batch = new ColumnBatch(synthesizer.Spec, count);
        synthesizer.Fill(batch, start, count);
        return batch;
    }

    /// <summary>
    /// A synthesizer of the same spec and seed in which <paramref name="model"/> draws its columns jointly; every other
    /// column keeps its values byte for byte. (Typed <c>With{Member}</c> overrides of a generated synthesizer do not carry
    /// over: the result works in the columnar world — CSV, JSON Lines, batches.)
    /// </summary>
    /// <param name="synthesizer">The synthesizer.</param>
    /// <param name="model">The model.</param>
    /// <returns>The new synthesizer.</returns>
    /// <exception cref="SynthKitException">SK4007: the model claims a personal-data column.</exception>
    public static SpecSynthesizer WithColumnModel(this ISynthesizer synthesizer, IColumnModel model)
    {
        ArgumentNullException.ThrowIfNull(synthesizer);
        ArgumentNullException.ThrowIfNull(model);
        return synthesizer is SpecSynthesizer spec ? spec.WithColumnModel(model) : new SpecSynthesizer(synthesizer.Spec, synthesizer.Seed, new[] { model });
    }
}

/// <summary>A generated synthesizer of rows of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The row type.</typeparam>
public interface ISynthesizer<T> : ISynthesizer
{
    /// <summary>Streams rows <c>0 … count - 1</c>, one at a time, in constant memory.</summary>
    /// <param name="count">The number of rows.</param>
    /// <returns>The rows.</returns>
    IEnumerable<T> Generate(int count);

    /// <summary>
    /// Streams rows <c>start … start + count - 1</c> of the same sequence that <see cref="Generate(int)"/> starts:
    /// slices concatenate to exactly the single-run output, so they can be made on separate threads or machines.
    /// </summary>
    /// <param name="start">The first row index; not negative.</param>
    /// <param name="count">The number of rows; not negative.</param>
    /// <returns>The rows.</returns>
    IEnumerable<T> Generate(long start, int count);

    /// <summary>Makes the single row at <paramref name="index"/>.</summary>
    /// <param name="index">The row index; not negative.</param>
    /// <returns>The row.</returns>
    T Create(long index);
}
