using System;
using System.Collections.Generic;
using SynthKit.Generation;

namespace SynthKit;

/// <summary>The fake-value functions by <c>PiiKind</c> / <c>FakeKind</c> name, for synthesizers built from a spec.</summary>
internal static class FakeFunctions
{
    private static readonly Dictionary<string, Func<SynthRandom, string>> s_text = new(StringComparer.Ordinal)
    {
        ["FirstName"] = Fakes.FirstName,
        ["LastName"] = Fakes.LastName,
        ["FullName"] = Fakes.FullName,
        ["Email"] = Fakes.Email,
        ["WorkEmail"] = Fakes.WorkEmail,
        ["Phone"] = Fakes.Phone,
        ["StreetAddress"] = Fakes.StreetAddress,
        ["City"] = Fakes.City,
        ["State"] = Fakes.State,
        ["PostalCode"] = Fakes.PostalCode,
        ["Country"] = Fakes.Country,
        ["CountryCode"] = Fakes.CountryCode,
        ["HomeCountry"] = Fakes.HomeCountry,
        ["HomeCountryCode"] = Fakes.HomeCountryCode,
        ["NationalId"] = Fakes.NationalId,
        ["PassportNumber"] = Fakes.PassportNumber,
        ["DriversLicense"] = Fakes.DriversLicense,
        ["CreditCardNumber"] = Fakes.CreditCardNumber,
        ["Iban"] = Fakes.Iban,
        ["AccountNumber"] = Fakes.AccountNumber,
        ["IpAddress"] = Fakes.IpAddress,
        ["MacAddress"] = Fakes.MacAddress,
        ["DeviceId"] = Fakes.DeviceId,
        ["Username"] = Fakes.Username,
        ["MedicalRecordNumber"] = Fakes.MedicalRecordNumber,
        ["Company"] = Fakes.Company,
        ["CatchPhrase"] = Fakes.CatchPhrase,
        ["JobTitle"] = Fakes.JobTitle,
        ["ProductName"] = Fakes.ProductName,
        ["Department"] = Fakes.Department,
        ["Color"] = Fakes.Color,
        ["Word"] = Fakes.Word,
        ["Words"] = Fakes.Words,
        ["Sentence"] = Fakes.Sentence,
        ["Paragraph"] = Fakes.Paragraph,
        ["Url"] = Fakes.Url,
        ["DomainName"] = Fakes.DomainName,
        ["CurrencyCode"] = Fakes.CurrencyCode,
    };

    private static readonly Dictionary<string, Func<SynthRandom, double>> s_numbers = new(StringComparer.Ordinal)
    {
        ["Latitude"] = Fakes.Latitude,
        ["Longitude"] = Fakes.Longitude,
    };

    public static IEnumerable<string> TextNames => s_text.Keys;

    public static Func<SynthRandom, string>? Text(string name) => s_text.TryGetValue(name, out var f) ? f : null;

    public static Func<SynthRandom, double>? Number(string name) => s_numbers.TryGetValue(name, out var f) ? f : null;

    public static bool IsDate(string name) => name == "DateOfBirth";

    public static bool IsDerivable(string name) => name is "Email" or "WorkEmail" or "Username" or "FullName";

    public static bool IsKnown(string name) => s_text.ContainsKey(name) || s_numbers.ContainsKey(name) || IsDate(name);
}
