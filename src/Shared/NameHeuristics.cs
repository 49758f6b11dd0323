using System;
using System.Collections.Generic;
using System.Linq;

namespace SynthKit.Analyzers;

/// <summary>
/// Reads what a member name says about its data. Names are split into lower-case words (camelCase, PascalCase,
/// snake_case, kebab-case, ALL_CAPS, digits), trailing numbers and qualifiers such as <c>Value</c> or <c>Text</c> are
/// dropped, and a term matches only the <em>last</em> words joined together — the noun the name is about:
/// <c>customerEmailAddress</c>, <c>EMAIL</c>, <c>e_mail</c>, <c>home_phone</c> and <c>ShippingAddressLine1</c> name
/// personal data; <c>EmailSent</c>, <c>EmailCount</c>, <c>PhoneticSpelling</c> and <c>ZipArchivePath</c> do not,
/// because their last word names something else.
/// </summary>
/// <remarks>The inventory follows HIPAA's eighteen identifiers and Microsoft Presidio's entity types.</remarks>
internal static class NameHeuristics
{
    private static readonly HashSet<string> s_qualifiers = new(StringComparer.Ordinal) { "value", "text", "str", "string", "raw", "field", "primary", "main" };

    /// <summary>Personal-data terms (words joined without separators) and the <c>PiiKind</c> member that makes such values.</summary>
    private static readonly Dictionary<string, string> s_personal = new(StringComparer.Ordinal)
    {
        ["email"] = "Email", ["emailaddress"] = "Email", ["mailaddress"] = "Email", ["emailaddr"] = "Email",
        ["phone"] = "Phone", ["phonenumber"] = "Phone", ["phoneno"] = "Phone", ["telephone"] = "Phone", ["tel"] = "Phone",
        ["mobile"] = "Phone", ["mobilenumber"] = "Phone", ["cellphone"] = "Phone", ["cellnumber"] = "Phone", ["fax"] = "Phone", ["faxnumber"] = "Phone",
        ["firstname"] = "FirstName", ["givenname"] = "FirstName", ["forename"] = "FirstName", ["fname"] = "FirstName",
        ["lastname"] = "LastName", ["surname"] = "LastName", ["familyname"] = "LastName", ["lname"] = "LastName", ["maidenname"] = "LastName",
        ["fullname"] = "FullName", ["personname"] = "FullName", ["customername"] = "FullName", ["patientname"] = "FullName",
        ["contactname"] = "FullName", ["employeename"] = "FullName", ["middlename"] = "FullName",
        ["address"] = "StreetAddress", ["streetaddress"] = "StreetAddress", ["street"] = "StreetAddress", ["streetname"] = "StreetAddress",
        ["addressline"] = "StreetAddress", ["homeaddress"] = "StreetAddress", ["mailingaddress"] = "StreetAddress",
        ["postaladdress"] = "StreetAddress", ["billingaddress"] = "StreetAddress", ["shippingaddress"] = "StreetAddress",
        ["zip"] = "PostalCode", ["zipcode"] = "PostalCode", ["postalcode"] = "PostalCode", ["postcode"] = "PostalCode", ["zip4"] = "PostalCode",
        ["dob"] = "DateOfBirth", ["dateofbirth"] = "DateOfBirth", ["birthdate"] = "DateOfBirth", ["birthday"] = "DateOfBirth", ["bornon"] = "DateOfBirth",
        ["ssn"] = "NationalId", ["socialsecurity"] = "NationalId", ["socialsecuritynumber"] = "NationalId", ["nationalid"] = "NationalId",
        ["nationalidentifier"] = "NationalId", ["nationalidnumber"] = "NationalId", ["nin"] = "NationalId", ["taxid"] = "NationalId",
        ["taxpayerid"] = "NationalId", ["personalnumber"] = "NationalId",
        ["passport"] = "PassportNumber", ["passportnumber"] = "PassportNumber", ["passportno"] = "PassportNumber",
        ["driverslicense"] = "DriversLicense", ["driverlicense"] = "DriversLicense", ["driverslicence"] = "DriversLicense",
        ["drivinglicence"] = "DriversLicense", ["drivinglicense"] = "DriversLicense", ["licensenumber"] = "DriversLicense", ["licencenumber"] = "DriversLicense",
        ["creditcard"] = "CreditCardNumber", ["creditcardnumber"] = "CreditCardNumber", ["cardnumber"] = "CreditCardNumber", ["ccnumber"] = "CreditCardNumber",
        ["iban"] = "Iban", ["accountnumber"] = "AccountNumber", ["bankaccount"] = "AccountNumber", ["bankaccountnumber"] = "AccountNumber",
        ["accountno"] = "AccountNumber", ["routingnumber"] = "AccountNumber",
        ["ip"] = "IpAddress", ["ipaddress"] = "IpAddress", ["ipv4"] = "IpAddress", ["ipv6"] = "IpAddress", ["ipaddr"] = "IpAddress",
        ["mac"] = "MacAddress", ["macaddress"] = "MacAddress", ["deviceid"] = "DeviceId", ["imei"] = "DeviceId", ["udid"] = "DeviceId",
        ["deviceidentifier"] = "DeviceId", ["advertisingid"] = "DeviceId",
        ["username"] = "Username", ["login"] = "Username", ["loginname"] = "Username", ["screenname"] = "Username", ["nickname"] = "Username",
        ["mrn"] = "MedicalRecordNumber", ["medicalrecordnumber"] = "MedicalRecordNumber", ["medicalrecord"] = "MedicalRecordNumber",
        ["healthplannumber"] = "MedicalRecordNumber", ["beneficiarynumber"] = "MedicalRecordNumber",
        ["latitude"] = "Latitude", ["lat"] = "Latitude", ["longitude"] = "Longitude", ["lng"] = "Longitude", ["lon"] = "Longitude", ["long"] = "Longitude",
        ["city"] = "City", ["town"] = "City",
    };

