using System;
using System.Buffers;
using System.Globalization;

namespace SynthKit.Generation;

/// <summary>
/// Realistic fake values from Bogus's English locale data, drawn with SynthKit's per-cell randomness. Generated
/// synthesizers call these for <c>[Pii]</c> and <c>[Fake]</c> members; they are public so that overrides can use them.
/// </summary>
/// <remarks>
/// The hot kinds (names, e-mail addresses, phone numbers, postal codes) index cached arrays and build each result
/// in a single string allocation. Kinds whose formats Bogus owns in code (IBAN, card numbers, currencies) call the
/// Bogus data set with a randomizer that draws from the given <see cref="SynthRandom"/>.
/// </remarks>
public static class Fakes
{
    private static readonly SearchValues<char> s_asciiAlphanumerics = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    private static readonly DateOnly s_birthMin = new(1935, 1, 1);
    private static readonly DateOnly s_birthMax = new(2006, 12, 31);

    /// <summary>A given name.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The name.</returns>
    public static string FirstName(SynthRandom random) => random.Pick(random.Locale.Data.FirstNames);

    /// <summary>
    /// A given name that matches the row's sex or gender: from the female list when the value starts with F or W
    /// (<c>F</c>, <c>Female</c>, <c>Woman</c>), the male list when it starts with M, otherwise from all names.
    /// </summary>
    /// <param name="random">The cell's randomness.</param>
    /// <param name="sex">The row's sex or gender value, as text.</param>
    /// <returns>The name.</returns>
    public static string FirstName(SynthRandom random, string? sex) => (sex is { Length: > 0 } ? char.ToUpperInvariant(sex[0]) : ' ') switch
    {
        'F' or 'W' => random.Pick(random.Locale.Data.FemaleFirstNames),
        'M' => random.Pick(random.Locale.Data.MaleFirstNames),
        _ => random.Pick(random.Locale.Data.FirstNames),
    };

    /// <summary>A full name whose given name matches the row's sex or gender (see <see cref="FirstName(SynthRandom, string)"/>).</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <param name="sex">The row's sex or gender value, as text.</param>
    /// <returns>The name.</returns>
    public static string FullName(SynthRandom random, string? sex) => FullName(random, FirstName(random, sex), LastName(random));

    /// <summary>A family name.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The name.</returns>
    public static string LastName(SynthRandom random) => random.Pick(random.Locale.Data.LastNames);

    /// <summary>A full name made from a fresh first and last name.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The name.</returns>
    public static string FullName(SynthRandom random) => FullName(random, FirstName(random), LastName(random));

    /// <summary>The full name of a given first and last name.</summary>
    /// <param name="firstName">The first name.</param>
    /// <param name="lastName">The last name.</param>
    /// <returns><c>first + " " + last</c>.</returns>
    public static string FullName(string? firstName, string? lastName) => string.Concat(firstName, " ", lastName);

    /// <summary>
    /// A full name of given names, written as the locale writes them: given name first with a space in most locales,
    /// family name first in Japanese, Korean, Vietnamese and Hungarian, without a space in Chinese.
    /// </summary>
    /// <param name="random">The cell's randomness (only its locale is read).</param>
    /// <param name="firstName">The first (given) name.</param>
    /// <param name="lastName">The last (family) name.</param>
    /// <returns>The full name.</returns>
    public static string FullName(SynthRandom random, string? firstName, string? lastName)
    {
        var data = random.Locale.Data;
        return data.FamilyNameFirst ? string.Concat(lastName, data.NameSeparator, firstName) : string.Concat(firstName, data.NameSeparator, lastName);
    }

    /// <summary>An e-mail address of a fresh first and last name.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The address.</returns>
    public static string Email(SynthRandom random) => Email(random, FirstName(random), LastName(random));

