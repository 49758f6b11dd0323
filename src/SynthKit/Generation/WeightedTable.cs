using System;

namespace SynthKit.Generation;

/// <summary>
/// Draws indexes <c>0 … n-1</c> with given relative weights, by inverting the cumulative weights: one uniform draw per
/// value. Generated synthesizers build one per categorical or Zipf member, once.
/// </summary>
public sealed class WeightedTable
{
    private readonly double[] _cumulative;

    /// <summary>Builds a table from relative weights.</summary>
    /// <param name="weights">Non-negative weights with a positive, finite sum.</param>
    /// <exception cref="ArgumentException">The weights are empty, negative, not finite, or sum to zero.</exception>
    public WeightedTable(params double[] weights)
    {
        if (weights is null || weights.Length == 0)
        {
            throw new ArgumentException("At least one weight is needed.", nameof(weights));
        }

        _cumulative = new double[weights.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            if (!(weights[i] >= 0) || double.IsInfinity(weights[i]))
            {
                throw new ArgumentException($"Weight {i} is {weights[i]}; weights must be finite and not negative.", nameof(weights));
            }

            sum += weights[i];
            _cumulative[i] = sum;
        }

        if (!(sum > 0) || double.IsInfinity(sum))
        {
            throw new ArgumentException("The weights must sum to a positive, finite number.", nameof(weights));
        }

        Total = sum;
    }

    /// <summary>The number of outcomes.</summary>
    public int Count => _cumulative.Length;

    /// <summary>The sum of the weights.</summary>
    public double Total { get; }

    /// <summary>The probability of outcome <paramref name="index"/>.</summary>
    /// <param name="index">The outcome.</param>
    /// <returns>Its weight over the total.</returns>
    public double Probability(int index) =>
        (_cumulative[index] - (index == 0 ? 0 : _cumulative[index - 1])) / Total;

    /// <summary>Draws an outcome.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>An index in <c>[0, Count)</c>.</returns>
    public int Sample(SynthRandom random)
    {
        double u = random.NextDouble() * Total;
        var cumulative = _cumulative;
        if (cumulative.Length <= 16)
        {
            for (int i = 0; i < cumulative.Length - 1; i++)
            {
                if (u < cumulative[i])
                {
                    return i;
                }
            }

            return cumulative.Length - 1;
        }

        int lo = 0;
        int hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid])
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
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
