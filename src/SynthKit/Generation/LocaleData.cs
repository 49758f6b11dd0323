using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Bogus;
using Bogus.Bson;

namespace SynthKit.Generation;

/// <summary>
/// One Bogus locale's word lists and formats, read once into plain arrays. Bogus walks its locale tree on every call
/// (tens of nanoseconds each); generated code indexes these arrays with SynthKit's own randomness instead.
/// </summary>
/// <remarks>
/// A list the locale lacks comes from the next locale in its chain — the locale, its language (<c>de_AT</c> → <c>de</c>),
/// then <c>en</c> — as Bogus falls back; within one locale a list it lacks may be made from its neighbours first (first
/// names from the female and male lists, states from counties), so that a French row never gets an English first name
/// merely because <c>fr</c> keeps its first names by sex.
/// </remarks>
internal sealed class LocaleData
{
    private static readonly ConcurrentDictionary<string, LocaleData> s_cache = new(StringComparer.Ordinal);
    private static readonly Lazy<LocaleData> s_english = new(() => For("en"));

    private readonly BObject[] _chain;

    private LocaleData(string locale)
    {
        Name = locale;
        var chain = new List<BObject> { Database.GetLocale(locale) };
        int cut = locale.IndexOf('_');
        if (cut > 0 && Database.LocaleResourceExists(locale.Substring(0, cut)))
        {
            chain.Add(Database.GetLocale(locale.Substring(0, cut)));
        }

        if (locale != "en" && (cut < 0 || locale.Substring(0, cut) != "en"))
        {
            chain.Add(Database.GetLocale("en")); // en_GB, en_US … have en as their language already
        }

        _chain = chain.ToArray();
        // Some data pads names with a space (tr's "Durak "): a name never starts or ends with one.
        FirstNames = Trimmed(Strings(new[] { "name", "first_name" }, new[] { "name", "female_first_name" }, new[] { "name", "male_first_name" }));
        LastNames = Trimmed(Strings(new[] { "name", "last_name" }, new[] { "name", "female_last_name" }, new[] { "name", "male_last_name" }));
        FemaleFirstNames = Trimmed(Gendered("female_first_name", "first_name_women"));
        MaleFirstNames = Trimmed(Gendered("male_first_name", "first_name_men"));
        FreeEmailDomains = Strings(new[] { "internet", "free_email" });
        DomainSuffixes = Strings(new[] { "internet", "domain_suffix" });
        // Extensions ("x####") are what a form's phone field rejects; SynthKit makes plain numbers.
        PhoneFormats = Array.FindAll(Strings(new[] { "phone_number", "formats" }), f => f.IndexOf('x') < 0);
        // A locale whose data has no states or counties (nb_NO, fi …) gets none rather than US states beside its own
        // country: its State values are empty.
        States = Strings(IsEnglish ? _chain : _chain.Take(_chain.Length - 1), new[] { "address", "state" }, new[] { "address", "county" }) ?? Array.Empty<string>();
        PostcodeFormats = Strings(new[] { "address", "postcode" });
        Countries = Strings(new[] { "address", "country" });
        CountryCodes = Strings(new[] { "address", "country_code" });
        CompanySuffixes = Strings(new[] { "company", "suffix" });
        CompanyAdjectives = Strings(new[] { "company", "adjective" });
        CompanyDescriptors = Strings(new[] { "company", "descriptor" });
        CompanyNouns = Strings(new[] { "company", "noun" });
        TitleDescriptors = Strings(new[] { "name", "title", "descriptor" });
        TitleLevels = Strings(new[] { "name", "title", "level" });
        TitleJobs = Strings(new[] { "name", "title", "job" });
        ProductAdjectives = Strings(new[] { "commerce", "product_name", "adjective" });
        ProductMaterials = Strings(new[] { "commerce", "product_name", "material" });
        Products = Strings(new[] { "commerce", "product_name", "product" });
        Departments = Strings(new[] { "commerce", "department" });
        Colors = Strings(new[] { "commerce", "color" });
        LoremWords = Strings(new[] { "lorem", "words" });
        City = Template("city");
        StreetAddress = Template("street_address");
        (FamilyNameFirst, NameSeparator) = NameOrder();
        HomeCountry = DefaultCountry(locale);
        HomeCountryCode = CountryCodeOf(locale);
    }

    private bool IsEnglish => Name == "en" || Name.StartsWith("en_", StringComparison.Ordinal);

    /// <summary>The English data (<c>en</c>), SynthKit's default.</summary>
    public static LocaleData English => s_english.Value;

    /// <summary>The locale's Bogus name (<c>de</c>, <c>pt_BR</c> …).</summary>
    public string Name { get; }

    public string[] FirstNames { get; }

    public string[] LastNames { get; }

    public string[] FemaleFirstNames { get; }

    public string[] MaleFirstNames { get; }

    public string[] FreeEmailDomains { get; }

    public string[] DomainSuffixes { get; }

    public string[] PhoneFormats { get; }

    public string[] States { get; }

    public string[] PostcodeFormats { get; }

    public string[] Countries { get; }

    public string[] CountryCodes { get; }

