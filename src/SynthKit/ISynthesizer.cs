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

    /// <summary>The row type.</summary>
    Type RowType { get; }

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
