using System;
using System.Linq;
using System.Net;
using System.Numerics;
using Bogus.Bson;
using SynthKit.Tests.Schemas;

namespace SynthKit.Tests;

/// <summary>Fake values are realistic: drawn from Bogus's data, in valid formats, with valid check digits.</summary>
public class FakeTests
{
    private static readonly PersonalData[] s_people = new PersonalDataSynthesizer(31).Generate(2_000).ToArray();
    private static readonly NonPersonalFakes[] s_things = new NonPersonalFakesSynthesizer(31).Generate(500).ToArray();

    private static string[] Bogus(string category, string key)
    {
        var array = (BArray)((BObject)global::Bogus.Database.GetLocale("en")[category])[key];
        return Enumerable.Range(0, array.Count).Select(i => array[i].StringValue).ToArray();
    }

    [Fact]
    public void Names_come_from_Bogus_english_data_and_spread_over_it()
    {
        var first = Bogus("name", "first_name").ToHashSet();
        var last = Bogus("name", "last_name").ToHashSet();

        Assert.All(s_people, p => Assert.Contains(p.FirstName, first));
        Assert.All(s_people, p => Assert.Contains(p.LastName, last));
        Assert.True(s_people.Select(p => p.LastName).Distinct().Count() > 400, "2,000 draws cover most of the 473 last names");
    }

    [Fact]
    public void Emails_user_names_and_full_names_are_well_formed()
    {
        var validator = new System.ComponentModel.DataAnnotations.EmailAddressAttribute();
        var domains = Bogus("internet", "free_email");

        Assert.All(s_people, p => Assert.True(validator.IsValid(p.Email), p.Email));
        Assert.All(s_people, p => Assert.Contains(p.Email.Split('@')[1], domains));
        Assert.All(s_people, p => Assert.Matches("^[A-Za-z0-9]+([._][A-Za-z0-9]+)?[0-9]{0,2}$", p.Username));
        Assert.All(s_people, p => Assert.Matches(@"^\S+ \S+$", p.FullName));
    }

    [Fact]
    public void Addresses_and_phones_follow_the_locale_formats()
    {
        var states = Bogus("address", "state");

        Assert.All(s_people, p => Assert.Matches(@"^\d{3,5} \S+ \S+$", p.Street));
        Assert.All(s_people, p => Assert.Matches(@"^\d{5}(-\d{4})?$", p.PostalCode));
        Assert.All(s_people, p => Assert.Contains(p.State, states));
        Assert.All(s_people, p => Assert.Matches(@"^[0-9()+.\- x]+$", p.Phone));
        Assert.All(s_people, p => Assert.True(p.Phone.Count(char.IsDigit) >= 10, p.Phone));
        Assert.Contains(s_people, p => p.City.Contains(' '));
    }

    [Fact]
    public void Birth_dates_are_adults_from_18_to_90_years_before_2025()
    {
        Assert.All(s_people, p => Assert.InRange(p.BirthDate, new DateOnly(1935, 1, 1), new DateOnly(2006, 12, 31)));
        Assert.All(s_people, p => Assert.Equal(TimeSpan.Zero, p.BirthTimestamp.TimeOfDay));
    }

    [Fact]
    public void Identifiers_have_their_shapes()
    {
        Assert.All(s_people, p => Assert.Matches(@"^(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}$", p.NationalId));
        Assert.All(s_people, p => Assert.Matches("^[A-Z]{2}[0-9]{7}$", p.Passport));
        Assert.All(s_people, p => Assert.Matches("^[A-Z][0-9]{7}$", p.DriversLicense));
        Assert.All(s_people, p => Assert.Matches("^[0-9]{10}$", p.Account));
        Assert.All(s_people, p => Assert.Matches("^MRN-[0-9]{8}$", p.Mrn));
        Assert.All(s_people, p => Assert.Matches("^[0-9]{3}-[0-9]{4}$", p.Overridden));
        Assert.All(s_people, p => Assert.True(Guid.TryParse(p.DeviceText, out _)));
        Assert.Equal(s_people.Length, s_people.Select(p => p.DeviceGuid).Distinct().Count());
    }

    [Fact]
    public void Card_numbers_pass_the_Luhn_check()
    {
        Assert.All(s_people, p => Assert.True(Luhn(p.Card.Replace("-", string.Empty)), p.Card));
    }

    [Fact]
    public void Ibans_have_valid_mod_97_check_digits()
    {
        Assert.All(s_people, p => Assert.True(IbanIsValid(p.Iban), p.Iban));
    }

    [Fact]
    public void Network_addresses_parse()
    {
        Assert.All(s_people, p => Assert.True(IPAddress.TryParse(p.Ip, out var ip) && ip.GetAddressBytes()[0] is > 0 and < 224 and not 127, p.Ip));
        Assert.All(s_people, p => Assert.Matches("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$", p.Mac));
        Assert.All(s_people, p => Assert.Equal(2, Convert.ToInt32(p.Mac[..2], 16) & 0x03)); // locally administered unicast
    }

    [Fact]
    public void Coordinates_cover_the_globe_to_six_places()
    {
        Assert.All(s_people, p => Assert.InRange(p.Latitude, -90, 90));
        Assert.All(s_people, p => Assert.InRange(p.Longitude, -180m, 180m));
        Assert.All(s_people, p => Assert.Equal(Math.Round(p.Latitude, 6), p.Latitude));
        Assert.Contains(s_people, p => p.Latitude < -45);
        Assert.Contains(s_people, p => p.Longitude > 90);
    }

    [Fact]
    public void Non_personal_fakes_are_plausible()
    {
        var departments = Bogus("commerce", "department");
        var colors = Bogus("commerce", "color");

        Assert.All(s_things, t => Assert.Contains(t.Department, departments));
        Assert.All(s_things, t => Assert.Contains(t.Color, colors));
        Assert.All(s_things, t => Assert.Matches(@"^\S+ \S+ \S+$", t.ProductName));
        Assert.All(s_things, t => Assert.Matches(@"^\S+ \S+ \S+", t.JobTitle));
        Assert.All(s_things, t => Assert.Matches(@"^[A-Z][a-z]*( [a-z]+){3,9}\.$", t.Sentence));
        Assert.All(s_things, t => Assert.InRange(t.Words.Split(' ').Length, 2, 5));
        Assert.All(s_things, t => Assert.InRange(t.Paragraph.Count(c => c == '.'), 3, 6));
        Assert.All(s_things, t => Assert.True(Uri.TryCreate(t.Url, UriKind.Absolute, out var uri) && uri.Scheme == "https", t.Url));
        Assert.All(s_things, t => Assert.Matches("^[a-z0-9]+\\.[a-z]+$", t.Domain));
        Assert.All(s_things, t => Assert.Matches("^[A-Z]{3}$", t.Currency));
        Assert.All(s_things, t => Assert.Matches("^[A-Z]{2}$", t.CountryCode));
        Assert.All(s_things, t => Assert.All(new[] { t.Company, t.CatchPhrase, t.JobTitle, t.ProductName, t.Department, t.Color, t.Word, t.Country, t.City, t.State }, field => Assert.False(string.IsNullOrWhiteSpace(field))));
    }

    private static bool Luhn(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return digits.Length >= 12 && sum % 10 == 0;
    }

    private static bool IbanIsValid(string iban)
    {
        if (iban.Length < 15 || !iban.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        string rearranged = iban[4..] + iban[..4];
        string numeric = string.Concat(rearranged.Select(c => char.IsLetter(c) ? (c - 'A' + 10).ToString() : c.ToString()));
        return BigInteger.Parse(numeric) % 97 == 1;
    }
}