    public string[] CompanySuffixes { get; }

    public string[] CompanyAdjectives { get; }

    public string[] CompanyDescriptors { get; }

    public string[] CompanyNouns { get; }

    public string[] TitleDescriptors { get; }

    public string[] TitleLevels { get; }

    public string[] TitleJobs { get; }

    public string[] ProductAdjectives { get; }

    public string[] ProductMaterials { get; }

    public string[] Products { get; }

    public string[] Departments { get; }

    public string[] Colors { get; }

    public string[] LoremWords { get; }

    /// <summary>The locale's city formats (<c>address.city</c>), parsed.</summary>
    public LocaleTemplate City { get; }

    /// <summary>The locale's street-address formats (<c>address.street_address</c>), parsed.</summary>
    public LocaleTemplate StreetAddress { get; }

    /// <summary>Whether a full name is written family name first (ja, ko, zh, vi …).</summary>
    public bool FamilyNameFirst { get; }

    /// <summary>What separates the two names of a full name (a space; nothing in Chinese).</summary>
    public string NameSeparator { get; }

    /// <summary>The country whose addresses the locale's data describes, in the locale's language (<c>Deutschland</c>).</summary>
    public string HomeCountry { get; }

    /// <summary>That country's ISO 3166 alpha-2 code (<c>DE</c>).</summary>
    public string HomeCountryCode { get; }

    /// <summary>The data of a Bogus locale.</summary>
    /// <param name="locale">The locale's Bogus name; the caller has checked it exists.</param>
    public static LocaleData For(string locale) => s_cache.GetOrAdd(locale, static l => new LocaleData(l));

    private string[] Gendered(string key, string alias)
    {
        // The locale's own list by sex, else its own first names (ja, zh_CN keep no lists by sex), else the chain's.
        foreach (var root in _chain)
        {
            if (Values(root, "name", key) is { } list)
            {
                return list;
            }

            if (Values(root, "name", alias) is { } aliased)
            {
                return aliased;
            }

            if (Values(root, "name", "first_name") is { } any)
            {
                return any;
            }
        }

        throw Missing("name." + key);
    }

    private string[] Strings(string[] path, params string[][] alternatives) => Strings(_chain, path, alternatives) ?? throw Missing(string.Join(".", path));

    private static string[]? Strings(IEnumerable<BObject> chain, string[] path, params string[][] alternatives)
    {
        foreach (var root in chain)
        {
            if (Values(root, path) is { } list)
            {
                return list;
            }

            if (alternatives.Length > 0)
            {
                // Lists by sex make one list together, female first (fr's first names, ru's last names).
                var joined = new List<string>();
                foreach (var alternative in alternatives)
                {
                    if (Values(root, alternative) is { } part)
                    {
                        joined.AddRange(part);
                    }
                }

                if (joined.Count > 0)
                {
                    return joined.ToArray();
                }
            }
        }

        return null;
    }

    private LocaleTemplate Template(string key)
    {
        foreach (var root in _chain)
        {
            if (Values(root, "address", key) is { } list)
            {
                return new LocaleTemplate(this, "address", list, 0);
            }
        }

        throw Missing("address." + key);
    }

    /// <summary>A list a template names (<c>#{city_prefix}</c>, <c>#{Name.first_name}</c>), from the chain.</summary>
    internal string[] ListFor(string section, string key)
    {
        if (section == "name" && key == "first_name")
        {
            return FirstNames;
        }

        if (section == "name" && key == "last_name")
        {
            return LastNames;
        }

        for (int i = 0; i < _chain.Length; i++)
        {
            if (Values(_chain[i], section, key) is { } list)
            {
                // A word only English data has (ja's street suffix) would put "Ferry" into a Japanese street: a locale of
                // another language leaves it out (formats, which only arrange the locale's own words, are kept).
                bool foreignWords = i == _chain.Length - 1 && !IsEnglish && _chain.Length > 1 && section == "address"
                    && !Array.Exists(list, v => v.Contains("#{", StringComparison.Ordinal) || v.IndexOf('#') >= 0);
                return foreignWords ? s_nothing : list;
            }
        }

        throw Missing(section + "." + key);
    }

    private static readonly string[] s_nothing = { string.Empty };

    private (bool FamilyFirst, string Separator) NameOrder()
    {
        string language = Name.Split('_')[0];
        bool familyFirst = language is "ja" or "ko" or "zh" or "vi" or "hu";
        string separator = language is "zh" ? string.Empty : " ";
        return (familyFirst, separator);
    }

    private string DefaultCountry(string locale)
    {
        string language = locale.Split('_')[0];
        switch (language)
        {
            // Bogus keeps no default country for these.
            case "ja": return "日本";
            case "ko": return "대한민국";
            case "fi": return "Suomi";
        }

        foreach (var root in _chain)
        {
            if (Values(root, "address", "default_country") is { } list)
            {
                return list[0];
            }
        }

        throw Missing("address.default_country");
    }

