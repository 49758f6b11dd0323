using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace SynthKit;

/// <summary>
/// SynthKit's seeded randomness: a counter-based generator in which every cell (schema column × row) has its own
/// stream, seeded from a hash of the synthesizer's seed, the column's key and the row index. A value therefore
/// depends only on (seed, schema, column, row) — never on batch size, thread count, the order in which rows are
/// made, or which other columns exist.
/// </summary>
/// <remarks>
/// <para>
/// Each stream is SplitMix64 (Steele, Lea and Flood, 2014) started from the cell's hash; the hash is the same
/// 64-bit finalizer. Derives from <see cref="Random"/> so that MathNet.Numerics distributions can sample from it
/// directly. An instance is reset for each cell and is not thread-safe: every enumeration owns one.
/// </para>
/// <para>Generated synthesizers call <see cref="Reset(ulong, ulong, long)"/> before each member; user overrides receive the instance
/// already positioned on their cell, with <see cref="Index"/> set to the row.</para>
/// </remarks>
public sealed class SynthRandom : Random
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const ulong FnvOffset = 0xCBF29CE484222325UL;
    private const ulong FnvPrime = 0x100000001B3UL;

    [ThreadStatic]
    private static SynthRandom? t_spare;

    private ulong _state;
    private long _index;
    private Generation.BogusDataSets? _bogus;
    private SynthLocale _locale = SynthLocale.English;

    /// <summary>Creates an instance positioned on row 0 of a zero scope; call <see cref="Reset(ulong, ulong, long)"/> before use.</summary>
    public SynthRandom()
        : base(0)
    {
    }

    /// <summary>The row (or, inside nested objects and lists, the element) index of the current cell.</summary>
    public long Index => _index;

    /// <summary>
    /// The locale whose data fakes draw from (<see cref="SynthLocale.English"/> unless set). Synthesizers set it to
    /// their own locale before they make a row; a user override may read it.
    /// </summary>
    public SynthLocale Locale
    {
        get => _locale;
        set => _locale = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Bogus data sets that draw from this instance, for the fake kinds whose formats Bogus owns.</summary>
    internal Generation.BogusDataSets Bogus => _bogus ??= new Generation.BogusDataSets(this);

    /// <summary>
    /// An instance for one short synchronous use on this thread (a single <c>Create(index)</c>), so that making one
    /// row does not allocate; give it back with <see cref="Return"/>.
    /// </summary>
    /// <returns>An instance no one else holds.</returns>
    public static SynthRandom Rent()
    {
        var spare = t_spare;
        if (spare is null)
        {
            return new SynthRandom();
        }

        t_spare = null;
        return spare;
    }

    /// <summary>Gives back an instance from <see cref="Rent"/>.</summary>
    /// <param name="random">The instance.</param>
    public static void Return(SynthRandom random) => t_spare = random;

    /// <summary>The root scope of a synthesizer with the given seed.</summary>
    /// <param name="seed">The user's seed.</param>
    /// <returns>The scope from which every column's streams derive.</returns>
    public static ulong ScopeOf(long seed) => Mix((ulong)seed + Gamma);

    /// <summary>
    /// The stable 64-bit key of a column name (FNV-1a over its UTF-8 bytes, then mixed). The generator emits these
    /// keys as constants; this method computes the same value at run time.
    /// </summary>
    /// <param name="name">The column name, by convention <c>Schema.Member</c>.</param>
    /// <returns>The key.</returns>
    public static ulong KeyOf(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        ulong hash = FnvOffset;
        foreach (byte b in Encoding.UTF8.GetBytes(name))
        {
            hash = (hash ^ b) * FnvPrime;
        }

        return Mix(hash);
    }

    /// <summary>
    /// The base of a column's streams: <c>Mix(scope ⊕ key)</c>. Generated synthesizers compute it once per column, so a
    /// cell costs one mix: <c>Reset(columnBase, index)</c> equals <c>Reset(scope, key, index)</c>.
    /// </summary>
    /// <param name="scope">The synthesizer's (or nested object's) scope.</param>
    /// <param name="key">The column key.</param>
    /// <returns>The column base.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ColumnBase(ulong scope, ulong key) => Mix(scope ^ key);

    /// <summary>The scope of a nested object or list element, derived from its parent's scope, member key and row.</summary>
    /// <param name="scope">The parent's scope.</param>
    /// <param name="key">The member's key.</param>
    /// <param name="index">The parent's row index.</param>
    /// <returns>The derived scope.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Derive(ulong scope, ulong key, long index) => Mix(ColumnBase(scope, key) + ((ulong)index * Gamma));

    /// <summary>Positions this instance on the stream of one cell.</summary>
    /// <param name="scope">The synthesizer's (or nested object's) scope.</param>
    /// <param name="key">The column key.</param>
    /// <param name="index">The row index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reset(ulong scope, ulong key, long index)
    {
        _state = Derive(scope, key, index);
        _index = index;
    }

    /// <summary>Positions this instance on the stream of one cell of a column whose base is precomputed.</summary>
    /// <param name="columnBase">The column's base, from <see cref="ColumnBase"/>.</param>
    /// <param name="index">The row index.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reset(ulong columnBase, long index)
    {
        _state = Mix(columnBase + ((ulong)index * Gamma));
        _index = index;
    }

    /// <summary>The next 64 random bits of the current cell's stream.</summary>
    /// <returns>64 uniformly distributed bits.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>A uniform double in <c>[0, 1)</c> with 53 bits of precision.</summary>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in <c>[min, max]</c>, both inclusive, without modulo bias (Lemire's method).</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound; not less than <paramref name="min"/>.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Int64(long min, long max)
    {
        if (max < min)
        {
            ThrowMaxBelowMin(max);
        }

        ulong range = (ulong)(max - min) + 1UL;
        return range == 0 ? (long)NextUInt64() : min + (long)Bounded(range);
    }

    /// <summary>A uniform integer in <c>[min, max]</c>, both inclusive.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound; not less than <paramref name="min"/>.</param>
    /// <returns>The value.</returns>
    public int Int32(int min, int max) => (int)Int64(min, max);

    /// <summary>A uniform integer in <c>[0, bound)</c>, without modulo bias.</summary>
    /// <param name="bound">The number of outcomes; positive.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64(ulong bound) => Bounded(bound);

    /// <summary>A uniform integer in <c>[0, count)</c>.</summary>
    /// <param name="count">The number of outcomes; positive.</param>
    /// <returns>The value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Below(int count) => (int)Bounded((ulong)count);

    /// <summary><see langword="true"/> with the given probability.</summary>
    /// <param name="probability">The probability of <see langword="true"/>.</param>
    /// <returns>The outcome.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>A uniformly chosen element of a non-empty array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The items.</param>
    /// <returns>One of them.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T Pick<T>(T[] items) => items[Below(items.Length)];

    /// <summary>A random version-4 GUID.</summary>
    /// <returns>The GUID.</returns>
    public Guid NextGuid()
    {
        // Two draws as the 16 bytes of a little-endian GUID on every machine: a, b, c from the first draw (byte 7 is
        // the top byte of c), d … k from the second (byte 8 is d).
        ulong first = NextUInt64();
        ulong second = NextUInt64();
        return new Guid(
            (int)first,
            (short)(first >> 32),
            (short)(((first >> 48) & 0x0FFF) | 0x4000), // version 4
            (byte)((second & 0x3F) | 0x80), // RFC 4122 variant
            (byte)(second >> 8),
            (byte)(second >> 16),
            (byte)(second >> 24),
            (byte)(second >> 32),
            (byte)(second >> 40),
            (byte)(second >> 48),
            (byte)(second >> 56));
    }

    /// <inheritdoc />
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue));
        }

        return maxValue == 0 ? 0 : Below(maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue));
        }

        return minValue == maxValue ? minValue : (int)Int64(minValue, (long)maxValue - 1);
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)(NextUInt64() >> 1);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        if (maxValue < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxValue));
        }

        return maxValue == 0 ? 0 : (long)Bounded((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        if (minValue > maxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(minValue));
        }

        return minValue == maxValue ? minValue : Int64(minValue, maxValue - 1);
    }

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            BitConverter.TryWriteBytes(buffer, NextUInt64());
            buffer = buffer.Slice(8);
        }

        if (!buffer.IsEmpty)
        {
            Span<byte> last = stackalloc byte[8];
            BitConverter.TryWriteBytes(last, NextUInt64());
            last.Slice(0, buffer.Length).CopyTo(buffer);
        }
    }

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowMaxBelowMin(long max) =>
        throw new ArgumentOutOfRangeException(nameof(max), max, "max must not be less than min.");

    /// <summary>The SplitMix64 / Stafford "Mix13" finalizer: a bijective avalanche of 64 bits.</summary>
    /// <param name="z">The input.</param>
    /// <returns>The mixed value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Bounded(ulong range)
    {
        ulong high = Math.BigMul(NextUInt64(), range, out ulong low);
        if (low < range)
        {
            ulong threshold = (0UL - range) % range;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), range, out low);
            }
        }

        return high;
    }
}
