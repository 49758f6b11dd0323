using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace SynthKit.Generation;

/// <summary>
/// A parsed <c>[Pattern]</c>: <c>#</c> a digit, <c>?</c> an upper-case letter, <c>*</c> a digit or upper-case letter,
/// <c>\</c> escapes the next character, anything else is literal. Parsed once; each value is one string allocation.
/// </summary>
public sealed class CompiledPattern
{
    private const string Digits = "0123456789";
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Alphanumerics = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static readonly ConcurrentDictionary<string, CompiledPattern> s_cache = new(StringComparer.Ordinal);

    // For each output position: the alphabet to draw from, or null for the literal in _literals.
    private readonly string?[] _alphabets;
    private readonly char[] _literals;

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
        var alphabets = new List<string?>(pattern.Length);
        var literals = new List<char>(pattern.Length);
        ulong domain = 1;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            string? alphabet = c switch
            {
                '#' => Digits,
                '?' => Letters,
                '*' => Alphanumerics,
                _ => null,
            };
            if (c == '\\')
            {
                if (++i == pattern.Length)
                {
                    throw new ArgumentException($"The pattern '{pattern}' ends in a lone '\\'; write '\\\\' for a literal backslash.", nameof(pattern));
                }

                c = pattern[i];
            }

            alphabets.Add(alphabet);
            literals.Add(alphabet is null ? c : '\0');
            if (alphabet is not null)
            {
                domain = domain > ulong.MaxValue / (ulong)alphabet.Length ? ulong.MaxValue : domain * (ulong)alphabet.Length;
            }
        }

        _alphabets = alphabets.ToArray();
        _literals = literals.ToArray();
        DomainSize = domain;
    }

    /// <summary>The pattern text.</summary>
    public string Pattern { get; }

    /// <summary>How many distinct values the pattern can make (saturating at <see cref="ulong.MaxValue"/>).</summary>
    public ulong DomainSize { get; }

    /// <summary>The output length.</summary>
    public int Length => _alphabets.Length;

    /// <summary>A random value of the pattern.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The value.</returns>
    public string Next(SynthRandom random) =>
        string.Create(_alphabets.Length, (this, random), static (span, s) =>
        {
            var alphabets = s.Item1._alphabets;
            var literals = s.Item1._literals;
            for (int i = 0; i < span.Length; i++)
            {
                var alphabet = alphabets[i];
                span[i] = alphabet is null ? literals[i] : alphabet[s.random.Below(alphabet.Length)];
            }
        });

    /// <summary>The value with the given ordinal in <c>[0, DomainSize)</c> (mixed-radix, last placeholder fastest).</summary>
    /// <param name="ordinal">The ordinal.</param>
    /// <returns>The value.</returns>
    public string FromOrdinal(ulong ordinal) =>
        string.Create(_alphabets.Length, (this, ordinal), static (span, s) =>
        {
            var alphabets = s.Item1._alphabets;
            var literals = s.Item1._literals;
            ulong rest = s.ordinal;
            for (int i = span.Length - 1; i >= 0; i--)
            {
                var alphabet = alphabets[i];
                if (alphabet is null)
                {
                    span[i] = literals[i];
                }
                else
                {
                    span[i] = alphabet[(int)(rest % (ulong)alphabet.Length)];
                    rest /= (ulong)alphabet.Length;
                }
            }
        });

    /// <summary>A shared compiled instance of a pattern.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>The compiled pattern.</returns>
    public static CompiledPattern Get(string pattern) => s_cache.GetOrAdd(pattern, static p => new CompiledPattern(p));
}
