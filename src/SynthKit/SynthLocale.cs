using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit;

/// <summary>
/// The language and country whose data fakes are drawn from: first and last names (by sex where the data has them),
/// the order of a full name, e-mail domains, phone and postcode formats, states, cities, streets, companies — Bogus's
/// locale data, read once. Every Bogus locale is available (<see cref="Names"/>); <c>en</c> is the default.
/// </summary>
/// <remarks>
/// The locale is part of what a value depends on: the same seed gives the same bytes in the same locale on every
/// machine, and different (but equally deterministic) data in another. A list a locale lacks comes from its language,
/// then from <c>en</c>, as in Bogus.
/// </remarks>
public sealed class SynthLocale
{
    private static readonly string[] s_names = Bogus.Database.GetAllLocales().OrderBy(n => n, StringComparer.Ordinal).ToArray();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SynthLocale> s_locales = new(StringComparer.Ordinal);
    private static readonly Lazy<SynthLocale> s_english = new(() => new SynthLocale(Generation.LocaleData.English));

    private SynthLocale(Generation.LocaleData data) => Data = data;

    /// <summary>English (<c>en</c>): SynthKit's default locale.</summary>
    public static SynthLocale English => s_english.Value;

    /// <summary>The names of every locale (Bogus's: <c>de</c>, <c>en_GB</c>, <c>ja</c>, <c>pt_BR</c>, <c>zh_CN</c> …), in ordinal order.</summary>
    public static IReadOnlyList<string> Names => s_names;

    /// <summary>The locale's name as Bogus spells it (<c>pt_BR</c>).</summary>
    public string Name => Data.Name;

    /// <summary>The country whose addresses the locale describes, in its own language (<c>Deutschland</c> for <c>de</c>).</summary>
    public string Country => Data.HomeCountry;

    /// <summary>That country's ISO 3166 alpha-2 code (<c>DE</c>).</summary>
    public string CountryCode => Data.HomeCountryCode;

    internal Generation.LocaleData Data { get; }

    /// <summary>The locale named <paramref name="name"/>; <c>-</c> may stand for <c>_</c> (<c>pt-BR</c>), and case is ignored.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The locale.</returns>
    /// <exception cref="SynthKitException">SK4006: no such locale.</exception>
    public static SynthLocale Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, out var locale)
            ? locale
            : throw new SynthKitException(ErrorCodes.InvalidSpec, $"there is no locale '{name}'; the locales are {string.Join(", ", s_names)}");
    }

    /// <summary>Finds the locale named <paramref name="name"/>, as <see cref="Get"/> does.</summary>
    /// <param name="name">The name.</param>
    /// <param name="locale">The locale, when there is one.</param>
    /// <returns>Whether there is one.</returns>
    public static bool TryGet(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SynthLocale? locale)
    {
        locale = null;
        string? canonical = Canonical(name);
        if (canonical is null)
        {
            return false;
        }

        locale = canonical == "en" ? English : s_locales.GetOrAdd(canonical, static n => new SynthLocale(Generation.LocaleData.For(n)));
        return true;
    }

    /// <summary>The name as Bogus spells it, or null when there is no such locale.</summary>
    internal static string? Canonical(string? name) => CodeAnalysis.Locales.Canonical(name);

    /// <inheritdoc />
    public override string ToString() => Name;
}
