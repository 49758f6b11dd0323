using System;

namespace SynthKit;

/// <summary>The kind of personal data a member holds. The kind is also the member's generation rule.</summary>
/// <remarks>Values are fixed numbers: compiled models store them, so they never change meaning.</remarks>
public enum PiiKind
{
    /// <summary>A given name, from Bogus's locale data.</summary>
    FirstName = 1,
    /// <summary>A family name, from Bogus's locale data.</summary>
    LastName = 2,
    /// <summary>A full name; the same row's first and last name where the schema has them.</summary>
    FullName = 3,
    /// <summary>An e-mail address, derived from the same row's first and last name where the schema has them.</summary>
    Email = 4,
    /// <summary>A telephone number in one of the locale's formats.</summary>
    Phone = 5,
    /// <summary>A street address: building number and street name.</summary>
    StreetAddress = 6,
    /// <summary>A city name.</summary>
    City = 7,
    /// <summary>A state or region name.</summary>
    State = 8,
    /// <summary>A postal (ZIP) code in one of the locale's formats.</summary>
    PostalCode = 9,
    /// <summary>A country name.</summary>
    Country = 10,
    /// <summary>A date of birth (on <c>DateOnly</c>, <c>DateTime</c> or <c>DateTimeOffset</c> members): an adult's, 18 to 90 years before 2025-01-01.</summary>
    DateOfBirth = 11,
    /// <summary>A national identifier in the shape of a US social security number (<c>###-##-####</c>).</summary>
    NationalId = 12,
    /// <summary>A passport number (two letters, seven digits).</summary>
    PassportNumber = 13,
    /// <summary>A driver's licence number (a letter and seven digits).</summary>
    DriversLicense = 14,
    /// <summary>A payment card number that passes the Luhn check.</summary>
    CreditCardNumber = 15,
    /// <summary>An IBAN with valid check digits.</summary>
    Iban = 16,
    /// <summary>A bank account number (ten digits).</summary>
    AccountNumber = 17,
    /// <summary>An IPv4 address.</summary>
    IpAddress = 18,
    /// <summary>A MAC address.</summary>
    MacAddress = 19,
    /// <summary>A device identifier (a GUID, as text on string members).</summary>
    DeviceId = 20,
    /// <summary>A user name, derived from the same row's first and last name where the schema has them.</summary>
    Username = 21,
    /// <summary>A medical record number (<c>MRN-########</c>).</summary>
    MedicalRecordNumber = 22,
    /// <summary>A precise latitude in degrees (on floating-point or decimal members).</summary>
    Latitude = 23,
    /// <summary>A precise longitude in degrees (on floating-point or decimal members).</summary>
    Longitude = 24,
}

/// <summary>
/// Marks a member as personal data. The member is always produced by a fake-value generator of the given
/// <see cref="Kind"/> (unless another generation attribute such as <see cref="PatternAttribute"/> says how), and
/// a fitted model never learns or replays its real values.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class PiiAttribute : Attribute
{
    /// <summary>Marks the member as personal data of the given kind.</summary>
    /// <param name="kind">What the member holds; also how its fake values are made.</param>
    public PiiAttribute(PiiKind kind) => Kind = kind;

    /// <summary>What the member holds; also how its fake values are made.</summary>
    public PiiKind Kind { get; }
}

/// <summary>
/// States that a member whose name looks like personal data is not personal data, so that privacy analysis
/// treats it as such on purpose rather than by omission.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class NotPiiAttribute : Attribute
{
    /// <summary>Why the member is not personal data (optional, for reviewers).</summary>
    public string? Justification { get; set; }
}

/// <summary>
/// Marks a member as a quasi-identifier: not identifying on its own, but identifying in combination with others
/// (postal code, birth date and sex together identify most people).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class QuasiIdentifierAttribute : Attribute
{
}

/// <summary>
/// Marks a member as a sensitive attribute (health, religion, ethnicity, sexual orientation, income, political
/// opinion, biometrics …): disclosure harms the person even without identifying them.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class SensitiveAttribute : Attribute
{
    /// <summary>The category of sensitive data, such as <c>"health"</c> (optional).</summary>
    public string? Category { get; set; }
}

/// <summary>
/// Records where a schema's data comes from and what it is for. Put it on a schema class, on a synthesizer class
/// or on the assembly; SynthKit copies it into the manifest of every file it writes.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Assembly, Inherited = false, AllowMultiple = false)]
public sealed class ProvenanceAttribute : Attribute
{
    /// <summary>Where the data (or the knowledge behind its rules) comes from.</summary>
    public string? Source { get; set; }

    /// <summary>What the synthetic data is for.</summary>
    public string? Purpose { get; set; }

    /// <summary>Who is responsible for the schema.</summary>
    public string? Owner { get; set; }

    /// <summary>The licence under which the data may be used.</summary>
    public string? License { get; set; }
}

/// <summary>
/// Marks a member whose distribution is learned from real data when a model is fitted (SynthKit.Modeling), rather than
/// taken from its generation rule. Never valid on personal data: a <c>[Pii]</c> member is always faked
/// (<c>SK1004</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class LearnedAttribute : Attribute
{
}
