using System;
using System.Runtime.CompilerServices;

namespace SynthKit.Generation;

/// <summary>
/// Draws indexes <c>0 … n-1</c> with given relative weights in constant time, with Vose's alias method (Vose, "A linear
/// algorithm for generating random numbers with a given distribution", 1991): one 64-bit draw picks a column and a
/// threshold, with no data-dependent loop. Generated synthesizers build one per categorical or Zipf member, once.
/// </summary>
/// <remarks>
/// Hand-written: MathNet.Numerics' categorical sampler re-validates and binary-searches its cumulative table on every
/// draw, which made categorical columns the slowest part of a row.
/// </remarks>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code
public sealed class WeightedTable
{
    private readonly double[] _threshold;
    private readonly int[] _alias;
    private readonly double[] _probabilities;

    /// <summary>Builds a table from relative weights.</summary>
    /// <param name="weights">Non-negative weights with a positive, finite sum.</param>
    /// <exception cref="ArgumentException">The weights are empty, negative, not finite, or sum to zero.</exception>
    public WeightedTable(params double[] weights)
    {
        if (weights is null || weights.Length == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }

        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] >= 0) || double.IsInfinity(weights[i]))
            {
                throw new ArgumentException($"Weight {i} is {weights[i]}; weights must be finite and not negative.", nameof(weights));
            }

            sum += weights[i];
        }

        if (!(sum > 0) || double.IsInfinity(sum))
        {
            throw new ArgumentException("The weights must sum to a positive, finite number.", nameof(weights));
        }

        int n = weights.Length;
        _probabilities = new double[n];
        _threshold = new double[n];
        _alias = new int[n];
        var scaled = new double[n];
        var small = new int[n];
        var large = new int[n];
        int smallCount = 0;
        int largeCount = 0;
        for (int i = 0; i < n; i++)
        {
            _probabilities[i] = weights[i] / sum;
            scaled[i] = _probabilities[i] * n;
            _alias[i] = i;
            if (scaled[i] < 1)
            {
                small[smallCount++] = i;
            }
            else
            {
                large[largeCount++] = i;
            }
        }

        while (smallCount > 0 && largeCount > 0)
        {
            int less = small[--smallCount];
            int more = large[--largeCount];
            _threshold[less] = scaled[less];
            _alias[less] = more;
            scaled[more] = (scaled[more] + scaled[less]) - 1;
            if (scaled[more] < 1)
            {
                small[smallCount++] = more;
            }
            else
            {
                large[largeCount++] = more;
            }
        }

        // What remains has (up to rounding) probability exactly 1/n: never take its alias.
        while (largeCount > 0)
        {
            _threshold[large[--largeCount]] = 1;
        }

        while (smallCount > 0)
        {
            _threshold[small[--smallCount]] = 1;
        }

        Total = sum;
    }

    /// <summary>The number of outcomes.</summary>
    public int Count => _threshold.Length;

    /// <summary>The sum of the weights.</summary>
    public double Total { get; }

    /// <summary>The probability of outcome <paramref name="index"/>.</summary>
    /// <param name="index">The outcome.</param>
    /// <returns>Its weight over the total.</returns>
    public double Probability(int index) => _probabilities[index];

    /// <summary>Draws an outcome.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>An index in <c>[0, Count)</c>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Sample(SynthRandom random)
    {
        // One draw, split as a fixed-point number x·n: the integer part picks the column, the fraction the side.
        ulong column = Math.BigMul(random.NextUInt64(), (ulong)_threshold.Length, out ulong fraction);
        int i = (int)column;
        return (fraction >> 11) * (1.0 / (1UL << 53)) < _threshold[i] ? i : _alias[i];
    }

    /// <summary>
    /// The Zipf law over ranks <c>1 … count</c>: index <c>k - 1</c> has weight <c>1 / k^exponent</c>, the same law as
    /// MathNet.Numerics' <c>Zipf</c> distribution, whose own sampler walks all ranks on every draw.
    /// </summary>
    /// <param name="exponent">The exponent s; positive.</param>
    /// <param name="count">The number of ranks; positive.</param>
    /// <returns>The table; add 1 to a sample for the rank.</returns>
    public static WeightedTable Zipf(double exponent, int count)
    {
        if (!(exponent > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent, "The Zipf exponent must be positive.");
        }

        if (count <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The Zipf count must be positive.");
        }

        var weights = new double[count];
        for (int k = 1; k <= count; k++)
        {
            weights[k - 1] = Math.Pow(k, -exponent);
        }

        return new WeightedTable(weights);
    }
}
