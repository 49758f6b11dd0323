using System;
using System.Collections.Generic;
using System.Globalization;

namespace SynthKit;

/// <summary>Checks that a spec can be synthesized and read: names, rules that fit their types, parameters, sources.</summary>
internal static class SpecValidator
{
    /// <summary>The longest generated text (as the generator's bound): beyond it one value would exhaust memory.</summary>
    public const int MaxTextLength = 1_000_000;

    public static void Validate(TableSpec spec, string? path)
    {
        void Fail(string where, string message) =>
            throw new SynthKitException(ErrorCodes.InvalidSpec, $"{where}: {message}", path);

        if (spec.SpecVersion != TableSpec.CurrentVersion)
        {
            Fail("specVersion", $"version {spec.SpecVersion} is not supported; this SynthKit reads version {TableSpec.CurrentVersion}");
        }

        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            Fail("name", "the table needs a name");
        }

        if (spec.Columns is null || spec.Columns.Count == 0)
        {
            Fail("columns", "the table needs at least one column");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < spec.Columns!.Count; i++)
        {
            var c = spec.Columns[i];
            string at = $"columns[{i}]";
            if (c is null || string.IsNullOrEmpty(c.Name))
            {
                Fail(at, "a column needs a name");
            }

            at += $" ('{c!.Name}')";
            if (!names.Add(c.Name))
            {
                Fail(at, "the name is used by another column");
            }

            if (!Enum.IsDefined(c.Type))
            {
                Fail(at + ".type", "unknown storage type");
            }

            if (!Enum.IsDefined(c.Kind))
            {
                Fail(at + ".kind", "unknown statistical kind");
            }

            var m = c.Modifiers;
            if (m is not null)
            {
                if (!(m.NullRate >= 0 && m.NullRate <= 1))
                {
                    Fail(at + ".modifiers.nullRate", "must be within [0, 1]");
                }

                if (m.NullRate > 0 && !c.Nullable)
                {
                    Fail(at + ".modifiers.nullRate", "a column with a null rate must be nullable");
                }

                if ((m.ClampMin is null) != (m.ClampMax is null) || m.ClampMin > m.ClampMax || double.IsNaN(m.ClampMin ?? 0) || double.IsNaN(m.ClampMax ?? 0))
                {
                    Fail(at + ".modifiers", "clampMin and clampMax go together, with clampMin ≤ clampMax");
                }

                if (m.MinLength is < 0 or > MaxTextLength || m.MaxLength < 0 || m.MinLength > m.MaxLength)
                {
                    Fail(at + ".modifiers", $"minLength and maxLength need 0 ≤ minLength ≤ maxLength, minLength ≤ {MaxTextLength:N0}");
                }

                if (m.Round is < 0 or > 15)
                {
                    Fail(at + ".modifiers.round", "digits must be within 0 … 15");
                }
            }

            if (c.Type == StorageType.Enum && (c.Categories is null || c.Categories.Count == 0))
            {
                Fail(at + ".categories", "an enum column lists its members");
            }

            ValidateRule(spec, c, at + ".rule", Fail);
        }

        foreach (var o in spec.Objects ?? Array.Empty<ObjectSpec>())
        {
            if (o is null || string.IsNullOrEmpty(o.Path) || string.IsNullOrEmpty(o.Key) || !(o.NullRate >= 0 && o.NullRate <= 1))
            {
                Fail("objects", "each object needs a path, a key and a null rate within [0, 1]");
            }
        }

