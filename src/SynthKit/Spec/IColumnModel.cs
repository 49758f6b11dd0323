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

/// <summary>
/// A column model that says what it is, so the manifest beside every file it helps write records it: a fitted model's
/// kind and SHA-256, how it was sampled (conditions, rebalancing), and its fit summary.
/// </summary>
public interface IDescribedColumnModel : IColumnModel
{
    /// <summary>What the manifest records about the model.</summary>
    /// <returns>The description.</returns>
    ColumnModelInfo Describe();
}

/// <summary>What a manifest records about a column model that drew some of the file's columns.</summary>
public sealed class ColumnModelInfo
{
    /// <summary>The model's key (<see cref="IColumnModel.Key"/>).</summary>
    public required string Key { get; init; }

    /// <summary>What kind of model it is (e.g. <c>bayes-net</c>, <c>copula</c>).</summary>
    public required string Kind { get; init; }

    /// <summary>The SHA-256 of the model's saved form, lower-case hex, when it has one.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The columns it drew.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>Further facts, as name and text, in a stable order (fit summary, conditions, rebalancing, boosts).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Details { get; init; } = [];

    /// <summary>The rows the model was fitted on.</summary>
    public long Rows { get; init; }

    /// <summary>Where the model came from (its training data's lineage), when it records one.</summary>
    public Provenance.DataLineage? Lineage { get; init; }
}
