using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using SynthKit.CodeAnalysis;

namespace SynthKit.Analyzers;

public sealed partial class SchemaAnalyzer
{
    /// <summary>Diagnostic property: the <c>PiiKind</c> member the SK1001 fix writes.</summary>
    internal const string PiiKindProperty = "PiiKind";

    /// <summary>Diagnostic property: the category the SK1003 fix writes.</summary>
    internal const string CategoryProperty = "Category";

    /// <summary>
    /// SK1001–SK1004 over one schema's members. With <paramref name="location"/> set (a schema read from another
    /// assembly), everything is reported there instead of at the members.
    /// </summary>
    private static void AnalyzePrivacy(Action<Diagnostic> report, List<MemberInfo> members, Location? location)
    {
        var families = new List<(MemberInfo Member, string Family)>();
        var flagged = new HashSet<MemberInfo>();
        foreach (var member in members)
        {
            var reader = member.Reader;
            var at = location ?? member.Location;
            if (at is null)
            {
                continue;
            }

            bool stated = reader.PiiAttribute is not null || reader.IsDeclaredNotPii;
            if (reader.PiiAttribute is not null && reader.LearnedAttribute is not null)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.PersonalDataLearned, location ?? reader.LearnedAttribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? at, member.Name));
            }

            // A postal code or birth date marked [QuasiIdentifier] has its privacy stated too.
            if (!stated && PersonalKind(member) is { } kind && !(reader.IsQuasiIdentifier && kind.Kind is "PostalCode" or "DateOfBirth" or "City"))
            {
                flagged.Add(member);
                report(Diagnostic.Create(
                    DiagnosticDescriptors.UnmarkedPersonalData,
                    at,
                    ImmutableDictionary<string, string?>.Empty.Add(PiiKindProperty, kind.Kind),
                    member.Name,
                    kind.Reason));
            }

            if (!reader.IsSensitive && !reader.IsDeclaredNotPii && IsScalar(member) && member.Meaning.SensitiveCategory is { } category)
            {
                report(Diagnostic.Create(
                    DiagnosticDescriptors.UnmarkedSensitiveAttribute,
                    at,
                    ImmutableDictionary<string, string?>.Empty.Add(CategoryProperty, category),
                    member.Name,
                    category));
            }

            if (QuasiFamily(member) is { } family)
            {
                families.Add((member, family));
            }
        }

        // Postal code, birth date and sex: any two of the three families make a re-identifying combination.
        if (families.Select(f => f.Family).Distinct().Count() < 2)
        {
            return;
        }

        foreach (var (member, family) in families)
        {
            var reader = member.Reader;
            var at = location ?? member.Location;
            // A member already reported as unmarked personal data gets one diagnostic, not two: either fix settles both.
            if (at is null || reader.IsQuasiIdentifier || reader.PiiAttribute is not null || reader.IsDeclaredNotPii || flagged.Contains(member))
            {
                continue;
            }

            string others = string.Join(" and ", families.Where(f => f.Family != family).Select(f => f.Member.Name).Distinct());
            report(Diagnostic.Create(DiagnosticDescriptors.UnmarkedQuasiIdentifier, at, member.Name, family, others));
        }
    }

    /// <summary>The personal-data kind a member's name, type or DataAnnotations imply, gated by what its type can hold.</summary>
    private static (string Kind, string Reason)? PersonalKind(MemberInfo member)
    {
        switch (member.Reader.FormatAnnotation)
        {
            case "EmailAddress":
                return ("Email", "it carries [EmailAddress]");
            case "Phone":
                return ("Phone", "it carries [Phone]");
            case "CreditCard":
                return ("CreditCardNumber", "it carries [CreditCard]");
        }

        switch (ValueShape.FullName(member.Type).TrimEnd('?'))
        {
            case "global::System.Net.IPAddress":
                return ("IpAddress", "it is an IP address");
            case "global::System.Net.Mail.MailAddress":
                return ("Email", "it is a mail address");
            case "global::System.Net.NetworkInformation.PhysicalAddress":
                return ("MacAddress", "it is a MAC address");
        }

        if (member.Meaning.PersonalKind is not { } kind || !TypeCanHold(member, kind))
        {
            return null;
        }

        return (kind, "its name says " + Describe(kind));
    }

    private static bool TypeCanHold(MemberInfo member, string kind)
    {
        var k = member.Shape.Kind;
        if (member.Shape.UnsupportedReason is not null || k is ValueKind.Nested or ValueKind.Collection)
        {
            return false;
        }

        bool text = k is ValueKind.String;
        bool integral = k is >= ValueKind.SByte and <= ValueKind.UInt64;
        return kind switch
        {
            "DateOfBirth" => text || k is ValueKind.DateTime or ValueKind.DateOnly or ValueKind.DateTimeOffset,
            "Latitude" or "Longitude" => text || k is ValueKind.Double or ValueKind.Single or ValueKind.Decimal,
            "DeviceId" => text || k is ValueKind.Guid,
            "Phone" or "NationalId" or "CreditCardNumber" or "AccountNumber" or "PostalCode" or "MedicalRecordNumber" => text || integral,
            _ => text,
        };
    }

    private static string? QuasiFamily(MemberInfo member)
    {
        if (member.Meaning.QuasiFamily is not { } family || member.Shape.UnsupportedReason is not null)
        {
            return null;
        }

        var k = member.Shape.Kind;
        bool fits = family switch
        {
            "sex" => k is ValueKind.String or ValueKind.Enum or ValueKind.Char or ValueKind.Boolean,
            "postal code" => k is ValueKind.String || k is >= ValueKind.SByte and <= ValueKind.UInt64,
            _ => k is ValueKind.String or ValueKind.DateTime or ValueKind.DateOnly or ValueKind.DateTimeOffset || k is >= ValueKind.SByte and <= ValueKind.UInt64,
        };
        return fits ? family : null;
    }

    private static bool IsScalar(MemberInfo member) =>
        member.Shape.UnsupportedReason is null && member.Shape.Kind is not (ValueKind.Nested or ValueKind.Collection);

    private static string Describe(string kind) => kind switch
    {
        "Email" => "e-mail address",
        "Phone" => "phone number",
        "FirstName" => "first name",
        "LastName" => "last name",
        "FullName" => "name",
        "StreetAddress" => "street address",
        "PostalCode" => "postal code",
        "DateOfBirth" => "date of birth",
        "NationalId" => "national identifier",
        "PassportNumber" => "passport number",
        "DriversLicense" => "driver's licence",
        "CreditCardNumber" => "payment card number",
        "Iban" => "IBAN",
        "AccountNumber" => "account number",
        "IpAddress" => "IP address",
        "MacAddress" => "MAC address",
        "DeviceId" => "device identifier",
        "Username" => "user name",
        "MedicalRecordNumber" => "medical record number",
        "Latitude" => "latitude",
        "Longitude" => "longitude",
        "City" => "city",
        _ => kind,
    };
}