    private static string CountryCodeOf(string locale)
    {
        var parts = locale.Split('_');
        if (parts.Length > 1 && parts[1].Length == 2)
        {
            return parts[1] switch
            {
                "UK" => "GB",
                _ => parts[1],
            };
        }

        if (parts.Length > 1 && parts[1] == "IND")
        {
            return "IN";
        }

        return parts[0] switch
        {
            "ar" => "PS", // Bogus's ar data is Palestinian (default country فلسطين)
            "cz" => "CZ",
            "el" => "GR",
            "en" => "US",
            "fa" => "IR",
            "ge" => "GE",
            "ja" => "JP",
            "ko" => "KR",
            "ne" => "NP",
            "sv" => "SE",
            "uk" => "UA",
            "vi" => "VN",
            "zh" => "CN",
            var language => language.ToUpperInvariant(),
        };
    }

    private static string[] Trimmed(string[] values) => Array.ConvertAll(values, v => v.Trim());

    private static string[]? Values(BObject root, params string[] path) => Find(root, path) is { } array ? ToArray(array) : null;

    private static BArray? Find(BObject root, params string[] path)
    {
        BValue? node = root;
        foreach (var key in path)
        {
            if (node is not BObject o || o[key] is not { } next)
            {
                return null;
            }

            node = next;
        }

        return node as BArray;
    }

    private static string[]? ToArray(BArray array)
    {
        // Blank entries (nb_NO's one empty state, en_NG's empty city prefixes) are gaps in the data, not values.
        var result = new List<string>(array.Count);
        for (int i = 0; i < array.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(array[i].StringValue))
            {
                result.Add(array[i].StringValue);
            }
        }

        return result.Count == 0 ? null : result.ToArray();
    }

    private InvalidOperationException Missing(string path) => new($"Bogus locale data for '{Name}' lacks '{path}'.");
}

/// <summary>
/// A list of Bogus formats such as <c>#{city_prefix} #{Name.first_name}#{city_suffix}</c>, parsed once: each draw picks
/// one format (no draw when there is one), then fills its references left to right, each from its own list, and its
/// <c>#</c> and <c>!</c> with digits.
/// </summary>
internal sealed class LocaleTemplate
{
    private readonly Part[][] _formats;

    internal LocaleTemplate(LocaleData data, string section, string[] formats, int depth)
    {
        _formats = new Part[formats.Length][];
        for (int i = 0; i < formats.Length; i++)
        {
            _formats[i] = Parse(data, section, formats[i], depth);
        }
    }

    public string Next(SynthRandom random)
    {
        var parts = _formats.Length == 1 ? _formats[0] : _formats[random.Below(_formats.Length)];
        if (parts.Length == 1)
        {
            return Tidy(parts[0].Draw(random));
        }

        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Draw(random));
        }

        // A part left out (a word the locale lacks) leaves its separator behind, and some data ends in a space
        // (en_ZA's "Bloemfontein "): close the gaps. Clean text comes back as the same instance.
        return Tidy(text.ToString());
    }

    private static string Tidy(string text)
    {
        while (text.Contains("  ", StringComparison.Ordinal))
        {
            text = text.Replace("  ", " ", StringComparison.Ordinal);
        }

        return text.Replace(" ,", ",", StringComparison.Ordinal).Trim(' ', ',');
    }

    private static Part[] Parse(LocaleData data, string section, string format, int depth)
    {
        var parts = new List<Part>();
        int at = 0;
        while (at < format.Length)
        {
            int open = format.IndexOf("#{", at, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(Part.Literal(format.Substring(at)));
                break;
            }

            if (open > at)
            {
                parts.Add(Part.Literal(format.Substring(at, open - at)));
            }

            int close = format.IndexOf('}', open);
            string reference = format.Substring(open + 2, close - open - 2);
            int dot = reference.IndexOf('.');
            string refSection = dot < 0 ? section : reference.Substring(0, dot).ToLowerInvariant();
            string key = dot < 0 ? reference : reference.Substring(dot + 1);
            string[] values = data.ListFor(refSection, key);
            bool nested = depth < 3 && Array.Exists(values, v => v.Contains("#{", StringComparison.Ordinal));
            parts.Add(nested ? Part.Nested(new LocaleTemplate(data, refSection, values, depth + 1)) : Part.List(values));
            at = close + 1;
        }

        return parts.ToArray();
    }

    private readonly struct Part
    {
        private readonly string? _literal;
        private readonly string[]? _values;
        private readonly LocaleTemplate? _nested;

        private Part(string? literal, string[]? values, LocaleTemplate? nested)
        {
            _literal = literal;
            _values = values;
            _nested = nested;
        }

        public static Part Literal(string text) => new(text, null, null);

        public static Part List(string[] values) => new(null, values, null);

        public static Part Nested(LocaleTemplate template) => new(null, null, template);

        public string Draw(SynthRandom random)
        {
            if (_literal is not null)
            {
                return HasDigits(_literal) ? Fakes.FillDigits(random, _literal) : _literal;
            }

            if (_nested is not null)
            {
                return _nested.Next(random);
            }

            string value = random.Pick(_values!);
            return HasDigits(value) ? Fakes.FillDigits(random, value) : value;
        }

        private static bool HasDigits(string value) => value.AsSpan().IndexOfAny('#', '!', '?') >= 0;
    }
}
