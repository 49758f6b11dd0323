using SynthKit.CodeAnalysis;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SynthKit.Generators.Parsing;

namespace SynthKit.Generators.Model;

/// <summary>
/// Readable statements of members' rules (for <c>ColumnDescription.Rule</c>) and the schema fingerprint, which hashes
/// the same statements: a fingerprint changes exactly when something that shapes the values changes.
/// </summary>
internal static class RuleText
{
    public static string Describe(MemberModel member, IReadOnlyDictionary<string, EnumModel> enums)
    {
        if (member.ElementKind is not null)
        {
            // A list of values: its elements' rule, then the count.
            var m0 = member.Modifiers;
            return "list of " + member.TypeName.Replace("global::", string.Empty) + ", each " + Describe(member.Element, enums) + " | count " + I(m0.CountMin) + ".." + I(m0.CountMax)
                + (member.Modifiers.NullRate > 0 ? " | null " + F(member.Modifiers.NullRate) : string.Empty);
        }

        var text = new StringBuilder(DescribeRule(member, enums));
        var m = member.Modifiers;
        if (m.RoundDigits >= 0)
        {
            text.Append(" | round(").Append(I(m.RoundDigits)).Append(')');
        }
        else if (IsIntegralTarget(member.Kind) && ProducesReal(member.Rule.Kind))
        {
            text.Append(" | round");
        }

        if (m.HasClamp)
        {
            text.Append(" | clamp(").Append(F(m.ClampMin)).Append(", ").Append(F(m.ClampMax)).Append(')');
        }

        if (member.Kind == ValueKind.String && (m.MinLength >= 0 || m.MaxLength >= 0))
        {
            text.Append(" | length ").Append(I(Math.Max(0, m.MinLength))).Append("..").Append(m.MaxLength >= 0 ? m.MaxLength.ToString(CultureInfo.InvariantCulture) : "*");
        }

        if (member.Kind == ValueKind.Collection)
        {
            text.Append(" | count ").Append(I(m.CountMin)).Append("..").Append(I(m.CountMax));
        }

        if (m.NullRate > 0)
        {
            text.Append(" | null ").Append(F(m.NullRate));
        }

        if (m.Unique)
        {
            text.Append(" | unique");
        }

        if (m.WhenSource is { } when)
        {
            text.Append(" | only when ").Append(when).Append(" in {").Append(string.Join(", ", m.WhenValues)).Append('}');
        }

        return text.ToString();
    }

    /// <summary>
    /// The fake a personal-data member draws: its <c>PiiKind</c>, except that an e-mail member whose name says work
    /// (<c>WorkEmail</c>, <c>BusinessEmail</c>, <c>CompanyEmail</c>, <c>OfficeEmail</c>, <c>CorporateEmail</c>) gets a
    /// company domain (<c>WorkEmail</c>).
    /// </summary>
    public static string FakeName(MemberModel member)
    {
        if (member.Rule.Kind == RuleKind.Fake)
        {
            string fake = FakeKinds.Name(member.Rule.Code)!;
            return member.HomeCountry ? "Home" + fake : fake;
        }

        string name = PiiKinds.Name(member.Rule.Code)!;
        if (member.HomeCountry)
        {
            return "Home" + name;
        }

        if (member.Rule.Code != PiiKinds.Email)
        {
            return name;
        }

        foreach (var word in new[] { "work", "business", "company", "office", "corporate", "corp" })
        {
            if (member.Name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return "WorkEmail";
            }
        }

        return name;
    }

    public static bool IsIntegralTarget(ValueKind kind) => kind is >= ValueKind.SByte and <= ValueKind.UInt64 or ValueKind.TimeSpan;

    public static bool ProducesReal(RuleKind kind) => kind is RuleKind.Normal or RuleKind.LogNormal or RuleKind.Exponential or RuleKind.Gamma or RuleKind.Beta or RuleKind.Triangular;

