using System;

namespace SynthKit.Tests.Schemas;

/// <summary>One member per personal-data kind.</summary>
[SyntheticSchema]
public sealed class PersonalData
{
    [Pii(PiiKind.FirstName)] public string FirstName { get; set; } = "";
    [Pii(PiiKind.LastName)] public string LastName { get; set; } = "";
    [Pii(PiiKind.FullName)] public string FullName { get; set; } = "";
    [Pii(PiiKind.Email)] public string Email { get; set; } = "";
    [Pii(PiiKind.Phone)] public string Phone { get; set; } = "";
    [Pii(PiiKind.StreetAddress)] public string Street { get; set; } = "";
    [Pii(PiiKind.City)] public string City { get; set; } = "";
    [Pii(PiiKind.State)] public string State { get; set; } = "";
    [Pii(PiiKind.PostalCode)] public string PostalCode { get; set; } = "";
    [Pii(PiiKind.Country)] public string Country { get; set; } = "";
    [Pii(PiiKind.DateOfBirth)] public DateOnly BirthDate { get; set; }
    [Pii(PiiKind.DateOfBirth)] public DateTime BirthTimestamp { get; set; }
    [Pii(PiiKind.NationalId)] public string NationalId { get; set; } = "";
    [Pii(PiiKind.PassportNumber)] public string Passport { get; set; } = "";
    [Pii(PiiKind.DriversLicense)] public string DriversLicense { get; set; } = "";
    [Pii(PiiKind.CreditCardNumber)] public string Card { get; set; } = "";
    [Pii(PiiKind.Iban)] public string Iban { get; set; } = "";
    [Pii(PiiKind.AccountNumber)] public string Account { get; set; } = "";
    [Pii(PiiKind.IpAddress)] public string Ip { get; set; } = "";
    [Pii(PiiKind.MacAddress)] public string Mac { get; set; } = "";
    [Pii(PiiKind.DeviceId)] public string DeviceText { get; set; } = "";
    [Pii(PiiKind.DeviceId)] public Guid DeviceGuid { get; set; }
    [Pii(PiiKind.Username)] public string Username { get; set; } = "";
    [Pii(PiiKind.MedicalRecordNumber)] public string Mrn { get; set; } = "";
    [Pii(PiiKind.Latitude)] public double Latitude { get; set; }
    [Pii(PiiKind.Longitude)] public decimal Longitude { get; set; }
    [Pii(PiiKind.NationalId), Pattern("###-####")] public string Overridden { get; set; } = "";
}

/// <summary>One member per non-personal fake kind.</summary>
[SyntheticSchema]
public sealed class NonPersonalFakes
{
    [Fake(FakeKind.Company)] public string Company { get; set; } = "";
    [Fake(FakeKind.CatchPhrase)] public string CatchPhrase { get; set; } = "";
    [Fake(FakeKind.JobTitle)] public string JobTitle { get; set; } = "";
    [Fake(FakeKind.ProductName)] public string ProductName { get; set; } = "";
    [Fake(FakeKind.Department)] public string Department { get; set; } = "";
    [Fake(FakeKind.Color)] public string Color { get; set; } = "";
    [Fake(FakeKind.Word)] public string Word { get; set; } = "";
    [Fake(FakeKind.Words)] public string Words { get; set; } = "";
    [Fake(FakeKind.Sentence)] public string Sentence { get; set; } = "";
    [Fake(FakeKind.Paragraph)] public string Paragraph { get; set; } = "";
    [Fake(FakeKind.Url)] public string Url { get; set; } = "";
    [Fake(FakeKind.DomainName)] public string Domain { get; set; } = "";
    [Fake(FakeKind.CurrencyCode)] public string Currency { get; set; } = "";
    [Fake(FakeKind.Country)] public string Country { get; set; } = "";
    [Fake(FakeKind.CountryCode)] public string CountryCode { get; set; } = "";
    [Fake(FakeKind.City)] public string City { get; set; } = "";
    [Fake(FakeKind.State)] public string State { get; set; } = "";
}