        if (spec.PrimaryKey is not null && spec.FindColumn(spec.PrimaryKey) is null)
        {
            Fail("primaryKey", $"'{spec.PrimaryKey}' is not a column");
        }
    }

    private static void ValidateRule(TableSpec spec, ColumnSpec c, string at, Action<string, string> fail)
    {
        var r = c.Rule ?? throw new SynthKitException(ErrorCodes.InvalidSpec, at + ": missing");
        bool numeric = c.Type is >= StorageType.Int8 and <= StorageType.Decimal or StorageType.Duration;
        bool date = c.Type is StorageType.Date or StorageType.DateTime or StorageType.DateTimeOffset;
        void Need(bool ok, string what)
        {
            if (!ok)
            {
                fail(at, what);
            }
        }

        static bool Finite(double? v) => v is { } x && double.IsFinite(x);
        static bool Positive(double? v) => v is { } x && x > 0 && double.IsFinite(x);
        switch (r.Kind)
        {
            case RuleKind.Default:
                break;
            case RuleKind.Normal:
                Need(numeric, "normal draws numbers");
                Need(Finite(r.Mean) && Positive(r.Sd), "normal needs a finite mean and a positive sd");
                break;
            case RuleKind.LogNormal:
                Need(numeric, "logNormal draws numbers");
                Need(Finite(r.Mu) && Positive(r.Sigma), "logNormal needs a finite mu and a positive sigma");
                break;
            case RuleKind.Uniform:
                Need(numeric, "uniform draws numbers");
                Need(Finite(r.Min) && Finite(r.Max) && r.Min <= r.Max, "uniform needs finite min ≤ max");
                break;
            case RuleKind.Exponential:
                Need(numeric, "exponential draws numbers");
                Need(Positive(r.Rate), "exponential needs a positive rate");
                break;
            case RuleKind.Poisson:
                Need(numeric, "poisson draws numbers");
                Need(Positive(r.Lambda), "poisson needs a positive lambda");
                break;
            case RuleKind.Zipf:
                Need(numeric, "zipf draws numbers");
                Need(Positive(r.S) && r.N is > 0, "zipf needs a positive s and n ≥ 1");
                break;
            case RuleKind.Gamma:
                Need(numeric, "gamma draws numbers");
                Need(Positive(r.Shape) && Positive(r.Rate), "gamma needs a positive shape and rate");
                break;
            case RuleKind.Beta:
                Need(numeric, "beta draws numbers");
                Need(Positive(r.Alpha) && Positive(r.Beta), "beta needs a positive alpha and beta");
                break;
            case RuleKind.Triangular:
                Need(numeric, "triangular draws numbers");
                Need(Finite(r.Min) && Finite(r.Mode) && Finite(r.Max) && r.Min <= r.Mode && r.Mode <= r.Max && r.Min < r.Max, "triangular needs min ≤ mode ≤ max, min < max");
                break;
            case RuleKind.Bernoulli:
                Need(c.Type == StorageType.Boolean, "bernoulli draws booleans");
                Need(r.P is >= 0 and <= 1, "bernoulli needs p within [0, 1]");
                break;
            case RuleKind.Categorical:
                Need(r.Values is { Count: > 0 }, "categorical needs values");
                Need(r.Weights is null || r.Weights.Count == 0 || (r.Weights.Count == r.Values!.Count && SumPositive(r.Weights)), "categorical needs one finite, non-negative weight per value, summing to a positive number");
                Need(c.Type is not (StorageType.Date or StorageType.DateTime or StorageType.DateTimeOffset or StorageType.Time or StorageType.Duration or StorageType.Guid), $"categorical values cannot be of type {c.Type}");
                foreach (var v in r.Values!)
                {
                    Need(v is not null || (c.Type == StorageType.String && c.Nullable), "null is a categorical value only of a nullable string column");
                    Need(v is null || Parses(c.Type, v), $"'{v}' is not a value of type {c.Type}");
                }

                break;
            case RuleKind.DateRange:
                Need(date, "dateRange draws dates and timestamps");
                Need(TryDate(r.From, out long from) && TryDate(r.To, out long to) && (c.Type == StorageType.Date ? from <= to : from < to), "dateRange needs ISO 8601 from and to, from before to");
                break;
            case RuleKind.Pattern:
                Need(c.Type == StorageType.String && !string.IsNullOrEmpty(r.Pattern), "pattern needs a string column and a pattern");
                Need(!r.Pattern!.EndsWith('\\') || r.Pattern.EndsWith("\\\\", StringComparison.Ordinal), "the pattern ends with a lone '\\'");
                break;
            case RuleKind.Fake:
                Need(r.Fake is not null && FakeFunctions.IsKnown(r.Fake), $"'{r.Fake}' is not a PiiKind or FakeKind");
                Need(FakeFunctions.Number(r.Fake!) is not null ? c.Type is StorageType.Float64 or StorageType.Float32 or StorageType.Decimal
                    : FakeFunctions.IsDate(r.Fake!) ? date : c.Type == StorageType.String || (c.Type == StorageType.Guid && r.Fake == "DeviceId"), $"fake {r.Fake} does not fit type {c.Type}");
                if (r.FirstName is not null || r.LastName is not null)
                {
                    Need(FakeFunctions.IsDerivable(r.Fake!), "only Email, Username and FullName derive from the row's names");
                    Need(r.FirstName is null || spec.FindColumn(r.FirstName) is { Type: StorageType.String, Rule.FirstName: null, Rule.LastName: null }, $"firstName '{r.FirstName}' is not a plain string column");
                    Need(r.LastName is null || spec.FindColumn(r.LastName) is { Type: StorageType.String, Rule.FirstName: null, Rule.LastName: null }, $"lastName '{r.LastName}' is not a plain string column");
                }

                break;
            default:
                fail(at + ".kind", "unknown rule");
                break;
        }
    }

    private static bool SumPositive(IReadOnlyList<double> weights)
    {
        double sum = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w))
            {
                return false;
            }

            sum += w;
        }

        return sum > 0;
    }

    private static bool Parses(StorageType type, string v)
    {
        var inv = CultureInfo.InvariantCulture;
        return type switch
        {
            StorageType.Boolean => bool.TryParse(v, out _),
            StorageType.Char => v.Length == 1,
            StorageType.Int8 => sbyte.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.UInt8 => byte.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.Int16 => short.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.UInt16 => ushort.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.Int32 => int.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.UInt32 => uint.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.Int64 => long.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.UInt64 => ulong.TryParse(v, NumberStyles.Integer, inv, out _),
            StorageType.Float32 => float.TryParse(v, NumberStyles.Float, inv, out _),
            StorageType.Float64 => double.TryParse(v, NumberStyles.Float, inv, out _),
            StorageType.Decimal => decimal.TryParse(v, NumberStyles.Float, inv, out _),
            _ => true,
        };
    }

    internal static bool TryDate(string? text, out long seconds)
    {
        seconds = 0;
        if (text is null || !DateTime.TryParseExact(text, new[] { "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss" }, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return false;
        }

        seconds = value.Ticks / TimeSpan.TicksPerSecond;
        return true;
    }
}