    /// <summary>
    /// An e-mail address derived from a person's names, as Bogus's <c>Internet.Email(first, last)</c> makes them:
    /// <c>first##</c>, <c>first.last</c>, <c>first_last</c> or <c>first.last##</c> at a free e-mail domain.
    /// </summary>
    /// <param name="random">The cell's randomness.</param>
    /// <param name="firstName">The person's first name.</param>
    /// <param name="lastName">The person's last name.</param>
    /// <returns>The address.</returns>
    public static string Email(SynthRandom random, string? firstName, string? lastName)
    {
        var user = new UserName(random, firstName, lastName);
        string domain = random.Pick(random.Locale.Data.FreeEmailDomains);
        return string.Create(user.Length + 1 + domain.Length, (user, domain), static (span, s) =>
        {
            int at = s.user.Write(span);
            span[at] = '@';
            s.domain.AsSpan().CopyTo(span.Slice(at + 1));
        });
    }

    /// <summary>A work e-mail address of a fresh first and last name: at a company domain.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The address.</returns>
    public static string WorkEmail(SynthRandom random) => WorkEmail(random, FirstName(random), LastName(random));

    /// <summary>
    /// A work e-mail address derived from a person's names — the local part as <see cref="Email(SynthRandom, string, string)"/>
    /// makes it — at a company domain (<see cref="DomainName"/>) rather than a free e-mail provider.
    /// </summary>
    /// <param name="random">The cell's randomness.</param>
    /// <param name="firstName">The person's first name.</param>
    /// <param name="lastName">The person's last name.</param>
    /// <returns>The address.</returns>
    public static string WorkEmail(SynthRandom random, string? firstName, string? lastName) =>
        string.Concat(Username(random, firstName, lastName), "@", DomainName(random));

    /// <summary>A user name of a fresh first and last name.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The user name.</returns>
    public static string Username(SynthRandom random) => Username(random, FirstName(random), LastName(random));

    /// <summary>A user name derived from a person's names, in the same shapes as the local part of <see cref="Email(SynthRandom, string, string)"/>.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <param name="firstName">The person's first name.</param>
    /// <param name="lastName">The person's last name.</param>
    /// <returns>The user name.</returns>
    public static string Username(SynthRandom random, string? firstName, string? lastName)
    {
        var user = new UserName(random, firstName, lastName);
        return string.Create(user.Length, user, static (span, u) => u.Write(span));
    }

    /// <summary>A telephone number in one of the locale's formats.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The number.</returns>
    public static string Phone(SynthRandom random) => FillDigits(random, random.Pick(random.Locale.Data.PhoneFormats));

    /// <summary>A street address in one of the locale's formats (in <c>en</c>: a building number and a street name).</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The address.</returns>
    public static string StreetAddress(SynthRandom random) => random.Locale.Data.StreetAddress.Next(random);

    /// <summary>A city name in one of the locale's formats (in <c>en</c>, one of four shapes such as <c>North Annaville</c>).</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The city.</returns>
    public static string City(SynthRandom random) => random.Locale.Data.City.Next(random);

    /// <summary>A state name (a county where the locale has counties instead; empty where its data has neither).</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The state.</returns>
    public static string State(SynthRandom random) => random.Locale.Data.States is { Length: > 0 } states ? random.Pick(states) : string.Empty;

    /// <summary>A postal code in one of the locale's formats.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The code.</returns>
    public static string PostalCode(SynthRandom random) => FillDigits(random, random.Pick(random.Locale.Data.PostcodeFormats));

    /// <summary>The locale's own country (<c>United States of America</c> in <c>en</c>, <c>Deutschland</c> in <c>de</c>): the country of an address whose state, city and postcode come from the locale. Draws nothing.</summary>
    /// <param name="random">The cell's randomness (only its locale is read).</param>
    /// <returns>The country.</returns>
    public static string HomeCountry(SynthRandom random) => random.Locale.Data.HomeCountry;

    /// <summary>The ISO 3166 alpha-2 code of the locale's own country (<c>US</c>, <c>DE</c>). Draws nothing.</summary>
    /// <param name="random">The cell's randomness (only its locale is read).</param>
    /// <returns>The code.</returns>
    public static string HomeCountryCode(SynthRandom random) => random.Locale.Data.HomeCountryCode;

    /// <summary>A country name.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The country.</returns>
    public static string Country(SynthRandom random) => random.Pick(random.Locale.Data.Countries);

    /// <summary>An ISO 3166 alpha-2 country code.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The code.</returns>
    public static string CountryCode(SynthRandom random) => random.Pick(random.Locale.Data.CountryCodes);

