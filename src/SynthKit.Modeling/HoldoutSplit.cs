using System;
using System.Linq;

namespace SynthKit.Modeling;

/// <summary>Splits real rows into a part to fit and a part held out to evaluate the fit against.</summary>
public static class HoldoutSplit
{
    /// <summary>
    /// Holds out <c>round(share × rows)</c> rows chosen by the seed alone (a counter-based draw per row index), keeping both
    /// parts in file order: the same table, share and seed give the same split on every machine.
    /// </summary>
    /// <param name="table">The real rows.</param>
    /// <param name="share">The share to hold out, strictly between 0 and 1.</param>
    /// <param name="seed">The seed of the choice.</param>
    /// <returns>The rows to fit and the rows held out.</returns>
    /// <exception cref="SynthKitException">SK6000: the share is not strictly between 0 and 1, or a part would be empty.</exception>
    public static (ColumnBatch Train, ColumnBatch Holdout) Split(ColumnBatch table, double share, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(table);
        int n = table.RowCount, held = (int)Math.Round(share * n, MidpointRounding.AwayFromZero);
        if (!(share > 0 && share < 1) || held < 1 || held >= n)
        {
            throw new SynthKitException(ModelingErrorCodes.CannotFit, $"a holdout share of {share} of {n} rows leaves a part empty; give a share strictly between 0 and 1 of at least two rows");
        }

        ulong scope = SynthRandom.ScopeOf(seed), key = SynthRandom.KeyOf("holdout");
        var random = new SynthRandom();
        var draws = new ulong[n];
        for (int r = 0; r < n; r++)
        {
            random.Reset(scope, key, r);
            draws[r] = random.NextUInt64();
        }

        var order = Enumerable.Range(0, n).OrderBy(r => draws[r]).ThenBy(r => r).ToArray();
        var holdout = order.Take(held).Order().ToArray();
        var train = order.Skip(held).Order().ToArray();
        return (table.Select(train), table.Select(holdout));
    }
}
