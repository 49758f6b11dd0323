using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace SynthKit.Generation;

/// <summary>
/// A parsed <c>[Pattern]</c>: <c>#</c> a digit, <c>?</c> an upper-case letter, <c>*</c> a digit or upper-case letter,
/// <c>\</c> escapes the next character, anything else is literal. Parsed once; each value is one string allocation and
/// one bounded draw per run of placeholders (a run of five digits is one draw below 100,000).
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)] // called by generated code
public sealed class CompiledPattern
{
    private const string Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static readonly ConcurrentDictionary<string, CompiledPattern> s_cache = new(StringComparer.Ordinal);

    // Per output position: 0 literal, 10 digit, 26 letter, 36 alphanumeric (the alphabet size).
    private readonly int[] _radix;
    private readonly char[] _literals;
    private readonly Segment[] _segments;

    /// <summary>Parses a pattern.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <exception cref="ArgumentException">The pattern is empty or ends in a lone <c>\</c>.</exception>
    public CompiledPattern(string pattern)
    {
        if (string.IsNullOrEmpty(pattern))
        {
            throw new ArgumentException("A pattern must not be empty.", nameof(pattern));
        }

        Pattern = pattern;
        var radix = new List<int>(pattern.Length);
        var literals = new List<char>(pattern.Length);
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            int r = c switch
            {
                '#' => 10,
                '?' => 26,
                '*' => 36,
                _ => 0,
            };
            if (c == '\\')
            {
                if (++i == pattern.Length)
                {
                    throw new ArgumentException($"The pattern '{pattern}' ends in a lone '\\'; write '\\\\' for a literal backslash.", nameof(pattern));
                }

                c = pattern[i];
            }

            radix.Add(r);
            literals.Add(r == 0 ? c : '\0');
        }

        _radix = radix.ToArray();
        _literals = literals.ToArray();
        _segments = Segments(_radix);
        ulong domain = 1;
        foreach (int r in _radix)
        {
            if (r != 0)
            {
                domain = domain > ulong.MaxValue / (ulong)r ? ulong.MaxValue : domain * (ulong)r;
            }
        }

        DomainSize = domain;
    }

    /// <summary>The pattern text.</summary>
    public string Pattern { get; }

    /// <summary>How many distinct values the pattern can make (saturating at <see cref="ulong.MaxValue"/>).</summary>
    public ulong DomainSize { get; }

    /// <summary>The output length.</summary>
    public int Length => _radix.Length;

    /// <summary>A random value of the pattern.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The value.</returns>
    public string Next(SynthRandom random) =>
        string.Create(_radix.Length, (this, random), static (span, s) =>
        {
            var literals = s.Item1._literals;
            foreach (var segment in s.Item1._segments)
            {
                if (segment.Radix == 0)
                {
                    literals.AsSpan(segment.Start, segment.Length).CopyTo(span.Slice(segment.Start));
                    continue;
                }

                ulong value = s.random.NextUInt64(segment.Domain);
                Write(span.Slice(segment.Start, segment.Length), segment.Radix, value);
            }
        });

    /// <summary>The value with the given ordinal in <c>[0, DomainSize)</c> (mixed-radix, last placeholder fastest).</summary>
    /// <param name="ordinal">The ordinal.</param>
    /// <returns>The value.</returns>
    public string FromOrdinal(ulong ordinal) =>
        string.Create(_radix.Length, (this, ordinal), static (span, s) =>
        {
            var radix = s.Item1._radix;
            var literals = s.Item1._literals;
            ulong rest = s.ordinal;
            for (int i = span.Length - 1; i >= 0; i--)
            {
                if (radix[i] == 0)
                {
                    span[i] = literals[i];
                }
                else
                {
                    span[i] = Alphanumerics[Digit(radix[i], rest % (ulong)radix[i])];
                    rest /= (ulong)radix[i];
                }
            }
        });

    /// <summary>A shared compiled instance of a pattern.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The compiled pattern.</returns>
    public static CompiledPattern Get(string pattern) => s_cache.GetOrAdd(pattern, static p => new CompiledPattern(p));

    // Letters are 'A'… in the alphanumeric table after the ten digits.
    private static int Digit(int radix, ulong value) => radix == 26 ? 10 + (int)value : (int)value;

    private static void Write(Span<char> destination, int radix, ulong value)
    {
        // Constant divisors, so each digit is a multiply and a shift.
        switch (radix)
        {
            case 10:
                for (int k = destination.Length - 1; k >= 0; k--)
                {
                    (value, ulong digit) = Math.DivRem(value, 10UL);
                    destination[k] = (char)('0' + (int)digit);
                }

                break;
            case 26:
                for (int k = destination.Length - 1; k >= 0; k--)
                {
                    (value, ulong letter) = Math.DivRem(value, 26UL);
                    destination[k] = (char)('A' + (int)letter);
                }

                break;
            default:
                for (int k = destination.Length - 1; k >= 0; k--)
                {
                    (value, ulong symbol) = Math.DivRem(value, 36UL);
                    destination[k] = Alphanumerics[(int)symbol];
                }

                break;
        }
    }

    /// <summary>Splits positions into literal runs and placeholder runs short enough for one 64-bit draw.</summary>
    private static Segment[] Segments(int[] radix)
    {
        var segments = new List<Segment>();
        int i = 0;
        while (i < radix.Length)
        {
            int r = radix[i];
            int maxRun = r switch { 0 => int.MaxValue, 10 => 19, 26 => 13, _ => 12 };
            int start = i;
            while (i < radix.Length && radix[i] == r && i - start < maxRun)
            {
                i++;
            }

            ulong domain = 1;
            if (r != 0)
            {
                for (int k = start; k < i; k++)
                {
                    domain *= (ulong)r;
                }
            }

            segments.Add(new Segment(start, i - start, r, domain));
        }

        return segments.ToArray();
    }

    private readonly record struct Segment(int Start, int Length, int Radix, ulong Domain);
}