    /// <summary>An adult's date of birth, uniform from 1935-01-01 to 2006-12-31 (18 to 90 years before 2025-01-01).</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The date.</returns>
    public static DateOnly DateOfBirth(SynthRandom random) =>
        DateOnly.FromDayNumber(random.Int32(s_birthMin.DayNumber, s_birthMax.DayNumber));

    /// <summary>A national identifier shaped like a US social security number (<c>AAA-GG-SSSS</c>, never 000, 666 or 9xx).</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The identifier.</returns>
    public static string NationalId(SynthRandom random)
    {
        int area = random.Int32(1, 898);
        if (area >= 666)
        {
            area++;
        }

        int group = random.Int32(1, 99);
        int serial = random.Int32(1, 9999);
        return string.Create(11, (area, group, serial), static (span, s) =>
        {
            WriteDigits(span.Slice(0, 3), s.area);
            span[3] = '-';
            WriteDigits(span.Slice(4, 2), s.group);
            span[6] = '-';
            WriteDigits(span.Slice(7, 4), s.serial);
        });
    }

    /// <summary>A passport number: two letters and seven digits.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The number.</returns>
    public static string PassportNumber(SynthRandom random) => FillPattern(random, "??#######");

    /// <summary>A driver's licence number: a letter and seven digits.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The number.</returns>
    public static string DriversLicense(SynthRandom random) => FillPattern(random, "?#######");

    /// <summary>A payment card number of a random scheme that passes the Luhn check, grouped with dashes (Bogus's formats).</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The number.</returns>
    public static string CreditCardNumber(SynthRandom random) => random.Bogus.Finance.CreditCardNumber();

    /// <summary>An IBAN with valid check digits, for one of the countries in Bogus's IBAN registry.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The IBAN, unformatted.</returns>
    public static string Iban(SynthRandom random) => random.Bogus.Finance.Iban();

    /// <summary>A ten-digit bank account number.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The number.</returns>
    public static string AccountNumber(SynthRandom random) => FillPattern(random, "##########");

