using System;
using System.ComponentModel;

namespace SynthKit.IO;

/// <summary>
/// Fills a <see cref="ColumnBatch"/> one row at a time, column after column, with the same calls generated code makes
/// on a <see cref="CsvWriter"/>: typed, no boxing. For generated synthesizers; not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ColumnBatchWriter
{
    private readonly ColumnBatch _batch;
    private int _column;

    /// <summary>Starts filling <paramref name="batch"/> at row 0.</summary>
    /// <param name="batch">The batch.</param>
    public ColumnBatchWriter(ColumnBatch batch)
    {
        _batch = batch;
    }

    /// <summary>The row being filled.</summary>
    public int Row { get; private set; }

    /// <summary>Moves to the next row.</summary>
    public void EndRow()
    {
        _column = 0;
        Row++;
    }

    /// <summary>Marks the current cell null.</summary>
    public void WriteNull() => _batch[_column++].SetNull(Row);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(string? value)
    {
        var column = _batch[_column++];
        if (column is CategoricalColumn k)
        {
            k.Set(Row, value);
        }
        else
        {
            ((StringColumn)column).Set(Row, value);
        }
    }

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(bool value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(char value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(sbyte value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(byte value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(short value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(ushort value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(int value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(uint value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(long value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(ulong value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(float value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(double value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(decimal value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(DateTime value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(DateTimeOffset value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(DateOnly value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(TimeOnly value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(TimeSpan value) => Set(value);

    /// <summary>Sets the current cell.</summary>
    /// <param name="value">The value.</param>
    public void Write(Guid value) => Set(value);

    private void Set<T>(T value)
        where T : struct => ((Column<T>)_batch[_column++]).Set(Row, value);
}
