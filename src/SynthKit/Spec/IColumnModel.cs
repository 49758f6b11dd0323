using System.Collections.Generic;

namespace SynthKit;

/// <summary>
/// The model seam: a component that draws a set of columns of one row jointly — a fitted model, or any other source of
/// values. It gets the row's context (a random stream keyed by the synthesizer's seed scope, the model's
/// <see cref="Key"/> and the row index) and the row's values drawn so far (every rule-driven column), and writes its own
/// columns into the batch. Draws must depend only on that context, so slices and shards concatenate to the single run.
/// Columns holding personal data can never be routed to a model (SK4007).
/// </summary>
public interface IColumnModel
{
    /// <summary>A stable name; its hash keys the model's random stream, so renaming a model changes its draws.</summary>
    string Key { get; }

    /// <summary>The columns it draws.</summary>
    IReadOnlyList<string> Columns { get; }

    /// <summary>Draws the model's columns of one row.</summary>
    /// <param name="context">The row's randomness and position.</param>
    /// <param name="batch">The batch being filled; the row's rule-driven columns are set.</param>
    /// <param name="row">The row within the batch.</param>
    void Draw(ColumnModelContext context, ColumnBatch batch, int row);
}

/// <summary>What a column model gets for one row.</summary>
public readonly struct ColumnModelContext
{
    internal ColumnModelContext(SynthRandom random, ulong scope, long rowIndex)
    {
        Random = random;
        Scope = scope;
        RowIndex = rowIndex;
    }

    /// <summary>The row's stream for this model, positioned at its start.</summary>
    public SynthRandom Random { get; }

    /// <summary>The synthesizer's seed scope.</summary>
    public ulong Scope { get; }

    /// <summary>The row index in the whole sequence (not within the batch).</summary>
    public long RowIndex { get; }
}