    /// <summary>The three families of quasi-identifiers whose combination re-identifies most people (Sweeney, 2000).</summary>
    private static readonly Dictionary<string, string> s_quasi = new(StringComparer.Ordinal)
    {
        ["zip"] = "postal code", ["zipcode"] = "postal code", ["postalcode"] = "postal code", ["postcode"] = "postal code", ["zip4"] = "postal code",
        ["dob"] = "birth date", ["dateofbirth"] = "birth date", ["birthdate"] = "birth date", ["birthday"] = "birth date",
        ["birthyear"] = "birth date", ["yearofbirth"] = "birth date", ["age"] = "birth date", ["ageyears"] = "birth date",
        ["sex"] = "sex", ["gender"] = "sex",
    };

    /// <summary>Special categories of data (GDPR article 9 and the like) and the category the fix writes.</summary>
    private static readonly Dictionary<string, string> s_sensitive = new(StringComparer.Ordinal)
    {
        ["health"] = "health", ["healthstatus"] = "health", ["diagnosis"] = "health", ["diagnoses"] = "health", ["diagnosiscode"] = "health",
        ["medicalcondition"] = "health", ["healthcondition"] = "health", ["disease"] = "health", ["illness"] = "health", ["medication"] = "health",
        ["medications"] = "health", ["prescription"] = "health", ["treatment"] = "health", ["symptom"] = "health", ["symptoms"] = "health",
        ["allergy"] = "health", ["allergies"] = "health", ["bloodtype"] = "health", ["bloodgroup"] = "health", ["disability"] = "health",
        ["pregnancy"] = "health", ["pregnant"] = "health", ["hivstatus"] = "health", ["mentalhealth"] = "health", ["smoker"] = "health",
        ["religion"] = "religion", ["religiousbelief"] = "religion", ["religiousaffiliation"] = "religion",
        ["ethnicity"] = "ethnicity", ["ethnicorigin"] = "ethnicity", ["race"] = "ethnicity", ["racialorigin"] = "ethnicity",
        ["sexualorientation"] = "sexual orientation",
        ["income"] = "financial", ["annualincome"] = "financial", ["salary"] = "financial", ["wage"] = "financial", ["wages"] = "financial",
        ["networth"] = "financial", ["creditscore"] = "financial", ["debt"] = "financial", ["incomebracket"] = "financial",
        ["politicalparty"] = "political opinion", ["politicalopinion"] = "political opinion", ["politicalaffiliation"] = "political opinion",
        ["partyaffiliation"] = "political opinion", ["tradeunion"] = "trade-union membership", ["unionmembership"] = "trade-union membership",
        ["biometric"] = "biometric", ["biometrics"] = "biometric", ["fingerprint"] = "biometric", ["faceprint"] = "biometric",
        ["retinascan"] = "biometric", ["voiceprint"] = "biometric", ["genetic"] = "genetic", ["geneticdata"] = "genetic", ["genome"] = "genetic",
        ["dna"] = "genetic", ["criminalrecord"] = "criminal", ["conviction"] = "criminal", ["convictions"] = "criminal",
    };

