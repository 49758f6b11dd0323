using System;
using System.Numerics;

namespace SynthKit.Generation;

/// <summary>
/// A seeded permutation of <c>[0, n)</c> evaluated one point at a time, in O(1) memory: row <c>i</c> of a
/// <c>[Unique]</c> column takes the <c>i</c>-th point, so no two rows of a seed share a value however the rows are
/// sliced, and nothing has to remember which values were used.
/// </summary>
/// <remarks>
/// A balanced Feistel network over the smallest even power of two that covers <c>n</c>, with cycle walking back into
/// <c>[0, n)</c> (Black and Rogaway, "Ciphers with arbitrary finite domains", 2002). Hand-written because no
/// maintained .NET library offers a keyed small-domain permutation; it is a few lines around SplitMix64.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code
public static class UniquePermutation
{
    private const int Rounds = 6;

    /// <summary>The largest domain a permutation covers (2^62); larger domains use their first 2^62 values.</summary>
    public const ulong MaxDomain = 1UL << 62;

    /// <summary>The point of the permutation at <paramref name="index"/>.</summary>
    /// <param name="index">The row index, in <c>[0, domainSize)</c>.</param>
    /// <param name="domainSize">The number of distinct values.</param>
    /// <param name="key">The permutation's key (the synthesizer's scope mixed with the column key).</param>
    /// <param name="column">The column name, for the error message.</param>
    /// <returns>A value in <c>[0, domainSize)</c>, distinct for distinct indexes.</returns>
    /// <exception cref="SynthKitException">SK4003: <paramref name="index"/> is not below the domain size.</exception>
    public static ulong Permute(long index, ulong domainSize, ulong key, string column)
    {
        if (domainSize > MaxDomain)
        {
            domainSize = MaxDomain;
        }

        if (index < 0 || (ulong)index >= domainSize)
        {
            throw new SynthKitException(
                ErrorCodes.UniqueDomainExhausted,
                $"The [Unique] column '{column}' has only {domainSize} distinct values, so row {index} cannot get one of its own. Ask for fewer rows or widen the column's range or pattern.");
        }

        if (domainSize == 1)
        {
            return 0;
        }

        int bits = 64 - BitOperations.LeadingZeroCount(domainSize - 1);
        int half = Math.Max(1, (bits + 1) / 2);
        ulong mask = (1UL << half) - 1;
        ulong x = (ulong)index;
        do
        {
            ulong left = x >> half;
            ulong right = x & mask;
            for (int round = 0; round < Rounds; round++)
            {
                ulong f = SynthRandom.Mix(key ^ ((ulong)(round + 1) * 0xD1B54A32D192ED03UL) ^ right) & mask;
                (left, right) = (right, left ^ f);
            }

            x = (left << half) | right;
        }
        while (x >= domainSize);

        return x;
    }
}
