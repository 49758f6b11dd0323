using System;

namespace SynthKit.CodeAnalysis;

/// <summary>
/// The locales SynthKit's runtime knows (Bogus 35.6.5's), for the generator and the analyzers, which cannot load Bogus.
/// A runtime test checks this list against <c>Bogus.Database.GetAllLocales()</c>.
/// </summary>
internal static class Locales
{
    public static readonly string[] Names =
    {
        "af_ZA", "ar", "az", "cz", "de", "de_AT", "de_CH", "el", "en", "en_AU", "en_AU_ocker", "en_BORK", "en_CA", "en_GB",
        "en_IE", "en_IND", "en_NG", "en_US", "en_ZA", "es", "es_MX", "fa", "fi", "fr", "fr_CA", "fr_CH", "ge", "hr", "id_ID",
        "it", "ja", "ko", "lv", "nb_NO", "ne", "nl", "nl_BE", "pl", "pt_BR", "pt_PT", "ro", "ru", "sk", "sv", "tr", "uk", "vi",
        "zh_CN", "zh_TW", "zu_ZA",
    };

    /// <summary>The locale's name as Bogus spells it (<c>pt-br</c> → <c>pt_BR</c>), or null when there is no such locale.</summary>
    public static string? Canonical(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return null;
        }

        string wanted = name.Replace('-', '_');
        foreach (var known in Names)
        {
            if (string.Equals(known, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return known;
            }
        }

        return null;
    }
}