    /// <summary>A public-looking IPv4 address (first octet 1–223, never 127).</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The address.</returns>
    public static string IpAddress(SynthRandom random)
    {
        int first = random.Int32(1, 222);
        if (first >= 127)
        {
            first++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{first}.{random.Below(256)}.{random.Below(256)}.{random.Below(256)}");
    }

    /// <summary>A locally administered unicast MAC address, <c>xx:xx:xx:xx:xx:xx</c>.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The address.</returns>
    public static string MacAddress(SynthRandom random)
    {
        ulong bits = random.NextUInt64();
        return string.Create(17, bits, static (span, b) =>
        {
            const string hex = "0123456789abcdef";
            for (int i = 0; i < 6; i++)
            {
                int octet = (int)((b >> (8 * i)) & 0xFF);
                if (i == 0)
                {
                    octet = (octet & 0xFC) | 0x02;
                }

                span[i * 3] = hex[octet >> 4];
                span[(i * 3) + 1] = hex[octet & 0xF];
                if (i < 5)
                {
                    span[(i * 3) + 2] = ':';
                }
            }
        });
    }

    /// <summary>A device identifier: a random GUID in its <c>D</c> format.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The identifier.</returns>
    public static string DeviceId(SynthRandom random) => random.NextGuid().ToString("D");

    /// <summary>A medical record number, <c>MRN-</c> and eight digits.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The number.</returns>
    public static string MedicalRecordNumber(SynthRandom random) => FillPattern(random, "MRN-########");

    /// <summary>A latitude in degrees, uniform in <c>[-90, 90)</c>, six decimal places.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The latitude.</returns>
    public static double Latitude(SynthRandom random) => Math.Round((random.NextDouble() * 180.0) - 90.0, 6);

    /// <summary>A longitude in degrees, uniform in <c>[-180, 180)</c>, six decimal places.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The longitude.</returns>
    public static double Longitude(SynthRandom random) => Math.Round((random.NextDouble() * 360.0) - 180.0, 6);

    /// <summary>A company name.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The name.</returns>
    public static string Company(SynthRandom random) => random.Below(3) switch
    {
        0 => string.Concat(LastName(random), " ", random.Pick(random.Locale.Data.CompanySuffixes)),
        1 => string.Concat(LastName(random), "-", LastName(random)),
        _ => string.Concat(LastName(random), ", ", LastName(random), " and ", LastName(random)),
    };

    /// <summary>A company catch phrase.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The phrase.</returns>
    public static string CatchPhrase(SynthRandom random) =>
        string.Concat(random.Pick(random.Locale.Data.CompanyAdjectives), " ", random.Pick(random.Locale.Data.CompanyDescriptors), " ", random.Pick(random.Locale.Data.CompanyNouns));

    /// <summary>A job title.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The title.</returns>
    public static string JobTitle(SynthRandom random) =>
        string.Concat(random.Pick(random.Locale.Data.TitleDescriptors), " ", random.Pick(random.Locale.Data.TitleLevels), " ", random.Pick(random.Locale.Data.TitleJobs));

    /// <summary>A product name.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The name.</returns>
    public static string ProductName(SynthRandom random) =>
        string.Concat(random.Pick(random.Locale.Data.ProductAdjectives), " ", random.Pick(random.Locale.Data.ProductMaterials), " ", random.Pick(random.Locale.Data.Products));

    /// <summary>A commerce department.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The department.</returns>
    public static string Department(SynthRandom random) => random.Pick(random.Locale.Data.Departments);

    /// <summary>A colour name.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The colour.</returns>
    public static string Color(SynthRandom random) => random.Pick(random.Locale.Data.Colors);

    /// <summary>One lorem-ipsum word.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The word.</returns>
    public static string Word(SynthRandom random) => random.Pick(random.Locale.Data.LoremWords);

    /// <summary>Two to five lorem-ipsum words.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The words, separated by spaces.</returns>
    public static string Words(SynthRandom random) => JoinWords(random, random.Int32(2, 5), capitalize: false, terminator: null);

    /// <summary>A lorem-ipsum sentence of four to ten words.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The sentence.</returns>
    public static string Sentence(SynthRandom random) => JoinWords(random, random.Int32(4, 10), capitalize: true, terminator: '.');

    /// <summary>A lorem-ipsum paragraph of three to six sentences.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The paragraph.</returns>
    public static string Paragraph(SynthRandom random)
    {
        int count = random.Int32(3, 6);
        var sentences = new string[count];
        for (int i = 0; i < count; i++)
        {
            sentences[i] = Sentence(random);
        }

        return string.Join(" ", sentences);
    }

    /// <summary>A domain name: a word and a domain suffix.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The domain.</returns>
    public static string DomainName(SynthRandom random)
    {
        string word = LastName(random);
        string suffix = random.Pick(random.Locale.Data.DomainSuffixes);
        int wordLength = CleanLength(word);
        return string.Create(wordLength + 1 + suffix.Length, (word, suffix), static (span, s) =>
        {
            int n = WriteClean(span, s.word);
            for (int i = 0; i < n; i++)
            {
                span[i] = char.ToLowerInvariant(span[i]);
            }

            span[n] = '.';
            s.suffix.AsSpan().CopyTo(span.Slice(n + 1));
        });
    }

    /// <summary>An https URL of a fake domain.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The URL.</returns>
    public static string Url(SynthRandom random) => "https://" + DomainName(random);

    /// <summary>An ISO 4217 currency code from Bogus's currency list.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <returns>The code.</returns>
    public static string CurrencyCode(SynthRandom random) => random.Bogus.Finance.Currency().Code;

    /// <summary>
    /// Lorem-ipsum text of whole words: words are added until the text reaches a length drawn uniformly from
    /// <c>[minLength, maxLength]</c>, never past <c>maxLength</c>; a word is cut only when no whole word fits the room left
    /// below <c>minLength</c>. The text never ends in a space.
    /// </summary>
    /// <param name="random">The cell's randomness.</param>
    /// <param name="minLength">The shortest length.</param>
    /// <param name="maxLength">The longest length.</param>
    /// <returns>The text.</returns>
    public static string Text(SynthRandom random, int minLength, int maxLength)
    {
        int length = random.Int32(Math.Max(0, minLength), Math.Max(Math.Max(0, minLength), maxLength));
        if (length == 0)
        {
            return string.Empty;
        }

        // Whole words until the text reaches the drawn length, never past maxLength; a word is cut only when no word
        // fits the room left and the text is still shorter than minLength.
        int min = Math.Max(0, minLength);
        int max = Math.Max(length, maxLength);
        var text = new System.Text.StringBuilder(max);
        int misses = 0;
        while (text.Length < length)
        {
            string word = random.Pick(random.Locale.Data.LoremWords);
            int need = (text.Length > 0 ? 1 : 0) + word.Length;
            if (text.Length + need <= max)
            {
                if (text.Length > 0)
                {
                    text.Append(' ');
                }

                text.Append(word);
                misses = 0;
                continue;
            }

            if (text.Length >= min)
            {
                break;
            }

            if (++misses < 8)
            {
                continue; // try another word that fits
            }

            if (text.Length > 0 && max - text.Length >= 2)
            {
                text.Append(' ');
            }
            else if (text.Length > 0)
            {
                text.Length--; // make room for a separator rather than glue two words together
                text.Append(' ');
            }

            text.Append(word, 0, Math.Min(word.Length, max - text.Length));
        }

        return text.ToString();
    }

    /// <summary>
    /// Cuts a string to at most <paramref name="maxLength"/> characters at a word boundary: after the last whole word that
    /// fits, or — when not even the first word fits — after <paramref name="maxLength"/> characters.
    /// </summary>
    /// <param name="value">The string.</param>
    /// <param name="maxLength">The longest length allowed.</param>
    /// <returns>The string, or its longest prefix of whole words within the length.</returns>
    public static string Truncate(string value, int maxLength)
    {
        if (value.Length <= maxLength)
        {
            return value;
        }

        maxLength = Math.Max(0, maxLength);
        if (value[maxLength] == ' ')
        {
            return value.Substring(0, maxLength).TrimEnd(' ');
        }

        int space = maxLength == 0 ? -1 : value.LastIndexOf(' ', maxLength - 1);
        return space > 0 ? value.Substring(0, space).TrimEnd(' ') : value.Substring(0, maxLength);
    }

    /// <summary>
    /// Makes a fake unique within a sequence by carrying the row number: before the <c>@</c> of an e-mail address,
    /// otherwise after a dash.
    /// </summary>
    /// <param name="value">The fake value.</param>
    /// <param name="index">The row index.</param>
    /// <returns>The unique value.</returns>
    public static string MakeUnique(string value, long index)
    {
        string number = index.ToString(CultureInfo.InvariantCulture);
        int at = value.IndexOf('@');
        return at >= 0
            ? string.Concat(value.AsSpan(0, at), number, value.AsSpan(at))
            : string.Concat(value, "-", number);
    }

    /// <summary>Replaces <c>#</c> with a digit, <c>!</c> with a digit from 2 to 9 and <c>?</c> with a capital letter, as Bogus's formats do.</summary>
    /// <param name="random">The cell's randomness.</param>
    /// <param name="format">The format.</param>
    /// <returns>The filled-in string.</returns>
    public static string FillDigits(SynthRandom random, string format) =>
        string.Create(format.Length, (format, random), static (span, s) =>
        {
            var f = s.format;
            for (int i = 0; i < span.Length; i++)
            {
                char c = f[i];
                span[i] = c switch
                {
                    '#' => (char)('0' + s.random.Below(10)),
                    '!' => (char)('2' + s.random.Below(8)),
                    '?' => (char)('A' + s.random.Below(26)),
                    _ => c,
                };
            }
        });

    private static string FillPattern(SynthRandom random, string pattern) => CompiledPattern.Get(pattern).Next(random);

    private static string JoinWords(SynthRandom random, int count, bool capitalize, char? terminator)
    {
        var words = new string[count];
        int length = count - 1 + (terminator is null ? 0 : 1);
        for (int i = 0; i < count; i++)
        {
            words[i] = Word(random);
            length += words[i].Length;
        }

        return string.Create(length, (words, capitalize, terminator), static (span, s) =>
        {
            int position = 0;
            for (int i = 0; i < s.words.Length; i++)
            {
                if (i > 0)
                {
                    span[position++] = ' ';
                }

                s.words[i].AsSpan().CopyTo(span.Slice(position));
                position += s.words[i].Length;
            }

            if (s.capitalize && span.Length > 0)
            {
                span[0] = char.ToUpperInvariant(span[0]);
            }

            if (s.terminator is char t)
            {
                span[position] = t;
            }
        });
    }

    /// <summary>
    /// The user-name part of an e-mail address: <c>first##</c>, <c>first.last</c>, <c>first_last</c> or <c>first.last##</c>,
    /// with names reduced to ASCII letters and digits. One draw picks format, separator and number.
    /// </summary>
    private readonly struct UserName
    {
        private readonly string _first;
        private readonly string _last;
        private readonly int _firstLength;
        private readonly int _lastLength;
        private readonly int _format;
        private readonly int _number;
        private readonly char _separator;

        public UserName(SynthRandom random, string? first, string? last)
        {
            int shape = random.Below(600);
            _format = shape % 3;
            _separator = (shape / 3) % 2 == 0 ? '.' : '_';
            _number = shape / 6;
            _first = Fold(first);
            _last = Fold(last);
            _firstLength = Math.Max(1, CleanLength(_first));
            _lastLength = Math.Max(1, CleanLength(_last));
            Length = _firstLength
                + (_format != 0 ? 1 + _lastLength : 0)
                + (_format != 1 ? (_number < 10 ? 1 : 2) : 0);
        }

        public int Length { get; }

        public int Write(Span<char> span)
        {
            int position = WriteName(span, _first, _firstLength);
            if (_format != 0)
            {
                span[position++] = _separator;
                position += WriteName(span.Slice(position), _last, _lastLength);
            }

            if (_format != 1)
            {
                if (_number >= 10)
                {
                    span[position++] = (char)('0' + (_number / 10));
                }

                span[position++] = (char)('0' + (_number % 10));
            }

            return position;
        }

        private static int WriteName(Span<char> span, string value, int cleanLength)
        {
            if (cleanLength == value.Length)
            {
                value.AsSpan().CopyTo(span);
                return cleanLength;
            }

            int n = WriteClean(span, value);
            if (n == 0)
            {
                span[0] = 'x';
                n = 1;
            }

            return n;
        }
    }

    /// <summary>A name as ASCII for an address: accents dropped ("Zoë" → "Zoe", "Müller" → "Muller"), ß → ss, æ → ae, ø → o.</summary>
    internal static string Fold(string? value)
    {
        if (value is null || value.AsSpan().IndexOfAnyExcept(s_asciiAlphanumerics) < 0)
        {
            return value ?? string.Empty;
        }

        var text = new System.Text.StringBuilder(value.Length);
        foreach (char c in value.Normalize(System.Text.NormalizationForm.FormD))
        {
            switch (c)
            {
                case 'ß': text.Append("ss"); break;
                case 'æ': text.Append("ae"); break;
                case 'Æ': text.Append("Ae"); break;
                case 'ø': text.Append('o'); break;
                case 'Ø': text.Append('O'); break;
                case 'ł': text.Append('l'); break;
                case 'Ł': text.Append('L'); break;
                case 'đ': text.Append('d'); break;
                case 'Đ': text.Append('D'); break;
                case 'œ': text.Append("oe"); break;
                case 'Œ': text.Append("Oe"); break;
                default:
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.ToString();
    }

    private static int CleanLength(string? value)
    {
        // Names from locale data are almost always clean: one vectorized scan proves it.
        if (value is not null && value.AsSpan().IndexOfAnyExcept(s_asciiAlphanumerics) < 0)
        {
            return value.Length;
        }

        int n = 0;
        if (value is not null)
        {
            foreach (char c in value)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    n++;
                }
            }
        }

        return n;
    }

    private static int WriteClean(Span<char> span, string? value)
    {
        int n = 0;
        if (value is not null)
        {
            foreach (char c in value)
            {
                if (char.IsAsciiLetterOrDigit(c))
                {
                    span[n++] = c;
                }
            }
        }

        return n;
    }

    private static void WriteDigits(Span<char> span, int value)
    {
        for (int i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
