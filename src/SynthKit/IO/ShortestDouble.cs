using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SynthKit.IO;

/// <summary>
/// Writes a <see cref="double"/> as UTF-8 in exactly the bytes that <c>double.TryFormat(span, out n, default,
/// CultureInfo.InvariantCulture)</c> writes — the shortest string that parses back to the same value, in .NET's layout
/// (<c>0.0001</c>, <c>123456789012345</c>, <c>1E+15</c>, <c>1.5E-05</c>, <c>-0</c>) — but with Ulf Adams' Ryū
/// algorithm ("Ryū: fast float-to-string conversion", PLDI 2018), which finds the shortest digits with a few 64-bit
/// multiplications instead of .NET's Grisu/Dragon4 path.
/// </summary>
/// <remarks>
/// Hand-written because a continuous column written at full precision cost ~120 ns per value through the BCL, as much
/// as generating the rest of a row, and no maintained .NET package implements Ryū. The output is pinned to the BCL's
/// byte for byte by a differential test over millions of values of every exponent. NaN and infinities go to the BCL.
/// The power-of-five tables are computed once from <see cref="BigInteger"/> (as Ryū's Java port does) rather than
/// carried as 1,300 literals.
/// </remarks>
internal static class ShortestDouble
{
    /// <summary>The longest output: sign, 17 digits, point, <c>E-308</c>.</summary>
    public const int MaxLength = 32;

    private const int MantissaBits = 52;
    private const int ExponentBits = 11;
    private const int Bias = 1023;
    private const int Pow5InverseBitCount = 125;
    private const int Pow5BitCount = 125;
    private const int Pow5InverseTableSize = 342;
    private const int Pow5TableSize = 326;

