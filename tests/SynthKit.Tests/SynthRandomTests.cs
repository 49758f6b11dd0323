using System;
using System.Linq;

namespace SynthKit.Tests;

/// <summary>SynthRandom as a System.Random (MathNet and user overrides call these): bounds, degenerate ranges, errors, determinism.</summary>
public class SynthRandomTests
{
    private static SynthRandom At(long index)
    {
        var random = new SynthRandom();
        random.Reset(SynthRandom.ScopeOf(7), SynthRandom.KeyOf("t.c"), index);
        return random;
    }

    [Fact]
    public void System_random_overloads_stay_in_their_bounds()
    {
        var r = At(1);
        for (int i = 0; i < 2_000; i++)
        {
            Assert.InRange(r.Next(), 0, int.MaxValue - 1);
            Assert.InRange(r.Next(10), 0, 9);
            Assert.InRange(r.Next(-5, 5), -5, 4);
            Assert.InRange(r.NextInt64(), 0, long.MaxValue - 1);
            Assert.InRange(r.NextInt64(1_000_000_000_000), 0, 999_999_999_999);
            Assert.InRange(r.NextInt64(-3, 3), -3, 2);
            Assert.InRange(r.NextSingle(), 0f, 0.99999994f);
            Assert.InRange(r.NextDouble(), 0.0, 0.9999999999999999);
        }

        Assert.Equal((0, 4, 0L, -9L), (r.Next(0), r.Next(4, 4), r.NextInt64(0), r.NextInt64(-9, -9)));
    }

    [Fact]
    public void Reversed_or_negative_bounds_throw()
    {
        var r = At(2);
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Next(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Next(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.NextInt64(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.NextInt64(3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => r.Int64(3, 2));
    }

    [Fact]
    public void Bytes_fill_whole_words_and_a_tail_and_repeat_for_the_same_cell()
    {
        byte[] a = new byte[13], b = new byte[13];
        At(3).NextBytes(a);
        At(3).NextBytes(b);
        Assert.Equal(a, b);
        Assert.Contains(a.Skip(8), x => x != 0);
        Span<byte> empty = Span<byte>.Empty;
        At(3).NextBytes(empty);
        Assert.NotEqual(a, AtBytes(4));
    }

    [Fact]
    public void Random_sample_is_next_double_and_index_is_the_row()
    {
        var r = At(5);
        Assert.Equal(5, r.Index);
        // Through the base type (as MathNet holds it) draws are the cell's own: other rows give other values.
        Assert.NotEqual(((Random)At(5)).NextDouble(), ((Random)At(6)).NextDouble());
        string[] items = ["a", "b", "c"];
        Assert.Equal(items, Enumerable.Range(0, 300).Select(i => At(i).Pick(items)).Distinct().Order());
        Assert.InRange(At(6).NextUInt64(10), 0UL, 9UL);
    }

    private static byte[] AtBytes(long index)
    {
        var bytes = new byte[13];
        At(index).NextBytes(bytes);
        return bytes;
    }
}