    /// <summary>What one name says, read in a single pass: personal-data kind, quasi-identifier family, sensitive category.</summary>
    public readonly record struct Meaning(string? PersonalKind, string? QuasiFamily, string? SensitiveCategory);

    /// <summary>Reads a member name once for all three tables.</summary>
    public static Meaning Read(string memberName)
    {
        var suffixes = Suffixes(memberName);
        return new Meaning(Match(suffixes, s_personal), Match(suffixes, s_quasi), Match(suffixes, s_sensitive));
    }

    /// <summary>The <c>PiiKind</c> member name a personal-data name suggests, if any.</summary>
    public static string? PersonalKind(string memberName) => Read(memberName).PersonalKind;

    /// <summary>The quasi-identifier family (postal code, birth date, sex) a name belongs to, if any.</summary>
    public static string? QuasiFamily(string memberName) => Read(memberName).QuasiFamily;

    /// <summary>The sensitive category (health, religion …) a name suggests, if any.</summary>
    public static string? SensitiveCategory(string memberName) => Read(memberName).SensitiveCategory;

    /// <summary>Splits a member name into lower-case words.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            bool boundary = i == name.Length || !char.IsLetterOrDigit(name[i]);
            if (!boundary && start >= 0 && i > start)
            {
                char previous = name[i - 1];
                char current = name[i];
                boundary =
                    (char.IsLower(previous) && char.IsUpper(current))
                    || (char.IsLetter(previous) && char.IsDigit(current))
                    || (char.IsDigit(previous) && char.IsLetter(current))
                    || (char.IsUpper(previous) && char.IsUpper(current) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (boundary)
                {
                    words.Add(name.Substring(start, i - start).ToLowerInvariant());
                    start = i;
                    continue;
                }
            }

            if (boundary)
            {
                if (start >= 0)
                {
                    words.Add(name.Substring(start, i - start).ToLowerInvariant());
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return words;
    }

    /// <summary>The name's last one to four words joined, longest first, after dropping trailing numbers and qualifiers.</summary>
    private static string[] Suffixes(string memberName)
    {
        var words = Words(memberName);

        // Drop trailing numbers and qualifiers: AddressLine1, EmailValue, PhoneText.
        while (words.Count > 1 && (words[words.Count - 1].All(char.IsDigit) || s_qualifiers.Contains(words[words.Count - 1])))
        {
            words.RemoveAt(words.Count - 1);
        }

        // Longest suffix first, so "EmailAddress" is an e-mail and not a street address.
        int count = Math.Min(4, words.Count);
        var suffixes = new string[count];
        for (int take = count; take >= 1; take--)
        {
            suffixes[count - take] = take == 1 ? words[words.Count - 1] : string.Concat(words.GetRange(words.Count - take, take));
        }

        return suffixes;
    }

    private static string? Match(string[] suffixes, Dictionary<string, string> terms)
    {
        foreach (var suffix in suffixes)
        {
            if (terms.TryGetValue(suffix, out var meaning))
            {
                return meaning;
            }
        }

        return null;
    }
}