    private static readonly ulong[] s_powersOf10 =
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ];

    private static readonly (ulong[] Low, ulong[] High, ulong[] InverseLow, ulong[] InverseHigh) s_tables = BuildTables();
    private static readonly ulong[] s_pow5Low = s_tables.Low;
    private static readonly ulong[] s_pow5High = s_tables.High;
    private static readonly ulong[] s_pow5InverseLow = s_tables.InverseLow;
    private static readonly ulong[] s_pow5InverseHigh = s_tables.InverseHigh;

    /// <summary>
    /// Fills the power-of-five tables: <c>5^i</c> to its top 125 bits, and <c>floor(2^(floor(log2 5^i) + 125) / 5^i) + 1</c>.
    /// </summary>
    private static (ulong[] Low, ulong[] High, ulong[] InverseLow, ulong[] InverseHigh) BuildTables()
    {
        var low = new ulong[Pow5TableSize];
        var high = new ulong[Pow5TableSize];
        var inverseLow = new ulong[Pow5InverseTableSize];
        var inverseHigh = new ulong[Pow5InverseTableSize];
        var mask = (BigInteger.One << 64) - 1;
        var pow = BigInteger.One;
        for (int i = 0; i < Pow5InverseTableSize; i++, pow *= 5)
        {
            int length = (int)pow.GetBitLength();
            if (i < Pow5TableSize)
            {
                var split = length > Pow5BitCount ? pow >> (length - Pow5BitCount) : pow << (Pow5BitCount - length);
                low[i] = (ulong)(split & mask);
                high[i] = (ulong)(split >> 64);
            }

            var inverse = (BigInteger.One << (length - 1 + Pow5InverseBitCount)) / pow + 1;
            inverseLow[i] = (ulong)(inverse & mask);
            inverseHigh[i] = (ulong)(inverse >> 64);
        }

        return (low, high, inverseLow, inverseHigh);
    }

    /// <summary>Writes <paramref name="value"/>; <paramref name="destination"/> must hold <see cref="MaxLength"/> bytes.</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where to write.</param>
    /// <returns>The number of bytes written.</returns>
    public static int Write(double value, Span<byte> destination)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        bool negative = (bits >> 63) != 0;
        ulong ieeeMantissa = bits & ((1UL << MantissaBits) - 1);
        int ieeeExponent = (int)((bits >> MantissaBits) & ((1U << ExponentBits) - 1));
        if (ieeeExponent == (1 << ExponentBits) - 1)
        {
            value.TryFormat(destination, out int special, default, CultureInfo.InvariantCulture);
            return special;
        }

        int position = 0;
        if (negative)
        {
            destination[position++] = (byte)'-';
        }

        if (ieeeExponent == 0 && ieeeMantissa == 0)
        {
            destination[position++] = (byte)'0';
            return position;
        }

        ulong digits = ShortestDigits(ieeeMantissa, ieeeExponent, out int exponent);
        return position + Layout(digits, exponent, destination.Slice(position));
    }

    /// <summary>Ryū's d2d: the shortest <c>digits × 10^exponent</c> that rounds to the double, nearest to it.</summary>
    private static ulong ShortestDigits(ulong ieeeMantissa, int ieeeExponent, out int exponent)
    {
        int e2;
        ulong m2;
        if (ieeeExponent == 0)
        {
            e2 = 1 - Bias - MantissaBits - 2;
            m2 = ieeeMantissa;
        }
        else
        {
            e2 = ieeeExponent - Bias - MantissaBits - 2;
            m2 = (1UL << MantissaBits) | ieeeMantissa;
        }

        bool acceptBounds = (m2 & 1) == 0;

        // The interval of decimals that round to this double is (mm, mp), around mv, all scaled by 4.
        ulong mv = 4 * m2;
        uint mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1u : 0u;

        ulong vr, vp, vm;
        int e10;
        bool vmIsTrailingZeros = false;
        bool vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            int q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            int k = Pow5InverseBitCount + Pow5Bits(q) - 1;
            int shift = -e2 + q + k;
            ulong low = s_pow5InverseLow[q];
            ulong high = s_pow5InverseHigh[q];
            vr = MulShift64(4 * m2, low, high, shift);
            vp = MulShift64((4 * m2) + 2, low, high, shift);
            vm = MulShift64((4 * m2) - 1 - mmShift, low, high, shift);
            if (q <= 21)
            {
                // Only one of mp, mv and mm can be a multiple of 5, if any.
                if (mv % 5 == 0)
                {
                    vrIsTrailingZeros = MultipleOfPowerOf5(mv, q);
                }
                else if (acceptBounds)
                {
                    vmIsTrailingZeros = MultipleOfPowerOf5(mv - 1 - mmShift, q);
                }
                else
                {
                    vp -= MultipleOfPowerOf5(mv + 2, q) ? 1UL : 0UL;
                }
            }
        }
        else
        {
            int q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            int i = -e2 - q;
            int k = Pow5Bits(i) - Pow5BitCount;
            int shift = q - k;
            ulong low = s_pow5Low[i];
            ulong high = s_pow5High[i];
            vr = MulShift64(4 * m2, low, high, shift);
            vp = MulShift64((4 * m2) + 2, low, high, shift);
            vm = MulShift64((4 * m2) - 1 - mmShift, low, high, shift);
            if (q <= 1)
            {
                // mv has at least q trailing zero bits: {vr, vp, vm} are trailing zeros.
                vrIsTrailingZeros = true;
                if (acceptBounds)
                {
                    vmIsTrailingZeros = mmShift == 1;
                }
                else
                {
                    vp--;
                }
            }
            else if (q < 63)
            {
                vrIsTrailingZeros = (mv & ((1UL << q) - 1)) == 0;
            }
        }

        int removed = 0;
        ulong output;
        if (vmIsTrailingZeros || vrIsTrailingZeros)
        {
            // The rare general case.
            int lastRemovedDigit = 0;
            while (vp / 10 > vm / 10)
            {
                vmIsTrailingZeros &= vm % 10 == 0;
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = (int)(vr % 10);
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }

            if (vmIsTrailingZeros)
            {
                while (vm % 10 == 0)
                {
                    vrIsTrailingZeros &= lastRemovedDigit == 0;
                    lastRemovedDigit = (int)(vr % 10);
                    vr /= 10;
                    vp /= 10;
                    vm /= 10;
                    removed++;
                }
            }

            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0)
            {
                // Exactly halfway: round to even.
                lastRemovedDigit = 4;
            }

            output = vr + ((vr == vm && (!acceptBounds || !vmIsTrailingZeros)) || lastRemovedDigit >= 5 ? 1UL : 0UL);
        }
        else
        {
            // The common case: no trailing zeros to track.
            bool roundUp = false;
            if (vp / 100 > vm / 100)
            {
                roundUp = vr % 100 >= 50;
                vr /= 100;
                vp /= 100;
                vm /= 100;
                removed += 2;
            }

            while (vp / 10 > vm / 10)
            {
                roundUp = vr % 10 >= 5;
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }

            output = vr + (vr == vm || roundUp ? 1UL : 0UL);
        }

        exponent = e10 + removed;
        return output;
    }

    /// <summary>
    /// .NET's layout of shortest digits (the 'G' layout at 'R' precision 17): plain notation while the value has at
    /// most 17 integer digits and at most 3 zeros between the point and the first digit, otherwise <c>d.dddE±XX</c>.
    /// </summary>
    private static int Layout(ulong digits, int exponent, Span<byte> destination)
    {
        int length = DecimalLength(digits);

        // value = 0.d1d2…dn × 10^scale
        int scale = exponent + length;
        if (scale > 17 || scale < -3)
        {
            // d1 at 0 and d2…dn from 2: write all n at 1, then move d1 down over where the point goes.
            WriteDigits(digits, destination.Slice(1, length));
            destination[0] = destination[1];
            int position = 1;
            if (length > 1)
            {
                destination[1] = (byte)'.';
                position = length + 1;
            }

            destination[position++] = (byte)'E';
            int e = scale - 1;
            destination[position++] = e < 0 ? (byte)'-' : (byte)'+';
            e = Math.Abs(e);
            if (e >= 100)
            {
                destination[position++] = (byte)('0' + (e / 100));
                e %= 100;
            }

            WritePair((uint)e, destination, position);
            return position + 2;
        }

        if (scale <= 0)
        {
            destination[0] = (byte)'0';
            destination[1] = (byte)'.';
            destination.Slice(2, -scale).Fill((byte)'0');
            WriteDigits(digits, destination.Slice(2 - scale, length));
            return 2 - scale + length;
        }

        if (scale >= length)
        {
            WriteDigits(digits, destination.Slice(0, length));
            destination.Slice(length, scale - length).Fill((byte)'0');
            return scale;
        }

        // The integer digits at 0, the point at scale, the fraction after it.
        // (A byte loop: at most 17 bytes, cheaper than a call to memmove.)
        WriteDigits(digits, destination.Slice(1, length));
        var integer = destination.Slice(0, scale + 1);
        for (int i = 0; i < integer.Length - 1; i++)
        {
            integer[i] = integer[i + 1];
        }

        integer[scale] = (byte)'.';
        return length + 1;
    }

    /// <summary>Writes the decimal digits of <paramref name="value"/> to fill <paramref name="destination"/> exactly.</summary>
    private static void WriteDigits(ulong value, Span<byte> destination)
    {
        // Eight digits at a time in 32-bit arithmetic, then pairs from a table.
        int end = destination.Length;
        while (value >= 100_000_000)
        {
            ulong high = value / 100_000_000;
            Write8((uint)(value - (high * 100_000_000)), destination.Slice(end - 8, 8));
            end -= 8;
            value = high;
        }

        uint rest = (uint)value;
        while (rest >= 100)
        {
            uint quotient = rest / 100;
            WritePair(rest - (quotient * 100), destination, end -= 2);
            rest = quotient;
        }

        if (rest >= 10)
        {
            WritePair(rest, destination, end - 2);
        }
        else
        {
            destination[end - 1] = (byte)('0' + rest);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write8(uint value, Span<byte> destination)
    {
        uint high = value / 10_000;
        uint low = value - (high * 10_000);
        uint a = high / 100;
        uint b = low / 100;
        WritePair(a, destination, 0);
        WritePair(high - (a * 100), destination, 2);
        WritePair(b, destination, 4);
        WritePair(low - (b * 100), destination, 6);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WritePair(uint pair, Span<byte> destination, int at)
    {
        // pair < 100 by construction; the two ASCII digits as one little-endian 16-bit load from the table.
        ReadOnlySpan<byte> table = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;
        ushort digits = Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref MemoryMarshal.GetReference(table), (nint)(pair * 2)));
        _ = destination[at + 1];
        Unsafe.WriteUnaligned(ref destination[at], digits);
    }

    /// <summary>The number of decimal digits of a positive value.</summary>
    private static int DecimalLength(ulong value)
    {
        // floor(log10 2) ≈ 1233 / 4096 estimates it from the bit length; one comparison corrects the estimate.
        int estimate = ((64 - BitOperations.LeadingZeroCount(value)) * 1233) >> 12;
        return estimate + (value >= s_powersOf10[estimate] ? 1 : 0);
    }

    /// <summary>(m × (high·2^64 + low)) >> shift, for 64 &lt; shift &lt; 128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulShift64(ulong m, ulong low, ulong high, int shift)
    {
        ulong high1 = Math.BigMul(m, high, out ulong low1);
        ulong high0 = Math.BigMul(m, low, out _);
        ulong sum = high0 + low1;
        if (sum < high0)
        {
            high1++;
        }

        int distance = shift - 64;
        return (high1 << (64 - distance)) | (sum >> distance);
    }

    /// <summary>floor(log10 2^e) for 0 ≤ e ≤ 1650.</summary>
    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    /// <summary>floor(log10 5^e) for 0 ≤ e ≤ 2620.</summary>
    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    /// <summary>ceil(log2 5^e) for e ≥ 1, and 1 for e = 0: the bit length of 5^e.</summary>
    private static int Pow5Bits(int e) => (int)((((uint)e * 1217359) >> 19) + 1);

    private static bool MultipleOfPowerOf5(ulong value, int p)
    {
        int count = 0;
        while (value != 0 && value % 5 == 0)
        {
            value /= 5;
            count++;
        }

        return count >= p;
    }
}
