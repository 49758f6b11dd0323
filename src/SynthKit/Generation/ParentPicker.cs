using System;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Threading;

namespace SynthKit.Generation;

/// <summary>
/// Which parent row a child row names under <c>[References]</c>: the one place that decides it, called by generated
/// synthesizers and by <see cref="SpecSynthesizer"/>. Every answer depends only on (seed, column, row), so any slice of
/// the child table names parents of the full parent table, and the children per parent follow the declared
/// distribution (<c>ChildCount</c>: 1 uniform, 2 fixed, 3 Poisson, 4 Zipf).
/// </summary>
/// <remarks>
/// Fixed and Poisson lay the children out in parent order: parent <c>j</c> gets <c>c_j</c> children (Poisson counts drawn
/// from the stream of (seed, column, j)), and child row <c>i</c> belongs to the parent whose range holds it — a table of
/// cumulative counts, built once per synthesizer on first use (8 bytes per parent). Rows past the natural child-table size
/// (<see cref="ChildRows"/>) repeat the layout. Uniform and Zipf draw each child's parent from the row's own stream.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParentPicker
{
    private static readonly ConcurrentDictionary<(double, int), WeightedTable> s_zipf = new();

    private readonly ulong _scope;
    private readonly ulong _key;
    private readonly string _column;
    private readonly int _mode;
    private readonly double _mean;
    private readonly WeightedTable? _zipf;
    private readonly long _childRows;
    private long[]? _ends;

    /// <summary>Creates the picker of one foreign-key column.</summary>
    /// <param name="scope">The synthesizer's seed scope.</param>
    /// <param name="key">The column's key.</param>
    /// <param name="column">The column's name, for messages.</param>
    /// <param name="parents">The number of parent rows; positive.</param>
    /// <param name="mode">The <c>ChildCount</c>: 1 uniform, 2 fixed, 3 Poisson, 4 Zipf.</param>
    /// <param name="mean">The mean number of children per parent.</param>
    /// <param name="exponent">For Zipf: the exponent.</param>
    public ParentPicker(ulong scope, ulong key, string column, long parents, int mode, double mean, double exponent)
    {
        if (parents <= 0 || mode is < 1 or > 4 || !(mean > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(parents), $"'{column}': a reference needs a positive parent count, a ChildCount of 1 to 4 and a positive mean.");
        }

        _scope = scope;
        _key = key;
        _column = column;
        Parents = parents;
        _mode = mode;
        _mean = mean;
        if (mode == 4)
        {
            _zipf = ZipfTable(exponent, parents);
        }

        _childRows = mode switch
        {
            2 => parents * (long)mean,
            3 => -1,
            _ => (long)Math.Round(parents * mean, MidpointRounding.AwayFromZero),
        };
    }

    /// <summary>The picker a spec's reference rule describes (the spec synthesizer's and a dataset's sizing alike).</summary>
    internal static ParentPicker FromRule(ulong scope, string keyName, RuleSpec rule) =>
        new(scope, SynthRandom.KeyOf(keyName), keyName, rule.Parents!.Value, (int)(rule.PerParent ?? ChildCount.Uniform), rule.Mean ?? 1, rule.S ?? 1);

    /// <summary>The number of parent rows.</summary>
    public long Parents { get; }

    /// <summary>The natural size of the child table: the sum of the children of every parent.</summary>
    public long ChildRows => _childRows >= 0 ? _childRows : Ends()[^1];

    /// <summary>The parent row (0 … <see cref="Parents"/> − 1) that child row <paramref name="index"/> names.</summary>
    /// <param name="random">The child cell's randomness (already reset to it).</param>
    /// <param name="index">The child row.</param>
    /// <returns>The parent's row index.</returns>
    public long Pick(SynthRandom random, long index)
    {
        switch (_mode)
        {
            case 1:
                return random.Int64(0, Parents - 1);
            case 2:
                return (index / (long)_mean) % Parents;
            case 3:
                {
                    var ends = Ends();
                    long total = ends[^1];
                    if (total == 0)
                    {
                        return random.Int64(0, Parents - 1);
                    }

                    // The parent j with ends[j] ≤ at < ends[j + 1]: the first j whose end passes the row (parents without
                    // children share an end with their neighbour, so an exact-match search could land on one of them).
                    long at = index % total;
                    int lo = 0, hi = ends.Length - 2;
                    while (lo < hi)
                    {
                        int mid = (int)(((uint)lo + (uint)hi) >> 1);
                        if (ends[mid + 1] > at)
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

            default:
                return Rank((long)_zipf!.Sample(random));
        }
    }

    /// <summary>In a nested object (no table of its own): a parent drawn uniformly, or by Zipf rank for mode 4.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <param name="parents">The number of parent rows.</param>
    /// <param name="mode">The <c>ChildCount</c>.</param>
    /// <param name="exponent">For Zipf: the exponent.</param>
    /// <returns>The parent's row index.</returns>
    public static long PickAny(SynthRandom random, long parents, int mode, double exponent) =>
        mode == 4 ? ZipfTable(exponent, parents).Sample(random) : random.Int64(0, parents - 1);

    /// <summary>How many children parent <paramref name="parent"/> has in the natural child table (Fixed and Poisson).</summary>
    /// <param name="parent">The parent row.</param>
    /// <returns>Its number of children, or −1 when each child draws its parent on its own (Uniform, Zipf).</returns>
    public long ChildrenOf(long parent) => _mode switch
    {
        2 => (long)_mean,
        3 => Ends()[parent + 1] - Ends()[parent],
        _ => -1,
    };

    /// <summary>The first child row of parent <paramref name="parent"/> in the natural child table (Fixed and Poisson): its children are that row and the <see cref="ChildrenOf"/> − 1 after it.</summary>
    /// <param name="parent">The parent row.</param>
    /// <returns>The first child row, or −1 when each child draws its parent on its own (Uniform, Zipf).</returns>
    public long FirstChildOf(long parent) => _mode switch
    {
        2 => parent * (long)_mean,
        3 => Ends()[parent],
        _ => -1,
    };

    private long Rank(long rank) =>
        (long)UniquePermutation.Permute(rank, (ulong)Parents, _scope ^ _key, _column);

    private long[] Ends()
    {
        var ends = Volatile.Read(ref _ends);
        if (ends is not null)
        {
            return ends;
        }

        if (Parents > int.MaxValue - 1)
        {
            throw new SynthKitException(ErrorCodes.InvalidSpec, $"'{_column}': a Poisson layout covers at most {int.MaxValue - 1:N0} parents");
        }

        ends = new long[Parents + 1];
        var random = new SynthRandom();
        ulong tableScope = SynthRandom.Derive(_scope, _key, -1);
        for (long j = 0; j < Parents; j++)
        {
            random.Reset(tableScope, _key, j);
            ends[j + 1] = ends[j] + RuleFunctions.Poisson(random, _mean);
        }

        Interlocked.CompareExchange(ref _ends, ends, null);
        return _ends!;
    }

    private static WeightedTable ZipfTable(double exponent, long parents) =>
        s_zipf.GetOrAdd((exponent, (int)Math.Min(parents, int.MaxValue)), static k => WeightedTable.Zipf(k.Item1, k.Item2));
}