    private static string DescribeRule(MemberModel member, IReadOnlyDictionary<string, EnumModel> enums)
    {
        var rule = member.Rule;
        var n = rule.Numbers;
        switch (rule.Kind)
        {
            case RuleKind.Default:
                return "default: " + DescribeDefault(member, enums);
            case RuleKind.PiiFake:
                string source = member.FirstNameSource is null && member.LastNameSource is null
                    ? string.Empty
                    : " of " + string.Join(" ", new[] { member.FirstNameSource, member.LastNameSource }.Where(s => s is not null));
                return "fake " + FakeName(member) + source + (member.SexSource is not null && member.FirstNameSource is null && rule.Code is PiiKinds.FirstName or PiiKinds.FullName ? " matching " + member.SexSource : string.Empty);
            case RuleKind.Sequence:
                return $"sequence {F(n[0])} + row × {F(n[1])}" + (rule.Text is null ? string.Empty : " as \"" + rule.Text + "\"");
            case RuleKind.Children:
                return $"children: the {rule.Values[1]} rows whose {rule.Values[2]} names this row ({(rule.Numbers[1] == 2 ? "fixed " + F(rule.Numbers[2]) : "Poisson(" + F(rule.Numbers[2]) + ")")} per parent, {F(rule.Numbers[0])} parents)";
            case RuleKind.Derived:
                return rule.Values[0] == "static" ? $"derived by {rule.Text}(row)" : $"derived by row.{rule.Text}()";
            case RuleKind.After:
                return $"{rule.Text} + Uniform({F(n[0])}, {F(n[1])}) {(member.Kind is ValueKind.DateOnly ? "days" : member.Kind is ValueKind.DateTime or ValueKind.DateTimeOffset ? "seconds" : "units")}";
            case RuleKind.Reference:
                return $"reference {rule.Values[0]}.{rule.Values[1]} of {F(n[0])} rows ({F(n[1])} + row × {F(n[2])}" + (rule.Text is null ? string.Empty : " as \"" + rule.Text + "\"")
                    + $"), {(n[3] switch { 2 => "fixed", 3 => "Poisson", 4 => "Zipf(s: " + F(n[5]) + ")", _ => "uniform" })} children, mean {F(n[4])}";
            case RuleKind.Fake:
                return "fake " + FakeName(member);
            case RuleKind.Normal:
                return $"Normal(mean: {F(n[0])}, sd: {F(n[1])})";
            case RuleKind.LogNormal:
                return $"LogNormal(mu: {F(n[0])}, sigma: {F(n[1])})";
            case RuleKind.Uniform:
                return $"Uniform({F(n[0])}, {F(n[1])})";
            case RuleKind.Exponential:
                return $"Exponential(rate: {F(n[0])})";
            case RuleKind.Poisson:
                return $"Poisson(lambda: {F(n[0])})";
            case RuleKind.Zipf:
                return $"Zipf(s: {F(n[0])}, n: {F(n[1])})";
            case RuleKind.Gamma:
                return $"Gamma(shape: {F(n[0])}, rate: {F(n[1])})";
            case RuleKind.Beta:
                return $"Beta(alpha: {F(n[0])}, beta: {F(n[1])})";
            case RuleKind.Triangular:
                return $"Triangular({F(n[0])}, {F(n[1])}, {F(n[2])})";
            case RuleKind.Probability:
                return $"Bernoulli(p: {F(n[0])})";
            case RuleKind.DateRange:
                return member.Kind == ValueKind.DateOnly
                    ? "dates [" + Day(n[0]) + ", " + Day(n[1]) + "]"
                    : "timestamps [" + Stamp(n[0]) + ", " + Stamp(n[1]) + ")";
            case RuleKind.Pattern:
                return "Pattern(\"" + rule.Text + "\")";
            case RuleKind.Categorical:
                return rule.Numbers.Count == 0
                    ? "Categorical(" + string.Join(", ", rule.Labels) + ")"
                    : "Categorical(" + string.Join(", ", rule.Labels.Select((l, i) => l + ": " + F(rule.Numbers[i]))) + ")";
            default:
                return rule.Kind.ToString();
        }
    }

    private static string DescribeDefault(MemberModel member, IReadOnlyDictionary<string, EnumModel> enums)
    {
        switch (member.Kind)
        {
            case ValueKind.Boolean:
                return "Bernoulli(p: 0.5)";
            case ValueKind.Char:
                return "letters a..z";
            case ValueKind.String:
                return member.Modifiers.MinLength >= 0 || member.Modifiers.MaxLength >= 0 ? "lorem text" : "lorem word";
            case ValueKind.Single or ValueKind.Double:
                return $"Uniform(0, {F(Defaults.RealMax)})";
            case ValueKind.Decimal:
                return "Uniform(0, " + F(Defaults.RealMax) + ") | round(" + I(Defaults.DecimalDigits) + ")";
            case ValueKind.DateTime or ValueKind.DateTimeOffset:
                return "timestamps [" + Stamp(Defaults.DateTimeMinSeconds) + ", " + Stamp(Defaults.DateTimeMaxSeconds) + ")";
            case ValueKind.DateOnly:
                return "dates [" + Day(Defaults.DateOnlyMinDay * (double)Defaults.SecondsPerDay) + ", " + Day(Defaults.DateOnlyMaxDay * (double)Defaults.SecondsPerDay) + "]";
            case ValueKind.TimeOnly:
                return "whole seconds of the day";
            case ValueKind.TimeSpan:
                return "whole seconds 0..86399";
            case ValueKind.Guid:
                return "random GUID (v4)";
            case ValueKind.Enum:
                return "uniform over {" + string.Join(", ", enums.TryGetValue(member.TypeName, out var e) ? e.Names : EquatableArray<string>.Empty) + "}";
            case ValueKind.Nested:
                return "nested " + member.TypeName.Replace("global::", string.Empty);
            case ValueKind.Collection:
                return "list of " + member.TypeName.Replace("global::", string.Empty);
            default:
                if (member.Modifiers.Unique)
                {
                    return "permutation of 1.." + F(Math.Min(Numbers.MaxOf(member.Kind), 4.611686018427388E18));
                }

                return "Uniform(0, " + F(Math.Min(Defaults.IntegerMax, Numbers.MaxOf(member.Kind))) + ")";
        }
    }

    private static DateTime Date(double seconds) => new((long)seconds * TimeSpan.TicksPerSecond);

    // Always the Gregorian calendar and invariant digits: the compiler's culture must not reach rule text or fingerprints.
    private static string Day(double seconds) => Date(seconds).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(double seconds) => Date(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>The schema fingerprint: SHA-256 over the canonical statement of every type, member and rule.</summary>
internal static class Fingerprint
{
    public static string Compute(string schemaName, TypeModel root, EquatableArray<TypeModel> nested, IReadOnlyDictionary<string, EnumModel> enums)
    {
        var text = new StringBuilder();
        text.Append("synthkit-schema/").Append(Defaults.AlgorithmVersion).Append('\n');
        text.Append("schema ").Append(schemaName).Append('\n');
        foreach (var type in new[] { root }.Concat(nested.OrderBy(t => t.FullName, StringComparer.Ordinal)))
        {
            text.Append("type ").Append(type.FullName).Append(" as ").Append(type.SchemaName).Append('\n');
            foreach (var member in type.Members)
            {
                text.Append("  ").Append(member.Name).Append(": ").Append(member.TypeName).Append(member.IsNullable ? "?" : string.Empty)
                    .Append(" = ").Append(RuleText.Describe(member, enums)).Append('\n');
            }
        }

        return Hashing.Sha256Hex(text.ToString());
    }
}
