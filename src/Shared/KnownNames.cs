namespace SynthKit.CodeAnalysis;

/// <summary>Fully qualified metadata names the generator matches; it never references the attributes' assembly.</summary>
internal static class KnownNames
{
    public const string SyntheticSchema = "SynthKit.SyntheticSchemaAttribute";
    public const string Synthesizer = "SynthKit.SynthesizerAttribute";
    public const string SynthIgnore = "SynthKit.SynthIgnoreAttribute";
    public const string Pii = "SynthKit.PiiAttribute";
    public const string NotPii = "SynthKit.NotPiiAttribute";
    public const string QuasiIdentifier = "SynthKit.QuasiIdentifierAttribute";
    public const string Sensitive = "SynthKit.SensitiveAttribute";
    public const string Provenance = "SynthKit.ProvenanceAttribute";
    public const string Constraint = "SynthKit.ConstraintAttribute";
    public const string GenerationBase = "SynthKit.GenerationAttribute";
    public const string Normal = "SynthKit.NormalAttribute";
    public const string LogNormal = "SynthKit.LogNormalAttribute";
    public const string Uniform = "SynthKit.UniformAttribute";
    public const string Exponential = "SynthKit.ExponentialAttribute";
    public const string Poisson = "SynthKit.PoissonAttribute";
    public const string Zipf = "SynthKit.ZipfAttribute";
    public const string Gamma = "SynthKit.GammaAttribute";
    public const string Beta = "SynthKit.BetaAttribute";
    public const string Triangular = "SynthKit.TriangularAttribute";
    public const string Categorical = "SynthKit.CategoricalAttribute";
    public const string Probability = "SynthKit.ProbabilityAttribute";
    public const string DateRange = "SynthKit.DateRangeAttribute";
    public const string Pattern = "SynthKit.PatternAttribute";
    public const string Fake = "SynthKit.FakeAttribute";
    public const string Clamp = "SynthKit.ClampAttribute";
    public const string Round = "SynthKit.RoundAttribute";
    public const string NullRate = "SynthKit.NullRateAttribute";
    public const string Unique = "SynthKit.UniqueAttribute";
    public const string Count = "SynthKit.CountAttribute";
    public const string Learned = "SynthKit.LearnedAttribute";
    public const string Sequence = "SynthKit.SequenceAttribute";
    public const string After = "SynthKit.AfterAttribute";
    public const string Derived = "SynthKit.DerivedAttribute";
    public const string Children = "SynthKit.ChildrenAttribute";
    public const string References = "SynthKit.ReferencesAttribute";
    public const string OnlyWhen = "SynthKit.OnlyWhenAttribute";

    public const string Range = "System.ComponentModel.DataAnnotations.RangeAttribute";
    public const string StringLength = "System.ComponentModel.DataAnnotations.StringLengthAttribute";
    public const string MinLength = "System.ComponentModel.DataAnnotations.MinLengthAttribute";
    public const string MaxLength = "System.ComponentModel.DataAnnotations.MaxLengthAttribute";
    public const string EmailAddress = "System.ComponentModel.DataAnnotations.EmailAddressAttribute";
    public const string Phone = "System.ComponentModel.DataAnnotations.PhoneAttribute";
    public const string Url = "System.ComponentModel.DataAnnotations.UrlAttribute";
    public const string CreditCard = "System.ComponentModel.DataAnnotations.CreditCardAttribute";
    public const string Required = "System.ComponentModel.DataAnnotations.RequiredAttribute";
    public const string Key = "System.ComponentModel.DataAnnotations.KeyAttribute";
}

/// <summary>The numbers of SynthKit's <c>PiiKind</c> members (fixed in the attributes assembly).</summary>
internal static class PiiKinds
{
    public const int FirstName = 1;
    public const int LastName = 2;
    public const int FullName = 3;
    public const int Email = 4;
    public const int Phone = 5;
    public const int StreetAddress = 6;
    public const int City = 7;
    public const int State = 8;
    public const int PostalCode = 9;
    public const int Country = 10;
    public const int DateOfBirth = 11;
    public const int NationalId = 12;
    public const int PassportNumber = 13;
    public const int DriversLicense = 14;
    public const int CreditCardNumber = 15;
    public const int Iban = 16;
    public const int AccountNumber = 17;
    public const int IpAddress = 18;
    public const int MacAddress = 19;
    public const int DeviceId = 20;
    public const int Username = 21;
    public const int MedicalRecordNumber = 22;
    public const int Latitude = 23;
    public const int Longitude = 24;

    private static readonly string[] s_names =
    {
        string.Empty, "FirstName", "LastName", "FullName", "Email", "Phone", "StreetAddress", "City", "State", "PostalCode",
        "Country", "DateOfBirth", "NationalId", "PassportNumber", "DriversLicense", "CreditCardNumber", "Iban",
        "AccountNumber", "IpAddress", "MacAddress", "DeviceId", "Username", "MedicalRecordNumber", "Latitude", "Longitude",
    };

    public static string? Name(int kind) => kind > 0 && kind < s_names.Length ? s_names[kind] : null;
}

/// <summary>The numbers of SynthKit's <c>FakeKind</c> members (fixed in the attributes assembly).</summary>
internal static class FakeKinds
{
    private static readonly string[] s_names =
    {
        string.Empty, "Company", "CatchPhrase", "JobTitle", "ProductName", "Department", "Color", "Word", "Words",
        "Sentence", "Paragraph", "Url", "DomainName", "CurrencyCode", "Country", "CountryCode", "City", "State",
    };

    public const int Url = 11;

    public static string? Name(int kind) => kind > 0 && kind < s_names.Length ? s_names[kind] : null;

    /// <summary>Fake kinds whose values come from a short fixed list, so the column is categorical.</summary>
    public static bool IsCategorical(int kind) => Name(kind) is "Department" or "Color" or "CurrencyCode" or "Country" or "CountryCode" or "State";
}
