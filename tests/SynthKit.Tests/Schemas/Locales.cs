namespace SynthKit.Tests.Schemas;

/// <summary>A person with an address, in German by its schema attribute.</summary>
[SyntheticSchema(Locale = "de")]
[Provenance(Source = "synthetic", Purpose = "locale tests")]
public sealed class Kunde
{
    [Categorical("F", "M")] public string Sex { get; init; } = "";
    [Pii(PiiKind.FirstName)] public string Vorname { get; init; } = "";
    [Pii(PiiKind.LastName)] public string Nachname { get; init; } = "";
    [Pii(PiiKind.FullName)] public string Name { get; init; } = "";
    [Pii(PiiKind.Email)] public string Email { get; init; } = "";
    [Pii(PiiKind.Phone)] public string Telefon { get; init; } = "";
    [Pii(PiiKind.StreetAddress)] public string Strasse { get; init; } = "";
    [Pii(PiiKind.City)] public string Ort { get; init; } = "";
    [Pii(PiiKind.State)] public string Land { get; init; } = "";
    [Pii(PiiKind.PostalCode)] public string Plz { get; init; } = "";
    [Pii(PiiKind.Country)] public string Staat { get; init; } = "";
    [Fake(FakeKind.CountryCode)] public string Code { get; init; } = "";
}

/// <summary>The same shape with no locale: en unless a synthesizer is put in another.</summary>
[SyntheticSchema]
[Provenance(Source = "synthetic", Purpose = "locale tests")]
public sealed class Resident
{
    [Categorical("F", "M")] public string Sex { get; init; } = "";
    [Pii(PiiKind.FirstName)] public string FirstName { get; init; } = "";
    [Pii(PiiKind.LastName)] public string LastName { get; init; } = "";
    [Pii(PiiKind.FullName)] public string FullName { get; init; } = "";
    [Pii(PiiKind.Email)] public string Email { get; init; } = "";
    [Pii(PiiKind.Phone)] public string Phone { get; init; } = "";
    [Pii(PiiKind.StreetAddress)] public string Street { get; init; } = "";
    [Pii(PiiKind.City)] public string City { get; init; } = "";
    [Pii(PiiKind.State)] public string State { get; init; } = "";
    [Pii(PiiKind.PostalCode)] public string PostalCode { get; init; } = "";
    [Pii(PiiKind.Country)] public string Country { get; init; } = "";
    [Fake(FakeKind.Company)] public string Employer { get; init; } = "";
}

/// <summary>A country with no address beside it: any country, not the locale's own.</summary>
[SyntheticSchema]
[Provenance(Source = "synthetic", Purpose = "locale tests")]
public sealed class Traveller
{
    [Pii(PiiKind.FirstName)] public string FirstName { get; init; } = "";
    [Pii(PiiKind.Country)] public string CountryOfBirth { get; init; } = "";
}
